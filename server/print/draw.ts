/**
 * Drawing primitives on a pdfkit document: set lines, rules, mastheads,
 * folios and crop marks. All colours go through `ink` so black-only output
 * really uses only the black plate (DeviceCMYK K or DeviceGray).
 */
import type PDFDocument from 'pdfkit';
import { baselineOffset, widthOf, type FontSet, type SetLine, type TextStyle } from '../../shared/typeset/index';

type Doc = InstanceType<typeof PDFDocument>;
type Cmyk = [number, number, number, number];

/** Pure black on the K plate only: RGB black would become rich black in CMYK. */
export const BLACK: Cmyk = [0, 0, 0, 100];

/** A colour for rules and furniture; black-only maps every colour to its gray on K. */
export function ink(hex: string, blackOnly: boolean): Cmyk {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return BLACK;
  const v = parseInt(m[1]!, 16);
  const [r, g, b] = [(v >> 16) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
  const k = 1 - Math.max(r, g, b);
  if (blackOnly || k === 1) return [0, 0, 0, Math.round(100 * (1 - (0.299 * r + 0.587 * g + 0.114 * b)))];
  return [((1 - r - k) / (1 - k)) * 100, ((1 - g - k) / (1 - k)) * 100, ((1 - b - k) / (1 - k)) * 100, k * 100];
}

/** The part of pdfkit's embedded font used to write text operators directly. */
interface EmbeddedFont {
  id: string;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
  ref(): unknown;
}

const num = (v: number) => String(Math.round(v * 10000) / 10000);

/** A word's TJ operands: inside a line (a kern after its last glyph kept) and at the line's end. */
interface EncodedWord {
  inLine: string;
  atEnd: string;
}

// Per embedded font (so per document), per word: most words of an edition
// recur, and encoding one (shaping, subset lookups, hex per glyph) cost a
// quarter of the drawing. pdfkit's encode() only records glyphs in the
// subset, so after a word's first encoding a repeat adds nothing to the PDF.
const encodedWords = new WeakMap<EmbeddedFont, Map<string, EncodedWord>>();

function encodeWord(font: EmbeddedFont, word: string): EncodedWord {
  let cache = encodedWords.get(font);
  if (!cache) encodedWords.set(font, (cache = new Map()));
  const hit = cache.get(word);
  if (hit) return hit;
  const [glyphs, positions] = font.encode(word);
  const operands = (atEnd: boolean): string => {
    const parts: string[] = [];
    let hex = '';
    for (let g = 0; g < glyphs.length; g++) {
      hex += glyphs[g];
      const kern = positions[g]!.xAdvance - positions[g]!.advanceWidth;
      if (kern !== 0 && (g < glyphs.length - 1 || !atEnd)) {
        parts.push(`<${hex}>`, num(-kern));
        hex = '';
      }
    }
    if (hex || !atEnd) parts.push(`<${hex}>`);
    return parts.join(' ');
  };
  const encoded = { inLine: operands(false), atEnd: operands(true) };
  cache.set(word, encoded);
  return encoded;
}

const encodedSpaces = new WeakMap<EmbeddedFont, { glyph: string; advance: number }>();

/** The font's space glyph and its advance in 1/1000 em. */
function encodeSpace(font: EmbeddedFont): { glyph: string; advance: number } {
  let space = encodedSpaces.get(font);
  if (!space) {
    const [glyphs, positions] = font.encode(' ');
    space = { glyph: glyphs[0] ?? '', advance: positions[0]?.xAdvance ?? 0 };
    encodedSpaces.set(font, space);
  }
  return space;
}

/**
 * Draws set lines with one TJ operator per line inside a single BT/ET block:
 * glyphs from pdfkit's font encoder (which subsets the font and records the
 * text's Unicode), kerning and word gaps as TJ offsets, letter-spacing as Tc.
 * pdfkit's own text() wraps every line in a save/transform/restore and
 * re-measures it, which cost more than setting the type.
 */
export function drawLines(doc: Doc, lines: SetLine[]): void {
  if (lines.length === 0) return;
  const page = (doc as unknown as { page: { height: number; fonts: Record<string, unknown> } }).page;
  const height = page.height;
  const fonts = new Map<string, EmbeddedFont>();
  const fontFor = (role: string): EmbeddedFont => {
    let f = fonts.get(role);
    if (!f) {
      doc.font(role);
      f = (doc as unknown as { _font: EmbeddedFont })._font;
      page.fonts[f.id] ??= f.ref();
      fonts.set(role, f);
    }
    return f;
  };
  doc.fillColor(BLACK);
  const out: string[] = ['q', `1 0 0 -1 0 ${num(height)} cm`, 'BT'];
  let curFont = '';
  let curSize = -1;
  let curTc = 0;
  for (const line of lines) {
    if (!line.text) continue;
    const font = fontFor(line.font);
    if (font.id !== curFont || line.sizePt !== curSize) {
      out.push(`/${font.id} ${num(line.sizePt)} Tf`);
      curFont = font.id;
      curSize = line.sizePt;
    }
    if (line.letterSpacing !== curTc) {
      out.push(`${num(line.letterSpacing)} Tc`);
      curTc = line.letterSpacing;
    }
    out.push(`1 0 0 1 ${num(line.x)} ${num(height - line.baseline)} Tm`);
    // A word gap is the space plus the word spacing; the letter-spacing after
    // the word's last glyph comes from Tc. The gap is a real space glyph (so
    // text extraction, search and screen readers find the words however tight
    // the line) and a TJ offset for the rest; Tc applies after the space too.
    // TJ offsets are in 1/1000 em, negative to the right.
    const space = encodeSpace(font);
    const gap = `<${space.glyph}> ${num(-((line.spaceWidth + line.wordSpacing - line.letterSpacing) * 1000) / line.sizePt + space.advance)}`;
    const words = line.text.split(' ');
    const parts: string[] = [];
    for (let w = 0; w < words.length - 1; w++) parts.push(encodeWord(font, words[w]!).inLine, gap);
    const last = encodeWord(font, words[words.length - 1]!).atEnd;
    if (last) parts.push(last);
    out.push(`[${parts.join(' ')}] TJ`);
  }
  out.push('ET', 'Q');
  // As bytes: given a string, pdfkit copies it into bytes one character at a
  // time in JavaScript (and adds the same trailing newline).
  doc.addContent(Buffer.from(out.join('\n') + '\n', 'latin1'));
}

/** A picture covering its frame: scaled to cover, centred, clipped to the frame. */
export function drawPicture(doc: Doc, picture: { bytes: Buffer; fit: 'cropped' | 'cover' }, frame: { x: number; y: number; w: number; h: number }): void {
  if (picture.fit === 'cropped') {
    doc.image(picture.bytes, frame.x, frame.y, { width: frame.w, height: frame.h });
    return;
  }
  doc.save().rect(frame.x, frame.y, frame.w, frame.h).clip();
  doc.image(picture.bytes, frame.x, frame.y, { cover: [frame.w, frame.h], align: 'center', valign: 'center' });
  doc.restore();
}

export function drawRule(doc: Doc, x1: number, y: number, x2: number, widthPt: number, color: Cmyk): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(widthPt).strokeColor(color).stroke().restore();
}

/** One unwrapped line of furniture text, left, centre or right in a box. */
export function drawLabel(doc: Doc, fonts: FontSet, style: TextStyle, text: string, box: { x: number; y: number; w: number }, align: 'left' | 'center' | 'right'): void {
  const width = widthOf(fonts[style.font], style.sizePt, text);
  const x = align === 'left' ? box.x : align === 'right' ? box.x + box.w - width : box.x + (box.w - width) / 2;
  const baseline = box.y + baselineOffset(fonts[style.font], style.sizePt, style.lineHeightPt);
  doc.font(style.font).fontSize(style.sizePt).fillColor(BLACK).text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

/** Crop marks at the trim corners, outside the bleed, in registration-free K. */
export function drawCropMarks(doc: Doc, trim: { x: number; y: number; w: number; h: number }, bleedPt: number, lengthPt: number): void {
  const gap = bleedPt + 3;
  const { x, y, w, h } = trim;
  doc.save().lineWidth(0.25).strokeColor(BLACK);
  for (const [cx, cy, dx, dy] of [[x, y, -1, -1], [x + w, y, 1, -1], [x, y + h, -1, 1], [x + w, y + h, 1, 1]] as const) {
    doc.moveTo(cx + dx * gap, cy).lineTo(cx + dx * (gap + lengthPt), cy).stroke();
    doc.moveTo(cx, cy + dy * gap).lineTo(cx, cy + dy * (gap + lengthPt)).stroke();
  }
  doc.restore();
}
