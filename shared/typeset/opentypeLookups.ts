/**
 * GSUB and GPOS lookups compiled for the fast OpenType shaper
 * (opentypeShaper.ts), each run the way fontkit's OTProcessor runs it, so
 * the result is fontkit's to the unit. What is reproduced: single and
 * ligature substitution; single and pair positioning (pair sets and class
 * pairs); contextual and chained contextual positioning with their nested
 * lookups. What is only detected: multiple and alternate substitution,
 * contextual substitution and cursive/mark attachment; when one of them
 * would act on a word, the word is refused and fontkit shapes it.
 *
 * fontkit's own behaviour is kept where it departs from the OpenType
 * specification, because its result is the reference: a chained rule's
 * backtrack is compared in stored order from the start of the backtrack, and
 * the second glyph of an applied pair is examined again as a first glyph.
 * Glyph skipping is not modelled: the shaper refuses words holding marks
 * (the only glyphs IgnoreMarks and mark-attachment filters skip), and a
 * lookup that ignores base glyphs or ligatures is not compiled at all.
 */
import { classPairsAt, pairSetsAt, rawClassPairs, rawPairSets } from './opentypePairs';
import { classDefAt, coverageAt, type RawGpos, type RawLookup } from './opentypeRaw';
import { CompiledLookup, Result, type Buffer, type CompiledSubtable, type Position } from './opentypePlan';
import { ClassIndex, CoverageIndex, itemAt, type LayoutTable, type Lookup, type ChainRule, type LookupRecord, type SubTable, type ValueRecord } from './opentypeTables';

function addValue(pos: Position | undefined, v: ValueRecord | undefined): void {
  if (!pos || !v) return;
  if (v.xAdvance != null) pos.xAdvance += v.xAdvance;
  if (v.yAdvance != null) pos.yAdvance += v.yAdvance;
  if (v.xPlacement != null) pos.xOffset += v.xPlacement;
  if (v.yPlacement != null) pos.yOffset += v.yPlacement;
}

/**
 * fontkit's OTProcessor.match with nothing to skip: the sequence is compared
 * forward from `start` and must lie inside the word (an empty one always matches).
 */
function matches<T>(buf: Buffer, start: number, seq: ArrayLike<T>, test: (item: T, glyph: number) => boolean): boolean {
  if (seq.length === 0) return true;
  if (start < 0 || start + seq.length > buf.ids.length) return false;
  for (let k = 0; k < seq.length; k++) if (!test(seq[k]!, buf.ids[start + k]!)) return false;
  return true;
}

type ItemTest = (item: number, glyph: number) => boolean;

/**
 * The lookups of the first chaining rule whose backtrack, input and
 * lookahead sequences all match around position i (by glyph or by class,
 * as the tests say); undefined when none does.
 */
function firstChainRule(buf: Buffer, i: number, rules: ChainRule[], back: ItemTest, input: ItemTest, ahead: ItemTest): ChainRule['lookupRecords'] | undefined {
  for (const rule of rules) {
    if (
      matches(buf, i - rule.backtrack.length, rule.backtrack, back) &&
      matches(buf, i + 1, rule.input, input) &&
      matches(buf, i + 1 + rule.input.length, rule.lookahead, ahead)
    )
      return rule.lookupRecords;
  }
  return undefined;
}

type Pair = { v1?: ValueRecord; v2?: ValueRecord };

/** Pair sets through fontkit's decoding (when the bytes cannot be read directly). */
function decodedPairSets(sub: SubTable): (index: number) => Map<number, Pair> {
  const sets = new Map<number, Map<number, Pair>>();
  return (index) => {
    let set = sets.get(index);
    if (!set) {
      set = new Map();
      for (const p of itemAt(sub.pairSets, index) ?? []) if (!set.has(p.secondGlyph)) set.set(p.secondGlyph, { v1: p.value1, v2: p.value2 });
      sets.set(index, set);
    }
    return set;
  };
}

/** Class pairs through fontkit's decoding. */
function decodedClassPairs(records: NonNullable<SubTable['classRecords']>): (class1: number, class2: number) => Pair | undefined {
  return (class1, class2) => {
    const row = itemAt(records, class1);
    const pair = row ? itemAt(row, class2) : undefined;
    return pair ? { v1: pair.value1, v2: pair.value2 } : undefined;
  };
}

const IGNORE_BASE_GLYPHS = 0x2;
const IGNORE_LIGATURES = 0x4;

/** PairPos format 1: the first pair of the first glyph's set whose second glyph follows; none: the next subtable is tried. */
function pairSetSubtable(first: CoverageIndex, pairsOf: (index: number) => Map<number, Pair>): CompiledSubtable {
  return {
    first,
    pair: true,
    step: (buf, i) => {
      if (i + 1 >= buf.ids.length) return Result.NotApplied;
      const index = first.get(buf.ids[i]!);
      if (index < 0) return Result.NotApplied;
      const pair = pairsOf(index).get(buf.ids[i + 1]!);
      if (!pair) return Result.NotApplied;
      addValue(buf.positions[i], pair.v1);
      addValue(buf.positions[i + 1], pair.v2);
      return Result.Applied;
    },
  };
}

/** PairPos format 2: a covered first glyph with a glyph after it always applies its class pair, zero or not. */
function classPairSubtable(
  first: CoverageIndex,
  class1: ClassIndex,
  class2: ClassIndex,
  pairOf: (class1: number, class2: number) => Pair | undefined,
): CompiledSubtable {
  return {
    first,
    pair: true,
    step: (buf, i) => {
      if (i + 1 >= buf.ids.length) return Result.NotApplied;
      if (first.get(buf.ids[i]!) < 0) return Result.NotApplied;
      const pair = pairOf(class1.get(buf.ids[i]!), class2.get(buf.ids[i + 1]!));
      if (!pair) return Result.Refuse; // fontkit would fail reading past the class table
      addValue(buf.positions[i], pair.v1);
      addValue(buf.positions[i + 1], pair.v2);
      return Result.Applied;
    },
  };
}

const sameGlyph = (a: number, g: number) => a === g;
const inCoverage = (c: CoverageIndex, g: number) => c.get(g) >= 0;
const inClassOf = (classes: ClassIndex) => (c: number, g: number) => c === classes.get(g);

/** The lookup records of the first rule matching at glyph i; undefined: none matches; null: fontkit would fail on the table. */
type ContextMatcher = (buf: Buffer, i: number) => LookupRecord[] | null | undefined;

const coverageIndexes = new WeakMap<object, CoverageIndex>();
function coverageOf(coverage: SubTable['coverage']): CoverageIndex {
  if (!coverage) return new CoverageIndex(undefined);
  let c = coverageIndexes.get(coverage);
  if (!c) coverageIndexes.set(coverage, (c = new CoverageIndex(coverage)));
  return c;
}

/** Compiles the lookups of one table (GSUB or GPOS) on demand, each once. */
export class LookupCompiler {
  private readonly compiled = new Map<number, CompiledLookup | null>();

  constructor(
    private readonly table: LayoutTable,
    private readonly positioning: boolean,
    private readonly raw: RawGpos | null = null,
  ) {}

  /** Null when the lookup has a type or flags the shaper does not model. */
  lookup(index: number): CompiledLookup | null {
    if (this.compiled.has(index)) return this.compiled.get(index)!;
    this.compiled.set(index, null); // a lookup nested in itself stays unsupported
    const raw = this.raw?.lookup(index);
    if (this.raw && raw && raw.subtables.every((t) => t.type >= 2 && t.type <= 6)) {
      const compiled = this.rawLookup(this.raw, raw);
      this.compiled.set(index, compiled);
      return compiled;
    }
    const lookup: Lookup | undefined = itemAt(this.table.lookupList, index);
    const flags = lookup?.flags.flags ?? {};
    let result: CompiledLookup | null = null;
    if (lookup && !flags.ignoreBaseGlyphs && !flags.ignoreLigatures) {
      const subtables = lookup.subTables.map((sub) => this.subtable(lookup.lookupType, sub));
      if (subtables.every((s) => s !== null)) result = new CompiledLookup(subtables as CompiledSubtable[]);
    }
    this.compiled.set(index, result);
    return result;
  }

  private subtable(type: number, sub: SubTable): CompiledSubtable | null {
    if (type === (this.positioning ? 9 : 7)) return sub.extension && sub.lookupType ? this.subtable(sub.lookupType, sub.extension) : null;
    return this.positioning ? this.positionStep(type, sub) : this.substitutionStep(type, sub);
  }

  private substitutionStep(type: number, sub: SubTable): CompiledSubtable | null {
    const first = coverageOf(sub.coverage);
    switch (type) {
      case 1: {
        const delta = sub.deltaGlyphID ?? 0;
        return {
          first,
          step: (buf, i) => {
            const index = first.get(buf.ids[i]!);
            if (index < 0) return Result.NotApplied;
            const to = sub.version === 1 ? (buf.ids[i]! + delta) & 0xffff : itemAt(sub.substitute, index);
            if (to === undefined) return Result.Refuse;
            buf.ids[i] = to;
            return Result.Applied;
          },
        };
      }
      case 2:
      case 3:
        // Multiple and alternate substitution (not met in Latin words here): fontkit's.
        return { first, step: (buf, i) => (first.get(buf.ids[i]!) >= 0 ? Result.Refuse : Result.NotApplied) };
      case 4:
        return {
          first,
          step: (buf, i) => {
            const index = first.get(buf.ids[i]!);
            if (index < 0) return Result.NotApplied;
            for (const lig of itemAt(sub.ligatureSets, index) ?? []) {
              if (!matches(buf, i + 1, lig.components, sameGlyph)) continue;
              const n = lig.components.length;
              const chars = buf.chars[i]!.slice();
              for (let k = 1; k <= n; k++) chars.push(...buf.chars[i + k]!);
              buf.ids.splice(i, n + 1, lig.glyph);
              buf.chars.splice(i, n + 1, chars);
              return Result.Applied;
            }
            return Result.NotApplied;
          },
        };
      case 5:
      case 6: {
        // A contextual substitution that matches is left to fontkit; one that does not match changes nothing.
        const context = this.contextMatcher(type === 6, sub);
        if (!context) return null;
        return { first: context.first, step: (buf, i) => (context.match(buf, i) === undefined ? Result.NotApplied : Result.Refuse) };
      }
      default:
        // Reverse chaining (8) and unknown types: not modelled.
        return null;
    }
  }

  private positionStep(type: number, sub: SubTable): CompiledSubtable | null {
    switch (type) {
      case 1: {
        const first = coverageOf(sub.coverage);
        return {
          first,
          step: (buf, i) => {
            const index = first.get(buf.ids[i]!);
            if (index < 0) return Result.NotApplied;
            addValue(buf.positions[i], sub.version === 1 ? sub.value : itemAt(sub.values, index));
            return Result.Applied;
          },
        };
      }
      case 2:
        return sub.version === 1 ? this.pairSetStep(sub) : this.classPairStep(sub);
      case 3:
      case 4:
      case 5:
      case 6: {
        // Cursive and mark attachment act only on glyphs of these coverages (marks): fontkit's.
        const first = coverageOf(type === 3 ? sub.coverage : type === 6 ? sub.mark1Coverage : sub.markCoverage);
        return { first, step: (buf, i) => (first.get(buf.ids[i]!) >= 0 ? Result.Refuse : Result.NotApplied) };
      }
      case 7:
      case 8: {
        const context = this.contextMatcher(type === 8, sub);
        if (!context) return null;
        return {
          first: context.first,
          step: (buf, i) => {
            const records = context.match(buf, i);
            if (records === undefined) return Result.NotApplied;
            if (records === null) return Result.Refuse;
            return this.applyNested(buf, i, records);
          },
        };
      }
      default:
        return null;
    }
  }

  /** PairPos format 1 through fontkit's decoded subtable (its values read raw when possible). */
  private pairSetStep(sub: SubTable): CompiledSubtable {
    return pairSetSubtable(coverageOf(sub.coverage), rawPairSets(sub) ?? decodedPairSets(sub));
  }

  /** PairPos format 2 through fontkit's decoded subtable (its values read raw when possible). */
  private classPairStep(sub: SubTable): CompiledSubtable | null {
    if (!sub.classDef1 || !sub.classDef2 || !sub.classRecords) return null;
    const pairOf = rawClassPairs(sub) ?? decodedClassPairs(sub.classRecords);
    return classPairSubtable(coverageOf(sub.coverage), new ClassIndex(sub.classDef1), new ClassIndex(sub.classDef2), pairOf);
  }

  /** A GPOS lookup read from the bytes: pair adjustment, and cursive/mark attachment (which refuse). */
  private rawLookup(raw: RawGpos, lookup: RawLookup): CompiledLookup | null {
    if (lookup.flags & (IGNORE_BASE_GLYPHS | IGNORE_LIGATURES)) return null;
    const r = raw.r;
    const subtables: CompiledSubtable[] = [];
    for (const { type, start } of lookup.subtables) {
      const coverageOffset = r.u16(start + 2);
      const coverage = coverageOffset ? coverageAt(r, start + coverageOffset) : undefined;
      if (!coverage) return null;
      const first = new CoverageIndex(coverage);
      const format = r.u16(start);
      if (type === 2 && format === 1) subtables.push(pairSetSubtable(first, pairSetsAt(r, start)));
      else if (type === 2 && format === 2) {
        const [o1, o2] = [r.u16(start + 8), r.u16(start + 10)];
        const class1 = o1 ? classDefAt(r, start + o1) : undefined;
        const class2 = o2 ? classDefAt(r, start + o2) : undefined;
        if (!class1 || !class2) return null;
        subtables.push(classPairSubtable(first, new ClassIndex(class1), new ClassIndex(class2), classPairsAt(r, start)));
      } else if (type >= 3 && type <= 6) subtables.push({ first, step: (buf, i) => (first.get(buf.ids[i]!) >= 0 ? Result.Refuse : Result.NotApplied) });
      else return null;
    }
    return new CompiledLookup(subtables);
  }

  /** fontkit's applyLookupList for positioning: each record's lookup at its place in the matched input. */
  private applyNested(buf: Buffer, i: number, records: LookupRecord[]): Result {
    for (const record of records) {
      const at = i + record.sequenceIndex;
      if (at < 0 || at >= buf.ids.length) return Result.Refuse;
      const nested = this.lookup(record.lookupListIndex);
      if (!nested) return Result.Refuse;
      for (const step of nested.stepsFor(buf.ids[at]!) ?? []) {
        const r = step(buf, at);
        if (r === Result.Refuse) return r;
        if (r === Result.Applied) break;
      }
    }
    return Result.Applied;
  }

  /** fontkit's applyContext (5/7) and applyChainingContext (6/8), matching only. */
  private contextMatcher(chained: boolean, sub: SubTable): { first: CoverageIndex; match: ContextMatcher } | null {
    if (sub.version === 3) {
      const input = (chained ? sub.inputCoverage : sub.coverages)?.map(coverageOf);
      if (!input || input.length === 0) return null;
      const back = chained ? (sub.backtrackCoverage ?? []).map(coverageOf) : [];
      const ahead = chained ? (sub.lookaheadCoverage ?? []).map(coverageOf) : [];
      const records = sub.lookupRecords ?? [];
      return {
        first: input[0]!,
        match: (buf, i) =>
          matches(buf, i - back.length, back, inCoverage) && matches(buf, i, input, inCoverage) && matches(buf, i + input.length, ahead, inCoverage)
            ? records
            : undefined,
      };
    }
    const first = coverageOf(sub.coverage);
    if (!chained && sub.version === 1) {
      return {
        first,
        match: (buf, i) => {
          const index = first.get(buf.ids[i]!);
          if (index < 0) return undefined;
          const set = sub.ruleSets?.[index];
          if (!set) return null;
          for (const rule of set) if (matches(buf, i + 1, rule.input, sameGlyph)) return rule.lookupRecords;
          return undefined;
        },
      };
    }
    if (!chained && sub.version === 2 && sub.classDef) {
      const classes = new ClassIndex(sub.classDef);
      const inClass = inClassOf(classes);
      return {
        first,
        match: (buf, i) => {
          if (first.get(buf.ids[i]!) < 0) return undefined;
          const set = sub.classSet?.[classes.get(buf.ids[i]!)];
          if (!set) return null;
          for (const rule of set) if (matches(buf, i + 1, rule.classes, inClass)) return rule.lookupRecords;
          return undefined;
        },
      };
    }
    if (chained && sub.version === 1) {
      return {
        first,
        match: (buf, i) => {
          const index = first.get(buf.ids[i]!);
          if (index < 0) return undefined;
          const set = sub.chainRuleSets?.[index];
          if (!set) return null;
          return firstChainRule(buf, i, set, sameGlyph, sameGlyph, sameGlyph);
        },
      };
    }
    if (chained && sub.version === 2 && sub.backtrackClassDef && sub.inputClassDef && sub.lookaheadClassDef) {
      const input = new ClassIndex(sub.inputClassDef);
      const [inBack, inInput, inAhead] = [inClassOf(new ClassIndex(sub.backtrackClassDef)), inClassOf(input), inClassOf(new ClassIndex(sub.lookaheadClassDef))];
      return {
        first,
        match: (buf, i) => {
          if (first.get(buf.ids[i]!) < 0) return undefined;
          const rules = sub.chainClassSet?.[input.get(buf.ids[i]!)];
          if (!rules) return undefined;
          return firstChainRule(buf, i, rules, inBack, inInput, inAhead);
        },
      };
    }
    return null;
  }
}
