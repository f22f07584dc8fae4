import type { DB } from '../../db/database';
import type { PersonRef } from '../../../shared/work/types';

/**
 * The article's decision log: append-only, one line per decision (a verdict
 * given or withdrawn, a status change, the rule holding, a restore).
 */
export type DecisionAction =
  | 'approved'
  | 'objected'
  | 'withdrew_approval'
  | 'withdrew_objection'
  | 'status_draft'
  | 'status_in_discussion'
  | 'status_laid_out'
  | 'version_approved'
  | 'returned_to_discussion'
  | 'named_version'
  | 'restored_version';

export interface Decision {
  id: number;
  versionId: string | null;
  lang: 'en' | 'es' | null;
  member: PersonRef | null;
  action: DecisionAction;
  detail: string;
  at: string;
}

export function logDecision(
  db: DB,
  entry: { articleId: string; versionId: string | null; memberId: string | null; action: DecisionAction; detail?: string },
): void {
  db.prepare('INSERT INTO decisions (article_id, version_id, member_id, action, detail) VALUES (?, ?, ?, ?, ?)').run(
    entry.articleId,
    entry.versionId,
    entry.memberId,
    entry.action,
    entry.detail ?? '',
  );
}

export function articleDecisions(db: DB, articleId: string): Decision[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.version_id, v.lang, d.action, d.detail, d.at, m.id AS member_id, m.display_name
       FROM decisions d LEFT JOIN versions v ON v.id = d.version_id LEFT JOIN members m ON m.id = d.member_id
       WHERE d.article_id = ? ORDER BY d.id`,
    )
    .all(articleId) as {
    id: number;
    version_id: string | null;
    lang: 'en' | 'es' | null;
    action: DecisionAction;
    detail: string;
    at: string;
    member_id: string | null;
    display_name: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    lang: r.lang,
    member: r.member_id ? { id: r.member_id, displayName: r.display_name ?? '' } : null,
    action: r.action,
    detail: r.detail,
    at: r.at,
  }));
}
