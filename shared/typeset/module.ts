/**
 * Sets one article in one module box, the newspaper way: headline, byline,
 * picture with caption across the module, then the body flowing through the
 * module's columns.
 */
import type { Lang } from '../languages';
import { flowStory, type FlowStyles } from './flow';
import { baselineOffset } from './measure';
import { breakParagraph } from './paragraph';
import type { FontSet, Frame, SetLine, StoryBlock, StoryResult, TextStyle } from './types';

export interface ArticleInput {
  lang: Lang;
  headline: string;
  byline: string;
  blocks: StoryBlock[];
  picture?: { frameHeightPt: number; caption: string };
}

export interface ModuleBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  columns: number;
  gutterPt: number;
  headlineSizePt: number;
}

export interface ModuleStyles extends FlowStyles {
  headline: { font: TextStyle['font']; lineHeightFactor: number; spaceAfterPt: number };
  byline: TextStyle & { spaceAfterPt: number };
  caption: TextStyle & { spaceBeforePt: number; spaceAfterPt: number };
}

export interface ModuleResult extends StoryResult {
  /** Furniture lines (headline, byline, caption) first, then the body. */
  lines: SetLine[];
  picture: { x: number; y: number; w: number; h: number } | null;
  frames: Frame[];
}

/** The columns of a box below `top`, as frames of a chain. */
export function columnFrames(box: ModuleBox, top: number): Frame[] {
  const width = (box.w - (box.columns - 1) * box.gutterPt) / box.columns;
  const height = Math.max(0, box.y + box.h - top);
  return Array.from({ length: box.columns }, (_, i) => ({ page: box.page, x: box.x + i * (width + box.gutterPt), y: top, width, height }));
}

export function typesetModule(article: ArticleInput, box: ModuleBox, styles: ModuleStyles, fonts: FontSet): ModuleResult {
  const lines: SetLine[] = [];
  const bottom = box.y + box.h;
  let y = box.y;
  const furniture = (text: string, style: TextStyle, kind: SetLine['kind']) => {
    const font = fonts[style.font];
    const broken = breakParagraph({ text, lang: article.lang, font, sizePt: style.sizePt, justify: null, indentPt: 0, lineWidth: () => box.w });
    for (const bl of broken) {
      // Furniture never leaves its box: what does not fit is not set.
      if (y + style.lineHeightPt > bottom + 1e-6) break;
      lines.push({
        text: bl.text, x: box.x, top: y, baseline: y + baselineOffset(font, style.sizePt, style.lineHeightPt),
        font: style.font, sizePt: style.sizePt, lineHeightPt: style.lineHeightPt, width: box.w, setWidth: bl.setWidth,
        wordSpacing: 0, letterSpacing: 0, gaps: bl.gaps, spaceWidth: bl.spaceWidth, justified: false, hyphenated: false, kind,
      });
      y += style.lineHeightPt;
    }
  };
  const hs = box.headlineSizePt;
  furniture(article.headline, { font: styles.headline.font, sizePt: hs, lineHeightPt: hs * styles.headline.lineHeightFactor }, 'headline');
  y += styles.headline.spaceAfterPt;
  if (article.byline.trim()) {
    furniture(article.byline, styles.byline, 'byline');
    y += styles.byline.spaceAfterPt;
  }
  let picture: ModuleResult['picture'] = null;
  if (article.picture) {
    const h = Math.min(article.picture.frameHeightPt, Math.max(0, bottom - y));
    picture = { x: box.x, y, w: box.w, h };
    y += h + styles.caption.spaceBeforePt;
    furniture(article.picture.caption, styles.caption, 'caption');
    y += styles.caption.spaceAfterPt;
  }
  const frames = columnFrames(box, Math.min(y, bottom));
  const body = flowStory({ lang: article.lang, blocks: article.blocks }, frames, styles, fonts);
  return { lines: lines.concat(body.lines), copyfit: body.copyfit, picture, frames };
}

/**
 * For the layout desk: an article (Block[] from shared/editor/content.ts plus
 * headline and byline) set into any chain of frames. Headline and byline
 * sit at the top of the first frame, across its width; the body flows
 * through the rest of it and on through the other frames (columns, boxes,
 * other pages, with jump lines). Returns positioned lines and copyfit.
 */
export function typesetArticle(article: Omit<ArticleInput, 'picture'> & { headlineSizePt: number }, frames: Frame[], styles: ModuleStyles, fonts: FontSet): StoryResult {
  const first = frames[0];
  if (!first) return flowStory({ lang: article.lang, blocks: article.blocks }, frames, styles, fonts);
  const top = typesetModule(
    { lang: article.lang, headline: article.headline, byline: article.byline, blocks: [] },
    { page: first.page, x: first.x, y: first.y, w: first.width, h: first.height, columns: 1, gutterPt: 0, headlineSizePt: article.headlineSizePt },
    styles,
    fonts,
  );
  const used = top.frames[0] ? top.frames[0].y - first.y : 0;
  const chain = [{ ...first, y: first.y + used, height: Math.max(0, first.height - used) }, ...frames.slice(1)];
  const body = flowStory({ lang: article.lang, blocks: article.blocks }, chain, styles, fonts);
  return { lines: top.lines.concat(body.lines), copyfit: body.copyfit };
}
