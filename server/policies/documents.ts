import type { Member } from '../auth/members';
import type { DB } from '../db/database';
import { parseDocName } from '../../shared/docNames';
import type { Access } from './access';
import { articleAccess } from './articles';
import { editionAccess, editionLanguages } from './editions';

/**
 * May this member open the live document docName, and may they change it?
 * The collaboration WebSocket asks this on every connection; 'missing' covers
 * malformed names and documents that belong to nothing (no such version or edition).
 */
export function docAccess(db: DB, member: Member, docName: string): Access {
  const parsed = parseDocName(docName);
  if (!parsed) return 'missing';
  if (parsed.kind === 'article') {
    const version = db.prepare('SELECT 1 FROM versions WHERE doc_name = ?').get(docName);
    if (!version) return 'missing';
    return articleAccess(db, member, parsed.id);
  }
  const access = editionAccess(db, member, parsed.id);
  if (access === 'missing') return access;
  if (!editionLanguages(db, parsed.id)?.includes(parsed.lang)) return 'missing';
  return access;
}
