import type { JustifyOptions } from './types';

/**
 * Justification defaults, chosen by measuring the reference edition
 * (bench/parts/print.ts prints what each adjustment pays). Measured on the
 * reference: word spaces alone (stretch 0.6, shrink 0.25) leave 17% / 15%
 * loose lines (en / es); TeX's shrink of 1/3 plus a letter-spacing tolerance
 * of 0.02 em stretch / 0.01 em shrink per glyph bring it to about 4% / 1.5%.
 */
export const DEFAULT_JUSTIFY: JustifyOptions = {
  spaceStretch: 0.6,
  spaceShrink: 0.33,
  letterStretchEm: 0.02,
  letterShrinkEm: 0.01,
  hyphenate: true,
  tolerance: 2.5,
  hyphenPenalty: 50,
  consecutiveHyphenDemerits: 3000,
  fitnessDemerits: 100,
  maxHyphenRun: 2,
};

/** Plain optimum fit: word spaces only, no letter-spacing (for comparison). */
export const WORD_SPACE_ONLY: JustifyOptions = { ...DEFAULT_JUSTIFY, letterStretchEm: 0, letterShrinkEm: 0 };
