import type { SetLine } from './types';

/** Quality of justified body text, as the reference README defines it. */
export interface Quality {
  justifiedLines: number;
  /** Mean over lines of each line's mean word gap, in em. */
  meanGapEm: number;
  loose: number;
  veryLoose: number;
  loosePercent: number;
  veryLoosePercent: number;
  /** Longest run of consecutive hyphenated line ends in one column. */
  longestHyphenRun: number;
  /** Last lines of one fragment of 3 letters or fewer. */
  runts: number;
}

export const LOOSE_EM = 0.5;
export const VERY_LOOSE_EM = 0.75;

/** Mean gap between words of a set line, in em of its size. */
export function meanGapEm(line: SetLine): number {
  // The letter-spacing after a word's last glyph widens the gap as well.
  return (line.spaceWidth + line.wordSpacing + line.letterSpacing) / line.sizePt;
}

export function measureQuality(lines: SetLine[]): Quality {
  let n = 0;
  let gapSum = 0;
  let loose = 0;
  let veryLoose = 0;
  let run = 0;
  let longest = 0;
  let runts = 0;
  let prev: SetLine | null = null;
  for (const line of lines) {
    if (line.kind !== 'body') continue;
    if (line.justified) {
      const g = meanGapEm(line);
      n++;
      gapSum += g;
      if (g > LOOSE_EM) loose++;
      if (g > VERY_LOOSE_EM) veryLoose++;
    }
    const sameColumn = prev !== null && prev.frame === line.frame;
    run = line.hyphenated ? (sameColumn ? run + 1 : 1) : 0;
    longest = Math.max(longest, run);
    if (prev && isLastLineOfBlock(prev, line) && prev.gaps === 0 && letters(prev.text) <= 3) runts++;
    prev = line;
  }
  if (prev && prev.gaps === 0 && letters(prev.text) <= 3) runts++;
  const pct = (k: number) => (n ? Math.round((1000 * 100 * k) / n) / 1000 : 0);
  return { justifiedLines: n, meanGapEm: n ? gapSum / n : 0, loose, veryLoose, loosePercent: pct(loose), veryLoosePercent: pct(veryLoose), longestHyphenRun: longest, runts };
}

function isLastLineOfBlock(line: SetLine, next: SetLine): boolean {
  return line.block !== next.block && !line.justified;
}

function letters(text: string): number {
  return text.replace(/[^\p{L}]/gu, '').length;
}

/** Adds up quality over several articles. */
export function combineQuality(parts: Quality[]): Quality {
  const n = parts.reduce((s, q) => s + q.justifiedLines, 0);
  const loose = parts.reduce((s, q) => s + q.loose, 0);
  const veryLoose = parts.reduce((s, q) => s + q.veryLoose, 0);
  const pct = (k: number) => (n ? Math.round((1000 * 100 * k) / n) / 1000 : 0);
  return {
    justifiedLines: n,
    meanGapEm: n ? parts.reduce((s, q) => s + q.meanGapEm * q.justifiedLines, 0) / n : 0,
    loose,
    veryLoose,
    loosePercent: pct(loose),
    veryLoosePercent: pct(veryLoose),
    longestHyphenRun: Math.max(0, ...parts.map((q) => q.longestHyphenRun)),
    runts: parts.reduce((s, q) => s + q.runts, 0),
  };
}
