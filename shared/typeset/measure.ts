import type { FontLike } from './types';

/** Advance width in em (font units / unitsPerEm) and glyph count of one run of text. */
export interface RunMetrics {
  em: number;
  glyphs: number;
}

// One cache per font, in font units, so every size reuses it: a width at a
// size is units * size / unitsPerEm (the scaling is exact and cheap).
const caches = new WeakMap<FontLike, Map<string, RunMetrics>>();

function cacheFor(font: FontLike): Map<string, RunMetrics> {
  let cache = caches.get(font);
  if (!cache) {
    cache = new Map();
    caches.set(font, cache);
  }
  return cache;
}

/** Shaped metrics of a run (kerning included), cached per font. */
export function runMetrics(font: FontLike, text: string): RunMetrics {
  const cache = cacheFor(font);
  let m = cache.get(text);
  if (!m) {
    const run = font.layout(text);
    // fontkit's unitsPerEm is a getter that reads a table: divide once here.
    m = { em: run.advanceWidth / font.unitsPerEm, glyphs: run.glyphs.length };
    cache.set(text, m);
  }
  return m;
}

/** Width of a run in points at a size. */
export function widthOf(font: FontLike, sizePt: number, text: string): number {
  return runMetrics(font, text).em * sizePt;
}

/**
 * Baseline offset from the top of a line box, centring ascent+descent in it;
 * when the line is tighter than the font (headlines), the ascent still stays
 * inside the box so nothing rises above its frame.
 */
export function baselineOffset(font: FontLike, sizePt: number, lineHeightPt: number): number {
  const ascent = (font.ascent / font.unitsPerEm) * sizePt;
  const descent = (-font.descent / font.unitsPerEm) * sizePt;
  return Math.max(ascent, (lineHeightPt - ascent - descent) / 2 + ascent);
}

/** Soft hyphens never reach a font: strip them before measuring or drawing. */
export function stripSoftHyphens(text: string): string {
  return text.indexOf('\u00AD') < 0 ? text : text.replace(/\u00AD/g, '');
}
