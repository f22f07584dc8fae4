/**
 * The format of a page template file (templates/<name>.json): page format,
 * column and baseline grid, fonts named by npm package and file, and the
 * typography. The server resolves the fonts to installed TTF files; the
 * layout desk and the PDF both work from `layoutTemplate(file)`, so there is
 * one description of each template and it is data, not code.
 */
import { z } from 'zod';
import type { LayoutTemplate } from './types';

const fontRole = z.enum(['serif', 'serifBold', 'sans', 'sansBold', 'sansItalic']);
const fontRef = z.object({
  package: z.string().min(1),
  /** Path inside the package; its last part is the name the server serves it under. */
  file: z.string().regex(/^[A-Za-z0-9_/-]+\.(ttf|otf)$/, 'must be a .ttf or .otf file inside the package'),
  family: z.string(),
  weight: z.number(),
  style: z.string(),
});
const textStyle = z.object({ font: fontRole, sizePt: z.number().positive(), lineHeightPt: z.number().positive() });
const box = { top: z.number().nonnegative(), right: z.number().nonnegative(), bottom: z.number().nonnegative(), left: z.number().nonnegative() };

export const templateFileSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens only'),
  description: z.string(),
  page: z.object({
    widthPt: z.number().positive(),
    heightPt: z.number().positive(),
    marginPt: z.object(box),
    columns: z.number().int().min(1),
    gutterPt: z.number().nonnegative(),
    columnWidthPt: z.number().positive(),
  }),
  grid: z.object({
    rowPt: z.number().positive(),
    headerPt: z.object({ front: z.number().nonnegative(), inside: z.number().nonnegative() }),
    headerGapPt: z.number().nonnegative(),
  }),
  fonts: z.object({ serif: fontRef, serifBold: fontRef, sans: fontRef, sansBold: fontRef, sansItalic: fontRef }),
  typography: z.object({
    masthead: textStyle,
    mastheadLine: textStyle,
    folio: textStyle,
    headline: z.object({ font: fontRole, lineHeightFactor: z.number().positive(), spaceAfterPt: z.number() }),
    byline: textStyle.extend({ spaceAfterPt: z.number() }),
    caption: textStyle.extend({ spaceBeforePt: z.number(), spaceAfterPt: z.number() }),
    body: textStyle.extend({ firstLineIndentPt: z.number().nonnegative(), paragraphSpacePt: z.number().nonnegative(), hyphenate: z.boolean() }),
    subhead: textStyle.extend({ spaceBeforePt: z.number() }),
    pullQuote: textStyle,
    rule: z.object({ widthPt: z.number().nonnegative(), color: z.string() }),
  }),
});

export type TemplateFile = z.infer<typeof templateFileSchema>;
export type FontRef = TemplateFile['fonts']['serif'];

/** The name a template font is served under (GET /api/fonts/<name>): its file name. */
export function fontName(ref: FontRef): string {
  return ref.file.slice(ref.file.lastIndexOf('/') + 1);
}

/** A template file as the layout model uses it; throws a message naming the field when the file is malformed. */
export function layoutTemplate(data: unknown): LayoutTemplate {
  const parsed = templateFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`page template: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const t = parsed.data;
  const f = t.fonts;
  return {
    name: t.name,
    ...t.page,
    rowPt: t.grid.rowPt,
    headerPt: t.grid.headerPt,
    headerGapPt: t.grid.headerGapPt,
    fonts: { serif: fontName(f.serif), serifBold: fontName(f.serifBold), sans: fontName(f.sans), sansBold: fontName(f.sansBold), sansItalic: fontName(f.sansItalic) },
    typography: t.typography,
  };
}
