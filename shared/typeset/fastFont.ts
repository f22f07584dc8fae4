/**
 * Fast text shapers for Latin fonts. fontkit's full OpenType layout
 * costs about half a millisecond per word, which made shaping the largest
 * cost of a render (the engine measures every word and pdfkit encodes it
 * again). For a font whose layout is only advance widths plus pair kerning
 * (no ligatures or contextual forms), the same result is the sum of glyph
 * advances plus the pairs of its format-0 `kern` table (for Liberation,
 * checked against fontkit on every word of the reference edition: identical).
 * `fastFont` wraps a parsed fontkit font so that `layout` takes that path
 * when the font has no substitution features and its kerning is in such a
 * table, and falls back to fontkit otherwise (and for any word holding a
 * character outside Latin letters and common punctuation: fontkit places
 * combining marks and hides default-ignorables such as U+00AD). The engine and pdfkit both
 * shape through the wrapper, so what is measured is what is drawn. Pure JS:
 * used in Node and the browser.
 *
 * Fonts with OpenType features (Galley's own Source Serif 4 and Source Sans
 * 3: ligatures, ccmp, GPOS pair and contextual kerning) take the compiled
 * OpenType shaper of opentypeShaper.ts instead, which gives fontkit's exact
 * result for ordinary Latin words and hands every other word to fontkit.
 */
import { compileOpenTypeShaper, isFastPathCharacter, type GlyphLike, type OpenTypeFont, type Position } from './opentypeShaper';
import { Reader } from './opentypePairs';
import { rawFeatureTags, type LocatableFont } from './opentypeRaw';
import { lookupsFor } from './opentypeTables';

/** The parts of a fontkit Font the shapers read. */
export interface ShapeableFont extends OpenTypeFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  availableFeatures?: string[];
  kern?: { tables?: { format?: number; subtable?: { pairs?: { left: number; right: number; value: number }[] } }[] };
  glyphForCodePoint(codePoint: number): GlyphLike;
  layout(text: string, features?: unknown): { advanceWidth: number; glyphs: GlyphLike[]; positions: Position[] };
}

/**
 * Like fontkit's GlyphRun, advanceWidth is computed from the positions on
 * every read: pdfkit scales the positions in place and then reads it.
 */
export class FastRun {
  glyphs: GlyphLike[] = [];
  positions: Position[] = [];
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/** Features that can replace or reorder glyphs: their presence rules out the fast path. */
const SUBSTITUTIONS = ['liga', 'clig', 'calt', 'rlig', 'ccmp', 'dlig', 'rclt'];

const wrapped = new WeakMap<object, object>();

/**
 * Returns an object that behaves as the font (every property passes through,
 * so pdfkit can embed and subset it) with a fast `layout` when it is exact.
 */
export function fastFont<F extends ShapeableFont>(font: F): F {
  const hit = wrapped.get(font);
  if (hit) return hit as F;
  const shaper = makeShaper(font) ?? makeOpenTypeShaper(font);
  if (!shaper) {
    wrapped.set(font, font);
    return font;
  }
  const layout = (text: string, features?: unknown) => (features ? font.layout(text, features) : shaper(text));
  const post = postTable(font);
  const proxy = new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      if (post && prop === 'post') return post.table;
      if (post && prop === 'italicAngle') return post.header.italicAngle;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  wrapped.set(font, proxy);
  return proxy;
}

/** The fixed fields at the start of a `post` table, as fontkit decodes them. */
interface PostHeader {
  version: number;
  italicAngle: number;
  underlinePosition: number;
  underlineThickness: number;
  isFixedPitch: number;
  minMemType42: number;
  maxMemType42: number;
  minMemType1: number;
  maxMemType1: number;
}

/**
 * The font's `post` table with its header read straight from the bytes.
 * pdfkit reads only isFixedPitch and italicAngle when it embeds a font, and
 * fontkit decodes the whole table for them: a version 2 table holds every
 * glyph's name, about 9 ms per font (a twelfth of embedding the subsets).
 * Any other field (the glyph names) is decoded by fontkit on first use.
 * Null when the table's bytes can't be located (the font then passes through).
 */
function postTable(font: ShapeableFont): { header: PostHeader; table: object } | null {
  const raw = font as unknown as LocatableFont;
  const bytes = raw.stream?.buffer;
  const entry = raw.directory?.tables?.post;
  if (raw.type !== 'TTF' || !(bytes instanceof Uint8Array) || !entry || typeof entry.offset !== 'number' || (entry.length ?? 0) < 32) return null;
  if (entry.offset + 32 > bytes.length) return null;
  const r = new Reader(bytes);
  const at = entry.offset;
  const fixed = (p: number) => (r.u16(p) & 0x8000 ? r.u32(p) - 0x100000000 : r.u32(p)) / 65536;
  const header: PostHeader = {
    version: fixed(at),
    italicAngle: fixed(at + 4),
    underlinePosition: r.i16(at + 8),
    underlineThickness: r.i16(at + 10),
    isFixedPitch: r.u32(at + 12),
    minMemType42: r.u32(at + 16),
    maxMemType42: r.u32(at + 20),
    minMemType1: r.u32(at + 24),
    maxMemType1: r.u32(at + 28),
  };
  const table = new Proxy(header, {
    get(h, prop) {
      return Object.hasOwn(h, prop) ? Reflect.get(h, prop) : (Reflect.get(font, 'post', font) as Record<string | symbol, unknown> | undefined)?.[prop];
    },
  });
  return { header, table };
}

/** Which fast path a font takes: exported so tests can tell it is not silently falling back. */
export function fastPathOf(font: ShapeableFont): 'kern-table' | 'opentype' | null {
  if (makeShaper(font)) return 'kern-table';
  return compileOpenTypeShaper(font) ? 'opentype' : null;
}

function makeOpenTypeShaper(font: ShapeableFont): ((text: string) => FastRun) | null {
  const shape = compileOpenTypeShaper(font);
  if (!shape) return null;
  return (text: string): FastRun => {
    const shaped = shape(text);
    if (!shaped) return fontkitRun(font, text);
    const run = new FastRun();
    run.glyphs = shaped.glyphs;
    run.positions = shaped.positions;
    return run;
  };
}

function fontkitRun(font: ShapeableFont, text: string): FastRun {
  const full = font.layout(text);
  const run = new FastRun();
  run.glyphs = full.glyphs;
  run.positions = full.positions;
  return run;
}

/**
 * fontkit's availableFeatures for the default script, without building its
 * layout engine when the font's bytes can be read: that decodes all of GSUB
 * and GPOS (about 7 ms per Liberation font) only to list their tags. Null
 * when the default script substitutes (the fast path is then ruled out).
 */
function availableFeatures(font: ShapeableFont): string[] | null {
  const raw = font as unknown as LocatableFont & { directory?: { tables?: Record<string, unknown> } };
  const gsub = rawFeatureTags(raw, 'GSUB');
  const gpos = rawFeatureTags(raw, 'GPOS');
  const tables = raw.directory?.tables;
  if (gsub && gpos && tables && !tables.morx) {
    // fontkit adds 'kern' for a font with a kern table whatever its layout tables hold.
    const tags = new Set([...gsub, ...gpos]);
    if (tables.kern) tags.add('kern');
    return SUBSTITUTIONS.some((f) => tags.has(f)) ? null : [...tags];
  }
  // The same answer as availableFeatures below when the font's default script substitutes,
  // without building fontkit's layout engine (several ms per font) only to say no.
  if (font.GSUB) {
    const tags = lookupsFor(font.GSUB, undefined).tags;
    if (SUBSTITUTIONS.some((f) => tags.has(f))) return null;
  }
  return font.availableFeatures ?? [];
}

function makeShaper(font: ShapeableFont): ((text: string) => FastRun) | null {
  const features = availableFeatures(font);
  if (!features) return null;
  if (features.some((f) => SUBSTITUTIONS.includes(f))) return null;
  const pairs = new Map<number, number>();
  if (features.includes('kern')) {
    const table = font.kern?.tables?.find((t) => t.format === 0 && t.subtable?.pairs);
    if (!table) return null;
    for (const p of table.subtable!.pairs!) pairs.set(p.left * 65536 + p.right, p.value);
  }
  const glyphs = new Map<number, GlyphLike>();
  const glyphFor = (cp: number): GlyphLike => {
    let g = glyphs.get(cp);
    if (!g) glyphs.set(cp, (g = font.glyphForCodePoint(cp)));
    return g;
  };
  const shape = (text: string): FastRun => {
    const run = new FastRun();
    let prev: GlyphLike | null = null;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // A combining mark is placed and a default-ignorable (U+00AD) hidden by fontkit: its words are left to it.
      if (!isFastPathCharacter(cp)) return fontkitRun(font, text);
      const g = glyphFor(cp);
      const pos = { xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
      if (prev) {
        const k = pairs.get(prev.id * 65536 + g.id);
        if (k) run.positions[run.positions.length - 1]!.xAdvance += k;
      }
      run.glyphs.push(g);
      run.positions.push(pos);
      prev = g;
    }
    return run;
  };
  return shape;
}
