/**
 * Typesets a whole reference-format edition in one language: every module
 * of every page, with copyfit and quality per article. Pure, so the browser
 * preview and the server PDF get the same lines.
 */
import type { Lang } from '../languages';
import { DEFAULT_JUSTIFY } from './defaults';
import { typesetModule, type ModuleResult, type ModuleStyles } from './module';
import { combineQuality, measureQuality, type Quality } from './quality';
import type { ReferenceEdition } from './referenceEdition';
import type { FontSet, JustifyOptions } from './types';

export interface ModuleSetting {
  moduleId: string;
  articleId: string;
  ruleTop: boolean;
  box: { x: number; y: number; w: number; h: number };
  result: ModuleResult;
  quality: Quality;
}

export interface PageSetting {
  number: number;
  modules: ModuleSetting[];
}

export interface EditionSetting {
  lang: Lang;
  pages: PageSetting[];
  quality: Quality;
}

export function editionStyles(e: ReferenceEdition, justify: JustifyOptions): ModuleStyles {
  return typographyStyles(e.typography, justify);
}

/** The styles the module setter needs, from a typography block (the reference format's or a template's). */
export function typographyStyles(
  t: Pick<ModuleStyles, 'headline' | 'byline' | 'caption' | 'subhead'> & { body: Omit<ModuleStyles['body'], 'justify'> & { hyphenate: boolean } },
  justify: JustifyOptions,
): ModuleStyles {
  return {
    headline: t.headline,
    byline: t.byline,
    caption: t.caption,
    body: { ...t.body, justify: { ...justify, hyphenate: justify.hyphenate && t.body.hyphenate } },
    subhead: t.subhead,
    jump: { font: t.byline.font, sizePt: t.byline.sizePt, lineHeightPt: t.body.lineHeightPt },
  };
}

export function typesetEdition(e: ReferenceEdition, lang: Lang, fonts: FontSet, justify: JustifyOptions = DEFAULT_JUSTIFY): EditionSetting {
  const styles = editionStyles(e, justify);
  const articles = new Map(e.articles.map((a) => [a.id, a]));
  const all: Quality[] = [];
  const pages = e.pages.map((p) => ({
    number: p.number,
    modules: p.modules.map((m) => {
      const a = articles.get(m.articleId)!;
      const copy = a[lang] ?? { headline: '', byline: '', paragraphs: [] };
      const result = typesetModule(
        {
          lang,
          headline: copy.headline,
          byline: copy.byline,
          blocks: copy.paragraphs.map((q) => ({ type: q.type, text: q.text })),
          picture: a.image ? { frameHeightPt: a.image.frameHeightPt, caption: a.image.caption[lang] } : undefined,
        },
        { page: p.number, x: m.x, y: m.y, w: m.w, h: m.h, columns: m.bodyColumns, gutterPt: e.page.gutterPt, headlineSizePt: m.headlineSizePt },
        styles,
        fonts,
      );
      const quality = measureQuality(result.lines);
      all.push(quality);
      return { moduleId: m.id, articleId: m.articleId, ruleTop: m.ruleTop, box: { x: m.x, y: m.y, w: m.w, h: m.h }, result, quality };
    }),
  }));
  return { lang, pages, quality: combineQuality(all) };
}
