/**
 * The comparison renderer for the print benchmark: the same edition drawn
 * with pdfkit's own greedy `columns` + `justify` text layout (no hyphenation,
 * no optimum fit), fonts registered from files, JPEGs embedded as they are.
 * Run as a whole process: node --import tsx bench/helpers/naivePdfkit.ts EDITION LANG OUT
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
// Type only: the comparison loads nothing of Galley's (no validator, no hyphenation patterns).
import type { ReferenceEdition } from '../../shared/typeset/referenceEdition';

const [editionFile, langArg, out] = process.argv.slice(2);
if (!editionFile || !out || (langArg !== 'en' && langArg !== 'es')) throw new Error('usage: naivePdfkit.ts EDITION en|es OUT');
const lang = langArg;
const e = JSON.parse(fs.readFileSync(editionFile, 'utf8')) as ReferenceEdition;
const dir = path.dirname(path.resolve(editionFile));
const t = e.typography;
const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
for (const [role, f] of Object.entries(t.fonts)) doc.registerFont(role, path.resolve(dir, f.file));
doc.pipe(fs.createWriteStream(out));
const articles = new Map(e.articles.map((a) => [a.id, a]));
const images = new Map(e.images.map((i) => [i.id, i]));
for (const page of e.pages) {
  doc.addPage({ size: [e.page.widthPt, e.page.heightPt], margin: 0 });
  const h = page.header;
  if (h.kind === 'masthead') {
    doc.font('serifBold').fontSize(t.masthead.sizePt).text(e.title, h.x, h.y, { width: h.w, align: 'center', lineBreak: false });
    doc.font('sans').fontSize(t.mastheadLine.sizePt).text(e.strings[lang].tagline, h.x, h.y + t.masthead.lineHeightPt + 4, { lineBreak: false });
  } else {
    doc.font('sans').fontSize(t.folio.sizePt).text(`${e.strings[lang].page} ${page.number} · ${page.section[lang]}`, h.x, h.y, { lineBreak: false });
  }
  doc.moveTo(h.x, h.y + h.h).lineTo(h.x + h.w, h.y + h.h).lineWidth(t.rule.widthPt).stroke();
  for (const m of page.modules) {
    const a = articles.get(m.articleId)!;
    const copy = a[lang]!;
    if (m.ruleTop) doc.moveTo(m.x, m.y - e.page.gutterPt / 2).lineTo(m.x + m.w, m.y - e.page.gutterPt / 2).stroke();
    doc.font(t.headline.font).fontSize(m.headlineSizePt).text(copy.headline, m.x, m.y, { width: m.w, lineGap: m.headlineSizePt * (t.headline.lineHeightFactor - 1.15) });
    doc.font(t.byline.font).fontSize(t.byline.sizePt).text(copy.byline, m.x, doc.y + t.headline.spaceAfterPt, { width: m.w });
    let y = doc.y + t.byline.spaceAfterPt;
    if (a.image) {
      const file = path.resolve(dir, images.get(a.image.imageId)!.file);
      doc.save().rect(m.x, y, m.w, a.image.frameHeightPt).clip();
      doc.image(file, m.x, y, { cover: [m.w, a.image.frameHeightPt], align: 'center', valign: 'center' });
      doc.restore();
      y += a.image.frameHeightPt + t.caption.spaceBeforePt;
      doc.font(t.caption.font).fontSize(t.caption.sizePt).text(a.image.caption[lang], m.x, y, { width: m.w });
      y = doc.y + t.caption.spaceAfterPt;
    }
    const text = copy.paragraphs.map((p) => p.text).join('\n');
    doc.font(t.body.font).fontSize(t.body.sizePt).text(text, m.x, y, {
      width: m.w,
      height: m.y + m.h - y,
      columns: m.bodyColumns,
      columnGap: e.page.gutterPt,
      align: 'justify',
      indent: t.body.firstLineIndentPt,
      lineGap: t.body.lineHeightPt - t.body.sizePt * 1.15,
    });
  }
}
doc.end();
if (process.env.GALLEY_PRINT_STATS === '1') {
  process.on('exit', () => {
    const u = process.resourceUsage();
    console.error(`stats ${JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) })}`);
  });
}
