import type { Lang } from '../languages';
import { countLetters, splitToken, type Piece } from './hyphenate';
import { breakLines, INFINITE_PENALTY, type KpItem } from './knuthPlass';
import { runMetrics, stripSoftHyphens, widthOf } from './measure';
import type { FontLike, JustifyOptions } from './types';

export interface ParagraphSpec {
  text: string;
  lang: Lang;
  font: FontLike;
  sizePt: number;
  /** Justification settings; null sets the paragraph ragged right. */
  justify: JustifyOptions | null;
  indentPt: number;
  /** Width of the paragraph's line number `line` (0-based). */
  lineWidth: (line: number) => number;
}

/** One broken line, before it is placed in a frame. */
export interface BrokenLine {
  text: string;
  indent: number;
  width: number;
  setWidth: number;
  wordSpacing: number;
  letterSpacing: number;
  gaps: number;
  spaceWidth: number;
  hyphenated: boolean;
  justified: boolean;
}

/** Penalty for a break that adds no hyphen (after a dash, inside an address). */
const FREE_BREAK_PENALTY = 50;
/** A runt (last line of one fragment of 3 letters or fewer) is avoided whenever possible. */
const RUNT_DEMERITS = 1e8;
const RUNT_LETTERS = 3;
/** Letter-spacing never goes past this multiple of its tolerance, even on a loose line. */
const MAX_LETTER_RATIO = 1;

interface Meta {
  token: number;
  text: string;
  letters: number;
}

/** Breaks one paragraph into lines; never throws and always terminates. */
export function breakParagraph(spec: ParagraphSpec): BrokenLine[] {
  const text = stripSoftHyphens(spec.text).trim();
  const tokens = text.length ? text.split(/\s+/) : [];
  if (tokens.length === 0) return [];
  return spec.justify ? justified(spec, tokens, spec.justify) : ragged(spec, tokens);
}

function justified(spec: ParagraphSpec, tokens: string[], j: JustifyOptions): BrokenLine[] {
  const { font, sizePt } = spec;
  const space = widthOf(font, sizePt, ' ');
  const hyphenWidth = widthOf(font, sizePt, '-');
  const ls = j.letterStretchEm * sizePt;
  const lsh = j.letterShrinkEm * sizePt;
  const narrowest = Math.max(1, Math.min(spec.lineWidth(0), spec.lineWidth(1)) - spec.indentPt);
  const items: KpItem[] = [];
  const meta: (Meta | null)[] = [];
  const push = (item: KpItem, m: Meta | null) => {
    items.push(item);
    meta.push(m);
  };
  const box = (width: number, glyphs: number, m: Meta | null) =>
    push({ type: 'box', width, stretch: glyphs * ls, shrink: glyphs * lsh, penalty: 0, flagged: false }, m);
  const penalty = (width: number, cost: number, flagged: boolean) =>
    push({ type: 'penalty', width, stretch: 0, shrink: 0, penalty: cost, flagged }, null);

  if (spec.indentPt > 0) box(spec.indentPt, 0, null);
  const last = tokens.length - 1;
  tokens.forEach((token, t) => {
    // Never hyphenate the last word of a paragraph.
    const pieces = withEmergencySplits(splitToken(token, spec.lang, j.hyphenate && t < last), font, sizePt, narrowest - hyphenWidth);
    for (const piece of pieces) {
      const m = runMetrics(font, piece.text);
      box(m.em * sizePt, m.glyphs, { token: t, text: piece.text, letters: piece.letters });
      if (piece.after === 'hyphen') penalty(hyphenWidth, j.hyphenPenalty, true);
      else if (piece.after === 'free') penalty(0, FREE_BREAK_PENALTY, false);
      else if (t < last) push({ type: 'glue', width: space, stretch: space * j.spaceStretch, shrink: space * j.spaceShrink, penalty: 0, flagged: false }, null);
    }
  });
  // Finishing glue: the last line is set at its natural width.
  penalty(0, INFINITE_PENALTY, false);
  push({ type: 'glue', width: 0, stretch: 1e6, shrink: 0, penalty: 0, flagged: false }, null);
  penalty(0, -INFINITE_PENALTY, false);

  const firstBox = spec.indentPt > 0 ? 1 : 0;
  const breaks = breakLines(items, {
    lineWidth: spec.lineWidth,
    tolerance: j.tolerance,
    linePenalty: 10,
    consecutiveFlaggedDemerits: j.consecutiveHyphenDemerits,
    fitnessDemerits: j.fitnessDemerits,
    maxFlaggedRun: j.maxHyphenRun,
    lastLineDemerits: (start) => (start > firstBox && isRunt(meta, start) ? RUNT_DEMERITS : 0),
  });

  return breaks.map((b, lineNo) => {
    const isLast = lineNo === breaks.length - 1;
    const words: string[] = [];
    let token = -2;
    let indent = 0;
    for (let i = b.start; i < b.at; i++) {
      const it = items[i]!;
      if (it.type !== 'box') continue;
      const m = meta[i];
      if (!m) {
        indent += it.width;
        continue;
      }
      if (m.token === token) words[words.length - 1] += m.text;
      else words.push(m.text);
      token = m.token;
    }
    if (b.flagged && words.length) words[words.length - 1] += '-';
    return setLine(words, indent, spec.lineWidth(lineNo), !isLast, b.flagged, spec, j, space);
  });
}

function isRunt(meta: (Meta | null)[], start: number): boolean {
  let letters = 0;
  let token = -1;
  for (let i = start; i < meta.length; i++) {
    const m = meta[i];
    if (!m) continue;
    if (token >= 0 && m.token !== token) return false;
    token = m.token;
    letters += m.letters;
  }
  return letters <= RUNT_LETTERS;
}

/** Measures the words exactly and spreads the difference over spaces and letters. */
function setLine(words: string[], indent: number, width: number, justify: boolean, hyphenated: boolean, spec: ParagraphSpec, j: JustifyOptions | null, space: number): BrokenLine {
  const { font, sizePt } = spec;
  let natural = indent;
  let glyphs = 0;
  for (const w of words) {
    const m = runMetrics(font, w);
    natural += m.em * sizePt;
    glyphs += m.glyphs;
  }
  const gaps = Math.max(0, words.length - 1);
  const spaced = Math.max(0, glyphs - 1);
  natural += gaps * space;
  let wordSpacing = 0;
  let letterSpacing = 0;
  const diff = width - natural;
  // Justify full lines; also shrink a last line that is too wide (so none sticks out).
  if (j && (justify || diff < 0)) {
    const ls = (diff >= 0 ? j.letterStretchEm : j.letterShrinkEm) * sizePt;
    const ws = space * (diff >= 0 ? j.spaceStretch : j.spaceShrink);
    const capacity = gaps * ws + spaced * ls;
    const r = capacity > 0 ? diff / capacity : 0;
    letterSpacing = ls * Math.max(-MAX_LETTER_RATIO, Math.min(MAX_LETTER_RATIO, r));
    // Letter-spacing moves every glyph but the first: the space after the
    // line's last glyph holds no ink, so the measure is reached at its edge.
    const rest = diff - letterSpacing * spaced;
    if (gaps > 0) wordSpacing = rest / gaps;
    else if (spaced > 0 && diff < 0) letterSpacing = diff / spaced;
  }
  const setWidth = natural + gaps * wordSpacing + spaced * letterSpacing;
  return { text: words.join(' '), indent, width, setWidth, wordSpacing, letterSpacing, gaps, spaceWidth: space, hyphenated, justified: justify && gaps > 0 };
}

/** A piece wider than the column is cut where it must, without a hyphen. */
function withEmergencySplits(pieces: Piece[], font: FontLike, sizePt: number, maxWidth: number): Piece[] {
  let fits = true;
  for (const p of pieces) if (runMetrics(font, p.text).em * sizePt > maxWidth) fits = false;
  if (fits) return pieces;
  const out: Piece[] = [];
  for (const p of pieces) {
    if (widthOf(font, sizePt, p.text) <= maxWidth) {
      out.push(p);
      continue;
    }
    const chars = Array.from(p.text);
    let chunk = '';
    for (const c of chars) {
      if (chunk && widthOf(font, sizePt, chunk + c) > maxWidth) {
        out.push({ text: chunk, after: 'free', letters: countLetters(chunk) });
        chunk = '';
      }
      chunk += c;
    }
    out.push({ text: chunk, after: p.after, letters: countLetters(chunk) });
  }
  return out;
}


/** Greedy first-fit, ragged right: headlines, bylines, captions. */
function ragged(spec: ParagraphSpec, tokens: string[]): BrokenLine[] {
  const { font, sizePt } = spec;
  const space = widthOf(font, sizePt, ' ');
  const lines: BrokenLine[] = [];
  let words: string[] = [];
  let width = 0;
  const flush = () => {
    if (words.length) lines.push(setLine(words, 0, spec.lineWidth(lines.length), false, false, spec, null, space));
    words = [];
    width = 0;
  };
  for (const token of tokens) {
    const pieces = withEmergencySplits([{ text: token, after: 'end', letters: 0 }], font, sizePt, spec.lineWidth(lines.length));
    for (const piece of pieces) {
      const w = widthOf(font, sizePt, piece.text);
      if (words.length && width + space + w > spec.lineWidth(lines.length)) flush();
      width += (words.length ? space : 0) + w;
      words.push(piece.text);
    }
  }
  flush();
  return lines;
}
