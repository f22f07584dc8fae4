import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../db/database';
import { allPictureSources, type PictureSource } from './records';
import { recipeSha, type PictureFiles } from './storage';

/**
 * Removing picture files nothing uses any more. Files carry no record of
 * their own: what is in use is read from the database each time.
 *   - an original is in use while any picture has its SHA-256 (identical
 *     uploads share one file);
 *   - a rendition is in use while any picture has its original and its
 *     current recipe. Layout frames place a picture by id and are always
 *     drawn through its current recipe, so this covers them too (a placed
 *     picture cannot be deleted, see placements.ts).
 * Renditions of an earlier recipe are remade if an undo brings it back
 * (they are deterministic).
 */

interface InUse {
  originals: Set<string>;
  /** `<original sha>/<recipe sha>` */
  renditionGroups: Set<string>;
}

function filesInUse(db: DB, files: PictureFiles): InUse {
  const originals = new Set<string>();
  const renditionGroups = new Set<string>();
  for (const source of allPictureSources(db)) {
    originals.add(files.originalPath(source.originalSha, source.format));
    renditionGroups.add(`${source.originalSha}/${recipeSha(source.recipe)}`);
  }
  return { originals, renditionGroups };
}

export interface Released {
  files: number;
  bytes: number;
}

/**
 * After a picture was deleted or its recipe replaced: removes the files of
 * what it used before (the original, the renditions of that recipe) unless
 * another picture still uses them. Synchronous on purpose: the check and
 * the removal happen with no request handled in between.
 */
export function releasePictureFiles(
  db: DB,
  files: PictureFiles,
  before: PictureSource,
): Released {
  const inUse = filesInUse(db, files);
  const released: Released = { files: 0, bytes: 0 };
  const recipe = recipeSha(before.recipe);
  if (!inUse.renditionGroups.has(`${before.originalSha}/${recipe}`)) {
    removeTree(files.renditionGroupDir(before.originalSha, recipe), released, () => true);
    removeIfEmpty(path.join(files.root, 'renditions', before.originalSha));
  }
  const original = files.originalPath(before.originalSha, before.format);
  if (!inUse.originals.has(original)) {
    removeFile(original, released);
    removeIfEmpty(path.dirname(original));
  }
  return released;
}

/**
 * Removes every file under DATA_DIR/files that no picture uses, including
 * renditions of an earlier file layout and temporary files left by a crash.
 * Files younger than `graceMs` are kept: an upload writes its original
 * before its database row, and a render in flight may be writing for a
 * recipe just replaced.
 */
export function sweepPictureFiles(db: DB, files: PictureFiles, graceMs: number): Released {
  const inUse = filesInUse(db, files);
  const released: Released = { files: 0, bytes: 0 };
  const cutoff = Date.now() - graceMs;
  const old = (file: string) => fs.statSync(file).mtimeMs < cutoff;

  const originalsDir = path.join(files.root, 'originals');
  for (const shard of listDir(originalsDir)) {
    const dir = path.join(originalsDir, shard);
    removeTree(dir, released, (file) => !inUse.originals.has(file) && old(file));
    removeIfEmpty(dir);
  }
  const renditionsDir = path.join(files.root, 'renditions');
  for (const originalSha of listDir(renditionsDir)) {
    const originalDir = path.join(renditionsDir, originalSha);
    if (!isDirectory(originalDir)) {
      removeFile(originalDir, released);
      continue;
    }
    for (const recipe of listDir(originalDir)) {
      const groupDir = path.join(originalDir, recipe);
      // A file here is from the earlier layout, renditions/<key[0,2]>/<key>: remade on request now.
      if (!isDirectory(groupDir)) {
        if (old(groupDir)) removeFile(groupDir, released);
        continue;
      }
      const inUseGroup = inUse.renditionGroups.has(`${originalSha}/${recipe}`);
      // A group in use may still hold a temporary file of a crashed write.
      removeTree(groupDir, released, (file) => (!inUseGroup || file.endsWith('.tmp')) && old(file));
    }
    removeIfEmpty(originalDir);
  }
  return released;
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

function isDirectory(file: string): boolean {
  return fs.lstatSync(file).isDirectory();
}

/** Removes the files under `dir` that `remove` picks, then the folders left empty. */
function removeTree(dir: string, released: Released, remove: (file: string) => boolean): void {
  for (const name of listDir(dir)) {
    const file = path.join(dir, name);
    if (isDirectory(file)) {
      removeTree(file, released, remove);
      removeIfEmpty(file);
    } else if (remove(file)) removeFile(file, released);
  }
  removeIfEmpty(dir);
}

function removeFile(file: string, released: Released): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
    fs.rmSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // removed meanwhile: fine
    throw err;
  }
  released.files++;
  released.bytes += size;
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // not empty, or gone already: either way nothing to do
  }
}
