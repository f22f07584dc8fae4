import type { Metadata, Sharp } from 'sharp';
import { HttpError } from '../errors';
import {
  coverRect,
  cropPixels,
  mapToOutput,
  regionPixels,
  viewSize,
  type PixelRect,
} from '../../shared/pictures/geometry';
import {
  BLUR_CELLS,
  GRID,
  MAX_PICTURE_PIXELS,
  THUMB_SIZE,
  ptToPrintPx,
  type WebWidth,
} from '../../shared/pictures/limits';
import { toneCurve, type BlurRegion, type Recipe } from '../../shared/pictures/recipe';
import { refusalFor, sniffImageKind, type AcceptedKind } from './sniff';

/**
 * The one place that touches pixels: every image Galley decodes or encodes
 * goes through this module (and so through sharp/libvips). Encoder options
 * are fixed and no metadata is ever written, so the same input and recipe
 * give the same bytes every time.
 */

/**
 * sharp (libvips, native code) is loaded by the first picture job, not when
 * the server starts: importing it took about 100 ms of a start that should
 * answer within a second.
 */
let sharp!: typeof import('sharp').default;
let sharpLoaded: Promise<void> | undefined;

function loadSharp(): Promise<void> {
  sharpLoaded ??= import('sharp').then(({ default: loaded }) => {
    // libvips' operation cache would keep decoded originals in memory between
    // requests; renditions are cached on disk instead.
    loaded.cache(false);
    sharp = loaded;
  });
  return sharpLoaded;
}

/**
 * Decoding a 24-megapixel photo takes a few hundred MB; at most this many
 * pictures are worked on at once (the rest wait their turn), so a burst of
 * uploads or first views cannot exhaust the machine's memory.
 */
const IMAGE_JOBS_AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(job: () => Promise<T>): Promise<T> {
  // A finishing job hands its place straight to the next in line, so no newcomer slips in between.
  if (running >= IMAGE_JOBS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    await loadSharp();
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export type OriginalFormat = 'jpeg' | 'png';

export interface CleanedOriginal {
  data: Buffer;
  format: OriginalFormat;
  width: number;
  height: number;
}

/** sharp's name for each accepted kind (AVIF is read by the HEIF loader). */
const SHARP_FORMAT: Record<AcceptedKind, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif', tiff: 'tiff' };

const DAMAGED =
  'This picture file is damaged or incomplete (perhaps the upload or copy was cut short). Open it on your computer, save it again as JPEG or PNG, and upload that.';

/**
 * Checks an upload and makes the original Galley keeps: upright (EXIF
 * orientation applied), in sRGB, with no metadata at all (EXIF with GPS and
 * camera serials, XMP, IPTC, comments and ICC profiles are dropped, because
 * the encoder is never asked to keep any). The pixel count is checked from
 * the header before anything is decoded, and the decoder is limited to it too.
 */
export function cleanUpload(input: Buffer): Promise<CleanedOriginal> {
  return inTurn(() => clean(input));
}

async function clean(input: Buffer): Promise<CleanedOriginal> {
  const kind = sniffImageKind(input);
  if (kind !== 'jpeg' && kind !== 'png' && kind !== 'webp' && kind !== 'avif' && kind !== 'tiff') {
    throw new HttpError(415, refusalFor(kind));
  }
  let header: Metadata;
  try {
    // Header only: nothing is decoded here, so no pixel limit yet (the size is checked next, with a clear message).
    header = await sharp(input, { failOn: 'none', limitInputPixels: false }).metadata();
  } catch {
    throw new HttpError(400, DAMAGED);
  }
  if (header.format !== SHARP_FORMAT[kind]) throw new HttpError(400, DAMAGED);
  // A HEIF file whose brands claim AVIF but whose pictures are HEVC-coded is a HEIC in disguise.
  if (kind === 'avif' && header.compression !== 'av1') throw new HttpError(415, refusalFor('heic'));
  const { width, height } = header;
  if (!width || !height) throw new HttpError(400, DAMAGED);
  if (width * height > MAX_PICTURE_PIXELS) {
    const mp = (MAX_PICTURE_PIXELS / 1_000_000).toFixed(0);
    throw new HttpError(
      413,
      `This picture is ${width} × ${height} pixels, more than the ${mp} megapixels Galley takes. Scale it down (a newspaper page needs at most about 3000 pixels across) and upload it again.`,
    );
  }
  const format: OriginalFormat = header.hasAlpha || kind === 'png' ? 'png' : 'jpeg';
  const pipeline = sharp(input, { failOn: 'warning', limitInputPixels: MAX_PICTURE_PIXELS })
    .rotate() // apply the EXIF orientation; the tag itself is not written out
    .toColourspace('srgb');
  try {
    const out =
      format === 'png'
        ? await pipeline.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer({ resolveWithObject: true })
        : await pipeline
            .jpeg({ quality: 95, chromaSubsampling: '4:4:4', optimiseCoding: true, mozjpeg: false })
            .toBuffer({ resolveWithObject: true });
    return { data: out.data, format, width: out.info.width, height: out.info.height };
  } catch {
    throw new HttpError(400, DAMAGED);
  }
}

export type RenditionSpec =
  /** The frame's size at 300 ppi; `ink: 'black'` for a black-only page gives a grayscale JPEG. */
  | { kind: 'print'; widthPt: number; heightPt: number | null; ink: 'black' | 'color' }
  | { kind: 'web'; width: WebWidth; format: 'webp' | 'jpeg' }
  | { kind: 'thumb'; format: 'webp' | 'jpeg' };

export interface Rendition {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
}

interface Plan {
  /** The part of the view the rendition shows, in view pixels. */
  source: PixelRect;
  width: number;
  height: number;
  gray: boolean;
}

/** Where the rendition is cut from and how big it comes out. */
export function planRendition(original: { width: number; height: number }, recipe: Recipe, spec: RenditionSpec): Plan {
  const view = viewSize(original.width, original.height, recipe.rotate);
  const crop = cropPixels(view, recipe.crop);
  const gray = recipe.grayscale || (spec.kind === 'print' && spec.ink === 'black');
  if (spec.kind === 'thumb') {
    return { source: coverRect(crop, 1, recipe.focal), width: THUMB_SIZE, height: THUMB_SIZE, gray };
  }
  if (spec.kind === 'web') {
    const width = Math.min(spec.width, crop.width);
    return { source: crop, width, height: Math.max(1, Math.round((width * crop.height) / crop.width)), gray };
  }
  const width = ptToPrintPx(spec.widthPt);
  const maxHeight = ptToPrintPx(GRID.maxFrameHeightPt);
  let height = spec.heightPt === null ? Math.round((width * crop.height) / crop.width) : ptToPrintPx(spec.heightPt);
  height = Math.min(maxHeight, Math.max(1, height));
  return { source: coverRect(crop, width / height, recipe.focal), width, height, gray };
}

/** Makes one rendition from the cleaned original and a recipe. */
export function renderRendition(
  original: Buffer,
  originalSize: { width: number; height: number },
  recipe: Recipe,
  spec: RenditionSpec,
): Promise<Rendition> {
  return inTurn(() => render(original, originalSize, recipe, spec));
}

async function render(
  original: Buffer,
  originalSize: { width: number; height: number },
  recipe: Recipe,
  spec: RenditionSpec,
): Promise<Rendition> {
  const plan = planRendition(originalSize, recipe, spec);
  // libvips does the heavy part (decode, turn, cut, resample) in one pass;
  // grey conversion and the tone curve are single table look-ups per pixel,
  // cheaper here than libvips' colour-managed conversions.
  const { data: rgb, info } = await orientedView(original, recipe)
    .extract(plan.source)
    .resize(plan.width, plan.height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected RGB from the flattened original, got ${info.channels} channels`);
  const data = plan.gray ? toGray(rgb) : rgb;
  const raw: RawInfo = { width: info.width, height: info.height, channels: plan.gray ? 1 : 3 };

  if (recipe.blur.length > 0) await blurRegions(data, raw, original, originalSize, recipe, plan);
  if (spec.kind === 'print' && recipe.tone.enabled) {
    const curve = toneCurve(recipe.tone);
    for (let i = 0; i < data.length; i++) data[i] = curve[data[i]!]!;
  }

  const encoder = sharp(data, { raw });
  // Without this sharp would widen one grey channel back to three on output.
  if (raw.channels === 1) encoder.toColourspace('b-w');
  if (recipe.sharpen > 0) encoder.convolve(unsharpKernel(recipe.sharpen));
  const format = spec.kind === 'print' ? 'jpeg' : spec.format;
  const quality = spec.kind === 'print' ? 90 : spec.kind === 'web' ? 82 : 75;
  const out =
    format === 'webp'
      ? await encoder.webp({ quality, effort: 4, smartSubsample: false }).toBuffer()
      : await encoder
          .jpeg({
            quality,
            chromaSubsampling: spec.kind === 'print' ? '4:4:4' : '4:2:0',
            progressive: spec.kind !== 'print',
            optimiseCoding: true,
            mozjpeg: false,
          })
          .toBuffer();
  return { data: out, contentType: `image/${format}`, width: plan.width, height: plan.height };
}

/**
 * The original turned and mirrored as the recipe says, flattened on white.
 * sharp mirrors before it rotates, so for quarter turns of 90° or 270° a
 * left-right mirror of the turned picture is an up-down mirror beforehand.
 */
function orientedView(original: Buffer, recipe: Recipe): Sharp {
  const img = sharp(original, { limitInputPixels: MAX_PICTURE_PIXELS, sequentialRead: true });
  if (recipe.rotate !== 0) img.rotate(recipe.rotate);
  const sideways = recipe.rotate === 90 || recipe.rotate === 270;
  const mirrorLeftRight = sideways ? recipe.flipV : recipe.flipH;
  const mirrorUpDown = sideways ? recipe.flipH : recipe.flipV;
  if (mirrorLeftRight) img.flop();
  if (mirrorUpDown) img.flip();
  return img.flatten({ background: '#ffffff' });
}

interface RawInfo {
  width: number;
  height: number;
  channels: 1 | 3;
}

/** Grey from sRGB values with the Rec. 709 luma weights (in 256ths, so the result is exact and repeatable). */
function toGray(rgb: Buffer): Buffer {
  const gray = Buffer.alloc(rgb.length / 3);
  for (let i = 0, j = 0; j < gray.length; i += 3, j++) {
    gray[j] = (rgb[i]! * 54 + rgb[i + 1]! * 183 + rgb[i + 2]! * 19 + 128) >> 8;
  }
  return gray;
}

/** The 5 x 5 binomial approximation of a Gaussian (sigma ≈ 1), sum 256. */
const BINOMIAL = [1, 4, 6, 4, 1].flatMap((a) => [1, 4, 6, 4, 1].map((b) => a * b));

/**
 * Unsharp mask as one convolution: the picture plus `amount` times its
 * difference from a blurred copy. Strength 0.8 (the default) adds 40%.
 */
function unsharpKernel(strength: number): { width: number; height: number; kernel: number[]; scale: number } {
  const amount = strength / 2;
  const kernel = BINOMIAL.map((g, i) => (i === 12 ? 256 : 0) * (1 + amount) - amount * g);
  return { width: 5, height: 5, kernel, scale: 256 };
}

/**
 * Hides each blur region so that a face in it can be neither recognised nor
 * recovered. Ordinary blurring keeps the information and can be partly
 * undone; here each region is first reduced to at most BLUR_CELLS x
 * BLUR_CELLS averages of the full-resolution view (everything finer is
 * thrown away), and every rendition, whatever its size, is filled from
 * that same tiny grid, enlarged smoothly and blurred again to hide the grid.
 */
async function blurRegions(
  target: Buffer,
  raw: RawInfo,
  original: Buffer,
  originalSize: { width: number; height: number },
  recipe: Recipe,
  plan: Plan,
): Promise<void> {
  const view = viewSize(originalSize.width, originalSize.height, recipe.rotate);
  const full = await orientedView(original, recipe).raw().toBuffer({ resolveWithObject: true });
  const fullRaw = { width: full.info.width, height: full.info.height, channels: full.info.channels };
  for (const region of recipe.blur) {
    const inView = regionPixels(view, region);
    const out = mapToOutput(inView, plan.source, plan.width, plan.height);
    if (out.left >= raw.width || out.top >= raw.height || out.left + out.width <= 0 || out.top + out.height <= 0) continue;
    const longest = Math.max(inView.width, inView.height);
    const cellsX = Math.max(1, Math.min(inView.width, Math.round((BLUR_CELLS * inView.width) / longest)));
    const cellsY = Math.max(1, Math.min(inView.height, Math.round((BLUR_CELLS * inView.height) / longest)));
    const cells = await sharp(full.data, { raw: fullRaw })
      .extract(inView)
      .resize(cellsX, cellsY, { fit: 'fill', kernel: 'lanczos3' })
      .raw()
      .toBuffer();
    const cellSize = Math.max(out.width / cellsX, out.height / cellsY);
    let patchImg = sharp(cells, { raw: { width: cellsX, height: cellsY, channels: fullRaw.channels } }).resize(
      Math.max(1, out.width),
      Math.max(1, out.height),
      { fit: 'fill', kernel: 'cubic' },
    );
    if (cellSize >= 2) patchImg = patchImg.blur(Math.max(0.5, cellSize / 2));
    const patch = await patchImg.raw().toBuffer();
    paste(target, raw, raw.channels === 1 ? toGray(patch) : patch, out, region.shape);
  }
}

/** Copies a patch into the picture inside the region's rectangle or ellipse, clipped to the picture. */
function paste(target: Buffer, raw: RawInfo, patch: Buffer, at: PixelRect, shape: BlurRegion['shape']): void {
  const { width, height, channels } = raw;
  const rx = at.width / 2;
  const ry = at.height / 2;
  for (let y = Math.max(0, at.top); y < Math.min(height, at.top + at.height); y++) {
    const py = y - at.top;
    for (let x = Math.max(0, at.left); x < Math.min(width, at.left + at.width); x++) {
      const px = x - at.left;
      if (shape === 'ellipse') {
        const dx = (px + 0.5 - rx) / rx;
        const dy = (py + 0.5 - ry) / ry;
        if (dx * dx + dy * dy > 1) continue;
      }
      const from = (py * at.width + px) * channels;
      const to = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) target[to + c] = patch[from + c]!;
    }
  }
}
