import type { Statement } from 'better-sqlite3';
import type { DB } from '../db/database';

/**
 * Prepared statements kept per database, for the queries the board and
 * other lists run on every request: preparing costs more than running a
 * small query, and the board runs several.
 */
const byDb = new WeakMap<DB, Map<string, Statement>>();

export function statement(db: DB, sql: string): Statement {
  let cache = byDb.get(db);
  if (!cache) {
    cache = new Map();
    byDb.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
