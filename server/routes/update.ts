import type { DB } from '../db/database';

type SqlValue = string | number | null;
type Table = 'articles' | 'editions' | 'members' | 'collectives';

/**
 * UPDATE one row, setting only the columns given (undefined leaves a column
 * alone). Column and table names come from code, never from a request.
 */
export function updateRow(db: DB, table: Table, id: string, columns: Record<string, SqlValue | undefined>): void {
  const entries = Object.entries(columns).filter((e): e is [string, SqlValue] => e[1] !== undefined);
  if (entries.length === 0) return;
  const sets = entries.map(([column]) => `${column} = ?`).join(', ');
  db.prepare(`UPDATE ${table} SET ${sets} WHERE id = ?`).run(...entries.map((e) => e[1]), id);
}

/** archived:true keeps an existing archive date; false clears it; undefined changes nothing. */
export function archivedAt(archived: boolean | undefined, current: string | null): string | null | undefined {
  if (archived === undefined) return undefined;
  return archived ? (current ?? new Date().toISOString()) : null;
}
