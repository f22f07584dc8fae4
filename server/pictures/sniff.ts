/**
 * What a file is, from its first bytes (never from its name or the type the
 * browser claims). Only the accepted kinds ever reach the image decoder, so
 * libvips' other loaders (SVG, PDF, GIF...) are never exposed to uploads.
 */
export const ACCEPTED_KINDS = ['jpeg', 'png', 'webp', 'avif', 'tiff'] as const;
export type AcceptedKind = (typeof ACCEPTED_KINDS)[number];
export type SniffedKind = AcceptedKind | 'heic' | 'gif' | 'bmp' | 'pdf' | 'svg' | 'unknown';

export function sniffImageKind(bytes: Uint8Array): SniffedKind {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 4 && (ascii(0, 4) === 'II*\x00' || ascii(0, 4) === 'MM\x00*')) return 'tiff';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') return isobmffKind(bytes);
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 2 && ascii(0, 2) === 'BM') return 'bmp';
  if (bytes.length >= 5 && ascii(0, 5) === '%PDF-') return 'pdf';
  const head = ascii(0, Math.min(bytes.length, 256)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return 'unknown';
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);

/** ISO base media files (HEIF family): the ftyp box names a major brand and compatible brands. */
function isobmffKind(bytes: Uint8Array): SniffedKind {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxSize = Math.min(view.getUint32(0), bytes.length, 4096);
  const brands: string[] = [];
  const brandAt = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  brands.push(brandAt(8));
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(brandAt(offset));
  if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  return 'unknown';
}

/** The refusal for a file that is not one of the accepted kinds: what it is, and what to do. */
export function refusalFor(kind: Exclude<SniffedKind, AcceptedKind>): string {
  switch (kind) {
    case 'heic':
      return 'This is a HEIC photo (the iPhone format), which Galley does not take. Export it as JPEG and upload that (on an iPhone: share the photo to Files, or set Settings > Camera > Formats to "Most Compatible").';
    case 'gif':
      return 'GIF files are not accepted. Save the picture as PNG or JPEG and upload that.';
    case 'bmp':
      return 'BMP files are not accepted. Save the picture as PNG or JPEG and upload that.';
    case 'pdf':
      return 'This is a PDF, not a picture. Export the page as a JPEG or PNG image and upload that.';
    case 'svg':
      return 'SVG drawings are not accepted. Export the drawing as a PNG and upload that.';
    case 'unknown':
      return 'This file is not a picture Galley can read. Upload a JPEG, PNG, WebP, AVIF or TIFF file.';
  }
}
