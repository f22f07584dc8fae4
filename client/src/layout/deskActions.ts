/**
 * What the desk's buttons and drags do to the layout documents. Frames and
 * pages are the same in every language's layout (same ids), so geometry
 * changes go to every language; the text of captions and pull quotes is
 * each language's own and goes only to the layout it is written in.
 */
import type { Lang } from '../../../shared/languages';
import { addFrame, addPage, layoutId, moveFrame, moveFrameToPage, movePage, removeFrame, removePage, setCrop, setFrameText, setStoryFields, type ChangeResult, type PageResult } from '../../../shared/layout/doc';
import { bodyArea } from '../../../shared/layout/grid';
import type { FrameBox, LayoutData, LayoutFrame, LayoutIssue, PageKind, PictureCrop, StoryFrame } from '../../../shared/layout/types';
import type { DeskSession } from './session';

export type Furniture = 'caption' | 'pullquote' | 'box' | 'rule';

type Result = ChangeResult | PageResult;

export class DeskActions {
  constructor(
    private readonly session: DeskSession,
    private readonly layouts: Map<Lang, LayoutData>,
    /** The page on show, 1-based. */
    private readonly pageNo: number,
    private readonly report: (issue: LayoutIssue | null) => void,
  ) {}

  /** Runs a change in every language; stops at the first refusal (nothing after it is touched) and reports. */
  private everywhere(change: (doc: ReturnType<DeskSession['doc']>, data: LayoutData, lang: Lang) => Result | null): boolean {
    let last: LayoutIssue | null = null;
    for (const [l, data] of this.layouts) {
      const r = change(this.session.doc(l), data, l);
      if (!r) continue;
      if (!r.ok) {
        this.report(r.issue);
        return false;
      }
      if ('issue' in r && r.issue) last = r.issue;
    }
    this.report(last);
    return true;
  }

  /** The lowest free rows of a page for a frame `rows` high; the top when none is left. */
  private freeSpot(data: LayoutData, pageId: string, rows: number) {
    const page = data.pages.find((p) => p.id === pageId)!;
    const area = bodyArea(data.template, page.kind);
    const bottom = Math.max(area.y, ...data.frames.filter((f) => f.pageId === pageId).map((f) => f.y + f.h + data.template.rowPt));
    const room = area.y + area.h - bottom;
    return room >= rows * data.template.rowPt ? { y: bottom, h: rows * data.template.rowPt } : { y: area.y, h: rows * data.template.rowPt };
  }

  private currentPage(data: LayoutData) {
    return data.pages[this.pageNo - 1];
  }

  placeArticle(articleId: string): void {
    this.everywhere((doc, data) => {
      const page = this.currentPage(data);
      return page ? addFrame(doc, { kind: 'story', pageId: page.id, col: 0, span: 3, ...this.freeSpot(data, page.id, 40), articleId, columns: 3, headlineSizePt: 24, ruleTop: false, picture: null }, `a${articleId}`) : null;
    });
  }

  placePicture(pictureId: string): void {
    this.everywhere((doc, data) => {
      const page = this.currentPage(data);
      return page ? addFrame(doc, { kind: 'picture', pageId: page.id, col: 3, span: 2, ...this.freeSpot(data, page.id, 14), pictureId }, `i${pictureId}`) : null;
    });
  }

  /** A caption, pull quote, box or rule on the page on show; returns its id to select it. */
  placeFurniture(kind: Furniture): string | null {
    const id = layoutId();
    const rows = { caption: 4, pullquote: 8, box: 16, rule: 1 }[kind];
    const span = kind === 'rule' || kind === 'box' ? 3 : 2;
    const ok = this.everywhere((doc, data) => {
      const page = this.currentPage(data);
      if (!page) return null;
      const box = { pageId: page.id, col: 0, span, ...this.freeSpot(data, page.id, rows) };
      return addFrame(doc, kind === 'caption' || kind === 'pullquote' ? { ...box, kind, text: '' } : { ...box, kind }, id);
    });
    return ok ? id : null;
  }

  /** A frame moved on one language's page moves in every language: the frames are the same. */
  move(frameId: string, box: FrameBox): void {
    this.everywhere((doc) => moveFrame(doc, frameId, box));
  }

  moveToPage(frameId: string, pageId: string): boolean {
    return this.everywhere((doc) => moveFrameToPage(doc, frameId, pageId));
  }

  remove(frameId: string): void {
    for (const l of this.layouts.keys()) removeFrame(this.session.doc(l), frameId);
  }

  /** Adds a text frame to a story's chain on the next page: the story jumps there. */
  continueOnNextPage(f: LayoutFrame): void {
    if (f.kind !== 'story' && f.kind !== 'text') return;
    this.everywhere((doc, data) => {
      const index = data.pages.findIndex((p) => p.id === f.pageId);
      const next = data.pages[index + 1];
      if (!next) return null;
      const chain = Math.max(0, ...data.frames.filter((x): x is Extract<LayoutFrame, { kind: 'text' }> => x.kind === 'text' && x.articleId === f.articleId).map((x) => x.chain)) + 1;
      return addFrame(doc, { kind: 'text', pageId: next.id, col: 0, span: 2, ...this.freeSpot(data, next.id, 30), articleId: f.articleId, chain, columns: 2 }, `${f.articleId.slice(0, 6)}c${chain}`);
    });
  }

  /** Only into the layout of `lang`: each language has its own caption and pull-quote text. */
  setText(lang: Lang, frameId: string, text: string): void {
    const r = setFrameText(this.session.doc(lang), frameId, text);
    this.report(r.ok ? null : r.issue);
  }

  setStory(frameId: string, fields: Partial<Pick<StoryFrame, 'headlineSizePt' | 'columns' | 'ruleTop'>>): void {
    this.everywhere((doc) => setStoryFields(doc, frameId, fields));
  }

  /** The picture of a story's opening (null: none); each language keeps its own caption. */
  setStoryPicture(frameId: string, picture: { pictureId: string; heightPt: number } | null): void {
    this.everywhere((doc, data) => {
      const f = data.frames.find((x): x is StoryFrame => x.id === frameId && x.kind === 'story');
      if (!f) return null;
      return setStoryFields(doc, frameId, { picture: picture ? { caption: '', ...f.picture, ...picture } : null });
    });
  }

  setStoryCaption(lang: Lang, frameId: string, caption: string): void {
    const f = this.layouts.get(lang)?.frames.find((x): x is StoryFrame => x.id === frameId && x.kind === 'story');
    if (!f?.picture) return;
    const r = setStoryFields(this.session.doc(lang), frameId, { picture: { ...f.picture, caption } });
    this.report(r.ok ? null : r.issue);
  }

  setCrop(frameId: string, crop: PictureCrop | null): void {
    this.everywhere((doc) => setCrop(doc, frameId, crop));
  }

  /** A new page after the one on show, the same page (same id) in every language. */
  addPageAfter(kind: PageKind, section: string): string | null {
    const id = layoutId();
    return this.everywhere((doc) => addPage(doc, { kind, section }, this.pageNo, id)) ? id : null;
  }

  removePage(pageId: string): boolean {
    // A page holding frames in any language is refused before any language loses it.
    for (const [l, data] of this.layouts) {
      if (!data.frames.some((f) => f.pageId === pageId)) continue;
      const r = removePage(this.session.doc(l), pageId);
      this.report(r.ok ? null : r.issue);
      if (!r.ok) return false;
    }
    return this.everywhere((doc) => removePage(doc, pageId));
  }

  movePage(pageId: string, to: number): boolean {
    return this.everywhere((doc) => movePage(doc, pageId, to));
  }
}
