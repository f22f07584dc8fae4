/**
 * Draws a set layout as a PDF with pdfkit, with the print engine's drawing
 * primitives: the same lines the desk shows, in the same places. Writes to
 * a temporary file renamed on success, so a failed render leaves nothing.
 * Runs in the render worker (renderWorker.ts), never on the server's main thread.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { LayoutSetter, type LayoutSetting } from '../../shared/layout/setting';
import type { ArticleCopy, LayoutData, LayoutIssue } from '../../shared/layout/types';
import type { FontRole } from '../../shared/typeset/index';
import { BLACK, drawLines, drawPicture, drawRule, ink } from '../print/draw';
import { loadFonts } from '../print/fonts';
import { addTrimmedPage, openPdf } from '../print/pdfFile';
import { preparePicture, type PreparedPicture } from '../print/pictures';
import { prepareCroppedPicture, wholePictureKey } from './cropPicture';

export interface LayoutRenderInput {
  layout: LayoutData;
  copies: [string, ArticleCopy | null][];
  /** Picture id -> the file of its print rendition (null: no file); wholePictureKey(id) -> the uncut picture for desk crops. */
  pictures: [string, string | null][];
  fontFiles: Record<FontRole, string>;
  /** Page numbers to render (1-based); all when absent. */
  pages?: number[];
  blackOnly: boolean;
  bleedPt: number;
  out: string;
  title: string;
}

export interface RenderedArticle {
  articleId: string;
  pages: number[];
  linesUsed: number;
  linesAvailable: number;
  overMatterLines: number;
  overMatterText: string;
  lineTexts: string[];
}

export interface LayoutRenderReport {
  pages: number[];
  articles: RenderedArticle[];
  issues: LayoutIssue[];
}


export async function renderLayoutPdf(input: LayoutRenderInput, onPage: (done: number, total: number) => void): Promise<LayoutRenderReport> {
  const fonts = loadFonts(input.fontFiles);
  const files = new Map(input.pictures);
  const missing = new Set([...files].filter(([, f]) => !f || !fs.existsSync(f)).map(([id]) => id));
  const setting: LayoutSetting = new LayoutSetter().set({ layout: input.layout, copies: new Map(input.copies), missingPictures: missing, fonts });
  const wanted = input.pages?.length ? setting.pages.filter((p) => input.pages!.includes(p.number)) : setting.pages;

  // Pictures decode on sharp's threads; a picture that cannot be read is reported, not fatal.
  const issues = [...setting.issues];
  const prepared = new Map<string, PreparedPicture | null>();
  for (const page of wanted) {
    for (const f of page.frames) {
      if (!f.picture || !f.pictureId || missing.has(f.pictureId) || f.picture.h <= 0) continue;
      const key = `${f.frameId}`;
      const whole = f.crop ? files.get(wholePictureKey(f.pictureId)) : undefined;
      try {
        // A frame cropped on the desk is cut from the whole picture as the desk shows it (crop.ts).
        if (f.crop && whole) prepared.set(key, await prepareCroppedPicture(whole, f.picture, f.crop, input.blackOnly));
        else prepared.set(key, await preparePicture({ file: files.get(f.pictureId)!, widthPt: f.picture.w, heightPt: f.picture.h, grayscale: input.blackOnly }));
      } catch (err) {
        prepared.set(key, null);
        issues.push({ level: 'warning', frameId: f.frameId, pageId: page.pageId, message: { en: `A picture on page ${page.number} could not be read: ${(err as Error).message}`, es: `No se pudo leer una foto de la página ${page.number}: ${(err as Error).message}` } });
      }
    }
  }

  const t = input.layout.template;
  const pdf = openPdf(input.out, { title: input.title, fonts, compress: true });
  const doc = pdf.doc;
  try {
    const ruleInk = ink(t.typography.rule.color, input.blackOnly);
    let done = 0;
    for (const page of wanted) {
      addTrimmedPage(doc, t.widthPt, t.heightPt, input.bleedPt);
      for (const lab of page.labels) {
        doc.font(lab.style.font).fontSize(lab.style.sizePt).fillColor(BLACK).text(lab.text, lab.x, lab.baseline, { lineBreak: false, baseline: 'alphabetic' });
      }
      const r = page.headerRule;
      drawRule(doc, r.x1, r.y, r.x2, r.widthPt, ruleInk);
      for (const f of page.frames) {
        const { x, y, w, h } = f.rect;
        if (f.ruleTop) drawRule(doc, x, y - t.gutterPt / 2, x + w, t.typography.rule.widthPt, ruleInk);
        if (f.kind === 'rule') drawRule(doc, x, y, x + w, t.typography.rule.widthPt, ruleInk);
        if (f.kind === 'box') doc.save().rect(x, y, w, h).lineWidth(0.5).strokeColor(ruleInk).stroke().restore();
        const pic = prepared.get(f.frameId);
        if (f.picture && pic) drawPicture(doc, pic, f.picture);
        else if (f.picture && f.pictureId) {
          // No file: an empty, outlined frame keeps the space visible on the proof.
          doc.save().rect(f.picture.x, f.picture.y, f.picture.w, f.picture.h).lineWidth(0.5).strokeColor(BLACK).stroke().restore();
        }
        drawLines(doc, f.lines);
      }
      done++;
      onPage(done, wanted.length);
    }
    await pdf.save();
  } catch (err) {
    pdf.discard();
    throw err;
  }
  const numbers = new Set(wanted.map((p) => p.number));
  return {
    pages: [...numbers],
    articles: setting.articles
      .filter((a) => a.pages.some((n) => numbers.has(n)))
      .map((a) => ({ articleId: a.articleId, pages: a.pages, ...a.copyfit, lineTexts: a.lineTexts })),
    issues,
  };
}
