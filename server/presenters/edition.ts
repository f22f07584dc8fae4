import type { Lang } from '../../shared/languages';

export interface EditionRow {
  id: string;
  number: number;
  title: string;
  date: string | null;
  languages: string;
  page_format: string;
  page_count: number;
  status: 'planning' | 'production' | 'proofing' | 'published';
  created_at: string;
  archived_at: string | null;
}

export interface EditionView {
  id: string;
  number: number;
  title: string;
  date: string | null;
  languages: Lang[];
  pageFormat: string;
  pageCount: number;
  status: EditionRow['status'];
  createdAt: string;
  archivedAt: string | null;
}

export function presentEdition(row: EditionRow): EditionView {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    date: row.date,
    languages: JSON.parse(row.languages) as Lang[],
    pageFormat: row.page_format,
    pageCount: row.page_count,
    status: row.status,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
  };
}
