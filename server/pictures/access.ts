import type { Member } from '../auth/members';
import type { DB } from '../db/database';
import { forbidden, notFound } from '../errors';
import { articleAccess } from '../policies/articles';
import { findPictureRow } from './records';

/**
 * Who reaches which picture. Members and admins work on every picture. A
 * contributor (a worker correspondent) reaches the pictures they uploaded
 * and those of the articles they are on: an unblurred original can cost
 * someone their job, so it is not shown to everyone with an account.
 */
export function assertCanSeePicture(db: DB, member: Member, pictureId: string): void {
  const row = findPictureRow(db, pictureId);
  if (member.role !== 'contributor') return;
  if (row.created_by === member.id) return;
  if (row.article_id && articleAccess(db, member, row.article_id) !== 'none') return;
  // The same answer as for a picture that does not exist: nothing is revealed.
  throw notFound('There is no such picture.');
}

/** Deleting: members and admins any picture, a contributor only what they uploaded. */
export function assertCanDelete(db: DB, member: Member, pictureId: string): void {
  const row = findPictureRow(db, pictureId);
  if (member.role === 'contributor' && row.created_by !== member.id) {
    throw forbidden('Only the member who uploaded this picture, or a member of the collective, may delete it.');
  }
}

/** SQL condition (and its parameters) limiting a picture list to what the member may see. */
export function visiblePicturesFilter(member: Member): { sql: string; params: string[] } | null {
  if (member.role !== 'contributor') return null;
  return {
    sql: '(created_by = ? OR article_id IN (SELECT article_id FROM article_members WHERE member_id = ?))',
    params: [member.id, member.id],
  };
}

/** Attaching a picture to an article or an issue: the article must be the member's to write; issues are for members. */
export function assertCanAttach(db: DB, member: Member, target: { editionId?: string | null; articleId?: string | null }): void {
  if (target.articleId) {
    const access = articleAccess(db, member, target.articleId);
    if (access === 'missing') throw notFound('articleId: there is no such article.');
    if (access === 'none') throw forbidden('You are not on that article.');
  }
  if (target.editionId && member.role === 'contributor') {
    throw forbidden('Only members place pictures in an issue; attach the picture to your article instead.');
  }
}
