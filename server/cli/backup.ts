import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/database';
import { CliError } from './errors';
import { DB_FILE, describe, inspectGalleyDatabase } from './databaseFile';

/**
 * `backup FILE`: a consistent copy while people keep editing. VACUUM INTO
 * reads one snapshot (a single read transaction, which in WAL mode never
 * blocks the server's writes), so the copy holds every update committed
 * before it started and nothing half-written.
 */
export function backup(dataDir: string, target: string): string {
  const source = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(source)) throw new CliError(`There is no Galley database in ${dataDir} (DATA_DIR).`);
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new CliError(`${file} exists already. Choose a new file name; nothing was overwritten.`);
  if (!fs.existsSync(path.dirname(file))) throw new CliError(`The folder ${path.dirname(file)} does not exist.`);

  // Written beside the target and renamed at the end: a backup cut short never looks finished.
  const partial = `${file}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new CliError(`The backup failed: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  const summary = inspectGalleyDatabase(partial);
  fs.renameSync(partial, file);
  return `Backed up ${describe(summary)} to ${file}.`;
}

/** Whether a server (or anything else) has the database open, asked of SQLite itself. */
function lockExclusively(file: string): Database.Database | null {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    // An open WAL connection anywhere (a running server) makes this fail at once.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch {
    db.close();
    return null;
  }
}

/**
 * `restore FILE`: replaces the database with a backup. Refused unless the
 * file is a healthy Galley database and no server has the current one open.
 * The current database is kept beside it, so a restore can be undone.
 */
export function restore(dataDir: string, source: string): string {
  const file = path.resolve(source);
  const summary = inspectGalleyDatabase(file);
  fs.mkdirSync(dataDir, { recursive: true });
  const live = path.join(dataDir, DB_FILE);
  let kept = '';
  if (fs.existsSync(live)) {
    const lock = lockExclusively(live);
    if (!lock) {
      throw new CliError(
        'The database is in use: stop the Galley server first (Ctrl+C or SIGTERM), then restore. Nothing was changed.',
      );
    }
    try {
      // Fold the write-ahead log in, so the kept copy is one self-contained file.
      lock.exec('COMMIT');
      lock.pragma('wal_checkpoint(TRUNCATE)');
      kept = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.copyFileSync(live, kept);
      const staged = `${live}.restoring-${process.pid}`;
      fs.copyFileSync(file, staged);
      fs.renameSync(staged, live);
      for (const extra of ['-wal', '-shm']) fs.rmSync(live + extra, { force: true });
    } finally {
      lock.close();
    }
  } else {
    fs.copyFileSync(file, live);
  }
  // Bring the restored database up to this version's schema now, not at the next start.
  openDatabase(dataDir).close();
  return `Restored ${describe(summary)} from ${file}.` + (kept ? `\nThe previous database is kept as ${kept}.` : '');
}
