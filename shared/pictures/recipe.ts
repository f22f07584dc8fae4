import { z } from 'zod';
import { GRID, MAX_BLUR_REGIONS } from './limits';

/**
 * A picture's formatting is a recipe applied to the cleaned original; the
 * original's pixels are never changed. Every position is a fraction (0..1)
 * of the picture as the desk shows it: after rotation and flips, before the
 * crop. Fractions survive any rendition size, and rounding them to four
 * decimals keeps equal recipes byte-equal (so they hash to the same renditions).
 */

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const fraction = z.number().min(0).max(1).transform(round4);
const EPSILON = 1e-4;

export const rectSchema = z
  .object({ x: fraction, y: fraction, w: fraction, h: fraction })
  .refine((r) => r.w > 0 && r.h > 0, 'a rectangle needs a width and a height')
  .refine((r) => r.x + r.w <= 1 + EPSILON && r.y + r.h <= 1 + EPSILON, 'the rectangle reaches outside the picture');
export type Rect = z.infer<typeof rectSchema>;

export const blurRegionSchema = z
  .object({ shape: z.enum(['rect', 'ellipse']), x: fraction, y: fraction, w: fraction, h: fraction })
  .refine((r) => r.w > 0 && r.h > 0, 'a blur region needs a width and a height')
  .refine((r) => r.x + r.w <= 1 + EPSILON && r.y + r.h <= 1 + EPSILON, 'the blur region reaches outside the picture');
export type BlurRegion = z.infer<typeof blurRegionSchema>;

/** Newsprint tone: levels, the ink range the press holds, and compensation for dot gain. */
export const toneSchema = z.object({
  enabled: z.boolean(),
  /** Input levels: grey values at or below `black` print as the darkest ink, at or above `white` as the lightest. */
  black: z.number().int().min(0).max(100),
  white: z.number().int().min(155).max(255),
  /** Ink coverage (percent) of the lightest highlight and the deepest shadow that newsprint can hold. */
  inkMin: z.number().int().min(0).max(15),
  inkMax: z.number().int().min(70).max(100),
  /** How much a 50% dot grows on the press (percentage points); the curve lightens mid-tones to match. */
  dotGain: z.number().int().min(0).max(40),
});
export type Tone = z.infer<typeof toneSchema>;

export const frameSchema = z.object({
  /** Width of the print frame in columns of the tabloid grid. */
  columns: z.number().int().min(1).max(GRID.columns),
  /** Height in points; null: the height follows the crop's proportions (a free crop). */
  heightPt: z
    .number()
    .min(GRID.minFrameHeightPt)
    .max(GRID.maxFrameHeightPt)
    .transform((n) => Math.round(n * 10) / 10)
    .nullable(),
});
export type Frame = z.infer<typeof frameSchema>;

export const recipeSchema = z.object({
  /** Quarter turns clockwise, applied after the EXIF orientation (already baked into the original). */
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  flipH: z.boolean(),
  flipV: z.boolean(),
  /** null: the whole picture. */
  crop: rectSchema.nullable(),
  frame: frameSchema,
  /** The point to keep when a rendition must be cut tighter than the crop (thumbnails, other frame shapes); a fraction of the crop. */
  focal: z.object({ x: fraction, y: fraction }),
  grayscale: z.boolean(),
  tone: toneSchema,
  /** Unsharp-mask strength, 0 (off) to 3. */
  sharpen: z.number().min(0).max(3).transform((n) => Math.round(n * 100) / 100),
  blur: z.array(blurRegionSchema).max(MAX_BLUR_REGIONS),
});
export type Recipe = z.infer<typeof recipeSchema>;
/** What a client sends: the same shape before rounding. */
export type RecipeInput = z.input<typeof recipeSchema>;

export const NEWSPRINT_TONE: Tone = { enabled: true, black: 8, white: 248, inkMin: 3, inkMax: 90, dotGain: 18 };

export function defaultRecipe(): Recipe {
  return {
    rotate: 0,
    flipH: false,
    flipV: false,
    crop: null,
    frame: { columns: 2, heightPt: null },
    focal: { x: 0.5, y: 0.5 },
    grayscale: false,
    tone: { ...NEWSPRINT_TONE },
    sharpen: 0.8,
    blur: [],
  };
}

/**
 * The 256-entry grey curve of a newsprint tone (255 = paper white).
 * Levels first stretch [black, white] to full range; the result is mapped
 * into the ink range the press holds; then each coverage c is lowered to the
 * c' that the press grows back into c, with the usual dot-gain model
 * gain(c') = 4·g·c'(1−c') (largest, g, at a 50% dot).
 */
export function toneCurve(tone: Tone): Uint8Array {
  const curve = new Uint8Array(256);
  const g = tone.dotGain / 100;
  const span = Math.max(1, tone.white - tone.black);
  for (let v = 0; v < 256; v++) {
    const lightness = Math.min(1, Math.max(0, (v - tone.black) / span));
    const wanted = tone.inkMin / 100 + (1 - lightness) * ((tone.inkMax - tone.inkMin) / 100);
    const coverage = g === 0 ? wanted : (1 + 4 * g - Math.sqrt((1 + 4 * g) ** 2 - 16 * g * wanted)) / (8 * g);
    curve[v] = Math.round(255 * (1 - coverage));
  }
  return curve;
}

/** Width over height of a frame, or null when its height follows the crop. */
export function frameAspect(frame: Frame, columnWidth: (columns: number) => number): number | null {
  return frame.heightPt === null ? null : columnWidth(frame.columns) / frame.heightPt;
}

/** Sorted-key JSON: the same recipe always gives the same text (rendition cache keys hash it). */
export function canonicalRecipeJson(recipe: Recipe): string {
  return JSON.stringify(recipe, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return value;
  });
}
