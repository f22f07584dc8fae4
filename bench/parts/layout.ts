import { REFERENCE_EDITION } from '../../tests/helpers/reference';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseReferenceEdition } from '../../shared/typeset/index';
import { referenceCopies, referenceLayout } from '../../shared/layout/reference';
import { LayoutSetter } from '../../shared/layout/setting';
import { pageSvg } from '../../shared/layout/svg';
import type { ArticleCopy } from '../../shared/layout/types';
import { templateFonts } from '../../tests/layout/fonts';
import { median, percentile, round, type Figure } from '../report';

/**
 * The layout desk benchmark (issue 7), on the full 8-page reference edition
 * (22 articles, about 11,000 words per language) laid out as a Galley layout:
 * - copyfit of the whole edition recomputed after one keystroke in one
 *   article (the desk does this on every remote or local edit); goal < 16 ms;
 * - one page thumbnail: the page set from nothing (a fresh setter, only that
 *   page's stories) and drawn as SVG; goal < 50 ms.
 */
export async function run(): Promise<Figure[]> {
  const edition = parseReferenceEdition(JSON.parse(fs.readFileSync(REFERENCE_EDITION, 'utf8')));
  const figures: Figure[] = [];
  for (const lang of ['en', 'es'] as const) {
    const layout = referenceLayout(edition, lang);
    const fonts = templateFonts(layout.template);
    const copies = referenceCopies(edition, lang);
    const setter = new LayoutSetter();
    setter.set({ layout, copies, fonts }); // warm: fonts' width caches, every story set once

    // One keystroke: a letter typed into a paragraph in the middle of an article, each article in turn.
    const ids = [...copies.keys()];
    const times: number[] = [];
    let over = 0;
    // The first 44 keystrokes warm the JIT (the desk is a long-lived page) and are not counted.
    for (let k = 0; k < 154; k++) {
      const id = ids[k % ids.length]!;
      const copy = copies.get(id) as ArticleCopy;
      const mid = copy.blocks.length >> 1;
      const blocks = copy.blocks.map((b, i) => (i === mid ? { ...b, text: `${b.text}${'x'.repeat((k >> 4) + 1)}` } : b));
      const typed = new Map(copies).set(id, { ...copy, blocks });
      const t0 = performance.now();
      const setting = setter.set({ layout, copies: typed, fonts });
      if (k >= 44) times.push(performance.now() - t0);
      over += setting.articles.length;
    }
    if (over === 0) throw new Error('no articles set');
    figures.push({ name: `copyfit of the 8-page edition after one keystroke (${lang}, median of ${times.length})`, value: round(median(times)), unit: 'ms' });
    figures.push({ name: `copyfit after one keystroke (${lang}, p95)`, value: round(percentile(times, 95)), unit: 'ms' });

    // Thumbnails: each page set cold (its stories only) and drawn greeked.
    const thumbs: number[] = [];
    for (let round_ = 0; round_ < 3; round_++) {
      for (const page of layout.pages) {
        const t0 = performance.now();
        const onPage = { ...layout, pages: [page], frames: layout.frames.filter((f) => f.pageId === page.id) };
        const setting = new LayoutSetter().set({ layout: onPage, copies, fonts });
        const svg = pageSvg(setting.pages[0]!, layout.template, fonts, { scale: 0.2, greek: true });
        thumbs.push(performance.now() - t0);
        if (svg.length < 1000) throw new Error('empty thumbnail');
      }
    }
    // Drawing alone, as the desk redraws a thumbnail from the edition's setting after an edit.
    const full = setter.set({ layout, copies, fonts });
    const draws: number[] = [];
    for (let r = 0; r < 5; r++) {
      for (const page of full.pages) {
        const t0 = performance.now();
        pageSvg(page, layout.template, fonts, { scale: 0.12, greek: true });
        draws.push(performance.now() - t0);
      }
    }
    figures.push({ name: `page thumbnail drawn from the set page (${lang}, median of ${draws.length})`, value: round(median(draws), 3), unit: 'ms' });
    figures.push({ name: `page thumbnail set and drawn from nothing (${lang}, median of ${thumbs.length})`, value: round(median(thumbs)), unit: 'ms' });
    figures.push({ name: `page thumbnail (${lang}, slowest page)`, value: round(Math.max(...thumbs)), unit: 'ms' });
  }
  return figures;
}
