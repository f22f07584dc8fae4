import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type DB = Database.Database;

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens (creating if needed) DATA_DIR/galley.db in WAL mode and brings its
 * schema up to date. Migrations are the numbered .sql files in migrations/,
 * applied in order, each once, each in its own transaction; the applied
 * ones are recorded in schema_migrations so a restart never repeats one.
 */
export function openDatabase(dataDir: string): DB {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'galley.db'));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable against a process crash (SIGKILL): a
  // committed transaction is in the WAL file before commit returns. Only a
  // power loss could lose the last transactions, which FULL would cover.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: DB): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  )`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').all().map((r) => (r as { version: number }).version),
  );
  for (const file of listMigrations()) {
    if (applied.has(file.version)) continue;
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file.name), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(file.version, file.name);
    })();
  }
}

function listMigrations(): { version: number; name: string }[] {
  const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f));
  const list = files.map((name) => ({ version: Number(name.slice(0, 3)), name }));
  list.sort((a, b) => a.version - b.version);
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version === list[i - 1]!.version) {
      throw new Error(`Two migrations share number ${list[i]!.version}: ${list[i - 1]!.name} and ${list[i]!.name}`);
    }
  }
  return list;
}
