/**
 * The reference print edition format ("peer-print-edition/1", see
 * ../shared/bench/README.md), validated with zod so a malformed file is
 * refused with the name of the field at fault. Pure: parsing only.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini, not the full zod: the schema is the same, and a render (a
// process of about a second) compiles about 0.1 MB of validator instead of
// 0.7 MB. Mini carries no messages of its own; the English ones name what
// was expected, as the errors of a bad edition should.
z.config(en());

const positive = () => z.number().check(z.positive());
const nonnegative = () => z.number().check(z.nonnegative());
const positiveInt = () => z.int().check(z.positive());
const box = { x: z.number(), y: z.number(), w: nonnegative(), h: nonnegative() };
const font = z.object({ family: z.string(), weight: z.number(), style: z.string(), file: z.string().check(z.minLength(1)) });
const fontRole = z.enum(['serif', 'serifBold', 'sans', 'sansBold', 'sansItalic']);
const textStyle = z.object({ font: fontRole, sizePt: positive(), lineHeightPt: positive() });
const perLang = <T extends z.ZodMiniType>(t: T) => z.object({ en: t, es: t });
const paragraph = z.object({ type: z.enum(['p', 'subhead']), text: z.string() });
const copy = z.object({ headline: z.string(), byline: z.string(), paragraphs: z.array(paragraph) });

export const referenceEditionSchema = z.object({
  schema: z.literal('peer-print-edition/1'),
  title: z.string(),
  languages: z.array(z.enum(['en', 'es'])).check(z.minLength(1)),
  strings: perLang(z.object({ tagline: z.string(), dateline: z.string(), page: z.string() })),
  page: z.object({
    widthPt: positive(),
    heightPt: positive(),
    marginPt: z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }),
    columns: positiveInt(),
    gutterPt: nonnegative(),
    columnWidthPt: positive(),
  }),
  typography: z.object({
    fonts: z.object({ serif: font, serifBold: font, sans: font, sansBold: font, sansItalic: font }),
    masthead: textStyle,
    mastheadLine: textStyle,
    folio: textStyle,
    headline: z.object({ font: fontRole, lineHeightFactor: positive(), spaceAfterPt: z.number() }),
    byline: z.extend(textStyle, { spaceAfterPt: z.number() }),
    caption: z.extend(textStyle, { spaceBeforePt: z.number(), spaceAfterPt: z.number() }),
    body: z.extend(textStyle, { firstLineIndentPt: nonnegative(), paragraphSpacePt: nonnegative(), hyphenate: z.boolean() }),
    subhead: z.extend(textStyle, { spaceBeforePt: z.number() }),
    rule: z.object({ widthPt: nonnegative(), color: z.string() }),
  }),
  images: z.array(z.object({ id: z.string(), file: z.string().check(z.minLength(1)), widthPx: z.number(), heightPx: z.number() })),
  pages: z
    .array(
      z.object({
        number: positiveInt(),
        kind: z.enum(['front', 'inside']),
        section: perLang(z.string()),
        header: z.object({ kind: z.enum(['masthead', 'folio']), ...box }),
        body: z.object(box),
        modules: z.array(
          z.object({
            id: z.string(),
            articleId: z.string(),
            ...box,
            headlineSizePt: positive(),
            ruleTop: z.boolean(),
            bodyColumns: positiveInt(),
          }),
        ),
      }),
    )
    .check(z.minLength(1)),
  articles: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      image: z.nullish(z.object({ imageId: z.string(), frameHeightPt: nonnegative(), caption: perLang(z.string()) })),
      en: z.optional(copy),
      es: z.optional(copy),
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
