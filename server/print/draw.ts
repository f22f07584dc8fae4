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

/**
 * Draws set lines: one text operator per line, word spacing and letter
 * spacing as computed by the engine (pdfkit writes a TJ array per line).
 */
export function drawLines(doc: Doc, lines: SetLine[]): void {
  let font = '';
  let size = 0;
  doc.fillColor(BLACK);
  for (const line of lines) {
    if (line.font !== font) doc.font((font = line.font));
    if (line.sizePt !== size) doc.fontSize((size = line.sizePt));
    // With word spacing set, pdfkit drops the space glyphs and widens each gap
    // by space + letter-spacing + word spacing; the engine's gap is space +
    // word spacing + the letter-spacing after the word's last glyph, so pass
    // the difference. A tiny non-zero value keeps that encoding when they cancel.
    let wordSpacing = line.wordSpacing - line.letterSpacing;
    if (line.letterSpacing !== 0 && wordSpacing === 0) wordSpacing = 1e-9;
    doc.text(line.text, line.x, line.baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      wordSpacing,
      characterSpacing: line.letterSpacing,
    });
  }
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
