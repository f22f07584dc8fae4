/**
 * Planning an edition: the pages a new layout starts with, a first placement
 * of the edition's stories (two modules a page, which the desk then
 * rearranges), and the page plan: which story is on which page, with its
 * copyfit, and the pool of stories not placed yet.
 */
import { bodyArea } from './grid';
import type { LayoutSetting } from './setting';
import type { LayoutData, LayoutFrame, LayoutPage, LayoutTemplate, StoryFrame } from './types';

export function startPages(count: number, sections: string[] = []): LayoutPage[] {
  return Array.from({ length: count }, (_, i) => ({ id: `p${i + 1}`, kind: i === 0 ? 'front' : 'inside', section: sections[i] ?? '' }));
}

/**
 * Story frames for articles, two to a page from the first page on: the
 * upper module across all columns, the lower one too. Returns the frames
 * and the articles that did not get a page (they stay in the pool).
 */
export function firstPlacement(template: LayoutTemplate, pages: LayoutPage[], articleIds: string[]): { frames: StoryFrame[]; unplaced: string[] } {
  const frames: StoryFrame[] = [];
  const unplaced: string[] = [];
  articleIds.forEach((articleId, i) => {
    const page = pages[Math.floor(i / 2)];
    if (!page) {
      unplaced.push(articleId);
      return;
    }
    const area = bodyArea(template, page.kind);
    const rows = Math.floor(area.h / template.rowPt);
    const upperRows = Math.floor(rows / 2);
    const lower = i % 2 === 1;
    const y = area.y + (lower ? (upperRows + 1) * template.rowPt : 0);
    const h = (lower ? rows - upperRows - 1 : upperRows) * template.rowPt;
    frames.push({
      id: `s${i + 1}`,
      pageId: page.id,
      kind: 'story',
      col: 0,
      span: template.columns,
      y,
      h,
      articleId,
      columns: template.columns,
      headlineSizePt: lower ? 24 : 30,
      ruleTop: lower,
      picture: null,
    });
  });
  return { frames, unplaced };
}

export interface PlanArticle {
  id: string;
  title: string;
}

export interface PagePlan {
  pages: { pageId: string; number: number; kind: LayoutPage['kind']; section: string; stories: { articleId: string; title: string; linesUsed: number; linesAvailable: number; overMatterLines: number }[] }[];
  /** The edition's stories on no page, and placed stories whose article is gone. */
  unplaced: PlanArticle[];
  missing: string[];
}

export function pagePlan(layout: LayoutData, setting: LayoutSetting, articles: PlanArticle[]): PagePlan {
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const fits = new Map(setting.articles.map((a) => [a.articleId, a]));
  const placed = new Set<string>();
  const missing = new Set<string>();
  const pages = layout.pages.map((page, index) => {
    const stories: PagePlan['pages'][number]['stories'] = [];
    for (const f of layout.frames) {
      if (f.pageId !== page.id || (f.kind !== 'story' && f.kind !== 'text')) continue;
      placed.add(f.articleId);
      if (!titles.has(f.articleId)) missing.add(f.articleId);
      if (stories.some((s) => s.articleId === f.articleId)) continue;
      const c = fits.get(f.articleId)?.copyfit;
      stories.push({ articleId: f.articleId, title: titles.get(f.articleId) ?? '', linesUsed: c?.linesUsed ?? 0, linesAvailable: c?.linesAvailable ?? 0, overMatterLines: c?.overMatterLines ?? 0 });
    }
    return { pageId: page.id, number: index + 1, kind: page.kind, section: page.section, stories };
  });
  return { pages, unplaced: articles.filter((a) => !placed.has(a.id)), missing: [...missing] };
}

/** Articles a layout places (story or text frames), for loading their copy. */
export function placedArticleIds(frames: LayoutFrame[]): string[] {
  const ids = new Set<string>();
  for (const f of frames) if (f.kind === 'story' || f.kind === 'text') ids.add(f.articleId);
  return [...ids];
}
