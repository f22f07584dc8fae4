import type { JustifyOptions } from './types';

/**
 * Justification defaults, chosen by measuring the reference edition
 * (bench/parts/print.ts prints what each adjustment pays). Loose lines
 * (mean word gap > 0.5 em), en / es:
 * - optimum fit with word spaces only (stretch 0.6, shrink 1/3): 18.8% / 16.9%
 * - plus 0.02 em letter-spacing stretch, 0.01 em shrink per glyph: 4.2% / 1.5%
 * - the same without hyphenation: 30.8% / 28.7%
 * Very loose lines (> 0.75 em) are 0.05% in both languages with the defaults.
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
