import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import type { Member } from '../../auth/members';
import { articleDocName } from '../../../shared/docNames';
import type { Lang } from '../../../shared/languages';
import { presentArticle, type ArticleRow, type ArticleView, type VersionRow } from '../../presenters/article';
import { archivedAt, updateRow } from '../update';

/** Reading and writing articles and their language versions (used by the API and the first-run seed). */

export interface NewArticle {
  title: string;
  editionId: string | null;
  languages: Lang[];
  section: string;
  collectiveId: string | null;
  createdBy: string | null;
}

/** Creates the article, one version per language (doc_name = article.<id>.<lang>), and puts its creator on it. */
export function insertArticle(db: DB, article: NewArticle): string {
  const id = newId();
  db.transaction(() => {
    db.prepare(
      'INSERT INTO articles (id, edition_id, title, section, collective_id, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, article.editionId, article.title, article.section, article.collectiveId, article.createdBy);
    const insertVersion = db.prepare('INSERT INTO versions (id, article_id, lang, doc_name) VALUES (?, ?, ?, ?)');
    for (const lang of article.languages) insertVersion.run(newId(), id, lang, articleDocName(id, lang));
    if (article.createdBy) {
      db.prepare('INSERT INTO article_members (article_id, member_id) VALUES (?, ?)').run(id, article.createdBy);
    }
  })();
  return id;
}

export function findArticleRow(db: DB, id: string): ArticleRow | undefined {
  return db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
}

function versionsOf(db: DB, articleIds: string[]): Map<string, VersionRow[]> {
  const map = new Map<string, VersionRow[]>();
  if (articleIds.length === 0) return map;
  const rows = db
    .prepare(
      `SELECT * FROM versions WHERE article_id IN (SELECT value FROM json_each(?))
       ORDER BY CASE lang WHEN 'en' THEN 0 ELSE 1 END`,
    )
    .all(JSON.stringify(articleIds)) as VersionRow[];
  for (const r of rows) map.set(r.article_id, [...(map.get(r.article_id) ?? []), r]);
  return map;
}

function membersOf(db: DB, articleIds: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (articleIds.length === 0) return map;
  const rows = db
    .prepare('SELECT article_id, member_id FROM article_members WHERE article_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(articleIds)) as { article_id: string; member_id: string }[];
  for (const r of rows) map.set(r.article_id, [...(map.get(r.article_id) ?? []), r.member_id]);
  return map;
}

/** Articles with their versions and members, in two queries however many there are. */
export function presentArticles(db: DB, rows: ArticleRow[]): ArticleView[] {
  const ids = rows.map((r) => r.id);
  const versions = versionsOf(db, ids);
  const members = membersOf(db, ids);
  return rows.map((r) => presentArticle(r, versions.get(r.id) ?? [], members.get(r.id) ?? []));
}

export interface ArticleFilter {
  /** An edition id, or null for the pool of unplaced stories; undefined for all. */
  editionId?: string | null;
  includeArchived: boolean;
}

/** The articles a member may see: all for members and admins, only their own for contributors. */
export function listArticleRows(db: DB, viewer: Member, filter: ArticleFilter): ArticleRow[] {
  const where: string[] = [];
  const params: (string | null)[] = [];
  if (filter.editionId === null) where.push('a.edition_id IS NULL');
  else if (filter.editionId !== undefined) where.push('a.edition_id = ?'), params.push(filter.editionId);
  if (!filter.includeArchived) where.push('a.archived_at IS NULL');
  if (viewer.role === 'contributor') {
    where.push('a.id IN (SELECT article_id FROM article_members WHERE member_id = ?)');
    params.push(viewer.id);
  }
  const sql = `SELECT a.* FROM articles a ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY a.created_at, a.id`;
  return db.prepare(sql).all(...params) as ArticleRow[];
}

export interface ArticlePatch {
  title?: string;
  section?: string;
  editionId?: string | null;
  collectiveId?: string | null;
  archived?: boolean;
}

export function updateArticle(db: DB, row: ArticleRow, patch: ArticlePatch): void {
  updateRow(db, 'articles', row.id, {
    title: patch.title,
    section: patch.section,
    edition_id: patch.editionId,
    collective_id: patch.collectiveId,
    archived_at: archivedAt(patch.archived, row.archived_at),
  });
}

export function addArticleMember(db: DB, articleId: string, memberId: string): void {
  db.prepare('INSERT OR IGNORE INTO article_members (article_id, member_id) VALUES (?, ?)').run(articleId, memberId);
}

export function removeArticleMember(db: DB, articleId: string, memberId: string): void {
  db.prepare('DELETE FROM article_members WHERE article_id = ? AND member_id = ?').run(articleId, memberId);
}
