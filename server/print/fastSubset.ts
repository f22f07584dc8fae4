/**
 * A faster way for fontkit's TrueType subset to copy a glyph when pdfkit
 * embeds a font. fontkit decodes every copied glyph's outline (its points and
 * hinting instructions, byte by byte through restructure) only to learn
 * whether the glyph is composite, then copies the glyph's bytes unchanged.
 * For a hinted font such as Liberation that decoding was the larger part of
 * embedding the subsets. Here the glyph's contour count is read from its
 * first two bytes: a simple or empty glyph is copied straight away, exactly
 * as fontkit copies it; a composite glyph (whose component ids must be
 * renumbered) still goes through fontkit. The subset's bytes are the same
 * (tests/print/fastSubset.test.ts compares them).
 */

interface GlyphMetrics {
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
}

/** The parts of a parsed fontkit font that the copy reads. */
interface SubsetSourceFont {
  _variationProcessor?: unknown;
  loca: { offsets: ArrayLike<number> };
  getGlyph(gid: number): GlyphMetrics;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
}

/** fontkit's TTFSubset while it encodes (fields set by its encode()). */
export interface TrueTypeSubset {
  font: SubsetSourceFont;
  cff?: unknown;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

const patched = new WeakSet<object>();

/**
 * Gives a TrueType subset the fast glyph copy; anything else (a CFF subset,
 * a variable font, an unexpected shape) is left as it is. True when it
 * took the fast copy.
 */
export function speedUpSubset(subset: unknown): boolean {
  const s = subset as Partial<TrueTypeSubset> | null;
  if (!s || typeof s !== 'object') return false;
  if (patched.has(s)) return true;
  const original = s._addGlyph;
  const font = s.font;
  if (typeof original !== 'function' || s.cff != null || !font || font._variationProcessor || typeof font._getTableStream !== 'function') return false;
  patched.add(s);
  s._addGlyph = function (this: TrueTypeSubset, gid: number): number {
    const start = this.font.loca.offsets[gid]!;
    const end = this.font.loca.offsets[gid + 1]!;
    const stream = this.font._getTableStream('glyf');
    if (!stream) return original.call(this, gid);
    stream.pos += start;
    const bytes = stream.readBuffer(end - start);
    // numberOfContours < 0: a composite glyph, whose component ids fontkit renumbers.
    if (bytes.length >= 2 && bytes[0]! & 0x80) return original.call(this, gid);
    const glyph = this.font.getGlyph(gid);
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
  return true;
}
