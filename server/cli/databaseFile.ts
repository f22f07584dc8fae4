import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { CliError } from './errors';

export const DB_FILE = 'galley.db';
const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const REQUIRED_TABLES = ['schema_migrations', 'members', 'editions', 'articles', 'versions', 'doc_updates'];

export interface DatabaseSummary {
  members: number;
  editions: number;
  articles: number;
  documents: number;
}

/**
 * Checks that a file is a whole, healthy Galley database this version of
 * Galley can run, and says what is in it. Throws a CliError saying what is
 * wrong otherwise; the file is only read.
 */
export function inspectGalleyDatabase(file: string): DatabaseSummary {
  if (!fs.existsSync(file)) throw new CliError(`There is no file at ${file}.`);
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(SQLITE_HEADER.length);
  fs.readSync(fd, header, 0, header.length, 0);
  fs.closeSync(fd);
  if (!header.equals(SQLITE_HEADER)) throw new CliError(`${file} is not a Galley database (not an SQLite file).`);

  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new CliError(`${file} is not a Galley database (no ${missing.join(', ')} table).`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CliError(`${file} is damaged (SQLite says: ${String(check)}).`);
    const known = new Set(fs.readdirSync(MIGRATIONS_DIR));
    const applied = (db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name);
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length) {
      throw new CliError(`${file} was made by a newer Galley (it has ${unknown.join(', ')}). Update Galley first.`);
    }
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      members: count('SELECT COUNT(*) AS n FROM members'),
      editions: count('SELECT COUNT(*) AS n FROM editions'),
      articles: count('SELECT COUNT(*) AS n FROM articles'),
      documents: count('SELECT COUNT(DISTINCT doc_name) AS n FROM doc_updates'),
    };
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file} is not a readable Galley database (${(err as Error).message}).`);
  } finally {
    db.close();
  }
}

export function describe(summary: DatabaseSummary): string {
  return `${summary.members} members, ${summary.editions} editions, ${summary.articles} articles, ${summary.documents} documents`;
}
