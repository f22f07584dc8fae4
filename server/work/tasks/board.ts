import type { Member } from '../../auth/members';
import type { DB } from '../../db/database';
import { statement } from '../sql';
import { CONTRIBUTOR_TASK_FILTER } from '../../policies/tasks';
import type { Board, Task, TaskKind } from '../../../shared/work/types';
import { TASK_STATUSES } from '../../../shared/work/types';
import { presentTasks, todayIso, type TaskRow } from './store';

/**
 * The edition's board: every task about the edition, its pages, its
 * pictures and its articles' versions, in columns by status, earliest due
 * first. Filters narrow by kind, by a member holding or learning, by
 * collective.
 */
export interface BoardFilter {
  kind?: TaskKind | undefined;
  memberId?: string | undefined;
  collectiveId?: string | undefined;
}

export function editionBoard(db: DB, editionId: string, filter: BoardFilter): Board {
  // Two indexed halves instead of one OR across a join: tasks placed on the
  // edition directly, and tasks about versions of the edition's articles.
  const rows = statement(
    db,
    `SELECT t.* FROM tasks t WHERE t.id IN (
         SELECT id FROM tasks WHERE edition_id = @edition
         UNION
         SELECT t2.id FROM articles a JOIN versions v ON v.article_id = a.id
           JOIN tasks t2 ON t2.subject_type = 'version' AND t2.subject_id = v.id
         WHERE a.edition_id = @edition)
       AND (@kind IS NULL OR t.kind = @kind)
       AND (@collective IS NULL OR t.collective_id = @collective)
       AND (@member IS NULL OR EXISTS (
         SELECT 1 FROM task_roles r WHERE r.task_id = t.id AND r.member_id = @member AND r.ended_at IS NULL))
       ORDER BY t.due_date IS NULL, t.due_date, t.created_at`,
  ).all({
      edition: editionId,
      kind: filter.kind ?? null,
      collective: filter.collectiveId ?? null,
      member: filter.memberId ?? null,
    }) as TaskRow[];
  const tasks = presentTasks(db, rows, todayIso());
  const columns = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as Task[]])) as Board['columns'];
  for (const task of tasks) columns[task.status].push(task);
  return { editionId, columns, overdueCount: tasks.filter((t) => t.overdue).length };
}

/** "My responsibilities": what I hold, what I am learning, what I have been offered. */
export function myTasks(db: DB, member: Member): { holding: Task[]; learning: Task[]; offered: Task[] } {
  const byRole = (role: 'holder' | 'learner') =>
    db
      .prepare(
        `SELECT t.* FROM tasks t JOIN task_roles r ON r.task_id = t.id
         WHERE r.member_id = ? AND r.role = ? AND r.ended_at IS NULL
         ORDER BY t.status = 'done', t.due_date IS NULL, t.due_date, t.created_at`,
      )
      .all(member.id, role) as TaskRow[];
  const offered = db
    .prepare(
      `SELECT t.* FROM tasks t JOIN task_offers o ON o.task_id = t.id
       WHERE o.to_member_id = ? AND o.answer IS NULL ORDER BY o.created_at`,
    )
    .all(member.id) as TaskRow[];
  const today = todayIso();
  return {
    holding: presentTasks(db, byRole('holder'), today),
    learning: presentTasks(db, byRole('learner'), today),
    offered: presentTasks(db, offered, today),
  };
}

/** Tasks about one article version (the editor's side panel), filtered for contributors. */
export function versionTasks(db: DB, member: Member, versionId: string): Task[] {
  const contributor = member.role === 'contributor';
  const rows = db
    .prepare(
      `SELECT t.* FROM tasks t WHERE t.subject_type = 'version' AND t.subject_id = @version
       ${contributor ? `AND ${CONTRIBUTOR_TASK_FILTER}` : ''} ORDER BY t.created_at`,
    )
    .all(contributor ? { version: versionId, viewer: member.id } : { version: versionId }) as TaskRow[];
  return presentTasks(db, rows);
}
