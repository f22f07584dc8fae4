import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import type { Member } from '../../server/auth/members';
import { createEdition } from './fixtures';

interface Person {
  member: Member;
  cookie: string;
}

/**
 * "Who does what" over HTTP, for a data set built the way members build it:
 * taking, leaving, handing off and learning tasks through the API.
 */
describe('who does what, from the work members did', () => {
  let server: TestServer;
  let ana: Person, ben: Person, cai: Person, dee: Person;
  let editionId: string;
  const call = (who: Person, method: string, path: string, body?: unknown) => api(server.url, method, path, { cookie: who.cookie, body });

  beforeAll(async () => {
    server = await startTestServer();
    ana = await memberWithCookie(server.db, server.url, { login: 'ana', displayName: 'Ana' });
    ben = await memberWithCookie(server.db, server.url, { login: 'ben', displayName: 'Ben' });
    cai = await memberWithCookie(server.db, server.url, { login: 'cai', displayName: 'Cai' });
    dee = await memberWithCookie(server.db, server.url, { login: 'dee', displayName: 'Dee' });
    editionId = createEdition(server.db, { pageCount: 8 });
  });
  afterAll(async () => {
    await server.close();
  });

  async function task(kind: string, page: number): Promise<string> {
    const res = await call(ana, 'POST', '/tasks', { kind, subject: { type: 'page', id: editionId, page } });
    return res.body.task.id as string;
  }

  it('counts holders, dates their last time, shows learners, flags rare kinds and suggests pairings', async () => {
    // Layout: Ana three times (finished), Ben once (holding now); Cai learns beside Ben.
    for (const page of [1, 2, 3]) {
      const id = await task('layout', page);
      await call(ana, 'POST', `/tasks/${id}/take`);
      await call(ana, 'PATCH', `/tasks/${id}`, { status: 'done' });
      await call(ana, 'POST', `/tasks/${id}/leave`);
    }
    const current = await task('layout', 4);
    await call(ben, 'POST', `/tasks/${current}/take`);
    await call(ben, 'POST', `/tasks/${current}/share`, { memberId: cai.member.id, role: 'learner' });
    // Proofreading: Dee took it and handed it off to Ben, who accepted.
    const proof = await task('proofread', 5);
    await call(dee, 'POST', `/tasks/${proof}/take`);
    const offered = await call(dee, 'POST', `/tasks/${proof}/handoff`, { memberId: ben.member.id });
    await call(ben, 'POST', `/task-offers/${offered.body.task.offers[0].id}/accept`);

    const res = await call(cai, 'GET', '/who-does-what');
    expect(res.status).toBe(200);
    const kind = (k: string) => res.body.kinds.find((x: { kind: string }) => x.kind === k);

    const anaLast = (
      server.db.prepare(
        `SELECT max(r.ended_at) AS at FROM task_roles r JOIN tasks t ON t.id = r.task_id WHERE t.kind = 'layout' AND r.member_id = ?`,
      ).get(ana.member.id) as { at: string }
    ).at;
    expect(kind('layout').holders).toEqual([
      { memberId: ana.member.id, displayName: 'Ana', count: 3, lastAt: anaLast, now: false },
      expect.objectContaining({ memberId: ben.member.id, displayName: 'Ben', count: 1, now: true }),
    ]);
    expect(kind('layout').learners).toEqual([expect.objectContaining({ memberId: cai.member.id, count: 1, now: true })]);
    expect(kind('layout').risk).toBe('few');
    // Cai is learning layout: first in line, paired with the one who has done it most.
    expect(kind('layout').suggestions[0]).toEqual({
      learner: { id: cai.member.id, displayName: 'Cai' },
      mentor: { id: ana.member.id, displayName: 'Ana' },
    });
    expect(kind('proofread').holders.map((h: { displayName: string; now: boolean }) => [h.displayName, h.now])).toEqual([
      ['Ben', true],
      ['Dee', false],
    ]);
    expect(kind('translate')).toMatchObject({ holders: [], risk: 'nobody', suggestions: [] });
  });
});
