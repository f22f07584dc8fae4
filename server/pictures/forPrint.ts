import type { DB } from '../db/database';
import { frameWidthPt } from '../../shared/pictures/limits';
import type { Recipe } from '../../shared/pictures/recipe';
import { RenditionCache } from './renditions';
import { currentRecipe, findPictureRow } from './records';
import { PictureFiles } from './storage';

/**
 * What the page renderer needs to place a picture: the file of its print
 * rendition for a frame, made through the same recipe and cache as the desk
 * sees (so the PDF and the desk never disagree, and blur regions always apply).
 */
export interface PrintSource {
  originalSha: string;
  originalFormat: 'jpeg' | 'png';
  width: number;
  height: number;
  recipe: Recipe;
}

/** Reads on the main thread (it has the database); the result is plain data a worker can take. */
export function printSourceFor(db: DB, pictureId: string): PrintSource {
  const row = findPictureRow(db, pictureId);
  return {
    originalSha: row.original_sha256,
    originalFormat: row.original_format,
    width: row.width,
    height: row.height,
    recipe: currentRecipe(db, row),
  };
}

/** The print rendition's file for a frame in points (grey for black-only pages); made now if not cached. */
export async function printRenditionFile(
  dataDir: string,
  source: PrintSource,
  frame: { widthPt?: number; heightPt?: number | null; ink: 'black' | 'color' },
): Promise<string> {
  const cache = new RenditionCache(new PictureFiles(dataDir));
  const made = await cache.get(
    { sha: source.originalSha, format: source.originalFormat, width: source.width, height: source.height },
    source.recipe,
    {
      kind: 'print',
      widthPt: frame.widthPt ?? frameWidthPt(source.recipe.frame.columns),
      heightPt: frame.heightPt === undefined ? source.recipe.frame.heightPt : frame.heightPt,
      ink: frame.ink,
    },
  );
  return made.file;
}
