/**
 * The print engine on the reference edition (../shared/bench/edition.json):
 * whole-process render time per language (median of 5, the CLI spawned as
 * a child), beside pdfkit's own `columns` + `justify` rendering of the same
 * content (bench/helpers/naivePdfkit.ts) as a ratio; pages per second; peak
 * memory of the render process; the time to re-typeset one 1,500-word
 * article into its frames (warm, median); and the quality figures, with
 * what each adjustment pays (word spaces only, no hyphenation).
 *
 * How the two processes start, so the ratio compares rendering and not
 * loaders: a user runs `npm run render`, which runs the bundled command line
 * (server/print/renderCommand.mjs -> dist/print/render.mjs, plain JavaScript). The
 * naive renderer gets the same treatment: bench/helpers/naivePdfkit.ts is
 * bundled with the same esbuild options (pdfkit, fontkit and sharp left in
 * node_modules for both) and run by plain node, as someone who wrote it in
 * JavaScript would run it. Timing our bundle against the naive one under tsx
 * would credit us with tsx's start-up (about 0.4 s of CPU), so the main
 * ratio is bundle against bundle; the old pair, both through tsx, is printed
 * beside it (`_tsx_` figures) for comparison with earlier results.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, round, type Figure } from '../report';
import { buildCli, bundleScript, CLI_BUNDLE, CLI_INPUTS } from '../../server/print/buildCli';
import { loadFonts } from '../../server/print/fonts';
import { readEdition } from '../../server/print/render';
import type { PrintReport } from '../../server/print/report';
import { columnFrames, DEFAULT_JUSTIFY, editionStyles, flowStory, typesetEdition, WORD_SPACE_ONLY, type JustifyOptions } from '../../shared/typeset/index';
import type { BreakCache } from '../../shared/typeset/flow';

const RUNS = 5;
const REFERENCE = path.resolve(process.cwd(), '../shared/bench/edition.json');

interface Run {
  ms: number;
  maxRssKb: number;
  /** CPU time of the whole process, all threads: far less swayed by other processes than wall time. */
  cpuMs: number;
}

/**
 * Node flags of `npm run render`, so the benchmark runs the command line as
 * users do (the launcher itself turns V8's optimizing compiler off).
 */
function renderFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts.render!.split(/\s+/).slice(1).filter((a) => a.startsWith('--max-semi-space-size'));
}

/** What server/print/renderCommand.mjs checks before it runs the bundle. */
function cliBundleIsFresh(): boolean {
  try {
    const built = fs.statSync(CLI_BUNDLE).mtimeMs;
    const files = JSON.parse(fs.readFileSync(CLI_INPUTS, 'utf8')) as string[];
    return files.length > 0 && files.every((f) => fs.statSync(f).mtimeMs <= built);
  } catch {
    return false;
  }
}

function timeProcess(nodeArgs: string[]): Run {
  const start = performance.now();
  const r = spawnSync(process.execPath, nodeArgs, { encoding: 'utf8', env: { ...process.env, GALLEY_PRINT_STATS: '1' } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${nodeArgs.join(' ')} failed: ${r.stderr}`);
  const stats = /stats (\{.*\})/.exec(r.stderr);
  const parsed = stats ? (JSON.parse(stats[1]!) as { maxRssKb: number; cpuMs: number }) : { maxRssKb: NaN, cpuMs: NaN };
  return { ms, ...parsed };
}

/** How each side is started: bundled (as users run it) or both through tsx. */
interface Starts {
  suffix: '' | '_tsx';
  galley: (args: string[]) => string[];
  naive: (args: string[]) => string[];
}

export async function run(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-bench-print-'));
  const figures: Figure[] = [];
  try {
    await buildCli(); // fresh, so the launcher runs the bundle
    // In the project (dist/ is not committed), so its pdfkit import finds node_modules.
    const naiveBundle = (await bundleScript('bench/helpers/naivePdfkit.ts', path.resolve('dist/bench/naivePdfkit.mjs'))).outfile;
    const flags = renderFlags();
    const starts: Starts[] = [
      { suffix: '', galley: (a) => [...flags, 'server/print/renderCommand.mjs', ...a], naive: (a) => [naiveBundle, ...a] },
      { suffix: '_tsx', galley: (a) => [...flags, '--import', 'tsx', 'server/print/cli.ts', ...a], naive: (a) => ['--import', 'tsx', 'bench/helpers/naivePdfkit.ts', ...a] },
    ];
    console.error(`print bench: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
    for (const lang of ['en', 'es'] as const) {
      const out = path.join(dir, `${lang}.pdf`);
      const reportFile = path.join(dir, `${lang}.json`);
      for (const s of starts) {
        const galley: Run[] = [];
        const naive: Run[] = [];
        // The naive render once more with V8's optimizing compiler off, as
        // Galley's launcher turns it off for its own one-second process: the
        // ratio against it shows what remains when both get that setting.
        const naiveNoOpt: Run[] = [];
        // Alternate the sides so a busy machine slows them alike.
        for (let i = 0; i < RUNS; i++) {
          // Another change to the tree meanwhile makes the launcher run the
          // source through tsx: build again so every run times the bundle.
          if (!s.suffix && !cliBundleIsFresh()) await buildCli();
          galley.push(timeProcess(s.galley(['--edition', REFERENCE, '--lang', lang, '--out', out, '--report', reportFile])));
          naive.push(timeProcess(s.naive([REFERENCE, lang, path.join(dir, `naive-${lang}.pdf`)])));
          if (!s.suffix) naiveNoOpt.push(timeProcess(['--no-opt', ...s.naive([REFERENCE, lang, path.join(dir, `naive-${lang}.pdf`)])]));
        }
        const g = median(galley.map((r) => r.ms));
        const n = median(naive.map((r) => r.ms));
        figures.push(
          { name: `render${s.suffix}_${lang}_ms`, value: round(g, 0), unit: 'ms' },
          { name: `pdfkit_naive${s.suffix}_${lang}_ms`, value: round(n, 0), unit: 'ms' },
          { name: `render_vs_pdfkit_naive${s.suffix}_${lang}`, value: round(g / n, 2), unit: s.suffix ? 'x (both through tsx)' : 'x (goal <= 0.8; both bundled)' },
          { name: `render_cpu${s.suffix}_${lang}_ms`, value: median(galley.map((r) => r.cpuMs)), unit: 'ms CPU' },
          { name: `pdfkit_naive_cpu${s.suffix}_${lang}_ms`, value: median(naive.map((r) => r.cpuMs)), unit: 'ms CPU' },
          { name: `render_vs_pdfkit_naive_cpu${s.suffix}_${lang}`, value: round(median(galley.map((r) => r.cpuMs)) / median(naive.map((r) => r.cpuMs)), 2), unit: 'x CPU time (steadier than wall time on a shared machine)' },
        );
        if (s.suffix) continue;
        const gCpu = median(galley.map((r) => r.cpuMs));
        figures.push(
          { name: `render_vs_pdfkit_naive_no_opt_${lang}`, value: round(g / median(naiveNoOpt.map((r) => r.ms)), 2), unit: 'x (naive also run with --no-opt)' },
          { name: `render_vs_pdfkit_naive_no_opt_cpu_${lang}`, value: round(gCpu / median(naiveNoOpt.map((r) => r.cpuMs)), 2), unit: 'x CPU time (naive also run with --no-opt)' },
        );
        const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as PrintReport;
        const q = report.quality;
        figures.push(
          { name: `pages_per_second_${lang}`, value: round((report.pages * 1000) / g, 1), unit: 'pages/s' },
          { name: `peak_rss_${lang}_mb`, value: round(Math.max(...galley.map((r) => r.maxRssKb)) / 1024, 0), unit: 'MB (goal < 150)' },
          { name: `pdfkit_naive_peak_rss_${lang}_mb`, value: round(Math.max(...naive.map((r) => r.maxRssKb)) / 1024, 0), unit: 'MB' },
          { name: `loose_lines_${lang}`, value: q.loosePercent, unit: '% (goal < 6)' },
          { name: `very_loose_lines_${lang}`, value: q.veryLoosePercent, unit: '% (goal < 1.5)' },
          { name: `mean_word_gap_${lang}`, value: round(q.meanGapEm, 3), unit: 'em' },
          { name: `longest_hyphen_run_${lang}`, value: q.longestHyphenRun, unit: 'lines (goal <= 2)' },
          { name: `runts_${lang}`, value: q.runts, unit: 'lines (goal 0)' },
          { name: `over_matter_${lang}`, value: report.overMatterLines, unit: 'lines' },
        );
      }
    }
    figures.push({ name: 'load_average_1min', value: round(os.loadavg()[0]!, 1), unit: `(at end; ${os.cpus().length} cores)` });
    figures.push(...adjustmentsPay(), ...retypeset());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

function referenceFonts() {
  const e = readEdition(REFERENCE);
  const f = e.typography.fonts;
  return { e, fonts: loadFonts({ serif: f.serif.file, serifBold: f.serifBold.file, sans: f.sans.file, sansBold: f.sansBold.file, sansItalic: f.sansItalic.file }) };
}

/** Loose lines with each adjustment removed: what letter-spacing and hyphenation pay. */
function adjustmentsPay(): Figure[] {
  const { e, fonts } = referenceFonts();
  const variants: [string, JustifyOptions][] = [
    ['word_spaces_only', WORD_SPACE_ONLY],
    ['no_hyphenation', { ...DEFAULT_JUSTIFY, hyphenate: false }],
  ];
  return variants.flatMap(([name, justify]) =>
    (['en', 'es'] as const).map((lang) => ({ name: `loose_lines_${name}_${lang}`, value: typesetEdition(e, lang, fonts, justify).quality.loosePercent, unit: '%' })),
  );
}

/**
 * One 1,500-word article (the reference's longest, continued with the next)
 * re-set into a 3-column module after a one-word edit: with the engine's
 * paragraph break cache (what the layout desk does on each keystroke), and
 * with every paragraph broken again (fonts and hyphenation warm).
 */
function retypeset(): Figure[] {
  const { e, fonts } = referenceFonts();
  const blocks: { type: 'p' | 'subhead'; text: string }[] = [];
  let words = 0;
  for (const a of [...e.articles].sort((x, y) => wordCount(y.en!.paragraphs) - wordCount(x.en!.paragraphs))) {
    for (const p of a.en!.paragraphs) {
      if (words >= 1500) break;
      blocks.push({ type: p.type, text: p.text });
      words += p.text.split(/\s+/).length;
    }
  }
  const frames = columnFrames({ page: 7, x: 36, y: 68, w: 427.2, h: 1120, columns: 3, gutterPt: 12, headlineSizePt: 24 }, 120);
  const styles = editionStyles(e, DEFAULT_JUSTIFY);
  const cache: BreakCache = new Map();
  const cached: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 40; i++) {
    // Each pass edits one word, as a keystroke would.
    const edited = blocks.map((b, j) => (j === i % blocks.length ? { ...b, text: `${b.text} edit${i}` } : b));
    let start = performance.now();
    flowStory({ lang: 'en', blocks: edited }, frames, styles, fonts, cache);
    cached.push(performance.now() - start);
    start = performance.now();
    flowStory({ lang: 'en', blocks: edited }, frames, styles, fonts);
    full.push(performance.now() - start);
  }
  return [
    { name: 'retypeset_1500_word_article_ms', value: round(median(cached.slice(5)), 2), unit: 'ms (goal < 5; paragraph break cache)' },
    { name: 'retypeset_1500_word_article_all_paragraphs_ms', value: round(median(full.slice(5)), 2), unit: 'ms (every paragraph broken again)' },
    { name: 'retypeset_article_words', value: words, unit: 'words' },
  ];
}

function wordCount(paragraphs: { text: string }[]): number {
  return paragraphs.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
}
