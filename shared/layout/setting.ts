/**
 * Typesets a layout: every story through its chain of frames (the story
 * frame's columns, then its text frames, on the same or other pages, with
 * jump lines), captions, pull quotes, mastheads and folios, with copyfit
 * per article and the problems the desk shows. Pure and deterministic, so
 * the desk in the browser and the PDF on the server set the same lines.
 *
 * A LayoutSetter keeps each story's result keyed by everything it depends
 * on: after a keystroke only the story that changed is set again.
 */
import { baselineOffset, breakParagraph, columnFrames, DEFAULT_JUSTIFY, flowStory, typesetModule, widthOf } from '../typeset/index';
import { typographyStyles } from '../typeset/edition';
import type { Copyfit, FontSet, Frame, ModuleStyles, SetLine, TextStyle } from '../typeset/index';
import type { BreakCache } from '../typeset/flow';
import { checkBox, frameRect, headerArea, overlapWarnings, type Rect } from './grid';
import type { ArticleCopy, LayoutData, LayoutFrame, LayoutIssue, LayoutTemplate, PictureCrop, StoryFrame, TextFrame } from './types';

export interface LabelSetting {
  text: string;
  x: number;
  baseline: number;
  style: TextStyle;
}

export interface FrameSetting {
  frameId: string;
  kind: LayoutFrame['kind'];
  rect: Rect;
  articleId?: string;
  pictureId?: string;
  /** Where the picture goes (story frames with a picture, picture frames). */
  picture: Rect | null;
  /** Which part of the picture shows (absent: centred); see crop.ts. */
  crop?: PictureCrop;
  ruleTop: boolean;
  lines: SetLine[];
}

export interface PageSetting {
  pageId: string;
  number: number;
  kind: 'front' | 'inside';
  labels: LabelSetting[];
  /** The rule under the header. */
  headerRule: { x1: number; x2: number; y: number; widthPt: number };
  frames: FrameSetting[];
}

export interface ArticleFit {
  articleId: string;
  copyfit: Copyfit;
  /** Page numbers the story is on, in chain order. */
  pages: number[];
  /** Body and subhead lines as set, in reading order (what parity compares). */
  lineTexts: string[];
}

export interface LayoutSetting {
  pages: PageSetting[];
  articles: ArticleFit[];
  issues: LayoutIssue[];
}

export interface SettingInput {
  layout: LayoutData;
  /** Copy of every placed article in the layout's language; null when it was deleted. */
  copies: ReadonlyMap<string, ArticleCopy | null>;
  /** Pictures whose file cannot be had (the desk and the server say which). */
  missingPictures?: ReadonlySet<string>;
  fonts: FontSet;
}

export function layoutStyles(t: LayoutTemplate): ModuleStyles {
  return typographyStyles(t.typography, DEFAULT_JUSTIFY);
}

const msg = (en: string, es: string) => ({ en, es });

interface StoryResult {
  key: string;
  /** Lines per frame id. */
  lines: Map<string, SetLine[]>;
  picture: Rect | null;
  fit: ArticleFit;
  /** Paragraph breaks of this story, kept while its language and styles stay the same. */
  breaks: BreakCache;
  styleKey: string;
  copy: ArticleCopy;
}

export class LayoutSetter {
  private stories = new Map<string, StoryResult>();

  set(input: SettingInput): LayoutSetting {
    const { copies, fonts } = input;
    const t = input.layout.template;
    const styles = layoutStyles(t);
    const pageNumber = new Map(input.layout.pages.map((p, i) => [p.id, i + 1]));
    const { layout, issues } = keepOnPages(input.layout);
    issues.push(...overlapWarnings(t, layout.pages, layout.frames));
    const missing = input.missingPictures ?? new Set<string>();

    // Chains: each article's story frame first, then its text frames in chain order.
    const chains = new Map<string, (StoryFrame | TextFrame)[]>();
    for (const f of layout.frames) {
      if (f.kind !== 'story' && f.kind !== 'text') continue;
      const chain = chains.get(f.articleId) ?? [];
      chain.push(f);
      chains.set(f.articleId, chain);
    }
    const order = (f: StoryFrame | TextFrame) => (f.kind === 'story' ? -1 : f.chain);
    const fresh = new Map<string, StoryResult>();
    const articles: ArticleFit[] = [];
    for (const [articleId, chain] of chains) {
      chain.sort((a, b) => order(a) - order(b) || pageNumber.get(a.pageId)! - pageNumber.get(b.pageId)! || a.y - b.y || a.col - b.col);
      const copy = copies.get(articleId) ?? null;
      if (!copy) {
        for (const f of chain) {
          issues.push({ level: 'warning', frameId: f.id, pageId: f.pageId, message: msg('The article placed here was deleted or has no text in this language; the frame is left empty.', 'El artículo colocado aquí se borró o no tiene texto en este idioma; el marco queda vacío.') });
        }
        continue;
      }
      const styleKey = JSON.stringify([layout.lang, t.typography, t.columnWidthPt, t.gutterPt]);
      const chainKey = JSON.stringify(chain.map((f) => [f, pageNumber.get(f.pageId)])) + styleKey;
      const hit = this.stories.get(articleId);
      // The same copy object (an article nobody touched) needs no look at its text.
      const key = hit && hit.copy === copy && hit.key.startsWith(chainKey) ? hit.key : chainKey + JSON.stringify(copy);
      // Old breaks of edited paragraphs pile up while someone types: start afresh now and then.
      const breaks = hit && hit.styleKey === styleKey && hit.breaks.size < 4 * copy.blocks.length + 16 ? hit.breaks : new Map();
      const result = hit && hit.key === key ? hit : setStory({ articleId, key, styleKey, breaks }, chain, copy, layout, styles, pageNumber, fonts);
      fresh.set(articleId, result);
      articles.push(result.fit);
      if (chain.filter((f) => f.kind === 'story').length > 1) {
        issues.push({ level: 'warning', frameId: chain[1]!.id, message: msg('This article is placed twice; the second opening continues the first.', 'Este artículo está colocado dos veces; la segunda apertura continúa la primera.') });
      }
    }
    this.stories = fresh;

    const pages: PageSetting[] = layout.pages.map((page, index) => {
      const frames: FrameSetting[] = [];
      for (const f of layout.frames) {
        if (f.pageId !== page.id) continue;
        const rect = frameRect(t, f);
        const base: FrameSetting = { frameId: f.id, kind: f.kind, rect, picture: null, ruleTop: false, lines: [] };
        if (f.kind === 'story' || f.kind === 'text') {
          const story = fresh.get(f.articleId);
          base.articleId = f.articleId;
          base.lines = story?.lines.get(f.id) ?? [];
          if (f.kind === 'story') {
            base.ruleTop = f.ruleTop;
            if (f.picture) {
              base.pictureId = f.picture.pictureId;
              base.picture = story?.picture ?? null;
              if (f.picture.crop) base.crop = f.picture.crop;
            }
          }
        } else if (f.kind === 'picture') {
          base.pictureId = f.pictureId;
          base.picture = rect;
          if (f.crop) base.crop = f.crop;
        } else if (f.kind === 'caption' || f.kind === 'pullquote') {
          const style = f.kind === 'caption' ? t.typography.caption : t.typography.pullQuote;
          base.lines = setText(f.text, style, rect, layout, fonts, f.kind === 'caption' ? 'caption' : 'headline');
        }
        if (base.pictureId && missing.has(base.pictureId)) {
          issues.push({ level: 'warning', frameId: f.id, pageId: page.id, message: msg(`The picture on page ${index + 1} has no file; the PDF shows an empty frame until it is uploaded again.`, `La foto de la página ${index + 1} no tiene archivo; el PDF muestra un marco vacío hasta que se vuelva a subir.`) });
        }
        frames.push(base);
      }
      return { pageId: page.id, number: index + 1, kind: page.kind, labels: headerLabels(layout, index, fonts), headerRule: headerRule(t, page.kind), frames };
    });
    for (const a of articles) {
      if (a.copyfit.overMatterLines > 0) {
        const n = a.copyfit.overMatterLines;
        issues.push({ level: 'warning', message: msg(`An article on page ${a.pages[0]} is ${n} line${n === 1 ? '' : 's'} too long for its space.`, `Un artículo de la página ${a.pages[0]} tiene ${n} línea${n === 1 ? '' : 's'} de más para su espacio.`) });
      }
    }
    return { pages, articles, issues };
  }
}

/**
 * Frames as they can be printed: the desk's editing functions keep frames
 * on the page, but a document can hold anything a client wrote. A frame
 * partly off the page is set clamped, one wholly off it is left out; both
 * are reported, and the document itself is left alone.
 */
function keepOnPages(layout: LayoutData): { layout: LayoutData; issues: LayoutIssue[] } {
  const kinds = new Map(layout.pages.map((p) => [p.id, p.kind]));
  const issues: LayoutIssue[] = [];
  const frames: LayoutFrame[] = [];
  for (const f of layout.frames) {
    const kind = kinds.get(f.pageId);
    if (!kind) continue;
    const checked = checkBox(layout.template, kind, f, f.id, { snap: false });
    if (!checked.ok) {
      issues.push({ ...checked.issue, pageId: f.pageId });
      continue;
    }
    if (checked.clamped) issues.push({ ...checked.clamped, pageId: f.pageId });
    const same = checked.box.col === f.col && checked.box.span === f.span && checked.box.y === f.y && checked.box.h === f.h;
    frames.push(same ? f : { ...f, ...checked.box });
  }
  return { layout: frames.length === layout.frames.length && issues.length === 0 ? layout : { ...layout, frames }, issues };
}

function setStory(
  { articleId, key, styleKey, breaks }: { articleId: string; key: string; styleKey: string; breaks: BreakCache },
  chain: (StoryFrame | TextFrame)[],
  copy: ArticleCopy,
  layout: LayoutData,
  styles: ModuleStyles,
  pageNumber: Map<string, number>,
  fonts: FontSet,
): StoryResult {
  const t = layout.template;
  const lines = new Map<string, SetLine[]>();
  const flowFrames: Frame[] = [];
  const owners: string[] = [];
  let picture: Rect | null = null;
  for (const f of chain) {
    const rect = frameRect(t, f);
    const page = pageNumber.get(f.pageId)!;
    const box = { page, x: rect.x, y: rect.y, w: rect.w, h: rect.h, columns: Math.max(1, f.columns), gutterPt: t.gutterPt, headlineSizePt: f.kind === 'story' ? f.headlineSizePt : 0 };
    if (f.kind === 'story' && f === chain[0]) {
      // The module's furniture (headline, byline, picture, caption) and its body columns.
      const furniture = typesetModule(
        {
          lang: layout.lang,
          headline: copy.headline,
          byline: copy.byline,
          blocks: [],
          picture: f.picture ? { frameHeightPt: f.picture.heightPt, caption: f.picture.caption } : undefined,
        },
        box,
        styles,
        fonts,
      );
      lines.set(f.id, furniture.lines);
      picture = furniture.picture;
      for (const fr of furniture.frames) {
        flowFrames.push(fr);
        owners.push(f.id);
      }
    } else {
      for (const fr of columnFrames(box, rect.y)) {
        flowFrames.push(fr);
        owners.push(f.id);
      }
    }
  }
  const body = flowStory({ lang: layout.lang, blocks: copy.blocks }, flowFrames, styles, fonts, breaks);
  for (const line of body.lines) {
    const owner = owners[line.frame ?? 0]!;
    const list = lines.get(owner) ?? [];
    list.push(line);
    lines.set(owner, list);
  }
  const pages: number[] = [];
  for (const f of chain) {
    const n = pageNumber.get(f.pageId)!;
    if (!pages.includes(n)) pages.push(n);
  }
  const lineTexts = body.lines.filter((l) => l.kind === 'body' || l.kind === 'subhead').map((l) => l.text);
  return { key, styleKey, breaks, copy, lines, picture, fit: { articleId, copyfit: body.copyfit, pages, lineTexts } };
}

/** Unjustified text in a frame (captions, pull quotes); what does not fit is not set. */
function setText(text: string, style: TextStyle, rect: Rect, layout: LayoutData, fonts: FontSet, kind: SetLine['kind']): SetLine[] {
  const font = fonts[style.font];
  const out: SetLine[] = [];
  let y = rect.y;
  for (const para of text.split('\n')) {
    for (const bl of breakParagraph({ text: para, lang: layout.lang, font, sizePt: style.sizePt, justify: null, indentPt: 0, lineWidth: () => rect.w })) {
      if (y + style.lineHeightPt > rect.y + rect.h + 1e-6) return out;
      out.push({
        text: bl.text, x: rect.x, top: y, baseline: y + baselineOffset(font, style.sizePt, style.lineHeightPt), font: style.font, sizePt: style.sizePt,
        lineHeightPt: style.lineHeightPt, width: rect.w, setWidth: bl.setWidth, wordSpacing: 0, letterSpacing: 0, gaps: bl.gaps,
        spaceWidth: bl.spaceWidth, justified: false, hyphenated: false, kind,
      });
      y += style.lineHeightPt;
    }
  }
  return out;
}

function label(fonts: FontSet, style: TextStyle, text: string, box: { x: number; y: number; w: number }, align: 'left' | 'center' | 'right'): LabelSetting {
  const width = widthOf(fonts[style.font], style.sizePt, text);
  const x = align === 'left' ? box.x : align === 'right' ? box.x + box.w - width : box.x + (box.w - width) / 2;
  return { text, x, baseline: box.y + baselineOffset(fonts[style.font], style.sizePt, style.lineHeightPt), style };
}

function headerLabels(layout: LayoutData, index: number, fonts: FontSet): LabelSetting[] {
  const t = layout.template;
  const page = layout.pages[index]!;
  const hd = headerArea(t, page.kind);
  const s = layout.strings;
  const ty = t.typography;
  if (page.kind === 'front') {
    const lineY = hd.y + ty.masthead.lineHeightPt + 4;
    return [
      label(fonts, ty.masthead, s.title, hd, 'center'),
      label(fonts, ty.mastheadLine, s.tagline, { ...hd, y: lineY }, 'left'),
      label(fonts, ty.mastheadLine, s.dateline, { ...hd, y: lineY }, 'right'),
    ];
  }
  const section = page.section ? ` · ${page.section}` : '';
  return [label(fonts, ty.folio, `${s.page} ${index + 1}${section}`, hd, 'left'), label(fonts, ty.folio, s.title, hd, 'right')];
}

function headerRule(t: LayoutTemplate, kind: 'front' | 'inside'): PageSetting['headerRule'] {
  const hd = headerArea(t, kind);
  return { x1: hd.x, x2: hd.x + hd.w, y: hd.y + hd.h, widthPt: kind === 'front' ? 1 : t.typography.rule.widthPt };
}
