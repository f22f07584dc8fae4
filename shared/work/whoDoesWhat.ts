import { TASK_KINDS, type TaskKind, type TaskRole } from './types';

/**
 * "Who does what": for each kind of task, who has held it, how often and how
 * recently, who is learning it; which kinds rest on only one or two people;
 * and pairings that would spread a kind (someone who has never done it with
 * someone who often has). Pure: the server passes the role history
 * (task_roles) and the members; tests pass a data set they build.
 */
export interface RoleRecord {
  taskId: string;
  kind: TaskKind;
  memberId: string;
  role: TaskRole;
  startedAt: string;
  /** null while the person still holds (or learns) the task. */
  endedAt: string | null;
}

export interface MemberInfo {
  id: string;
  displayName: string;
}

export interface PersonCount {
  memberId: string;
  displayName: string;
  /** Distinct tasks of this kind. */
  count: number;
  /** Last moment they held (or learned) one: now if they still do. */
  lastAt: string;
  now: boolean;
}

export interface Pairing {
  learner: MemberInfo;
  mentor: MemberInfo;
}

export interface KindSummary {
  kind: TaskKind;
  holders: PersonCount[];
  learners: PersonCount[];
  /** 'nobody': never done; 'few': only one or two people have ever done it. */
  risk: 'nobody' | 'few' | null;
  suggestions: Pairing[];
}

export interface WhoDoesWhatOptions {
  /** ISO time that stands for "still holding". */
  now: string;
  suggestionsPerKind?: number;
}

export function whoDoesWhat(records: RoleRecord[], members: MemberInfo[], opts: WhoDoesWhatOptions): KindSummary[] {
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const perKind = new Map<TaskKind, RoleRecord[]>();
  for (const r of records) {
    if (!names.has(r.memberId)) continue; // a member no longer with the paper
    const list = perKind.get(r.kind) ?? [];
    list.push(r);
    perKind.set(r.kind, list);
  }
  return TASK_KINDS.map((kind) => {
    const list = perKind.get(kind) ?? [];
    const holders = countPeople(list.filter((r) => r.role === 'holder'), names, opts.now);
    const learners = countPeople(list.filter((r) => r.role === 'learner'), names, opts.now);
    const risk = holders.length === 0 ? 'nobody' : holders.length <= 2 ? 'few' : null;
    const suggestions = suggestPairings(holders, learners, members, opts.suggestionsPerKind ?? 2);
    return { kind, holders, learners, risk, suggestions };
  });
}

function countPeople(records: RoleRecord[], names: Map<string, string>, now: string): PersonCount[] {
  const byMember = new Map<string, { tasks: Set<string>; lastAt: string; now: boolean }>();
  for (const r of records) {
    const entry = byMember.get(r.memberId) ?? { tasks: new Set<string>(), lastAt: '', now: false };
    entry.tasks.add(r.taskId);
    const last = r.endedAt ?? now;
    if (last > entry.lastAt) entry.lastAt = last;
    if (r.endedAt === null) entry.now = true;
    byMember.set(r.memberId, entry);
  }
  const people = [...byMember].map(([memberId, e]) => ({
    memberId,
    displayName: names.get(memberId) ?? '',
    count: e.tasks.size,
    lastAt: e.lastAt,
    now: e.now,
  }));
  // Most often first, then most recent, then by name so the order is stable.
  people.sort(
    (a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.displayName.localeCompare(b.displayName),
  );
  return people;
}

/**
 * Pairs people who have never held this kind with those who have held it
 * most. People already learning it come first (they have asked to grow into
 * it), then people who learned it before, then everyone else by name.
 * Mentors take turns so one experienced person is not asked for everything.
 */
function suggestPairings(holders: PersonCount[], learners: PersonCount[], members: MemberInfo[], limit: number): Pairing[] {
  if (holders.length === 0 || limit <= 0) return [];
  const held = new Set(holders.map((h) => h.memberId));
  const learning = new Map(learners.map((l) => [l.memberId, l]));
  const novices = members
    .filter((m) => !held.has(m.id))
    .sort((a, b) => {
      const la = learning.get(a.id);
      const lb = learning.get(b.id);
      const rank = (l: PersonCount | undefined) => (l?.now ? 0 : l ? 1 : 2);
      return rank(la) - rank(lb) || a.displayName.localeCompare(b.displayName);
    });
  const pairings: Pairing[] = [];
  for (const [i, novice] of novices.slice(0, limit).entries()) {
    const mentor = holders[i % holders.length]!;
    pairings.push({ learner: novice, mentor: { id: mentor.memberId, displayName: mentor.displayName } });
  }
  return pairings;
}
