/**
 * A fast OpenType shaper for ordinary Latin words, giving exactly what
 * fontkit's `font.layout(text)` gives (glyph ids, advances, offsets) in a
 * fraction of the time. fontkit spends most of a word's layout searching
 * coverage tables linearly, glyph by glyph and lookup by lookup; here every
 * lookup fontkit would apply is compiled once into maps and run over the word
 * the way fontkit runs it: GSUB single and ligature substitutions, GPOS
 * single and pair adjustments (pair sets and class pairs), and contextual
 * positioning (contextual kerning) with its nested lookups. fontkit's quirks
 * are kept on purpose (a chained rule's backtrack is compared in stored
 * order; a pair's second glyph is not skipped), since the goal is its result.
 *
 * Whenever fontkit could do something this shaper does not reproduce, the
 * word is handed back (null) and fontkit shapes it: characters outside
 * basic/extended Latin and common punctuation (combining marks, other
 * scripts, default-ignorables such as U+00AD, the fraction slash), glyphs
 * GDEF classes as marks, and any multiple/alternate substitution, contextual
 * substitution or mark/cursive attachment that would fire on the word. A
 * font whose lookups use flags this shaper does not model gets no fast path.
 */
import {
  classMap,
  classOf,
  coverageMap,
  itemAt,
  lookupsFor,
  type GlyphDefinitions,
  type LayoutTable,
  type Lookup,
  type LookupRecord,
  type SubTable,
  type ValueRecord,
} from './opentypeTables';

export interface GlyphLike {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The parts of a fontkit Font this shaper reads. */
export interface OpenTypeFont {
  GSUB?: LayoutTable | null;
  GPOS?: LayoutTable | null;
  GDEF?: GlyphDefinitions | null;
  kern?: unknown;
  morx?: unknown;
  _variationProcessor?: unknown;
  glyphForCodePoint(codePoint: number): GlyphLike;
  getGlyph(id: number, codePoints?: number[]): GlyphLike;
}

export interface ShapedWord {
  glyphs: GlyphLike[];
  positions: Position[];
}

/** Outcome of one subtable at one glyph, as fontkit's applyLookup returns it, plus "hand the word back". */
const enum Result {
  NotApplied,
  Applied,
  Refuse,
}

/** The word being shaped: glyph ids and the characters each glyph stands for. */
interface Buffer {
  ids: number[];
  chars: number[][];
  positions: Position[] | null;
}

type Step = (buf: Buffer, i: number) => Result;

/** A compiled lookup: the glyphs its subtables cover (a quick skip) and one step per subtable. */
interface CompiledLookup {
  covers: Set<number>;
  steps: Step[];
}

/** Latin letters (Unicode script Latin) the fast path accepts. */
function isLatin(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    cp === 0xaa ||
    cp === 0xba ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x1e00 && cp <= 0x1eff)
  );
}

/** Script-neutral characters (Unicode script Common, not default-ignorable) the fast path accepts. */
function isCommon(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x40) ||
    (cp >= 0x5b && cp <= 0x60) ||
    (cp >= 0x7b && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xbf && cp !== 0xaa && cp !== 0xad && cp !== 0xba) ||
    cp === 0xd7 ||
    cp === 0xf7 ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    (cp >= 0x2030 && cp <= 0x205e && cp !== 0x2044) ||
    (cp >= 0x20a0 && cp <= 0x20bf) ||
    cp === 0x2116 ||
    cp === 0x2122
  );
}

/** Exported for the test that checks these ranges against Unicode's script data. */
export const fastPathCharacters = { isLatin, isCommon };

/** A character both fast shapers handle like fontkit: no mark to place, nothing to hide. */
export function isFastPathCharacter(cp: number): boolean {
  return isLatin(cp) || isCommon(cp);
}

function addValue(pos: Position | undefined, v: ValueRecord | undefined): void {
  if (!pos || !v) return;
  if (v.xAdvance != null) pos.xAdvance += v.xAdvance;
  if (v.yAdvance != null) pos.yAdvance += v.yAdvance;
  if (v.xPlacement != null) pos.xOffset += v.xPlacement;
  if (v.yPlacement != null) pos.yOffset += v.yPlacement;
}

/**
 * fontkit's OTProcessor.match with nothing to skip (the shaper refuses
 * marks, and refuses fonts whose lookups skip anything else): the sequence
 * is compared forward from i + offset, and must lie inside the word.
 */
function matches<T>(buf: Buffer, start: number, seq: ArrayLike<T>, test: (item: T, glyph: number) => boolean): boolean {
  if (seq.length === 0) return true;
  if (start < 0 || start + seq.length > buf.ids.length) return false;
  for (let k = 0; k < seq.length; k++) if (!test(seq[k]!, buf.ids[start + k]!)) return false;
  return true;
}

class Compiler {
  private readonly compiled = new Map<string, CompiledLookup | null>();

  constructor(
    private readonly table: LayoutTable,
    private readonly positioning: boolean,
  ) {}

  /** Null when the lookup uses flags the shaper does not model. */
  lookup(index: number): CompiledLookup | null {
    const key = String(index);
    if (this.compiled.has(key)) return this.compiled.get(key)!;
    this.compiled.set(key, null); // a lookup nested in itself stays unsupported
    const lookup: Lookup = this.table.lookupList.get(index);
    const flags = lookup.flags.flags ?? {};
    let result: CompiledLookup | null = null;
    if (!flags.ignoreBaseGlyphs && !flags.ignoreLigatures) {
      const covers = new Set<number>();
      const steps: Step[] = [];
      let ok = true;
      for (const sub of lookup.subTables) {
        const step = this.subtable(lookup.lookupType, sub, covers);
        if (!step) ok = false;
        else steps.push(step);
      }
      if (ok) result = { covers, steps };
    }
    this.compiled.set(key, result);
    return result;
  }

  private subtable(type: number, sub: SubTable, covers: Set<number>): Step | null {
    const extension = this.positioning ? 9 : 7;
    if (type === extension) return sub.extension && sub.lookupType ? this.subtable(sub.lookupType, sub.extension, covers) : null;
    if (this.positioning) return this.positionStep(type, sub, covers);
    return this.substitutionStep(type, sub, covers);
  }

  private cover(coverage: SubTable['coverage'], covers: Set<number>): Map<number, number> {
    const map = coverage ? coverageMap(coverage) : new Map<number, number>();
    for (const g of map.keys()) covers.add(g);
    return map;
  }

  private substitutionStep(type: number, sub: SubTable, covers: Set<number>): Step | null {
    switch (type) {
      case 1: {
        const cov = this.cover(sub.coverage, covers);
        const delta = sub.deltaGlyphID ?? 0;
        const subst = sub.substitute;
        return (buf, i) => {
          const index = cov.get(buf.ids[i]!);
          if (index === undefined) return Result.NotApplied;
          const to = sub.version === 1 ? (buf.ids[i]! + delta) & 0xffff : itemAt(subst, index);
          if (to === undefined) return Result.Refuse;
          buf.ids[i] = to;
          return Result.Applied;
        };
      }
      case 2:
      case 3: {
        // Multiple and alternate substitution: never seen in Latin words here; leave them to fontkit.
        const cov = this.cover(sub.coverage, covers);
        return (buf, i) => (cov.has(buf.ids[i]!) ? Result.Refuse : Result.NotApplied);
      }
      case 4: {
        const cov = this.cover(sub.coverage, covers);
        return (buf, i) => {
          const index = cov.get(buf.ids[i]!);
          if (index === undefined) return Result.NotApplied;
          for (const lig of itemAt(sub.ligatureSets, index) ?? []) {
            if (!matches(buf, i + 1, lig.components, (c, g) => c === g)) continue;
            const n = lig.components.length;
            const chars = buf.chars[i]!.slice();
            for (let k = 1; k <= n; k++) chars.push(...buf.chars[i + k]!);
            buf.ids.splice(i, n + 1, lig.glyph);
            buf.chars.splice(i, n + 1, chars);
            return Result.Applied;
          }
          return Result.NotApplied;
        };
      }
      case 5:
      case 6: {
        // A contextual substitution that matches is left to fontkit; one that does not match changes nothing.
        const match = this.contextMatcher(type === 6, sub, covers);
        return (buf, i) => {
          const records = match(buf, i);
          return records === undefined ? Result.NotApplied : Result.Refuse;
        };
      }
      default:
        // Reverse chaining (8) and unknown types: fontkit refuses them itself; no fast path.
        return null;
    }
  }

  private positionStep(type: number, sub: SubTable, covers: Set<number>): Step | null {
    switch (type) {
      case 1: {
        const cov = this.cover(sub.coverage, covers);
        return (buf, i) => {
          const index = cov.get(buf.ids[i]!);
          if (index === undefined) return Result.NotApplied;
          addValue(buf.positions![i], sub.version === 1 ? sub.value : itemAt(sub.values, index));
          return Result.Applied;
        };
      }
      case 2:
        return sub.version === 1 ? this.pairSetStep(sub, covers) : this.classPairStep(sub, covers);
      case 3:
      case 4:
      case 5:
      case 6: {
        // Cursive and mark attachment: only for glyphs of these coverages, which Latin words here never hold.
        const cov = this.cover(type === 3 ? sub.coverage : type === 6 ? sub.mark1Coverage : sub.markCoverage, covers);
        return (buf, i) => (cov.has(buf.ids[i]!) ? Result.Refuse : Result.NotApplied);
      }
      case 7:
      case 8: {
        const match = this.contextMatcher(type === 8, sub, covers);
        return (buf, i) => {
          const records = match(buf, i);
          if (records === undefined) return Result.NotApplied;
          if (records === null) return Result.Refuse;
          return this.applyNested(buf, i, records);
        };
      }
      default:
        return null;
    }
  }

  /** PairPos format 1: the first pair of the first glyph's set whose second glyph follows. */
  private pairSetStep(sub: SubTable, covers: Set<number>): Step {
    const cov = this.cover(sub.coverage, covers);
    const sets = new Map<number, Map<number, { v1?: ValueRecord; v2?: ValueRecord }>>();
    const pairsOf = (index: number) => {
      let set = sets.get(index);
      if (!set) {
        set = new Map();
        for (const p of itemAt(sub.pairSets, index) ?? []) if (!set.has(p.secondGlyph)) set.set(p.secondGlyph, { v1: p.value1, v2: p.value2 });
        sets.set(index, set);
      }
      return set;
    };
    return (buf, i) => {
      if (i + 1 >= buf.ids.length) return Result.NotApplied;
      const index = cov.get(buf.ids[i]!);
      if (index === undefined) return Result.NotApplied;
      const pair = pairsOf(index).get(buf.ids[i + 1]!);
      if (!pair) return Result.NotApplied;
      addValue(buf.positions![i], pair.v1);
      addValue(buf.positions![i + 1], pair.v2);
      return Result.Applied;
    };
  }

  /** PairPos format 2: a covered first glyph always applies its class pair (zero or not). */
  private classPairStep(sub: SubTable, covers: Set<number>): Step | null {
    if (!sub.classDef1 || !sub.classDef2 || !sub.classRecords) return null;
    const cov = this.cover(sub.coverage, covers);
    const class1 = classMap(sub.classDef1);
    const class2 = classMap(sub.classDef2);
    const records = sub.classRecords;
    return (buf, i) => {
      if (i + 1 >= buf.ids.length) return Result.NotApplied;
      if (!cov.has(buf.ids[i]!)) return Result.NotApplied;
      const row = itemAt(records, classOf(class1, buf.ids[i]!));
      const pair = row ? itemAt(row, classOf(class2, buf.ids[i + 1]!)) : undefined;
      if (!pair) return Result.Refuse; // fontkit would throw reading past the class table
      addValue(buf.positions![i], pair.value1);
      addValue(buf.positions![i + 1], pair.value2);
      return Result.Applied;
    };
  }

  /** fontkit's applyLookupList for positioning: each record's lookup at its place in the matched input. */
  private applyNested(buf: Buffer, i: number, records: LookupRecord[]): Result {
    for (const record of records) {
      const at = i + record.sequenceIndex;
      if (at < 0 || at >= buf.ids.length) return Result.Refuse;
      const nested = this.lookup(record.lookupListIndex);
      if (!nested) return Result.Refuse;
      if (!nested.covers.has(buf.ids[at]!)) continue;
      for (const step of nested.steps) {
        const r = step(buf, at);
        if (r === Result.Refuse) return r;
        if (r === Result.Applied) break;
      }
    }
    return Result.Applied;
  }

  /**
   * fontkit's applyContext / applyChainingContext, matching only: the lookup
   * records of the first rule that matches at glyph i, undefined when none
   * does, null when fontkit would fail on the table (a missing rule set).
   */
  private contextMatcher(chained: boolean, sub: SubTable, covers: Set<number>): (buf: Buffer, i: number) => LookupRecord[] | null | undefined {
    const ids = (a: number, g: number) => a === g;
    if (!chained) {
      if (sub.version === 1) {
        const cov = this.cover(sub.coverage, covers);
        return (buf, i) => {
          const index = cov.get(buf.ids[i]!);
          if (index === undefined) return undefined;
          const set = sub.ruleSets?.[index];
          if (!set) return null;
          for (const rule of set) if (matches(buf, i + 1, rule.input, ids)) return rule.lookupRecords;
          return undefined;
        };
      }
      if (sub.version === 2 && sub.classDef) {
        const cov = this.cover(sub.coverage, covers);
        const classes = classMap(sub.classDef);
        const inClass = (c: number, g: number) => c === classOf(classes, g);
        return (buf, i) => {
          if (!cov.has(buf.ids[i]!)) return undefined;
          const set = sub.classSet?.[classOf(classes, buf.ids[i]!)];
          if (!set) return null;
          for (const rule of set) if (matches(buf, i + 1, rule.classes, inClass)) return rule.lookupRecords;
          return undefined;
        };
      }
      if (sub.version === 3 && sub.coverages && sub.coverages.length > 0) {
        const maps = sub.coverages.map(coverageMap);
        for (const g of maps[0]!.keys()) covers.add(g);
        const inCov = (m: Map<number, number>, g: number) => m.has(g);
        return (buf, i) => (matches(buf, i, maps, inCov) ? (sub.lookupRecords ?? []) : undefined);
      }
      return () => null;
    }
    if (sub.version === 1) {
      const cov = this.cover(sub.coverage, covers);
      return (buf, i) => {
        const index = cov.get(buf.ids[i]!);
        if (index === undefined) return undefined;
        const set = sub.chainRuleSets?.[index];
        if (!set) return null;
        for (const rule of set) {
          if (
            matches(buf, i - rule.backtrack.length, rule.backtrack, ids) &&
            matches(buf, i + 1, rule.input, ids) &&
            matches(buf, i + 1 + rule.input.length, rule.lookahead, ids)
          )
            return rule.lookupRecords;
        }
        return undefined;
      };
    }
    if (sub.version === 2 && sub.backtrackClassDef && sub.inputClassDef && sub.lookaheadClassDef) {
      const cov = this.cover(sub.coverage, covers);
      const back = classMap(sub.backtrackClassDef);
      const input = classMap(sub.inputClassDef);
      const ahead = classMap(sub.lookaheadClassDef);
      const inClass = (m: Map<number, number>) => (c: number, g: number) => c === classOf(m, g);
      const [inBack, inInput, inAhead] = [inClass(back), inClass(input), inClass(ahead)];
      return (buf, i) => {
        if (!cov.has(buf.ids[i]!)) return undefined;
        const rules = sub.chainClassSet?.[classOf(input, buf.ids[i]!)];
        if (!rules) return undefined;
        for (const rule of rules) {
          if (
            matches(buf, i - rule.backtrack.length, rule.backtrack, inBack) &&
            matches(buf, i + 1, rule.input, inInput) &&
            matches(buf, i + 1 + rule.input.length, rule.lookahead, inAhead)
          )
            return rule.lookupRecords;
        }
        return undefined;
      };
    }
    if (sub.version === 3 && sub.inputCoverage && sub.inputCoverage.length > 0) {
      const back = (sub.backtrackCoverage ?? []).map(coverageMap);
      const input = sub.inputCoverage.map(coverageMap);
      const ahead = (sub.lookaheadCoverage ?? []).map(coverageMap);
      for (const g of input[0]!.keys()) covers.add(g);
      const inCov = (m: Map<number, number>, g: number) => m.has(g);
      return (buf, i) =>
        matches(buf, i - back.length, back, inCov) && matches(buf, i, input, inCov) && matches(buf, i + input.length, ahead, inCov)
          ? (sub.lookupRecords ?? [])
          : undefined;
    }
    return () => null;
  }
}

function runLookups(lookups: CompiledLookup[], buf: Buffer): boolean {
  for (const lookup of lookups) {
    for (let i = 0; i < buf.ids.length; i++) {
      if (!lookup.covers.has(buf.ids[i]!)) continue;
      for (const step of lookup.steps) {
        const r = step(buf, i);
        if (r === Result.Refuse) return false;
        if (r === Result.Applied) break;
      }
    }
  }
  return true;
}

interface ScriptPlan {
  gsub: CompiledLookup[];
  gpos: CompiledLookup[];
}

function compilePlan(font: OpenTypeFont, script: string | undefined, gsub: Compiler | null, gpos: Compiler): ScriptPlan | null {
  const positioning = lookupsFor(font.GPOS!, script);
  // Without GPOS kerning for the script, fontkit kerns from the `kern` table: not modelled here.
  if (font.kern && !positioning.tags.has('kern')) return null;
  const compile = (compiler: Compiler, indexes: number[]) => {
    const out: CompiledLookup[] = [];
    for (const index of indexes) {
      const c = compiler.lookup(index);
      if (!c) return null;
      out.push(c);
    }
    return out;
  };
  const sub = gsub ? compile(gsub, lookupsFor(font.GSUB!, script).lookups) : [];
  const pos = compile(gpos, positioning.lookups);
  return sub && pos ? { gsub: sub, gpos: pos } : null;
}

/**
 * Compiles the font's shaper, or returns null when fontkit's layout of this
 * font is not one the shaper reproduces (AAT morx, variations, no GPOS).
 * The shaper returns null for a word it leaves to fontkit.
 */
export function compileOpenTypeShaper(font: OpenTypeFont): ((text: string) => ShapedWord | null) | null {
  if (font.morx || font._variationProcessor || !font.GPOS) return null;
  const gpos = new Compiler(font.GPOS, true);
  const gsub = font.GSUB ? new Compiler(font.GSUB, false) : null;
  const latin = compilePlan(font, 'latn', gsub, gpos);
  const neutral = compilePlan(font, undefined, gsub, gpos);
  if (!latin || !neutral) return null;

  const glyphClass = font.GDEF?.glyphClassDef ? classMap(font.GDEF.glyphClassDef) : null;
  const isMark = (id: number) => glyphClass !== null && glyphClass.get(id) === 3;
  const byCodePoint = new Map<number, GlyphLike>();
  const byId = new Map<number, GlyphLike>();

  return (text: string): ShapedWord | null => {
    const ids: number[] = [];
    const chars: number[][] = [];
    const original: GlyphLike[] = [];
    let latinText = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (isLatin(cp)) latinText = true;
      else if (!isCommon(cp)) return null;
      let g = byCodePoint.get(cp);
      if (!g) byCodePoint.set(cp, (g = font.glyphForCodePoint(cp)));
      if (isMark(g.id)) return null;
      ids.push(g.id);
      chars.push([cp]);
      original.push(g);
    }
    if (ids.length === 0) return { glyphs: [], positions: [] };
    const plan = latinText ? latin : neutral;
    const buf: Buffer = { ids, chars, positions: null };
    if (!runLookups(plan.gsub, buf)) return null;

    // fontkit hands back the Glyph of each id after substitution (its own glyph cache is per id too).
    const glyphs: GlyphLike[] = new Array(buf.ids.length);
    const substituted = buf.ids.length !== original.length || buf.ids.some((id, k) => id !== original[k]!.id);
    for (let k = 0; k < buf.ids.length; k++) {
      const id = buf.ids[k]!;
      if (!substituted) {
        glyphs[k] = original[k]!;
        continue;
      }
      if (isMark(id)) return null;
      let g = byId.get(id);
      if (!g) byId.set(id, (g = font.getGlyph(id, buf.chars[k])));
      glyphs[k] = g;
    }
    buf.positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    if (!runLookups(plan.gpos, buf)) return null;
    return { glyphs, positions: buf.positions };
  };
}
