import type { Member } from '../../auth/members';
import { findMember } from '../../auth/members';
import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import { badRequest, conflict, notFound } from '../../errors';
import { loadDoc } from '../../collab/storage';
import { canRead } from '../../policies/access';
import { versionAccess, type VersionFacts } from '../../policies/reviews';
import type { ArticleField } from '../../../shared/editor/fields';
import type { PersonRef } from '../../../shared/work/types';
import { mentionedMemberIds, notify } from '../notifications/store';
import { anchorFromOffsets, fieldPlainText, resolveAnchor, type StoredAnchor } from './anchors';

/** Comment threads anchored in a version's text, with replies, resolve and reopen. */
interface CommentRow {
  id: string;
  version_id: string;
  parent_id: string | null;
  member_id: string | null;
  display_name: string | null;
  body: string;
  field: ArticleField | null;
  anchor_start: Buffer | null;
  anchor_end: Buffer | null;
  quote: string;
  resolved_at: string | null;
  resolved_by: string | null;
  created_at: string;
}

export interface CommentReply {
  id: string;
  author: PersonRef | null;
  body: string;
  createdAt: string;
}

export interface CommentThread extends CommentReply {
  field: ArticleField;
  /** Where the span is now; null when the text it was on has been deleted. */
  anchor: { from: number; to: number; quote: string } | null;
  /** The text as it was when the comment was made. */
  originalQuote: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  replies: CommentReply[];
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const person = (r: CommentRow): PersonRef | null => (r.member_id ? { id: r.member_id, displayName: r.display_name ?? '' } : null);

export function findCommentRow(db: DB, id: string): CommentRow | undefined {
  return db.prepare('SELECT c.*, m.display_name FROM comments c LEFT JOIN members m ON m.id = c.member_id WHERE c.id = ?').get(id) as
    | CommentRow
    | undefined;
}

export function listThreads(db: DB, version: VersionFacts): CommentThread[] {
  const rows = db
    .prepare(
      `SELECT c.*, m.display_name FROM comments c LEFT JOIN members m ON m.id = c.member_id
       WHERE c.version_id = ? ORDER BY c.created_at, c.rowid`,
    )
    .all(version.id) as CommentRow[];
  if (rows.length === 0) return [];
  const doc = loadDoc(db, version.doc_name);
  const threads = new Map<string, CommentThread>();
  for (const r of rows.filter((row) => !row.parent_id)) {
    const anchor: StoredAnchor | null = r.anchor_start && r.anchor_end ? { start: bytes(r.anchor_start), end: bytes(r.anchor_end) } : null;
    const resolved = anchor && r.field ? resolveAnchor(doc, r.field, anchor) : null;
    threads.set(r.id, {
      id: r.id,
      author: person(r),
      body: r.body,
      createdAt: r.created_at,
      field: r.field ?? 'body',
      anchor: resolved && resolved.to > resolved.from ? resolved : null,
      originalQuote: r.quote,
      resolvedAt: r.resolved_at,
      resolvedBy: r.resolved_by,
      replies: [],
    });
  }
  doc.destroy();
  for (const r of rows.filter((row) => row.parent_id)) {
    threads.get(r.parent_id!)?.replies.push({ id: r.id, author: person(r), body: r.body, createdAt: r.created_at });
  }
  return [...threads.values()];
}

export interface NewComment {
  field: ArticleField;
  from?: number | undefined;
  to?: number | undefined;
  start?: string | undefined;
  end?: string | undefined;
  body: string;
}

/** Starts a thread on a span; the anchor must resolve to a non-empty span of the field's current text. */
export function createThread(db: DB, actor: Member, version: VersionFacts, input: NewComment): string {
  const doc = loadDoc(db, version.doc_name);
  try {
    let anchor: StoredAnchor | null;
    if (input.from !== undefined && input.to !== undefined) {
      anchor = anchorFromOffsets(doc, input.field, input.from, input.to);
    } else {
      anchor = { start: Buffer.from(input.start!, 'base64'), end: Buffer.from(input.end!, 'base64') };
    }
    const resolved = anchor ? resolveAnchor(doc, input.field, anchor) : null;
    if (!anchor || !resolved || resolved.to <= resolved.from) {
      throw badRequest(`anchor: that span is not inside the ${input.field} text (it has ${fieldPlainText(doc, input.field).length} characters).`);
    }
    const id = newId();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO comments (id, version_id, member_id, body, field, anchor_start, anchor_end, quote)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, version.id, actor.id, input.body, input.field, Buffer.from(anchor.start), Buffer.from(anchor.end), resolved.quote);
      tellMentioned(db, actor, version, input.body);
    })();
    return id;
  } finally {
    doc.destroy();
  }
}

export function replyTo(db: DB, actor: Member, version: VersionFacts, thread: CommentRow, body: string): string {
  if (thread.parent_id) throw badRequest('Reply to the thread, not to a reply.');
  const id = newId();
  db.transaction(() => {
    db.prepare('INSERT INTO comments (id, version_id, parent_id, member_id, body) VALUES (?, ?, ?, ?, ?)').run(
      id,
      version.id,
      thread.id,
      actor.id,
      body,
    );
    tellMentioned(db, actor, version, body);
  })();
  return id;
}

export function setResolved(db: DB, actor: Member, thread: CommentRow, resolved: boolean): void {
  if (thread.parent_id) throw notFound('There is no such comment thread.');
  if (resolved === !!thread.resolved_at) throw conflict(resolved ? 'This thread is resolved already.' : 'This thread is open already.');
  db.prepare('UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(
    resolved ? new Date().toISOString() : null,
    resolved ? actor.id : null,
    thread.id,
  );
}

/** @mentions tell those members, if they can see the article. */
function tellMentioned(db: DB, actor: Member, version: VersionFacts, body: string): void {
  for (const memberId of mentionedMemberIds(db, body)) {
    const mentioned = findMember(db, memberId);
    if (!mentioned || !canRead(versionAccess(db, mentioned, version.id))) continue;
    notify(db, {
      memberId,
      kind: 'mention',
      actorId: actor.id,
      articleId: version.article_id,
      versionId: version.id,
      body: body.slice(0, 200),
    });
  }
}
