/**
 * A set page as SVG: the desk's full page view and its thumbnails. Each
 * word is placed at the x the engine computed (natural widths plus the
 * line's word and letter spacing), so the page on screen is the PDF's page.
 * Thumbnails "greek" the text (a gray bar per line): at a tenth of the size
 * letters are unreadable anyway, and bars draw far faster.
 */
import { widthOf } from '../typeset/index';
import { runMetrics } from '../typeset/measure';
import type { FontRole, FontSet, SetLine } from '../typeset/index';
import { cropPlacement } from './crop';
import type { PageSetting } from './setting';
import type { LayoutTemplate } from './types';

export interface SvgOptions {
  /** Pixels per point. */
  scale: number;
  greek: boolean;
  /** CSS font-family per role (the desk loads the template's font files under these names). */
  families?: Partial<Record<FontRole, string>>;
  /**
   * URL of a picture's preview, or null when it has none (drawn as a crossed
   * frame). A cropped frame asks for the whole picture (`cropped`), which it
   * places itself; others get a preview the viewer centres over the frame.
   */
  pictureUrl?: (pictureId: string, cropped: boolean) => string | null;
  /** Width over height of the whole picture, once known (needed to place a crop). */
  pictureAspect?: (pictureId: string) => number | null;
  /** Frames to outline (selection, other members' selections): frame id -> colour. */
  outlines?: ReadonlyMap<string, string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => Math.round(v * 100) / 100;

/** x of each word of a line, as the PDF sets it. */
export function wordPositions(line: SetLine, fonts: FontSet): { word: string; x: number }[] {
  const font = fonts[line.font];
  const words = line.text.split(' ');
  const out: { word: string; x: number }[] = [];
  let x = line.x;
  // From one word's start to the next: the word with letter spacing after
  // each of its glyphs, then the space and the line's word spacing.
  const gap = line.spaceWidth + line.wordSpacing;
  for (const word of words) {
    out.push({ word, x });
    const m = runMetrics(font, word);
    x += m.em * line.sizePt + line.letterSpacing * m.glyphs + gap;
  }
  return out;
}

export function pageSvg(page: PageSetting, t: LayoutTemplate, fonts: FontSet, o: SvgOptions): string {
  const parts: string[] = [];
  const w = n(t.widthPt * o.scale);
  const h = n(t.heightPt * o.scale);
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${t.widthPt} ${t.heightPt}" data-page="${page.number}">`);
  parts.push(`<rect width="${t.widthPt}" height="${t.heightPt}" fill="#fff"/>`);
  const fam = (role: FontRole) => esc(o.families?.[role] ?? role);
  const text = (s: string, x: number, y: number, role: FontRole, size: number, extra = '') =>
    `<text x="${n(x)}" y="${n(y)}" font-family="${fam(role)}" font-size="${size}"${extra}>${esc(s)}</text>`;
  // Each line is its own group, so what the page shows can be read back line by line.
  const line = (l: SetLine) => `<g class="line" data-kind="${l.kind}">${lineBody(l)}</g>`;
  const lineBody = (l: SetLine) => {
    if (o.greek) return `<rect x="${n(l.x)}" y="${n(l.baseline - l.sizePt * 0.7)}" width="${n(l.setWidth)}" height="${n(l.sizePt * 0.6)}" fill="#999"/>`;
    if (l.wordSpacing === 0 && l.letterSpacing === 0) return text(l.text, l.x, l.baseline, l.font, l.sizePt);
    const ls = l.letterSpacing ? ` letter-spacing="${n(l.letterSpacing * 1000) / 1000}"` : '';
    return wordPositions(l, fonts).map((p) => text(p.word, p.x, l.baseline, l.font, l.sizePt, ls)).join('');
  };
  for (const lab of page.labels) {
    parts.push(o.greek ? `<rect x="${n(lab.x)}" y="${n(lab.baseline - lab.style.sizePt * 0.7)}" width="${n(widthOf(fonts[lab.style.font], lab.style.sizePt, lab.text))}" height="${n(lab.style.sizePt * 0.6)}" fill="#333"/>` : text(lab.text, lab.x, lab.baseline, lab.style.font, lab.style.sizePt));
  }
  const r = page.headerRule;
  parts.push(`<line x1="${r.x1}" y1="${r.y}" x2="${r.x2}" y2="${r.y}" stroke="#000" stroke-width="${r.widthPt}"/>`);
  for (const f of page.frames) {
    const { x, y, w: fw, h: fh } = f.rect;
    parts.push(`<g data-frame="${esc(f.frameId)}" data-kind="${f.kind}">`);
    if (f.ruleTop) parts.push(`<line x1="${n(x)}" y1="${n(y - t.gutterPt / 2)}" x2="${n(x + fw)}" y2="${n(y - t.gutterPt / 2)}" stroke="#000" stroke-width="${t.typography.rule.widthPt}"/>`);
    if (f.kind === 'rule') parts.push(`<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + fw)}" y2="${n(y)}" stroke="#000" stroke-width="${t.typography.rule.widthPt}"/>`);
    if (f.kind === 'box') parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(fw)}" height="${n(fh)}" fill="none" stroke="#000" stroke-width="0.5"/>`);
    if (f.picture && f.pictureId) {
      const p = f.picture;
      const aspect = f.crop ? (o.pictureAspect?.(f.pictureId) ?? null) : null;
      const url = o.pictureUrl?.(f.pictureId, aspect !== null) ?? null;
      if (url && !o.greek && aspect !== null && f.crop) {
        // The same placement the PDF uses (crop.ts); a nested viewport clips it to the frame.
        const c = cropPlacement(aspect, p, f.crop);
        parts.push(`<svg x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" overflow="hidden"><image href="${esc(url)}" data-crop="${f.crop.x} ${f.crop.y} ${f.crop.zoom}" x="${n(c.x)}" y="${n(c.y)}" width="${n(c.w)}" height="${n(c.h)}" preserveAspectRatio="none"/></svg>`);
      } else if (url && !o.greek) parts.push(`<image href="${esc(url)}" x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" preserveAspectRatio="xMidYMid slice"/>`);
      else parts.push(`<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" fill="#ccc"/>${url ? '' : `<path d="M${n(p.x)} ${n(p.y)}L${n(p.x + p.w)} ${n(p.y + p.h)}M${n(p.x + p.w)} ${n(p.y)}L${n(p.x)} ${n(p.y + p.h)}" stroke="#888"/>`}`);
    }
    for (const l of f.lines) parts.push(line(l));
    const outline = o.outlines?.get(f.frameId);
    parts.push(`<rect class="frame" x="${n(x)}" y="${n(y)}" width="${n(fw)}" height="${n(fh)}" fill="transparent" stroke="${outline ?? '#7aa7d9'}" stroke-width="${outline ? 2.5 : 0.5}" stroke-dasharray="${outline ? '' : '3 2'}"/>`);
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}
