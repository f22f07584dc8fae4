import type { Member } from '../auth/members';
import type { DB } from '../db/database';
import type { Access } from './access';

interface ArticleFacts {
  archived_at: string | null;
}

/**
 * Members and admins work on every article; a contributor (a worker
 * correspondent) reaches only the articles they are on. An archived article
 * is read-only for everyone until it is taken out of the archive.
 */
export function articleAccess(db: DB, member: Member, articleId: string): Access {
  const article = db.prepare('SELECT archived_at FROM articles WHERE id = ?').get(articleId) as
    | ArticleFacts
    | undefined;
  if (!article) return 'missing';
  if (member.role === 'contributor' && !isOnArticle(db, member.id, articleId)) return 'none';
  return article.archived_at ? 'read' : 'write';
}

export function isOnArticle(db: DB, memberId: string, articleId: string): boolean {
  return !!db.prepare('SELECT 1 FROM article_members WHERE article_id = ? AND member_id = ?').get(articleId, memberId);
}

/** Moving an article between editions, archiving it and choosing who is on it: not for contributors. */
export function canManageArticles(member: Member): boolean {
  return member.role === 'admin' || member.role === 'member';
}
