import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CliError } from './errors';

/**
 * A backup is one folder:
 *   galley.db       a consistent snapshot of the database
 *   files/...       a copy of DATA_DIR/files (picture originals and renditions)
 *   manifest.json   every file above with its size and SHA-256, written last
 * A folder without a manifest was cut short; a file that differs from the
 * manifest was damaged. Either is refused before anything is restored.
 */
export const MANIFEST = 'manifest.json';
export const BACKUP_DB = 'galley.db';
export const FILES_DIR = 'files';

const entrySchema = z.object({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestEntry = z.infer<typeof entrySchema>;

const manifestSchema = z.object({
  format: z.literal('galley-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: entrySchema,
  files: z.array(entrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Reads a file's size and SHA-256 in one streaming pass (pictures can be large; memory stays flat). */
export function describeFile(root: string, relative: string): ManifestEntry {
  const hash = createHash('sha256');
  const fd = fs.openSync(path.join(root, relative), 'r');
  const chunk = Buffer.alloc(1024 * 1024);
  let bytes = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
      bytes += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { path: relative.split(path.sep).join('/'), bytes, sha256: hash.digest('hex') };
}

/**
 * Copies every finished file under `from` to `to` (temporary files of a
 * write in progress are left out) and describes each copy as it was written.
 */
export function copyTree(from: string, to: string, prefix: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  const walk = (relative: string) => {
    const dir = path.join(from, relative);
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // no pictures yet, or removed meanwhile
      throw err;
    }
    for (const name of names) {
      const rel = path.join(relative, name);
      const stat = fs.lstatSync(path.join(from, rel), { throwIfNoEntry: false });
      if (!stat) continue; // removed while we looked (an unused rendition)
      if (stat.isDirectory()) walk(rel);
      else if (stat.isFile() && !name.endsWith('.tmp')) {
        fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
        try {
          fs.copyFileSync(path.join(from, rel), path.join(to, rel));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw err;
        }
        entries.push(describeFile(to, rel));
      }
    }
  };
  walk('');
  return entries.map((e) => ({ ...e, path: `${prefix}/${e.path}` }));
}

export function writeManifest(dir: string, manifest: Manifest): void {
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
}

/**
 * Checks a backup folder completely against its manifest, reading every
 * byte: a restore starts only from a whole, undamaged backup.
 */
export function verifyBackup(dir: string): Manifest {
  const manifestFile = path.join(dir, MANIFEST);
  if (!fs.existsSync(manifestFile)) {
    throw new CliError(
      `${dir} is not a complete Galley backup: it has no ${MANIFEST} (a backup that was cut short never gets one). Nothing was changed.`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
  } catch {
    throw new CliError(`${manifestFile} is damaged (it is not a Galley backup manifest). Nothing was changed.`);
  }
  const problems: string[] = [];
  for (const entry of [manifest.database, ...manifest.files]) {
    const inside = entry === manifest.database ? entry.path === BACKUP_DB : safeFilesPath(entry.path);
    if (!inside) {
      problems.push(`${entry.path} is not a path a backup may hold`);
      continue;
    }
    const file = path.join(dir, entry.path);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      problems.push(`${entry.path} is missing`);
      continue;
    }
    const found = describeFile(dir, entry.path);
    if (found.bytes !== entry.bytes || found.sha256 !== entry.sha256) problems.push(`${entry.path} differs from the manifest`);
  }
  if (problems.length) {
    const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
    throw new CliError(`The backup in ${dir} is damaged or incomplete: ${shown}. Nothing was changed.`);
  }
  return manifest;
}

/** Only plain relative paths under files/: a manifest must not send a copy anywhere else. */
function safeFilesPath(p: string): boolean {
  if (!p.startsWith(`${FILES_DIR}/`) || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
