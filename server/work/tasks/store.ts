import type { DB } from '../../db/database';
import { statement } from '../sql';
import type { PersonRef, Task, TaskEvent, TaskKind, TaskMessage, TaskOffer, TaskStatus, TaskSubject } from '../../../shared/work/types';

/** Reading tasks and presenting them: a whitelist of what leaves the server. */

export interface TaskRow {
  id: string;
  kind: TaskKind;
  title: string;
  subject_type: 'version' | 'picture' | 'page' | 'edition';
  subject_id: string;
  page_number: number | null;
  edition_id: string | null;
  collective_id: string | null;
  due_date: string | null;
  status: TaskStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export function findTaskRow(db: DB, id: string): TaskRow | undefined {
  return db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
}

/** Today as YYYY-MM-DD (UTC): a task is overdue from the day after its due date. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isOverdue(row: Pick<TaskRow, 'due_date' | 'status'>, today: string): boolean {
  return row.due_date !== null && row.due_date < today && row.status !== 'done';
}

const ids = (list: string[]) => JSON.stringify([...new Set(list)]);

/** Presents many tasks with a fixed number of queries, whatever their count (the board has hundreds). */
export function presentTasks(db: DB, rows: TaskRow[], today = todayIso()): Task[] {
  if (rows.length === 0) return [];
  const taskIds = ids(rows.map((r) => r.id));
  const roles = statement(
    db,
    `SELECT r.task_id, r.role, m.id, m.display_name FROM task_roles r JOIN members m ON m.id = r.member_id
       WHERE r.ended_at IS NULL AND r.task_id IN (SELECT value FROM json_each(?)) ORDER BY r.id`,
  ).all(taskIds) as { task_id: string; role: 'holder' | 'learner'; id: string; display_name: string }[];
  const offers = statement(
    db,
    `SELECT o.id, o.task_id, o.kind, o.created_at, f.id AS from_id, f.display_name AS from_name,
              tm.id AS to_id, tm.display_name AS to_name
       FROM task_offers o JOIN members tm ON tm.id = o.to_member_id LEFT JOIN members f ON f.id = o.from_member_id
       WHERE o.answer IS NULL AND o.task_id IN (SELECT value FROM json_each(?)) ORDER BY o.created_at`,
  ).all(taskIds) as {
    id: string;
    task_id: string;
    kind: 'propose' | 'handoff';
    created_at: string;
    from_id: string | null;
    from_name: string | null;
    to_id: string;
    to_name: string;
  }[];
  const subjects = loadSubjects(db, rows);

  const holders = new Map<string, PersonRef[]>();
  const learners = new Map<string, PersonRef[]>();
  for (const r of roles) {
    const map = r.role === 'holder' ? holders : learners;
    map.set(r.task_id, [...(map.get(r.task_id) ?? []), { id: r.id, displayName: r.display_name }]);
  }
  const offersByTask = new Map<string, TaskOffer[]>();
  for (const o of offers) {
    const offer: TaskOffer = {
      id: o.id,
      kind: o.kind,
      from: o.from_id ? { id: o.from_id, displayName: o.from_name ?? '' } : null,
      to: { id: o.to_id, displayName: o.to_name },
      createdAt: o.created_at,
    };
    offersByTask.set(o.task_id, [...(offersByTask.get(o.task_id) ?? []), offer]);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    subject: subjects.get(r.id)!,
    collectiveId: r.collective_id,
    dueDate: r.due_date,
    status: r.status,
    overdue: isOverdue(r, today),
    holders: holders.get(r.id) ?? [],
    learners: learners.get(r.id) ?? [],
    offers: offersByTask.get(r.id) ?? [],
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

function loadSubjects(db: DB, rows: TaskRow[]): Map<string, TaskSubject> {
  const versionIds = rows.filter((r) => r.subject_type === 'version').map((r) => r.subject_id);
  const versions = new Map(
    (
      statement(
        db,
        `SELECT v.id, v.lang, a.id AS article_id, a.title, a.edition_id, e.number
           FROM versions v JOIN articles a ON a.id = v.article_id LEFT JOIN editions e ON e.id = a.edition_id
           WHERE v.id IN (SELECT value FROM json_each(?))`,
      ).all(ids(versionIds)) as {
        id: string;
        lang: 'en' | 'es';
        article_id: string;
        title: string;
        edition_id: string | null;
        number: number | null;
      }[]
    ).map((v) => [v.id, v]),
  );
  const editionIds = rows.map((r) => r.edition_id).filter((e): e is string => e !== null);
  const editions = new Map(
    (
      statement(db, 'SELECT id, number FROM editions WHERE id IN (SELECT value FROM json_each(?))').all(ids(editionIds)) as {
        id: string;
        number: number;
      }[]
    ).map((e) => [e.id, e.number]),
  );
  // A picture can be deleted while tasks about it remain; they say so instead of pointing at nothing.
  const pictureIds = rows.filter((r) => r.subject_type === 'picture').map((r) => r.subject_id);
  const pictures = new Set(
    pictureIds.length === 0
      ? []
      : (statement(db, 'SELECT id FROM pictures WHERE id IN (SELECT value FROM json_each(?))').all(ids(pictureIds)) as { id: string }[]).map(
          (p) => p.id,
        ),
  );
  const out = new Map<string, TaskSubject>();
  for (const r of rows) {
    const subject: TaskSubject = { type: r.subject_type, id: r.subject_id, editionId: r.edition_id };
    if (r.page_number !== null) subject.page = r.page_number;
    if (r.subject_type === 'picture' && !pictures.has(r.subject_id)) subject.deleted = true;
    const v = r.subject_type === 'version' ? versions.get(r.subject_id) : undefined;
    if (v) {
      Object.assign(subject, { articleId: v.article_id, articleTitle: v.title, lang: v.lang, editionId: v.edition_id });
      if (v.number !== null) subject.editionNumber = v.number;
    } else if (r.edition_id && editions.has(r.edition_id)) {
      subject.editionNumber = editions.get(r.edition_id)!;
    }
    out.set(r.id, subject);
  }
  return out;
}

export function presentTask(db: DB, row: TaskRow): Task {
  return presentTasks(db, [row])[0]!;
}

export function recordEvent(
  db: DB,
  taskId: string,
  actorId: string | null,
  event: string,
  otherId: string | null = null,
  detail = '',
): void {
  db.prepare('INSERT INTO task_events (task_id, actor_id, event, other_member_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    taskId,
    actorId,
    event,
    otherId,
    detail,
  );
  db.prepare("UPDATE tasks SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(taskId);
}

export function taskEvents(db: DB, taskId: string): TaskEvent[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.event, e.detail, e.at, a.id AS actor_id, a.display_name AS actor_name,
              o.id AS other_id, o.display_name AS other_name
       FROM task_events e LEFT JOIN members a ON a.id = e.actor_id LEFT JOIN members o ON o.id = e.other_member_id
       WHERE e.task_id = ? ORDER BY e.id`,
    )
    .all(taskId) as {
    id: number;
    event: string;
    detail: string;
    at: string;
    actor_id: string | null;
    actor_name: string | null;
    other_id: string | null;
    other_name: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    detail: r.detail,
    at: r.at,
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
    other: r.other_id ? { id: r.other_id, displayName: r.other_name ?? '' } : null,
  }));
}

export function taskMessages(db: DB, taskId: string): TaskMessage[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.body, t.created_at, m.id AS member_id, m.display_name
       FROM task_messages t LEFT JOIN members m ON m.id = t.member_id WHERE t.task_id = ? ORDER BY t.created_at, t.rowid`,
    )
    .all(taskId) as { id: string; body: string; created_at: string; member_id: string | null; display_name: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.created_at,
    author: r.member_id ? { id: r.member_id, displayName: r.display_name ?? '' } : null,
  }));
}
