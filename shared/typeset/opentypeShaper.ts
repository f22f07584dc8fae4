/**
 * A fast OpenType shaper for ordinary Latin words, giving exactly what
 * fontkit's `font.layout(text)` gives (glyph ids, advances, offsets) in a
 * fraction of the time. fontkit spends most of a word's layout searching
 * coverage tables linearly, glyph by glyph and lookup by lookup, and decoding
 * table records through restructure; here every lookup fontkit would apply
 * is compiled (opentypeLookups.ts; pair kerning read from the font's bytes,
 * opentypeRaw.ts and opentypePairs.ts), what it does to a glyph or a pair is
 * remembered (opentypePlan.ts), and it runs over the word the way fontkit
 * runs it: GSUB single and ligature substitutions, GPOS single and pair
 * adjustments (pair sets and class pairs), and contextual positioning
 * (contextual kerning) with its nested lookups. fontkit's quirks are kept on
 * purpose (a chained rule's backtrack is compared in stored order; a pair's
 * second glyph is not skipped), since the goal is its result.
 *
 * Whenever fontkit could do something this shaper does not reproduce, the
 * word is handed back (null) and fontkit shapes it: characters outside
 * basic/extended Latin and common punctuation (combining marks, other
 * scripts, default-ignorables such as U+00AD, the fraction slash), glyphs
 * GDEF classes as marks, and any multiple/alternate substitution, contextual
 * substitution or mark/cursive attachment that would fire on the word. A
 * font whose lookups use flags this shaper does not model gets no fast path.
 */
import { LookupCompiler } from './opentypeLookups';
import { Plan, type Buffer, type CompiledLookup, type Position } from './opentypePlan';
import { rawGpos, type LocatableFont } from './opentypeRaw';
import { ClassIndex, lookupsFor, type GlyphDefinitions, type LayoutTable } from './opentypeTables';

export type { Position } from './opentypePlan';

export interface GlyphLike {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** The parts of a fontkit Font this shaper reads. */
export interface OpenTypeFont extends LocatableFont {
  GSUB?: LayoutTable | null;
  GPOS?: LayoutTable | null;
  GDEF?: GlyphDefinitions | null;
  kern?: unknown;
  morx?: unknown;
  _variationProcessor?: unknown;
  glyphForCodePoint(codePoint: number): GlyphLike;
  getGlyph(id: number, codePoints?: number[]): GlyphLike;
}

export interface ShapedWord {
  glyphs: GlyphLike[];
  positions: Position[];
}

/** Latin letters (Unicode script Latin) the fast path accepts. */
function isLatin(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    cp === 0xaa ||
    cp === 0xba ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x1e00 && cp <= 0x1eff)
  );
}

/** Script-neutral characters (Unicode script Common, not default-ignorable) the fast path accepts. */
function isCommon(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x40) ||
    (cp >= 0x5b && cp <= 0x60) ||
    (cp >= 0x7b && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xbf && cp !== 0xaa && cp !== 0xad && cp !== 0xba) ||
    cp === 0xd7 ||
    cp === 0xf7 ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    (cp >= 0x2030 && cp <= 0x205e && cp !== 0x2044) ||
    (cp >= 0x20a0 && cp <= 0x20bf) ||
    cp === 0x2116 ||
    cp === 0x2122
  );
}

/** Exported for the test that checks these ranges against Unicode's script data. */
export const fastPathCharacters = { isLatin, isCommon };

/** A character both fast shapers handle like fontkit: no mark to place, nothing to hide. */
export function isFastPathCharacter(cp: number): boolean {
  return isLatin(cp) || isCommon(cp);
}

/** A character's (or a substituted) glyph, with what the shaper asks of it every time. */
interface CharGlyph {
  glyph: GlyphLike;
  id: number;
  advance: number;
  latin: boolean;
  /** A character the fast path takes, whose glyph is not a mark. */
  usable: boolean;
}

interface ScriptPlan {
  gsub: Plan;
  gpos: Plan;
}

/** What fontkit applies for a script ('latn', or undefined for text without letters); null when not reproducible. */
function planFor(font: OpenTypeFont, script: string | undefined, gsub: LookupCompiler | null, gpos: LookupCompiler): ScriptPlan | null {
  const positioning = lookupsFor(font.GPOS!, script);
  // Without GPOS kerning for the script, fontkit kerns from the `kern` table: not modelled here.
  if (font.kern && !positioning.tags.has('kern')) return null;
  const compile = (compiler: LookupCompiler, indexes: number[]): Plan | null => {
    const lookups: CompiledLookup[] = [];
    for (const index of indexes) {
      const c = compiler.lookup(index);
      if (!c) return null;
      lookups.push(c);
    }
    return new Plan(lookups);
  };
  const sub = gsub ? compile(gsub, lookupsFor(font.GSUB!, script).lookups) : new Plan([]);
  const pos = compile(gpos, positioning.lookups);
  return sub && pos ? { gsub: sub, gpos: pos } : null;
}

/**
 * Compiles the font's shaper, or returns null when fontkit's layout of this
 * font is not one the shaper reproduces (AAT morx, variations, no GPOS,
 * lookups of a kind not modelled). The shaper returns null for a word it
 * leaves to fontkit. Tables are read lazily: compiling costs next to nothing,
 * and each glyph's coverage is looked up once, the first time it is met.
 */
export function compileOpenTypeShaper(font: OpenTypeFont): ((text: string) => ShapedWord | null) | null {
  if (font.morx || font._variationProcessor || !font.GPOS) return null;
  const gpos = new LookupCompiler(font.GPOS, true, rawGpos(font, font.GPOS.lookupList.length));
  const gsub = font.GSUB ? new LookupCompiler(font.GSUB, false) : null;
  const latin = planFor(font, 'latn', gsub, gpos);
  const neutral = planFor(font, undefined, gsub, gpos);
  if (!latin || !neutral) return null;

  // With GDEF glyph classes, fontkit zeroes the advance of (and skips) class-3 glyphs: marks are refused.
  const glyphClass = font.GDEF?.glyphClassDef ? new ClassIndex(font.GDEF.glyphClassDef) : null;
  const isMark = (id: number) => glyphClass !== null && glyphClass.get(id) === 3;
  const unusable: CharGlyph = { glyph: font.getGlyph(0), id: 0, advance: 0, latin: false, usable: false };
  const byCodePoint = new Map<number, CharGlyph>();
  const byId = new Map<number, CharGlyph>();
  const charGlyph = (cp: number): CharGlyph => {
    const glyph = font.glyphForCodePoint(cp);
    const latin = isLatin(cp);
    return { glyph, id: glyph.id, advance: glyph.advanceWidth, latin, usable: (latin || isCommon(cp)) && !isMark(glyph.id) };
  };
  const substitute = (id: number, chars: number[]): CharGlyph => {
    const glyph = font.getGlyph(id, chars);
    return { glyph, id, advance: glyph.advanceWidth, latin: false, usable: !isMark(id) };
  };

  return (text: string): ShapedWord | null => {
    const n = text.length;
    const ids = new Array<number>(n);
    const chars = new Array<number[]>(n);
    const found = new Array<CharGlyph>(n);
    let latinText = false;
    for (let k = 0; k < n; k++) {
      // Every character the fast path takes is in the BMP: a surrogate means fontkit's word.
      const cp = text.charCodeAt(k);
      let c = byCodePoint.get(cp);
      if (!c) byCodePoint.set(cp, (c = cp >= 0xd800 && cp <= 0xdfff ? unusable : charGlyph(cp)));
      if (!c.usable) return null;
      // fontkit picks the script of the first letter; with none, the font's default script.
      if (c.latin) latinText = true;
      ids[k] = c.id;
      chars[k] = [cp];
      found[k] = c;
    }
    if (n === 0) return { glyphs: [], positions: [] };
    const plan = latinText ? latin : neutral;
    const buf: Buffer = { ids, chars, positions: [] };
    if (!plan.gsub.run(buf)) return null;

    // fontkit hands back the Glyph of each id after substitution (its glyph cache is per id, as this one).
    const count = buf.ids.length;
    const glyphs = new Array<GlyphLike>(count);
    const positions = new Array<Position>(count);
    const same = count === n;
    for (let k = 0; k < count; k++) {
      const id = buf.ids[k]!;
      let c = same && id === found[k]!.id ? found[k]! : byId.get(id);
      if (!c) byId.set(id, (c = substitute(id, buf.chars[k]!)));
      if (!c.usable) return null;
      glyphs[k] = c.glyph;
      positions[k] = { xAdvance: c.advance, yAdvance: 0, xOffset: 0, yOffset: 0 };
    }
    buf.positions = positions;
    if (!plan.gpos.run(buf)) return null;
    return { glyphs, positions };
  };
}
