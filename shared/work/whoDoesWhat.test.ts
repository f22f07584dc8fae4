import { describe, expect, it } from 'vitest';
import type { TaskKind } from './types';
import { whoDoesWhat, type RoleRecord } from './whoDoesWhat';

const members = [
  { id: 'ana', displayName: 'Ana' },
  { id: 'ben', displayName: 'Ben' },
  { id: 'cai', displayName: 'Cai' },
  { id: 'dee', displayName: 'Dee' },
  { id: 'eli', displayName: 'Eli' },
];
const NOW = '2026-05-01T12:00:00.000Z';

let n = 0;
function held(kind: TaskKind, memberId: string, startedAt: string, endedAt: string | null, taskId = `t${++n}`): RoleRecord {
  return { taskId, kind, memberId, role: 'holder', startedAt, endedAt };
}

describe('who does what', () => {
  // Layout: Ana three times (last in March), Ben once, still holding.
  // Write: everyone but Eli. Translate: only Cai. Eli is learning layout now.
  const records: RoleRecord[] = [
    held('layout', 'ana', '2026-01-02T10:00:00.000Z', '2026-01-10T10:00:00.000Z'),
    held('layout', 'ana', '2026-02-02T10:00:00.000Z', '2026-02-09T10:00:00.000Z'),
    held('layout', 'ana', '2026-03-01T10:00:00.000Z', '2026-03-05T10:00:00.000Z'),
    held('layout', 'ben', '2026-04-20T10:00:00.000Z', null),
    { taskId: 'lay-learn', kind: 'layout', memberId: 'eli', role: 'learner', startedAt: '2026-04-21T09:00:00.000Z', endedAt: null },
    held('write', 'ana', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
    held('write', 'ben', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
    held('write', 'cai', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
    held('write', 'dee', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
    // Cai held the same translation twice (left, came back): one task.
    held('translate', 'cai', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z', 'tr1'),
    held('translate', 'cai', '2026-02-03T00:00:00.000Z', '2026-02-04T00:00:00.000Z', 'tr1'),
    // Someone who has left the paper is not counted.
    held('proofread', 'gone', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
  ];
  const summary = whoDoesWhat(records, members, { now: NOW });
  const kind = (k: TaskKind) => summary.find((s) => s.kind === k)!;

  it('lists every kind, in the usual order', () => {
    expect(summary.map((s) => s.kind)).toEqual(['write', 'translate', 'edit', 'picture', 'layout', 'proofread', 'other']);
  });

  it('counts who held a kind, how often and how recently, most often first', () => {
    expect(kind('layout').holders).toEqual([
      { memberId: 'ana', displayName: 'Ana', count: 3, lastAt: '2026-03-05T10:00:00.000Z', now: false },
      { memberId: 'ben', displayName: 'Ben', count: 1, lastAt: NOW, now: true },
    ]);
    expect(kind('translate').holders).toEqual([
      { memberId: 'cai', displayName: 'Cai', count: 1, lastAt: '2026-02-04T00:00:00.000Z', now: false },
    ]);
  });

  it('shows who is learning a kind', () => {
    expect(kind('layout').learners).toEqual([{ memberId: 'eli', displayName: 'Eli', count: 1, lastAt: NOW, now: true }]);
  });

  it('points out kinds only one or two people have done, and kinds nobody has', () => {
    expect(kind('layout').risk).toBe('few');
    expect(kind('translate').risk).toBe('few');
    expect(kind('write').risk).toBeNull();
    expect(kind('edit').risk).toBe('nobody');
    expect(kind('proofread').risk).toBe('nobody');
  });

  it('suggests pairing someone who never did a kind with someone who often has, learners first', () => {
    expect(kind('layout').suggestions).toEqual([
      { learner: { id: 'eli', displayName: 'Eli' }, mentor: { id: 'ana', displayName: 'Ana' } },
      { learner: { id: 'cai', displayName: 'Cai' }, mentor: { id: 'ben', displayName: 'Ben' } },
    ]);
    expect(kind('translate').suggestions.map((p) => [p.learner.id, p.mentor.id])).toEqual([
      ['ana', 'cai'],
      ['ben', 'cai'],
    ]);
    expect(kind('write').suggestions).toEqual([
      { learner: { id: 'eli', displayName: 'Eli' }, mentor: { id: 'ana', displayName: 'Ana' } },
    ]);
    expect(kind('edit').suggestions).toEqual([]);
  });
});
