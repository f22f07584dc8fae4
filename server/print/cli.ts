/**
 * npm run render -- --edition FILE.json --lang en|es --out FILE.pdf
 *                   [--black-only] [--bleed PT] [--report FILE.json]
 */
import { parseArgs } from 'node:util';
import { PrintError } from './errors';
import { renderEdition } from './render';

const USAGE = 'usage: npm run render -- --edition FILE.json --lang en|es --out FILE.pdf [--black-only] [--bleed PT] [--report FILE.json]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        edition: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        'black-only': { type: 'boolean' },
        bleed: { type: 'string' },
        report: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new PrintError(`${(err as Error).message}\n${USAGE}`);
  }
  if (!values.edition || !values.lang || !values.out) throw new PrintError(`--edition, --lang and --out are required\n${USAGE}`);
  const bleed = values.bleed === undefined ? 0 : Number(values.bleed);
  if (!Number.isFinite(bleed) || bleed < 0 || bleed > 36) throw new PrintError('--bleed must be a number of points from 0 to 36');
  const result = await renderEdition({
    editionFile: values.edition,
    lang: values.lang as 'en',
    out: values.out,
    blackOnly: values['black-only'] ?? false,
    bleedPt: bleed,
    reportFile: values.report,
  });
  const q = result.report.quality;
  console.log(
    `${result.out}: ${result.pages} pages; over-matter ${result.report.overMatterLines} lines; ` +
      `loose ${q.loosePercent}% very loose ${q.veryLoosePercent}% longest hyphen run ${q.longestHyphenRun} runts ${q.runts}`,
  );
}

// GALLEY_PRINT_STATS=1: the process reports its own peak memory and CPU time (for the benchmark).
if (process.env.GALLEY_PRINT_STATS === '1') {
  process.on('exit', () => {
    const u = process.resourceUsage();
    console.error(`stats ${JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) })}`);
  });
}

main().catch((err: unknown) => {
  const message = err instanceof PrintError ? err.message : `render failed: ${(err as Error).stack ?? String(err)}`;
  console.error(`error: ${message}`);
  process.exitCode = 1;
});
