import type { Member } from '../auth/members';
import type { DB } from '../db/database';
import type { Lang } from '../../shared/languages';
import type { Access } from './access';

/**
 * Editions (and their layouts) belong to the members and admins; contributors
 * only reach single articles. An archived edition is read-only.
 */
export function editionAccess(db: DB, member: Member, editionId: string): Access {
  const edition = db.prepare('SELECT archived_at FROM editions WHERE id = ?').get(editionId) as
    | { archived_at: string | null }
    | undefined;
  if (!edition) return 'missing';
  if (member.role === 'contributor') return 'none';
  return edition.archived_at ? 'read' : 'write';
}

/** The languages an edition is published in. */
export function editionLanguages(db: DB, editionId: string): Lang[] | null {
  const row = db.prepare('SELECT languages FROM editions WHERE id = ?').get(editionId) as
    | { languages: string }
    | undefined;
  return row ? (JSON.parse(row.languages) as Lang[]) : null;
}

export function canManageEditions(member: Member): boolean {
  return member.role === 'admin' || member.role === 'member';
}
