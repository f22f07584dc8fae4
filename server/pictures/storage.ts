import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalRecipeJson, type Recipe } from '../../shared/pictures/recipe';
import type { RenditionSpec } from './imaging';

/**
 * Picture files under DATA_DIR/files, content-addressed: a cleaned original
 * is named by the SHA-256 of its bytes, a rendition by the SHA-256 of what
 * it is made from (original, recipe, kind and size). Files are written to a
 * temporary name and renamed, so a reader never sees half a file.
 *
 *   originals/<sha[0,2]>/<sha>.jpg|png
 *   renditions/<original sha>/<recipe sha>/<key>.webp|jpg
 *
 * Renditions are grouped by original and recipe so that the ones nothing
 * uses any more (a deleted picture, a recipe replaced) are one folder to
 * remove, found without any record of them (see garbage.ts).
 */

/** Bump when the rendering changes, so old cached renditions are not served. */
const RENDERER_VERSION = 'r1';

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export class PictureFiles {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  originalPath(sha: string, format: 'jpeg' | 'png'): string {
    return path.join(this.root, 'originals', sha.slice(0, 2), `${sha}.${format === 'jpeg' ? 'jpg' : 'png'}`);
  }

  /** The folder of every rendition of one original made through one recipe. */
  renditionGroupDir(originalSha: string, recipeSha: string): string {
    return path.join(this.root, 'renditions', originalSha, recipeSha);
  }

  renditionPath(originalSha: string, recipe: Recipe, key: string, contentType: string): string {
    const ext = contentType === 'image/webp' ? 'webp' : 'jpg';
    return path.join(this.renditionGroupDir(originalSha, recipeSha(recipe)), `${key}.${ext}`);
  }

  /** Stores a cleaned original; identical pictures share one file. */
  saveOriginal(data: Buffer, format: 'jpeg' | 'png'): { sha: string; file: string } {
    const sha = sha256(data);
    const file = this.originalPath(sha, format);
    if (!fs.existsSync(file)) writeAtomically(file, data);
    return { sha, file };
  }

  readOriginal(sha: string, format: 'jpeg' | 'png'): Buffer {
    return fs.readFileSync(this.originalPath(sha, format));
  }
}

/** Names a recipe in file paths: the SHA-256 of its canonical JSON (what the database stores). */
export const recipeSha = (recipe: Recipe | string) =>
  sha256(typeof recipe === 'string' ? recipe : canonicalRecipeJson(recipe));

/** The cache key of a rendition: everything it is made from, nothing else (no times, no ids). */
export function renditionKey(originalSha: string, recipe: Recipe, spec: RenditionSpec): string {
  const specJson = JSON.stringify(Object.entries(spec).sort(([a], [b]) => (a < b ? -1 : 1)));
  return sha256([RENDERER_VERSION, originalSha, canonicalRecipeJson(recipe), specJson].join('\n'));
}

export function writeAtomically(file: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
