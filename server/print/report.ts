import type { EditionSetting, Quality } from '../../shared/typeset/index';

/** What a render reports: copyfit and quality per article, and overall. */
export interface PrintReport {
  title: string;
  lang: string;
  pages: number;
  articles: {
    articleId: string;
    moduleId: string;
    page: number;
    linesUsed: number;
    linesAvailable: number;
    overMatterLines: number;
    overMatterText: string;
    quality: Quality;
  }[];
  overMatterLines: number;
  quality: Quality;
}

export function buildReport(title: string, setting: EditionSetting): PrintReport {
  const articles = setting.pages.flatMap((p) =>
    p.modules.map((m) => ({ articleId: m.articleId, moduleId: m.moduleId, page: p.number, ...m.result.copyfit, quality: m.quality })),
  );
  return {
    title,
    lang: setting.lang,
    pages: setting.pages.length,
    articles,
    overMatterLines: articles.reduce((n, a) => n + a.overMatterLines, 0),
    quality: setting.quality,
  };
}
