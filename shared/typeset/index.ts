/**
 * Galley's typesetting engine: pure functions from text, fonts and frames to
 * positioned lines. No I/O: callers parse fonts (fontkit) and pass them in.
 *
 * - breakParagraph(spec): Knuth–Plass optimum fit with hyphenation (en/es),
 *   URL-safe breaks, emergency breaks; never throws.
 * - flowStory(story, frames, styles, fonts): a story through a chain of
 *   frames (columns, boxes, pages) -> positioned lines + copyfit. This is
 *   what the layout desk calls with Block[] from shared/editor/content.ts.
 * - typesetArticle(article, frames, styles, fonts): headline, byline and
 *   body blocks into any chain of frames -> positioned lines + copyfit.
 * - typesetModule(article, box, styles, fonts): headline, byline, picture,
 *   caption and body columns of one module box.
 * - typesetEdition(edition, lang, fonts): a whole reference-format edition.
 * - measureQuality(lines): loose / very loose lines, hyphen runs, runts.
 */
export type * from './types';
export { breakParagraph, type BrokenLine, type ParagraphSpec } from './paragraph';
export { flowStory, type FlowStyles } from './flow';
export { typesetModule, typesetArticle, columnFrames, type ArticleInput, type ModuleBox, type ModuleStyles, type ModuleResult } from './module';
export { typesetEdition, editionStyles, type EditionSetting, type PageSetting, type ModuleSetting } from './edition';
export { measureQuality, combineQuality, meanGapEm, LOOSE_EM, VERY_LOOSE_EM, type Quality } from './quality';
export { DEFAULT_JUSTIFY, WORD_SPACE_ONLY } from './defaults';
export { parseReferenceEdition, referenceEditionSchema, type ReferenceEdition } from './referenceEdition';
export { widthOf, baselineOffset, stripSoftHyphens } from './measure';
export { splitToken, isAddress } from './hyphenate';
export { jumpLine } from './strings';
export { fastFont, type ShapeableFont } from './fastFont';
