/**
 * The reference print edition format ("peer-print-edition/1", see
 * ../shared/bench/README.md), validated with zod so a malformed file is
 * refused with the name of the field at fault. Pure: parsing only.
 */
import { z } from 'zod';

const box = { x: z.number(), y: z.number(), w: z.number().nonnegative(), h: z.number().nonnegative() };
const font = z.object({ family: z.string(), weight: z.number(), style: z.string(), file: z.string().min(1) });
const fontRole = z.enum(['serif', 'serifBold', 'sans', 'sansBold', 'sansItalic']);
const textStyle = z.object({ font: fontRole, sizePt: z.number().positive(), lineHeightPt: z.number().positive() });
const perLang = <T extends z.ZodType>(t: T) => z.object({ en: t, es: t });
const paragraph = z.object({ type: z.enum(['p', 'subhead']), text: z.string() });
const copy = z.object({ headline: z.string(), byline: z.string(), paragraphs: z.array(paragraph) });

export const referenceEditionSchema = z.object({
  schema: z.literal('peer-print-edition/1'),
  title: z.string(),
  languages: z.array(z.enum(['en', 'es'])).min(1),
  strings: perLang(z.object({ tagline: z.string(), dateline: z.string(), page: z.string() })),
  page: z.object({
    widthPt: z.number().positive(),
    heightPt: z.number().positive(),
    marginPt: z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }),
    columns: z.number().int().positive(),
    gutterPt: z.number().nonnegative(),
    columnWidthPt: z.number().positive(),
  }),
  typography: z.object({
    fonts: z.object({ serif: font, serifBold: font, sans: font, sansBold: font, sansItalic: font }),
    masthead: textStyle,
    mastheadLine: textStyle,
    folio: textStyle,
    headline: z.object({ font: fontRole, lineHeightFactor: z.number().positive(), spaceAfterPt: z.number() }),
    byline: textStyle.extend({ spaceAfterPt: z.number() }),
    caption: textStyle.extend({ spaceBeforePt: z.number(), spaceAfterPt: z.number() }),
    body: textStyle.extend({ firstLineIndentPt: z.number().nonnegative(), paragraphSpacePt: z.number().nonnegative(), hyphenate: z.boolean() }),
    subhead: textStyle.extend({ spaceBeforePt: z.number() }),
    rule: z.object({ widthPt: z.number().nonnegative(), color: z.string() }),
  }),
  images: z.array(z.object({ id: z.string(), file: z.string().min(1), widthPx: z.number(), heightPx: z.number() })),
  pages: z.array(
    z.object({
      number: z.number().int().positive(),
      kind: z.enum(['front', 'inside']),
      section: perLang(z.string()),
      header: z.object({ kind: z.enum(['masthead', 'folio']), ...box }),
      body: z.object(box),
      modules: z.array(
        z.object({
          id: z.string(),
          articleId: z.string(),
          ...box,
          headlineSizePt: z.number().positive(),
          ruleTop: z.boolean(),
          bodyColumns: z.number().int().positive(),
        }),
      ),
    }),
  ).min(1),
  articles: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      image: z.object({ imageId: z.string(), frameHeightPt: z.number().nonnegative(), caption: perLang(z.string()) }).nullish(),
      en: copy.optional(),
      es: copy.optional(),
    }),
  ),
});

export type ReferenceEdition = z.infer<typeof referenceEditionSchema>;

/** Parses an edition; throws an Error whose message names the first bad fields. */
export function parseReferenceEdition(data: unknown): ReferenceEdition {
  // Jitless: an edition is parsed once per render, and compiling zod's fast
  // path for it costs more (about 25 ms of CPU) than the one parse it speeds up.
  const result = referenceEditionSchema.safeParse(data, { jitless: true });
  if (result.success) return checkReferences(result.data);
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`edition does not match the peer-print-edition/1 format: ${issues.join('; ')}`);
}

/** Cross-references zod cannot see: modules name articles, articles name pictures. */
function checkReferences(e: ReferenceEdition): ReferenceEdition {
  const articles = new Set(e.articles.map((a) => a.id));
  const images = new Set(e.images.map((i) => i.id));
  e.pages.forEach((p, pi) =>
    p.modules.forEach((m, mi) => {
      if (!articles.has(m.articleId)) throw new Error(`edition does not match the format: pages.${pi}.modules.${mi}.articleId: no article "${m.articleId}"`);
    }),
  );
  e.articles.forEach((a, ai) => {
    if (a.image && !images.has(a.image.imageId)) throw new Error(`edition does not match the format: articles.${ai}.image.imageId: no image "${a.image.imageId}"`);
  });
  return e;
}
