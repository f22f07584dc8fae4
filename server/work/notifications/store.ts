import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import type { AppNotification, NotificationKind } from '../../../shared/work/types';

/**
 * Notifications in the app. They are written where the thing happens (a
 * proposal, a share, a mention, a version put up for discussion) and, for
 * overdue tasks, when the member next looks: a due date passes without any
 * event, so there is nothing to hook a write onto.
 */
export interface NewNotification {
  memberId: string;
  kind: NotificationKind;
  actorId?: string | null;
  taskId?: string | null;
  articleId?: string | null;
  versionId?: string | null;
  body?: string;
  /** The same key is told once (INSERT OR IGNORE on member + key). */
  dedupeKey?: string;
}

export function notify(db: DB, n: NewNotification): void {
  // Nobody is told about what they did themselves.
  if (n.actorId && n.actorId === n.memberId) return;
  db.prepare(
    `INSERT OR IGNORE INTO notifications (id, member_id, kind, actor_id, task_id, article_id, version_id, body, dedupe_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    n.memberId,
    n.kind,
    n.actorId ?? null,
    n.taskId ?? null,
    n.articleId ?? null,
    n.versionId ?? null,
    n.body ?? '',
    n.dedupeKey ?? null,
  );
}

/** Members named as @login in a text (case-insensitive), who still have an account. */
export function mentionedMemberIds(db: DB, text: string): string[] {
  const logins = new Set<string>();
  for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_.@-])@([A-Za-z0-9][A-Za-z0-9._-]*)/g)) {
    logins.add(m[1]!.replace(/[.]+$/, '').toLowerCase()); // "@ana." at the end of a sentence means ana
  }
  if (logins.size === 0) return [];
  const rows = db
    .prepare(
      `SELECT id FROM members WHERE disabled_at IS NULL
       AND lower(login) IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...logins])) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Tells the holders of tasks past their due date, once per task and due date. */
export function noticeOverdueTasks(db: DB, memberId: string, today: string): void {
  const overdue = db
    .prepare(
      `SELECT t.id, t.due_date, t.title FROM tasks t JOIN task_roles r ON r.task_id = t.id
       WHERE r.member_id = ? AND r.role = 'holder' AND r.ended_at IS NULL
       AND t.due_date IS NOT NULL AND t.due_date < ? AND t.status <> 'done'`,
    )
    .all(memberId, today) as { id: string; due_date: string; title: string }[];
  for (const t of overdue) {
    notify(db, {
      memberId,
      kind: 'task_overdue',
      taskId: t.id,
      body: t.title,
      dedupeKey: `overdue:${t.id}:${t.due_date}`,
    });
  }
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  actor_id: string | null;
  actor_name: string | null;
  task_id: string | null;
  article_id: string | null;
  version_id: string | null;
  body: string;
  created_at: string;
  read_at: string | null;
}

export function listNotifications(db: DB, memberId: string, opts: { unreadOnly: boolean; limit: number }): AppNotification[] {
  const rows = db
    .prepare(
      `SELECT n.*, a.display_name AS actor_name FROM notifications n LEFT JOIN members a ON a.id = n.actor_id
       WHERE n.member_id = ? ${opts.unreadOnly ? 'AND n.read_at IS NULL' : ''}
       ORDER BY n.created_at DESC, n.rowid DESC LIMIT ?`,
    )
    .all(memberId, opts.limit) as NotificationRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
    taskId: r.task_id,
    articleId: r.article_id,
    versionId: r.version_id,
    body: r.body,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export function unreadCount(db: DB, memberId: string): number {
  return (
    db.prepare('SELECT count(*) AS n FROM notifications WHERE member_id = ? AND read_at IS NULL').get(memberId) as {
      n: number;
    }
  ).n;
}

/** Marks one of the member's own notifications read; false when it is not theirs or does not exist. */
export function markRead(db: DB, memberId: string, id: string): boolean {
  const found = db.prepare('SELECT read_at FROM notifications WHERE id = ? AND member_id = ?').get(id, memberId);
  if (!found) return false;
  db.prepare(
    "UPDATE notifications SET read_at = COALESCE(read_at, strftime('%Y-%m-%dT%H:%M:%fZ','now')) WHERE id = ?",
  ).run(id);
  return true;
}

export function markAllRead(db: DB, memberId: string): number {
  return db
    .prepare("UPDATE notifications SET read_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE member_id = ? AND read_at IS NULL")
    .run(memberId).changes;
}
