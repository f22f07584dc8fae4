/**
 * Pictures cropped on the layout desk (a focal point and a zoom, crop.ts).
 * The desk shows the whole picture (the picture desk's crop at its own
 * proportions) placed over the frame; the PDF gets the same: the whole
 * picture's print rendition, large enough for the zoom, cut here with the
 * same geometry to exactly what the frame shows.
 */
import type { DB } from '../db/database';
import { planRendition } from '../pictures/imaging';
import { currentRecipe, findPictureRow } from '../pictures/records';
import type { RenditionCache } from '../pictures/renditions';
import { PICTURE_PPI, type PreparedPicture } from '../print/pictures';
import { PrintError } from '../print/errors';
import { cropPlacement, cropSource } from '../../shared/layout/crop';
import type { PictureCrop } from '../../shared/layout/types';

/** The key of a picture's whole (uncut) file among a render's pictures. */
export const wholePictureKey = (pictureId: string) => `${pictureId}@whole`;

/** Main thread: the whole picture's print rendition, wide enough to show the zoomed part at print resolution. */
export async function wholePictureFile(db: DB, renditions: RenditionCache, pictureId: string, frame: { w: number; h: number }, crop: PictureCrop, blackOnly: boolean): Promise<string | null> {
  try {
    const row = findPictureRow(db, pictureId);
    const original = { sha: row.original_sha256, format: row.original_format, width: row.width, height: row.height };
    const recipe = currentRecipe(db, row);
    const ink = blackOnly ? 'black' : 'color';
    const probe = planRendition(original, recipe, { kind: 'print', widthPt: 100, heightPt: null, ink });
    const drawn = cropPlacement(probe.width / probe.height, frame, crop);
    const made = await renditions.get(original, recipe, { kind: 'print', widthPt: drawn.w, heightPt: null, ink });
    return made.file;
  } catch {
    return null;
  }
}

/** Render worker: the part of the whole picture the frame shows, at the frame's size. */
export async function prepareCroppedPicture(file: string, frame: { w: number; h: number }, crop: PictureCrop, grayscale: boolean): Promise<PreparedPicture> {
  const sharp = (await import('sharp')).default;
  // Renditions are written upright without EXIF, so the file's pixels are the picture as seen.
  let img = sharp(file, { failOn: 'error' });
  const meta = await img.metadata().catch((err: Error) => {
    throw new PrintError(`picture ${file} is not an image (${err.message})`);
  });
  if (!meta.width || !meta.height) throw new PrintError(`picture ${file} is not an image (no size)`);
  const source = cropSource({ w: meta.width, h: meta.height }, frame, crop);
  const width = Math.max(1, Math.round((frame.w * PICTURE_PPI) / 72));
  const height = Math.max(1, Math.round((frame.h * PICTURE_PPI) / 72));
  img = img.extract(source).resize(width, height, { fit: 'fill' });
  img = grayscale ? img.grayscale().toColourspace('b-w') : img.toColourspace('srgb');
  return { bytes: await img.jpeg({ quality: 85 }).toBuffer(), fit: 'cropped' };
}
