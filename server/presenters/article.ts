import type { Lang } from '../../shared/languages';

export interface ArticleRow {
  id: string;
  edition_id: string | null;
  title: string;
  section: string;
  collective_id: string | null;
  created_by: string | null;
  created_at: string;
  archived_at: string | null;
}

export interface VersionRow {
  id: string;
  article_id: string;
  lang: Lang;
  doc_name: string;
  status: 'draft' | 'in_discussion' | 'approved' | 'laid_out';
  source_version_id: string | null;
  created_at: string;
}

export interface VersionView {
  id: string;
  lang: Lang;
  docName: string;
  status: VersionRow['status'];
  sourceVersionId: string | null;
}

export interface ArticleView {
  id: string;
  title: string;
  section: string;
  editionId: string | null;
  collectiveId: string | null;
  createdBy: string | null;
  createdAt: string;
  archivedAt: string | null;
  versions: VersionView[];
  /** Who is on the article (contributors reach only articles they are on). */
  memberIds: string[];
}

export function presentVersion(row: VersionRow): VersionView {
  return {
    id: row.id,
    lang: row.lang,
    docName: row.doc_name,
    status: row.status,
    sourceVersionId: row.source_version_id,
  };
}

export function presentArticle(row: ArticleRow, versions: VersionRow[], memberIds: string[]): ArticleView {
  return {
    id: row.id,
    title: row.title,
    section: row.section,
    editionId: row.edition_id,
    collectiveId: row.collective_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
    versions: versions.map(presentVersion),
    memberIds,
  };
}
