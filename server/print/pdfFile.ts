/**
 * The PDF file both renderers write (the reference edition's and the layout
 * desk's): a pdfkit document streamed to a temporary file that takes the
 * final name only once complete, so a failed render leaves no partial PDF;
 * and trim-size pages with optional bleed and crop marks.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { FontSet } from '../../shared/typeset/index';
import { drawCropMarks } from './draw';
import { speedUpSubset } from './fastSubset';

type Doc = InstanceType<typeof PDFDocument>;

const CROP_MARK_PT = 18;

export interface PdfFile {
  doc: Doc;
  /** Ends the document and gives the file its final name. */
  save(): Promise<void>;
  /** Drops the unfinished file (after an error). */
  discard(): void;
}

export function openPdf(out: string, opts: { title: string; fonts: FontSet; compress: boolean }): PdfFile {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: opts.compress, info: { Title: opts.title, Creator: 'Galley' } });
  for (const [role, font] of Object.entries(opts.fonts)) doc.registerFont(role, font as never);
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  const stream = fs.createWriteStream(tmp);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  doc.pipe(stream);
  return {
    doc,
    async save() {
      // pdfkit embeds the fonts' subsets in end().
      const used = (doc as unknown as { _fontFamilies?: Record<string, { subset?: unknown }> })._fontFamilies ?? {};
      for (const font of Object.values(used)) speedUpSubset(font.subset);
      doc.end();
      await finished;
      fs.renameSync(tmp, out);
    },
    discard() {
      stream.destroy();
      fs.rmSync(tmp, { force: true });
    },
  };
}

/**
 * Adds a page of trim size w x h. With bleed, the sheet is larger by the
 * bleed and a slug for crop marks, TrimBox and BleedBox are set, the marks
 * drawn, and drawing moves to trim coordinates.
 */
export function addTrimmedPage(doc: Doc, w: number, h: number, bleedPt: number): void {
  const bleed = Math.max(0, bleedPt);
  const slug = bleed > 0 ? bleed + 3 + CROP_MARK_PT + 3 : 0;
  doc.addPage({ size: [w + 2 * slug, h + 2 * slug], margin: 0 });
  if (slug === 0) return;
  const d = doc.page.dictionary.data as Record<string, unknown>;
  d.TrimBox = [slug, slug, slug + w, slug + h];
  d.BleedBox = [slug - bleed, slug - bleed, slug + w + bleed, slug + h + bleed];
  drawCropMarks(doc, { x: slug, y: slug, w, h }, bleed, CROP_MARK_PT);
  doc.translate(slug, slug);
}
