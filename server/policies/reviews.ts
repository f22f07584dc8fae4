import type { Member } from '../auth/members';
import type { DB } from '../db/database';
import type { Access } from './access';
import { articleAccess } from './articles';

/**
 * The review of a version: who may read its verdicts and decision log, who
 * may approve or object, who may move its status. The same rights as on
 * the article (contributors only on articles they are on); an archived
 * article is read-only, so nobody gives verdicts on it.
 */
export interface VersionFacts {
  id: string;
  article_id: string;
  lang: 'en' | 'es';
  doc_name: string;
  status: 'draft' | 'in_discussion' | 'approved' | 'laid_out';
  collective_id: string | null;
}

export function findVersionFacts(db: DB, versionId: string): VersionFacts | undefined {
  return db
    .prepare(
      `SELECT v.id, v.article_id, v.lang, v.doc_name, v.status, a.collective_id
       FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.id = ?`,
    )
    .get(versionId) as VersionFacts | undefined;
}

export function versionAccess(db: DB, member: Member, versionId: string): Access {
  const version = db.prepare('SELECT article_id FROM versions WHERE id = ?').get(versionId) as
    | { article_id: string }
    | undefined;
  return version ? articleAccess(db, member, version.article_id) : 'missing';
}

/** Anyone working on the article may approve or object; only the collective's members' verdicts count. */
export function canGiveVerdict(access: Access): boolean {
  return access === 'write';
}

/** Putting a version up for discussion, marking it laid out, or back to draft. */
export function canChangeVersionStatus(access: Access): boolean {
  return access === 'write';
}

/** A verdict counts while its author is a member of the article's collective. */
export function collectiveMemberIds(db: DB, collectiveId: string): Set<string> {
  const rows = db.prepare('SELECT member_id FROM collective_members WHERE collective_id = ?').all(collectiveId) as {
    member_id: string;
  }[];
  return new Set(rows.map((r) => r.member_id));
}
