/**
 * Data types of the typesetting engine. Everything here is plain data so the
 * same engine runs in Node (the PDF renderer) and in the browser (preview).
 */
import type { Lang } from '../languages';

/**
 * What the engine needs from a font: the subset of a parsed fontkit font it
 * uses. The edges (server: fs + fontkit.create, browser: fetch + fontkit.create)
 * parse the TTF/OTF bytes and hand the object in; the engine never loads files.
 */
export interface FontLike {
  unitsPerEm: number;
  /** hhea ascent/descent in font units (descent negative). */
  ascent: number;
  descent: number;
  postscriptName?: string;
  layout(text: string): { advanceWidth: number; glyphs: ArrayLike<unknown> };
}

/** Font roles used by templates and the reference edition. */
export type FontRole = 'serif' | 'serifBold' | 'sans' | 'sansBold' | 'sansItalic';
export type FontSet = Record<FontRole, FontLike>;

export interface TextStyle {
  font: FontRole;
  sizePt: number;
  lineHeightPt: number;
}

/** How body text is justified: the knobs whose pay-off the benchmark measures. */
export interface JustifyOptions {
  /** Word-space stretch and shrink, as fractions of the natural space. */
  spaceStretch: number;
  spaceShrink: number;
  /** Letter-spacing tolerance per glyph, in em (0 turns it off). */
  letterStretchEm: number;
  letterShrinkEm: number;
  /** Hyphenation on or off. */
  hyphenate: boolean;
  /** Knuth–Plass tolerance of the first pass (adjustment ratio). */
  tolerance: number;
  hyphenPenalty: number;
  /** Extra demerits for two hyphenated lines in a row. */
  consecutiveHyphenDemerits: number;
  fitnessDemerits: number;
  /** Hard limit on hyphenated line ends in a row. */
  maxHyphenRun: number;
}

export interface BodyStyle extends TextStyle {
  firstLineIndentPt: number;
  /** Space between paragraphs. */
  paragraphSpacePt: number;
  justify: JustifyOptions;
}

export interface SubheadStyle extends TextStyle {
  spaceBeforePt: number;
}

/** One column a story flows through, in page coordinates (points, origin top-left). */
export interface Frame {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A body block, as shared/editor/content.ts Block. */
export interface StoryBlock {
  type: 'p' | 'subhead';
  text: string;
  id?: string;
}

export interface Story {
  lang: Lang;
  blocks: StoryBlock[];
}

/** A set line: the renderer draws `text` at (x, baseline) with these spacings. */
export interface SetLine {
  text: string;
  x: number;
  baseline: number;
  /** Top of the line box, for hit-testing and previews. */
  top: number;
  font: FontRole;
  sizePt: number;
  lineHeightPt: number;
  /** Target width: the column measure for justified lines. */
  width: number;
  /** Width actually occupied with the spacings below. */
  setWidth: number;
  /** Extra space added to each inter-word space (pt, may be negative). */
  wordSpacing: number;
  /** Extra space after every glyph (pt, may be negative). */
  letterSpacing: number;
  /** Number of inter-word gaps in `text`. */
  gaps: number;
  /** Natural width of one space at this size (pt). */
  spaceWidth: number;
  justified: boolean;
  hyphenated: boolean;
  kind: 'body' | 'subhead' | 'jump' | 'headline' | 'byline' | 'caption';
  /** Index of the block this line belongs to (body and subhead lines). */
  block?: number;
  frame?: number;
}

export interface Copyfit {
  linesUsed: number;
  linesAvailable: number;
  overMatterLines: number;
  /** The text that did not fit, so nothing is dropped silently. */
  overMatterText: string;
}

export interface StoryResult {
  lines: SetLine[];
  copyfit: Copyfit;
}
