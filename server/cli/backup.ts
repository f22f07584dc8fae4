import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/database';
import { CliError } from './errors';
import { DB_FILE, describe, inspectGalleyDatabase } from './databaseFile';
import { BACKUP_DB, FILES_DIR, copyTree, describeFile, verifyBackup, writeManifest, type Manifest } from './backupManifest';
import { PictureFiles } from '../pictures/storage';

/**
 * `backup DIR`: a consistent copy while people keep editing, in one new
 * folder (see backupManifest.ts). VACUUM INTO reads one snapshot of the
 * database (a single read transaction, which in WAL mode never blocks the
 * server's writes), so it holds every update committed before it started
 * and nothing half-written. The picture files are copied after it: they are
 * named by their content and written before the rows that point at them,
 * so every file the snapshot refers to is already there.
 */
export function backup(dataDir: string, target: string): string {
  const source = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(source)) throw new CliError(`There is no Galley database in ${dataDir} (DATA_DIR).`);
  const dir = path.resolve(target);
  if (fs.existsSync(dir)) throw new CliError(`${dir} exists already. Choose a new name; nothing was overwritten.`);
  if (!fs.existsSync(path.dirname(dir))) throw new CliError(`The folder ${path.dirname(dir)} does not exist.`);

  // Made beside the target and renamed at the end: a backup cut short never looks finished.
  const partial = `${dir}.partial-${process.pid}`;
  fs.mkdirSync(partial);
  try {
    const db = new Database(source, { fileMustExist: true, timeout: 5000 });
    try {
      db.prepare('VACUUM INTO ?').run(path.join(partial, BACKUP_DB));
    } finally {
      db.close();
    }
    const summary = inspectGalleyDatabase(path.join(partial, BACKUP_DB));
    const files = copyTree(path.join(dataDir, FILES_DIR), path.join(partial, FILES_DIR), FILES_DIR);
    const missing = missingOriginals(partial, new Set(files.map((f) => f.path)));
    writeManifest(partial, {
      format: 'galley-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database: describeFile(partial, BACKUP_DB),
      files,
    });
    fs.renameSync(partial, dir);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const warning = missing
      ? `\nWarning: the originals of ${missing} pictures were not in ${path.join(dataDir, FILES_DIR)} (lost earlier, or the pictures were deleted while the backup ran); those pictures are backed up without them.`
      : '';
    return `Backed up ${describe(summary)} and ${files.length} picture files (${megabytes(bytes)}) to ${dir}.${warning}`;
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (err instanceof CliError) throw err;
    throw new CliError(`The backup failed: ${(err as Error).message}. Nothing was written.`);
  }
}

/** Pictures of the snapshot whose original is not in the copy (lost from DATA_DIR/files before the backup). */
function missingOriginals(backupDir: string, copied: Set<string>): number {
  const db = new Database(path.join(backupDir, BACKUP_DB), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pictures'").get();
    if (!tables) return 0;
    const rows = db.prepare('SELECT original_sha256 AS sha, original_format AS format FROM pictures').all() as {
      sha: string;
      format: 'jpeg' | 'png';
    }[];
    const pictures = new PictureFiles('');
    return rows.filter((r) => !copied.has(pictures.originalPath(r.sha, r.format).split(path.sep).join('/'))).length;
  } finally {
    db.close();
  }
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

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
 * `restore BACKUP`: replaces the data with a backup folder (or, from
 * earlier versions, a single database file, which leaves the picture files
 * as they are). Refused unless the backup is whole and undamaged and no
 * server has the current database open; everything is checked before
 * anything changes. The current database and files are kept beside the
 * restored ones, so a restore can be undone.
 */
export function restore(dataDir: string, source: string): string {
  const from = path.resolve(source);
  const isFolder = fs.statSync(from, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const manifest = isFolder ? verifyBackup(from) : null;
  const backupDb = isFolder ? path.join(from, BACKUP_DB) : from;
  const summary = inspectGalleyDatabase(backupDb);
  fs.mkdirSync(dataDir, { recursive: true });
  const live = path.join(dataDir, DB_FILE);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const kept: string[] = [];

  const lock = fs.existsSync(live) ? lockExclusively(live) : null;
  if (fs.existsSync(live) && !lock) {
    throw new CliError(
      'The database is in use: stop the Galley server first (Ctrl+C or SIGTERM), then restore. Nothing was changed.',
    );
  }
  const stagedDb = `${live}.restoring-${process.pid}`;
  const stagedFiles = path.join(dataDir, `${FILES_DIR}.restoring-${process.pid}`);
  try {
    // Everything is copied beside the live data first: a copy that fails leaves it untouched.
    try {
      fs.copyFileSync(backupDb, stagedDb);
      if (manifest) stageFiles(from, manifest, stagedFiles);
    } catch (err) {
      fs.rmSync(stagedDb, { force: true });
      fs.rmSync(stagedFiles, { recursive: true, force: true });
      throw new CliError(`The restore could not copy the backup: ${(err as Error).message}. Nothing was changed.`);
    }
    if (lock) {
      // Fold the write-ahead log in, so the kept copy is one self-contained file.
      lock.exec('COMMIT');
      lock.pragma('wal_checkpoint(TRUNCATE)');
      const keptDb = `${live}.before-restore-${stamp}`;
      fs.copyFileSync(live, keptDb);
      kept.push(`The previous database is kept as ${keptDb}.`);
    }
    const liveFiles = path.join(dataDir, FILES_DIR);
    if (manifest && fs.existsSync(liveFiles)) {
      const keptFiles = `${liveFiles}.before-restore-${stamp}`;
      fs.renameSync(liveFiles, keptFiles);
      kept.push(`The previous picture files are kept in ${keptFiles}.`);
    }
    if (manifest) fs.renameSync(stagedFiles, liveFiles);
    fs.renameSync(stagedDb, live);
    for (const extra of ['-wal', '-shm']) fs.rmSync(live + extra, { force: true });
  } finally {
    lock?.close();
  }
  // Bring the restored database up to this version's schema now, not at the next start.
  openDatabase(dataDir).close();
  const what = manifest
    ? `${describe(summary)} and ${manifest.files.length} picture files`
    : `${describe(summary)} (a database file only: the picture files were left as they are)`;
  return [`Restored ${what} from ${from}.`, ...kept].join('\n');
}

/** Copies the backup's files into a new folder, checking each copy's size against the manifest. */
function stageFiles(from: string, manifest: Manifest, staged: string): void {
  fs.mkdirSync(staged);
  for (const entry of manifest.files) {
    const relative = entry.path.slice(FILES_DIR.length + 1);
    const target = path.join(staged, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(from, entry.path), target);
    if (fs.statSync(target).size !== entry.bytes) throw new Error(`${entry.path} was not copied whole`);
  }
}
