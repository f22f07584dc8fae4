/**
 * Picture limits and the tabloid grid, shared by the server (which enforces
 * them) and the desk (which shows them before a request would be refused).
 */

/** Bytes in one uploaded file. A 24-megapixel phone JPEG is 6-15 MB; an uncompressed TIFF scan can be 70 MB. */
export const MAX_PICTURE_BYTES = 80 * 1024 * 1024;

/**
 * Pixels in one image, read from the file's header before anything is
 * decoded: a 100-megapixel image already takes 300 MB of memory decoded,
 * and a "decompression bomb" (a small file declaring a huge canvas) stops here.
 */
export const MAX_PICTURE_PIXELS = 100_000_000;

/** The tabloid column grid the print frames sit on, in PostScript points. */
export const GRID = {
  columns: 5,
  columnWidthPt: 134.4,
  gutterPt: 12,
  /** The tallest frame a picture can fill on a tabloid page (17 in minus margins). */
  maxFrameHeightPt: 1150,
  minFrameHeightPt: 36,
} as const;

/** Print renditions are made at this resolution. */
export const PRINT_PPI = 300;

/** Widths offered for web renditions; anything else is refused so the cache stays bounded. */
export const WEB_WIDTHS = [480, 960, 1600] as const;
export type WebWidth = (typeof WEB_WIDTHS)[number];

/** Thumbnails on the desk grid are square, cut around the focal point. */
export const THUMB_SIZE = 320;

/** Blur regions per picture, and how many samples across a blurred region survive (see imaging.ts). */
export const MAX_BLUR_REGIONS = 30;
export const BLUR_CELLS = 6;

/** Captions, credits and the consent note. */
export const CAPTION_CHARS = 600;
export const CREDIT_CHARS = 120;
export const CONSENT_NOTE_CHARS = 1000;

/** The width of a frame spanning `columns` columns of the grid, gutters included. */
export function frameWidthPt(columns: number): number {
  return columns * GRID.columnWidthPt + (columns - 1) * GRID.gutterPt;
}

/** Points to pixels at the print resolution. */
export function ptToPrintPx(pt: number): number {
  return Math.round((pt / 72) * PRINT_PPI);
}
