import fs from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { PrintError } from './errors';

/**
 * Pixels per inch of pictures that are resampled: newsprint screens run at
 * 85-100 lpi, and 150 ppi covers them.
 */
export const PICTURE_PPI = 150;

// Each picture is used once per render: libvips' operation cache only holds memory.
sharp.cache(false);

export interface PictureRequest {
  file: string;
  /** The frame in points; the picture is cropped to cover it. */
  widthPt: number;
  heightPt: number;
  grayscale: boolean;
}

export interface PreparedPicture {
  bytes: Buffer;
  /**
   * 'cropped': already cut to the frame's proportions; 'cover': the original
   * JPEG, to be scaled to cover the frame and clipped to it in the PDF.
   */
  fit: 'cropped' | 'cover';
}

/**
 * Prepares a picture for its frame. An upright RGB or gray JPEG goes into the
 * PDF as it is (the PDF clips it to the frame): decoding twelve 2000 px
 * pictures would cost more than typesetting the whole edition. Anything else,
 * and every picture of black-only output, is decoded by sharp, cropped to
 * cover the frame at PICTURE_PPI, turned gray if asked, and re-encoded.
 * Errors name the file.
 */
export async function preparePicture(req: PictureRequest): Promise<PreparedPicture> {
  let input: Buffer;
  try {
    input = await fs.readFile(req.file);
  } catch {
    throw new PrintError(`picture file not found: ${req.file}`);
  }
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch (err) {
    throw new PrintError(`picture ${req.file} is not an image (${(err as Error).message})`);
  }
  if (!meta.width || !meta.height) throw new PrintError(`picture ${req.file} is not an image (no size)`);
  const upright = !meta.orientation || meta.orientation === 1;
  if (!req.grayscale && meta.format === 'jpeg' && upright && (meta.space === 'srgb' || meta.space === 'b-w')) {
    return { bytes: input, fit: 'cover' };
  }
  const width = Math.max(1, Math.round((req.widthPt * PICTURE_PPI) / 72));
  const height = Math.max(1, Math.round((req.heightPt * PICTURE_PPI) / 72));
  try {
    let img = sharp(input, { failOn: 'error' }).rotate().resize(width, height, { fit: 'cover', position: 'centre' });
    img = req.grayscale ? img.grayscale().toColourspace('b-w') : img.toColourspace('srgb');
    return { bytes: await img.jpeg({ quality: 82 }).toBuffer(), fit: 'cropped' };
  } catch (err) {
    throw new PrintError(`picture ${req.file} is not an image that can be read (${(err as Error).message})`);
  }
}
