import fs from 'node:fs/promises';
import type { Metadata } from 'sharp';
import { PrintError } from './errors';
import { stripJpegMetadata } from './jpegMetadata';

/**
 * Pixels per inch of pictures that are resampled: newsprint screens run at
 * 85-100 lpi, and 150 ppi covers them.
 */
export const PICTURE_PPI = 150;

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

// sharp (libvips) is loaded only when a picture must be decoded: loading it
// costs a render about 30 MB and half a second of CPU.
let sharpModule: Promise<typeof import('sharp')> | null = null;
const loadSharp = async () => {
  sharpModule ??= import('sharp');
  const sharp = (await sharpModule).default;
  sharp.cache(false); // each picture is used once per render
  return sharp;
};

/**
 * Prepares a picture for its frame. An upright baseline/progressive JPEG in
 * RGB or gray goes into the PDF as it is and the PDF clips it to the frame:
 * decoding twelve 2000 px pictures would cost more than typesetting the
 * whole edition. Anything else, and every picture of black-only output, is
 * decoded by sharp, cropped to cover the frame at PICTURE_PPI, turned gray
 * if asked, and re-encoded. Errors name the file.
 */
export async function preparePicture(req: PictureRequest): Promise<PreparedPicture> {
  let input: Buffer;
  try {
    input = await fs.readFile(req.file);
  } catch {
    throw new PrintError(`picture file not found: ${req.file}`);
  }
  if (!req.grayscale && isPlainJpeg(input)) {
    // Carried as it is, but never with its EXIF/XMP/IPTC: a PDF leaves the server.
    const clean = stripJpegMetadata(input);
    if (clean) return { bytes: clean, fit: 'cover' };
  }
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch (err) {
    throw new PrintError(`picture ${req.file} is not an image (${(err as Error).message})`);
  }
  if (!meta.width || !meta.height) throw new PrintError(`picture ${req.file} is not an image (no size)`);
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

/**
 * True for a JPEG that a PDF can carry as it is: its frame header (SOF0-2)
 * has 1 or 3 components (gray or YCbCr, not CMYK) and no EXIF orientation
 * other than upright. Reads only the markers, never the image data.
 */
export function isPlainJpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false;
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return false;
    const marker = b[pos + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    const len = b.readUInt16BE(pos + 2);
    if (marker === 0xe1 && b.toString('latin1', pos + 4, pos + 10) === 'Exif\0\0' && exifOrientation(b, pos + 10, len - 8) > 1) return false;
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      const components = b[pos + 9];
      return pos + 10 <= b.length && (components === 1 || components === 3) && b.readUInt16BE(pos + 5) > 0 && b.readUInt16BE(pos + 7) > 0;
    }
    if (marker === 0xda || marker === 0xd9) return false;
    pos += 2 + len;
  }
  return false;
}

/** The EXIF orientation tag (1 = upright) of a TIFF block, or 1 if absent. */
function exifOrientation(b: Buffer, start: number, length: number): number {
  if (length < 8 || start + length > b.length) return 1;
  const little = b.toString('latin1', start, start + 2) === 'II';
  const u16 = (o: number) => (little ? b.readUInt16LE(start + o) : b.readUInt16BE(start + o));
  const u32 = (o: number) => (little ? b.readUInt32LE(start + o) : b.readUInt32BE(start + o));
  const ifd = u32(4);
  if (ifd + 2 > length) return 1;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > length) break;
    if (u16(e) === 0x0112) return u16(e + 8);
  }
  return 1;
}
