/**
 * The run-time side of the fast OpenType shaper: a word's glyph buffer, the
 * compiled lookups (opentypeLookups.ts compiles them) and the plan that runs
 * them over a word in fontkit's order. Everything a lookup learns about a
 * glyph (which subtables may apply, what a kerning pair adds) is remembered,
 * so a glyph or pair costs a table search once per font.
 */
import type { CoverageIndex } from './opentypeTables';

export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** Outcome of one subtable at one glyph, as fontkit's applyLookup returns it, plus "hand the word back". */
export const Result = { NotApplied: 0, Applied: 1, Refuse: 2 } as const;
export type Result = (typeof Result)[keyof typeof Result];

/** The word being shaped: glyph ids, the characters each glyph stands for, and (for GPOS) positions. */
export interface Buffer {
  ids: number[];
  chars: number[][];
  positions: Position[];
}

export type Step = (buf: Buffer, i: number) => Result;

/** A subtable: the coverage its first glyph must be in (for every lookup type) and what it does there. */
export interface CompiledSubtable {
  first: CoverageIndex;
  step: Step;
  /** Pair adjustment: reads the glyph and the next one, adds to their positions, nothing else. */
  pair?: boolean;
}

/** What a pair-only lookup does at a glyph followed by another: nothing (null), refuse, or these additions. */
type PairEffect = null | { refuse: true } | { refuse: false; first: Position; second: Position };

const zero = (): Position => ({ xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 });

/**
 * A lookup: for each glyph met, the steps of the subtables that may apply to
 * it, in table order (fontkit tries them in that order until one applies).
 */
export class CompiledLookup {
  private readonly memo = new Map<number, Step[] | null>();
  private readonly pairs = new Map<number, PairEffect>();
  /** Pair kerning only: its effect depends on two glyph ids alone, so it is remembered per pair. */
  readonly pairOnly: boolean;

  constructor(private readonly subtables: CompiledSubtable[]) {
    this.pairOnly = subtables.length > 0 && subtables.every((s) => s.pair === true);
  }

  pairEffect(a: number, b: number): PairEffect {
    const key = a * 65536 + b;
    let effect = this.pairs.get(key);
    if (effect === undefined) {
      effect = null;
      const scratch: Buffer = { ids: [a, b], chars: [[], []], positions: [zero(), zero()] };
      for (const step of this.stepsFor(a) ?? []) {
        const r = step(scratch, 0);
        if (r === Result.Refuse) effect = { refuse: true };
        else if (r === Result.Applied) effect = { refuse: false, first: scratch.positions[0]!, second: scratch.positions[1]! };
        else continue;
        break;
      }
      this.pairs.set(key, effect);
    }
    return effect;
  }

  stepsFor(glyph: number): Step[] | null {
    let steps = this.memo.get(glyph);
    if (steps === undefined) {
      const found = this.subtables.filter((s) => s.first.get(glyph) >= 0).map((s) => s.step);
      steps = found.length > 0 ? found : null;
      this.memo.set(glyph, steps);
    }
    return steps;
  }
}

/**
 * The lookups applied for one script, in order, with for each glyph a bit
 * mask of the lookups that can touch it: a word runs only the lookups its
 * glyphs ask for (the mask covers the first 31; later ones always run).
 */
export class Plan {
  private readonly masks = new Map<number, number>();
  constructor(private readonly lookups: CompiledLookup[]) {}

  private maskFor(glyph: number): number {
    let mask = this.masks.get(glyph);
    if (mask === undefined) {
      mask = 0;
      for (let k = 0; k < this.lookups.length && k < 31; k++) if (this.lookups[k]!.stepsFor(glyph)) mask |= 1 << k;
      this.masks.set(glyph, mask);
    }
    return mask;
  }

  /** Runs the lookups over the word as fontkit does (each over the whole word, in order); false: leave it to fontkit. */
  run(buf: Buffer): boolean {
    let mask = 0;
    for (const id of buf.ids) mask |= this.maskFor(id);
    for (let k = 0; k < this.lookups.length; k++) {
      if (k < 31 && (mask & (1 << k)) === 0) continue;
      const lookup = this.lookups[k]!;
      if (lookup.pairOnly) {
        for (let i = 0; i + 1 < buf.ids.length; i++) {
          const effect = lookup.pairEffect(buf.ids[i]!, buf.ids[i + 1]!);
          if (effect === null) continue;
          if (effect.refuse) return false;
          addPosition(buf.positions[i]!, effect.first);
          addPosition(buf.positions[i + 1]!, effect.second);
        }
        continue;
      }
      for (let i = 0; i < buf.ids.length; i++) {
        const steps = lookup.stepsFor(buf.ids[i]!);
        if (!steps) continue;
        for (const step of steps) {
          const r = step(buf, i);
          if (r === Result.Refuse) return false;
          if (r === Result.Applied) {
            mask |= this.maskFor(buf.ids[i]!); // a substituted glyph may call for later lookups
            break;
          }
        }
      }
    }
    return true;
  }
}

export function addPosition(pos: Position, d: Position): void {
  pos.xAdvance += d.xAdvance;
  pos.yAdvance += d.yAdvance;
  pos.xOffset += d.xOffset;
  pos.yOffset += d.yOffset;
}
