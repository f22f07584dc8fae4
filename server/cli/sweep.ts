import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { sweepPictureFiles } from '../pictures/garbage';
import { PictureFiles } from '../pictures/storage';
import { CliError } from './errors';
import { DB_FILE } from './databaseFile';

/**
 * Files younger than this are left alone: an upload writes its original
 * before its database row, and a render may be writing for a recipe that
 * was just replaced. An hour is far longer than either takes.
 */
const GRACE_MS = 60 * 60 * 1000;

/** `files:sweep`: removes picture files no picture uses; safe while the server runs. */
export function sweepFiles(dataDir: string): string {
  if (!fs.existsSync(path.join(dataDir, DB_FILE))) throw new CliError(`There is no Galley database in ${dataDir} (DATA_DIR).`);
  const db = openDatabase(dataDir);
  try {
    const released = sweepPictureFiles(db, new PictureFiles(dataDir), GRACE_MS);
    const size = released.bytes >= 1024 * 1024 ? `${(released.bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(released.bytes / 1024)} KB`;
    return released.files
      ? `Removed ${released.files} picture files no picture uses (${size}).`
      : 'Every picture file is in use (or younger than an hour); nothing was removed.';
  } finally {
    db.close();
  }
}
