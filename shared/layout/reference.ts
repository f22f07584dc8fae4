/**
 * The reference print edition (peer-print-edition/1) as a Galley layout:
 * its page format and typography become the template, each module a story
 * frame on the column grid, each article's copy the text of that story.
 * Used to import it as a Galley edition and to check that the desk, the
 * server PDF and the print engine's own renderer agree.
 */
import type { Lang } from '../languages';
import type { ReferenceEdition } from '../typeset/index';
import type { ArticleCopy, LayoutData, LayoutTemplate, StoryFrame } from './types';

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

export function referenceTemplate(e: ReferenceEdition): LayoutTemplate {
  const front = e.pages.find((p) => p.kind === 'front') ?? e.pages[0]!;
  const inside = e.pages.find((p) => p.kind === 'inside') ?? front;
  const t = e.typography;
  return {
    name: 'reference',
    widthPt: e.page.widthPt,
    heightPt: e.page.heightPt,
    marginPt: e.page.marginPt,
    columns: e.page.columns,
    gutterPt: e.page.gutterPt,
    columnWidthPt: e.page.columnWidthPt,
    rowPt: t.body.lineHeightPt,
    headerPt: { front: front.header.h, inside: inside.header.h },
    headerGapPt: front.body.y - front.header.y - front.header.h,
    fonts: {
      serif: baseName(t.fonts.serif.file),
      serifBold: baseName(t.fonts.serifBold.file),
      sans: baseName(t.fonts.sans.file),
      sansBold: baseName(t.fonts.sansBold.file),
      sansItalic: baseName(t.fonts.sansItalic.file),
    },
    typography: {
      masthead: t.masthead,
      mastheadLine: t.mastheadLine,
      folio: t.folio,
      headline: { font: t.headline.font, lineHeightFactor: t.headline.lineHeightFactor, spaceAfterPt: t.headline.spaceAfterPt },
      byline: t.byline,
      caption: t.caption,
      body: t.body,
      subhead: t.subhead,
      pullQuote: { font: 'serifBold', sizePt: 14, lineHeightPt: 17 },
      rule: t.rule,
    },
  };
}

/**
 * The layout in one language. `articleIds` maps the reference's article ids
 * to Galley's and `pictureIds` its image ids to picture-desk ids (identity
 * when absent, as the unit tests use it).
 */
export function referenceLayout(
  e: ReferenceEdition,
  lang: Lang,
  ids: { articleIds?: ReadonlyMap<string, string>; pictureIds?: ReadonlyMap<string, string> } = {},
): LayoutData {
  const template = referenceTemplate(e);
  const step = template.columnWidthPt + template.gutterPt;
  const articles = new Map(e.articles.map((a) => [a.id, a]));
  const frames: StoryFrame[] = [];
  for (const p of e.pages) {
    for (const m of p.modules) {
      const image = articles.get(m.articleId)?.image;
      frames.push({
        id: m.id,
        pageId: `p${p.number}`,
        kind: 'story',
        col: Math.round((m.x - template.marginPt.left) / step),
        span: Math.round((m.w + template.gutterPt) / step),
        y: m.y,
        h: m.h,
        articleId: ids.articleIds?.get(m.articleId) ?? m.articleId,
        columns: m.bodyColumns,
        headlineSizePt: m.headlineSizePt,
        ruleTop: m.ruleTop,
        picture: image ? { pictureId: ids.pictureIds?.get(image.imageId) ?? image.imageId, heightPt: image.frameHeightPt, caption: image.caption[lang] } : null,
      });
    }
  }
  const s = e.strings[lang];
  return {
    lang,
    template,
    strings: { title: e.title, tagline: s.tagline, dateline: s.dateline, page: s.page },
    pages: e.pages.map((p) => ({ id: `p${p.number}`, kind: p.kind, section: p.section[lang] })),
    frames,
  };
}

/** Every article's copy in one language, keyed by the reference's article id. */
export function referenceCopies(e: ReferenceEdition, lang: Lang): Map<string, ArticleCopy | null> {
  return new Map(
    e.articles.map((a) => {
      const c = a[lang];
      return [a.id, c ? { headline: c.headline, byline: c.byline, blocks: c.paragraphs.map((q) => ({ type: q.type, text: q.text })) } : null];
    }),
  );
}
