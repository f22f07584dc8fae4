/**
 * The layout of one edition in one language, as plain data. The live,
 * co-edited form is a Yjs document (doc.ts reads and writes it); everything
 * else (grid, validation, typesetting, page plan) works on this plain form.
 */
import type { Lang } from '../languages';
import type { FontRole, TextStyle } from '../typeset/index';

/** Page format, column grid and typography of an edition: a page template. */
export interface LayoutTemplate {
  name: string;
  widthPt: number;
  heightPt: number;
  marginPt: { top: number; right: number; bottom: number; left: number };
  columns: number;
  gutterPt: number;
  columnWidthPt: number;
  /** Vertical snap step of frames moved on the desk. */
  rowPt: number;
  /** Header height of each page kind: masthead on the front page, folio inside. */
  headerPt: { front: number; inside: number };
  /** Space between the header and the body area. */
  headerGapPt: number;
  /** Font file names per role, served by GET /api/fonts/<name>. */
  fonts: Record<FontRole, string>;
  typography: {
    masthead: TextStyle;
    mastheadLine: TextStyle;
    folio: TextStyle;
    headline: { font: FontRole; lineHeightFactor: number; spaceAfterPt: number };
    byline: TextStyle & { spaceAfterPt: number };
    caption: TextStyle & { spaceBeforePt: number; spaceAfterPt: number };
    body: TextStyle & { firstLineIndentPt: number; paragraphSpacePt: number; hyphenate: boolean };
    subhead: TextStyle & { spaceBeforePt: number };
    pullQuote: TextStyle;
    rule: { widthPt: number; color: string };
  };
}

export type PageKind = 'front' | 'inside';

export interface LayoutPage {
  id: string;
  kind: PageKind;
  section: string;
}

/** Where a frame sits: grid columns across, points down from the page top. */
export interface FrameBox {
  col: number;
  span: number;
  y: number;
  h: number;
}

interface FrameBase extends FrameBox {
  id: string;
  pageId: string;
}

/**
 * The opening of a story: headline, byline, an optional picture with its
 * caption across the frame, then the body in `columns` columns.
 */
export interface StoryFrame extends FrameBase {
  kind: 'story';
  articleId: string;
  columns: number;
  headlineSizePt: number;
  ruleTop: boolean;
  picture: { pictureId: string; heightPt: number; caption: string; crop?: PictureCrop } | null;
}

/** More of a story's body: the chain continues here (same or another page, with a jump line). */
export interface TextFrame extends FrameBase {
  kind: 'text';
  articleId: string;
  /** Order in the story's chain (the story frame is 0). */
  chain: number;
  columns: number;
}

/**
 * Which part of a picture its frame shows. The picture is scaled to cover
 * the frame, then `zoom` times more (>= 1); the point (x, y) of the picture
 * (0..1 across and down) is brought as near the frame's centre as the
 * picture's edges allow. Absent: centred, zoom 1.
 */
export interface PictureCrop {
  x: number;
  y: number;
  zoom: number;
}

export interface PictureFrame extends FrameBase {
  kind: 'picture';
  pictureId: string;
  crop?: PictureCrop;
}

/** Captions and pull quotes carry their own text. */
export interface CaptionFrame extends FrameBase {
  kind: 'caption' | 'pullquote';
  text: string;
}

export interface BoxFrame extends FrameBase {
  kind: 'box' | 'rule';
}

export type LayoutFrame = StoryFrame | TextFrame | PictureFrame | CaptionFrame | BoxFrame;
export type FrameKind = LayoutFrame['kind'];

/** Furniture per language: masthead tagline and dateline, the word for "Page". */
export interface LayoutStrings {
  title: string;
  tagline: string;
  dateline: string;
  page: string;
}

export interface LayoutData {
  lang: Lang;
  template: LayoutTemplate;
  strings: LayoutStrings;
  pages: LayoutPage[];
  frames: LayoutFrame[];
}

/** An article's copy in the layout's language (null: the article or version is gone). */
export interface ArticleCopy {
  headline: string;
  byline: string;
  blocks: { type: 'p' | 'subhead'; text: string }[];
}

/** A problem the desk shows; 'error' blocks a render, 'warning' does not. */
export interface LayoutIssue {
  level: 'error' | 'warning';
  frameId?: string;
  pageId?: string;
  message: { en: string; es: string };
}
