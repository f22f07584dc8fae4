/**
 * Flows a story's blocks through a chain of frames (columns), keeping a
 * subhead with its next lines, avoiding widows and orphans when the chain
 * has room to spare, adding jump lines where the chain crosses pages, and
 * counting whatever does not fit as over-matter.
 */
import { baselineOffset } from './measure';
import { breakParagraph, type BrokenLine } from './paragraph';
import { jumpLine } from './strings';
import type { BodyStyle, FontSet, Frame, SetLine, Story, StoryResult, SubheadStyle, TextStyle } from './types';

export interface FlowStyles {
  body: BodyStyle;
  subhead: SubheadStyle;
  /** Style of "Continued on page N" lines. */
  jump: TextStyle;
}

interface Cursor {
  frame: number;
  y: number;
}

/** Lines a frame holds at the body's line height. */
function slots(frame: Frame, lh: number): number {
  return Math.max(0, Math.floor((frame.height + 1e-6) / lh));
}

/** Frames followed by a frame on another page keep their last line for the jump line. */
function reservesJump(frames: Frame[], f: number): boolean {
  const next = frames[f + 1];
  return next !== undefined && next.page !== frames[f]!.page;
}

/**
 * Paragraph breaks kept by a caller across calls (the layout desk re-flows a
 * story on every keystroke; only the paragraph typed in needs breaking again).
 * One cache per story, language and styles: the key holds the width, indent
 * and text only.
 */
export type BreakCache = Map<string, BrokenLine[]>;

export function flowStory(story: Story, frames: Frame[], styles: FlowStyles, fonts: FontSet, breaks?: BreakCache): StoryResult {
  const { body, subhead } = styles;
  const lh = body.lineHeightPt;
  const bodyFont = fonts[body.font];
  const blocks = story.blocks.filter((b) => b.text.trim().length > 0);
  const linesAvailable = frames.reduce((n, f) => n + slots(f, lh), 0);
  const capacityOf = (f: number) => slots(frames[f]!, lh) - (reservesJump(frames, f) ? 1 : 0);
  const bottomOf = (f: number) => frames[f]!.y + capacityOf(f) * lh + 1e-6;

  // Widths of the lines a block would get from the cursor on (exact when frames differ in width).
  const widthsFrom = (c: Cursor) => (line: number): number => {
    let f = c.frame;
    let room = f < frames.length ? Math.floor((bottomOf(f) - c.y) / lh) : 0;
    let k = line;
    while (f < frames.length && k >= room) {
      k -= Math.max(0, room);
      f++;
      room = f < frames.length ? capacityOf(f) : 0;
    }
    return (frames[Math.min(f, frames.length - 1)] ?? { width: 200 }).width;
  };
  // With frames of one width (the usual case) a block breaks the same
  // wherever it lands, so each block is broken once.
  const uniform = frames.every((f) => Math.abs(f.width - frames[0]!.width) < 1e-9);
  const memo = new Map<number, BrokenLine[]>();
  const cacheKey = (i: number) => `${frames[0]!.width}|${indentOf(i)}|${blocks[i]!.type}|${blocks[i]!.text}`;
  const breakBlock = (i: number, c: Cursor): BrokenLine[] => {
    const hit = uniform ? memo.get(i) : undefined;
    if (hit) return hit;
    const kept = uniform && breaks ? breaks.get(cacheKey(i)) : undefined;
    const lines = kept ?? breakBlockAt(i, c);
    if (uniform) memo.set(i, lines);
    if (uniform && breaks && !kept) breaks.set(cacheKey(i), lines);
    return lines;
  };
  const indentOf = (i: number) => (blocks[i]!.type === 'subhead' || i === 0 || blocks[i - 1]!.type === 'subhead' ? 0 : body.firstLineIndentPt);
  const breakBlockAt = (i: number, c: Cursor): BrokenLine[] => {
    const b = blocks[i]!;
    const isSub = b.type === 'subhead';
    const style = isSub ? subhead : body;
    return breakParagraph({
      text: b.text,
      lang: story.lang,
      font: fonts[style.font],
      sizePt: style.sizePt,
      justify: isSub ? null : body.justify,
      indentPt: indentOf(i),
      lineWidth: widthsFrom(c),
    });
  };

  // A first pass at the first frame's width estimates the spare room, which
  // pays for moving lines to avoid widows, orphans and stranded subheads.
  const start: Cursor = { frame: 0, y: frames[0]?.y ?? 0 };
  let needed = 0;
  for (let i = 0; i < blocks.length; i++) needed += breakBlock(i, start).length;
  let slack = frames.reduce((n, _f, i) => n + capacityOf(i), 0) - needed;

  const lines: SetLine[] = [];
  const over: BrokenLine[] = [];
  const cur: Cursor = { ...start };
  const room = () => (cur.frame < frames.length ? Math.floor((bottomOf(cur.frame) - cur.y) / lh) : 0);
  const nextFrame = () => {
    cur.frame++;
    if (cur.frame < frames.length) cur.y = frames[cur.frame]!.y;
  };
  const atTop = () => cur.frame < frames.length && cur.y <= frames[cur.frame]!.y + 1e-6;

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const isSub = b.type === 'subhead';
    const style = isSub ? subhead : body;
    if (cur.frame >= frames.length) {
      over.push(...breakBlock(i, cur));
      continue;
    }
    if (isSub && !atTop()) {
      const next = blocks[i + 1];
      const keep = breakBlock(i, cur).length + (next ? Math.min(2, breakBlock(i + 1, cur).length) : 0);
      // Space before fits on this frame only when the subhead and its next lines do too.
      if ((bottomOf(cur.frame) - cur.y - subhead.spaceBeforePt) / lh >= keep) cur.y += subhead.spaceBeforePt;
      else if (cur.frame + 1 < frames.length) {
        slack -= room();
        nextFrame();
      }
    }
    let pending = breakBlock(i, cur);
    const n = pending.length;
    let placedOfBlock = 0;
    while (pending.length) {
      if (cur.frame >= frames.length) {
        over.push(...pending);
        break;
      }
      let take = Math.min(room(), pending.length);
      if (take < pending.length && !isSub && cur.frame + 1 < frames.length) {
        take = avoidWidowOrphan(take, pending.length, placedOfBlock, n, slack);
        slack -= room() - take;
      }
      for (let k = 0; k < take; k++) {
        const bl = pending[k]!;
        const frame = frames[cur.frame]!;
        lines.push(place(bl, frame, cur.y, style, fonts, isSub ? 'subhead' : 'body', i, cur.frame));
        cur.y += lh;
      }
      placedOfBlock += take;
      pending = pending.slice(take);
      if (pending.length || (take === 0 && room() === 0)) {
        addJump(lines, frames, cur.frame, styles, fonts, story.lang, lh);
        nextFrame();
      }
    }
    if (!isSub && body.paragraphSpacePt) cur.y += body.paragraphSpacePt;
  }
  const overMatterText = over.map((l) => l.text).join(' ');
  return {
    lines,
    copyfit: { linesUsed: lines.filter((l) => l.kind !== 'jump').length, linesAvailable, overMatterLines: over.length, overMatterText },
  };
}

/**
 * How many of a paragraph's remaining lines to set in this frame so that no
 * single line is left alone at a frame's foot (orphan) or head (widow).
 */
function avoidWidowOrphan(take: number, remaining: number, placed: number, total: number, slack: number): number {
  let t = take;
  // Widow: only the paragraph's last line would go over.
  if (remaining - t === 1 && total > 1) t--;
  // Orphan: only the paragraph's first line would stay here.
  if (placed === 0 && t === 1 && total > 1) t = 0;
  return take - t <= slack ? t : take;
}

function place(bl: BrokenLine, frame: Frame, top: number, style: TextStyle, fonts: FontSet, kind: SetLine['kind'], block: number, frameIndex: number): SetLine {
  return {
    text: bl.text,
    x: frame.x + bl.indent,
    top,
    baseline: top + baselineOffset(fonts[style.font], style.sizePt, style.lineHeightPt),
    font: style.font,
    sizePt: style.sizePt,
    lineHeightPt: style.lineHeightPt,
    width: bl.width - bl.indent,
    setWidth: bl.setWidth - bl.indent,
    wordSpacing: bl.wordSpacing,
    letterSpacing: bl.letterSpacing,
    gaps: bl.gaps,
    spaceWidth: bl.spaceWidth,
    justified: bl.justified,
    hyphenated: bl.hyphenated,
    kind,
    block,
    frame: frameIndex,
  };
}

function addJump(lines: SetLine[], frames: Frame[], f: number, styles: FlowStyles, fonts: FontSet, lang: Story['lang'], lh: number): void {
  if (!reservesJump(frames, f)) return;
  const frame = frames[f]!;
  const next = frames[f + 1]!;
  const text = jumpLine(lang, next.page);
  const broken = breakParagraph({ text, lang, font: fonts[styles.jump.font], sizePt: styles.jump.sizePt, justify: null, indentPt: 0, lineWidth: () => frame.width })[0];
  if (!broken) return;
  const top = frame.y + (slots(frame, lh) - 1) * lh;
  const line = place(broken, frame, top, { ...styles.jump, lineHeightPt: lh }, fonts, 'jump', -1, f);
  // Right-aligned, as a jump line sits at the column's foot.
  line.x = frame.x + frame.width - broken.setWidth;
  lines.push(line);
}
