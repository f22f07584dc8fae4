import { REFERENCE_EDITION } from '../../tests/helpers/reference';
import { execFileSync } from 'node:child_process';
import * as fontkit from 'fontkit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fastFont, parseReferenceEdition, type ShapeableFont } from '../../shared/typeset/index';
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
 * - shaping every unique word of the edition in Source Serif 4 from a freshly
 *   parsed font (what the desk's first copyfit and every render pay), through
 *   fontkit's full layout and through the engine's fast shaper (fastFont).
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
  figures.push(...shapingFigures(edition));
  return figures;
}

/**
 * fastFont's shaper against fontkit's full layout on the words a first
 * copyfit or a render shapes: each process here parses the font afresh and
 * shapes every unique word once, with V8's optimizing compiler off as the
 * render launcher runs (median of 5 processes, CPU time); then the same in
 * this warmed-up process (the desk is a long-lived page), median of 5 after
 * 3 rounds of warm-up.
 */
function shapingFigures(edition: ReturnType<typeof parseReferenceEdition>): Figure[] {
  const words = new Set<string>();
  for (const article of edition.articles) {
    for (const lang of ['en', 'es'] as const) {
      for (const p of article[lang]?.paragraphs ?? []) for (const w of p.text.split(/\s+/)) if (w) words.add(w.replace(/\u00AD/g, ''));
    }
  }
  const fontFile = path.resolve('node_modules/@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf');
  const bytes = fs.readFileSync(fontFile);
  const list = [...words];
  const wordsFile = path.join(os.tmpdir(), `galley-bench-words-${process.pid}.json`);
  fs.writeFileSync(wordsFile, JSON.stringify(list));
  const child = (fast: boolean): number => {
    const code = `
      import fs from 'node:fs';
      import * as fontkit from 'fontkit';
      import { fastFont } from './shared/typeset/fastFont';
      const words = JSON.parse(fs.readFileSync(${JSON.stringify(wordsFile)}, 'utf8'));
      const bytes = fs.readFileSync(${JSON.stringify(fontFile)});
      const c0 = process.cpuUsage();
      const parsed = fontkit.create(bytes);
      const font = ${fast} ? fastFont(parsed) : parsed;
      let width = 0;
      for (const w of words) width += font.layout(w).advanceWidth;
      const c = process.cpuUsage(c0);
      if (!(width > 0)) throw new Error('nothing shaped');
      console.log((c.user + c.system) / 1000);`;
    const out = execFileSync(process.execPath, ['--no-opt', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    return Number(out.trim().split('\n').pop());
  };
  const inProcess = (fast: boolean): number => {
    const t0 = performance.now();
    const parsed = fontkit.create(bytes) as unknown as ShapeableFont;
    const font = fast ? fastFont(parsed) : parsed;
    let width = 0;
    for (const w of list) width += font.layout(w).advanceWidth;
    if (!(width > 0)) throw new Error('nothing shaped');
    return performance.now() - t0;
  };
  const cold = { full: [] as number[], fast: [] as number[] };
  const warm = { full: [] as number[], fast: [] as number[] };
  try {
    for (let r = 0; r < 5; r++) {
      cold.full.push(child(false));
      cold.fast.push(child(true));
    }
  } finally {
    fs.rmSync(wordsFile, { force: true });
  }
  for (let r = 0; r < 8; r++) {
    const full = inProcess(false);
    const fast = inProcess(true);
    if (r >= 3) {
      warm.full.push(full);
      warm.fast.push(fast);
    }
  }
  const label = `${words.size} unique words of the edition shaped in Source Serif 4, font freshly parsed`;
  return [
    { name: `${label}, fresh process --no-opt (as renders): fontkit layout (median of 5, CPU)`, value: round(median(cold.full)), unit: 'ms' },
    { name: `${label}, fresh process --no-opt (as renders): fast shaper (median of 5, CPU)`, value: round(median(cold.fast)), unit: 'ms' },
    { name: 'fast shaper speed-up over fontkit, fresh process (Source Serif 4)', value: round(median(cold.full) / median(cold.fast), 1), unit: 'x' },
    { name: `${label}, warmed-up process: fontkit layout (median of 5)`, value: round(median(warm.full)), unit: 'ms' },
    { name: `${label}, warmed-up process: fast shaper (median of 5)`, value: round(median(warm.fast)), unit: 'ms' },
    { name: 'fast shaper speed-up over fontkit, warmed-up process (Source Serif 4)', value: round(median(warm.full) / median(warm.fast), 1), unit: 'x' },
  ];
}
