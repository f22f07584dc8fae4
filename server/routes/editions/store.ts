import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import type { Lang } from '../../../shared/languages';
import type { EditionRow } from '../../presenters/edition';
import { archivedAt, updateRow } from '../update';

export function findEditionRow(db: DB, id: string): EditionRow | undefined {
  return db.prepare('SELECT * FROM editions WHERE id = ?').get(id) as EditionRow | undefined;
}

export function listEditionRows(db: DB, includeArchived: boolean): EditionRow[] {
  const where = includeArchived ? '' : 'WHERE archived_at IS NULL';
  return db.prepare(`SELECT * FROM editions ${where} ORDER BY number DESC`).all() as EditionRow[];
}

/** Issue numbers are what people call an edition by, so two editions never share one. */
export function editionNumberTaken(db: DB, number: number, exceptId = ''): boolean {
  return !!db.prepare('SELECT 1 FROM editions WHERE number = ? AND id <> ?').get(number, exceptId);
}

export interface NewEdition {
  number: number;
  title: string;
  date: string | null;
  languages: Lang[];
  pageCount: number;
}

export function insertEdition(db: DB, edition: NewEdition): string {
  const id = newId();
  db.prepare('INSERT INTO editions (id, number, title, date, languages, page_count) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    edition.number,
    edition.title,
    edition.date,
    JSON.stringify(edition.languages),
    edition.pageCount,
  );
  return id;
}

export interface EditionPatch {
  number?: number;
  title?: string;
  date?: string | null;
  pageCount?: number;
  status?: EditionRow['status'];
  archived?: boolean;
}

export function updateEdition(db: DB, row: EditionRow, patch: EditionPatch): void {
  updateRow(db, 'editions', row.id, {
    number: patch.number,
    title: patch.title,
    date: patch.date,
    page_count: patch.pageCount,
    status: patch.status,
    archived_at: archivedAt(patch.archived, row.archived_at),
  });
}
