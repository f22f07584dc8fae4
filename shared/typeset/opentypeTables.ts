/**
 * The parts of fontkit's parsed OpenType layout tables (GSUB, GPOS, GDEF)
 * that the fast OpenType shaper reads, and the lookups compiled from them
 * into maps, so shaping a word is a few Map reads per glyph instead of
 * fontkit's linear coverage and class searches. The compiled form keeps
 * fontkit's semantics, quirks included (see opentypeShaper.ts), because its
 * result must equal fontkit's `font.layout` exactly.
 */

export type Coverage =
  | { version: 1; glyphs: ArrayLike<number> }
  | { version: 2; rangeRecords: { start: number; end: number; startCoverageIndex: number }[] };

export type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: ArrayLike<number> }
  | { version: 2; classRangeRecord: { start: number; end: number; class: number }[] };

/** restructure's LazyArray: items decoded (and kept) on first `get`. */
export interface Lazy<T> {
  length: number;
  get(index: number): T;
}

export interface ValueRecord {
  xPlacement?: number;
  yPlacement?: number;
  xAdvance?: number;
  yAdvance?: number;
}

export interface LookupRecord {
  sequenceIndex: number;
  lookupListIndex: number;
}

interface Rule {
  input: number[];
  lookupRecords: LookupRecord[];
}
interface ClassRule {
  classes: number[];
  lookupRecords: LookupRecord[];
}
export interface ChainRule {
  backtrack: number[];
  input: number[];
  lookahead: number[];
  lookupRecords: LookupRecord[];
}

/** Every field any subtable kind may carry; which are present depends on lookup type and format. */
export interface SubTable {
  version?: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  // GSUB single / multiple / alternate / ligature
  deltaGlyphID?: number;
  substitute?: Lazy<number>;
  sequences?: Lazy<number[]>;
  alternateSet?: Lazy<number[]>;
  ligatureSets?: Lazy<{ glyph: number; components: number[] }[]>;
  // contextual (GSUB 5/6, GPOS 7/8)
  ruleSets?: (Rule[] | null)[];
  classDef?: ClassDef;
  classSet?: (ClassRule[] | null)[];
  coverages?: Coverage[];
  lookupRecords?: LookupRecord[];
  chainRuleSets?: (ChainRule[] | null)[];
  backtrackClassDef?: ClassDef;
  inputClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  chainClassSet?: (ChainRule[] | null)[];
  backtrackGlyphCount?: number;
  inputGlyphCount?: number;
  backtrackCoverage?: Coverage[];
  inputCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  // GPOS single / pair
  value?: ValueRecord;
  values?: Lazy<ValueRecord>;
  pairSets?: Lazy<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }[]>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: Lazy<Lazy<{ value1?: ValueRecord; value2?: ValueRecord }> | undefined>;
  // GPOS cursive / mark attachment
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}

export interface Lookup {
  lookupType: number;
  flags: { markAttachmentType?: number; flags?: { ignoreBaseGlyphs?: boolean; ignoreLigatures?: boolean; ignoreMarks?: boolean } };
  subTables: SubTable[];
}

export interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys: { featureIndexes: number[] } | null } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: Lazy<Lookup>;
}

export interface GlyphDefinitions {
  glyphClassDef?: ClassDef | null;
}

/**
 * A coverage table's index of a glyph (-1: not covered), found the way
 * fontkit's coverageIndex finds it (first entry or range), remembered per
 * glyph: a word meets few distinct glyphs, so nothing is expanded up front.
 */
export class CoverageIndex {
  private readonly memo = new Map<number, number>();
  constructor(private readonly coverage: Coverage | undefined) {}

  get(glyph: number): number {
    let index = this.memo.get(glyph);
    if (index === undefined) {
      index = this.find(glyph);
      this.memo.set(glyph, index);
    }
    return index;
  }

  private find(glyph: number): number {
    const c = this.coverage;
    if (!c) return -1;
    if (c.version === 1) {
      if (this.sorted === undefined) this.sorted = ascending(c.glyphs, (g) => g, (g) => g);
      if (this.sorted) return search(c.glyphs, glyph, (g) => g, (g) => g, (_, i) => i);
      for (let i = 0; i < c.glyphs.length; i++) if (c.glyphs[i] === glyph) return i;
    } else if (c.version === 2) {
      const ranges = c.rangeRecords;
      if (this.sorted === undefined) this.sorted = ascending(ranges, (r) => r.start, (r) => r.end);
      if (this.sorted) return search(ranges, glyph, (r) => r.start, (r) => r.end, (r) => r.startCoverageIndex + glyph - r.start);
      for (const r of ranges) if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
    }
    return -1;
  }
  private sorted: boolean | undefined;
}

/**
 * Whether entries are sorted and do not overlap (as the specification
 * requires); then a binary search finds what fontkit's linear search finds.
 */
function ascending<T>(list: ArrayLike<T>, start: (t: T) => number, end: (t: T) => number): boolean {
  for (let i = 0; i < list.length; i++) {
    if (start(list[i]!) > end(list[i]!)) return false;
    if (i > 0 && start(list[i]!) <= end(list[i - 1]!)) return false;
  }
  return true;
}

function search<T>(list: ArrayLike<T>, glyph: number, start: (t: T) => number, end: (t: T) => number, found: (t: T, i: number) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = list[mid]!;
    if (glyph < start(item)) hi = mid - 1;
    else if (glyph > end(item)) lo = mid + 1;
    else return found(item, mid);
  }
  return -1;
}

/** A class definition's class of a glyph (0 when not listed), as fontkit's getClassID finds it, remembered per glyph. */
export class ClassIndex {
  private readonly memo = new Map<number, number>();
  constructor(private readonly classDef: ClassDef) {}

  get(glyph: number): number {
    let cls = this.memo.get(glyph);
    if (cls === undefined) {
      cls = this.find(glyph);
      this.memo.set(glyph, cls);
    }
    return cls;
  }

  private find(glyph: number): number {
    const d = this.classDef;
    if (d.version === 1) {
      const i = glyph - d.startGlyph;
      if (i >= 0 && i < d.classValueArray.length) return d.classValueArray[i]!;
    } else if (d.version === 2) {
      const ranges = d.classRangeRecord;
      if (this.sorted === undefined) this.sorted = ascending(ranges, (r) => r.start, (r) => r.end);
      if (this.sorted) return Math.max(0, search(ranges, glyph, (r) => r.start, (r) => r.end, (r) => r.class));
      for (const r of ranges) if (r.start <= glyph && glyph <= r.end) return r.class;
    }
    return 0;
  }
  private sorted: boolean | undefined;
}

/** fontkit reads a LazyArray with get() and a plain array by index. */
export function itemAt<T>(list: Lazy<T> | (T | null)[] | undefined, index: number): T | undefined {
  if (!list || index < 0) return undefined;
  if (Array.isArray(list)) return list[index] ?? undefined;
  return index < (list as Lazy<T>).length ? (list as Lazy<T>).get(index) : undefined;
}

/**
 * The feature tags fontkit's default shaper (Latin and every script without
 * a shaper of its own) applies, in its one stage and in this order, when no
 * features are asked for. 'frac', 'numr' and 'dnom' are also planned but
 * only for digits around U+2044 FRACTION SLASH, which the fast path refuses.
 */
export const DEFAULT_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

/** The script fontkit falls back to when the text's own is not in the table. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/**
 * The lookups fontkit applies for a script (undefined: text with no letters),
 * as OTProcessor.selectScript + lookupsForFeatures choose them: the script's
 * default language system, a later feature record of a tag replacing an
 * earlier one, one entry per (feature, lookup) sorted by lookup index (a
 * lookup in two features is applied twice). Also returns the selected tags.
 */
export function lookupsFor(table: LayoutTable, script: string | undefined): { tags: Set<string>; lookups: number[] } {
  const entry =
    (script !== undefined ? table.scriptList.find((s) => s.tag === script) : undefined) ??
    DEFAULT_SCRIPTS.map((tag) => table.scriptList.find((s) => s.tag === tag)).find((s) => s !== undefined);
  const features = new Map<string, number[]>();
  for (const index of entry?.script.defaultLangSys?.featureIndexes ?? []) {
    const record = table.featureList[index];
    if (record) features.set(record.tag, record.feature.lookupListIndexes);
  }
  const picked: { index: number; order: number }[] = [];
  for (const tag of DEFAULT_FEATURES) {
    for (const index of features.get(tag) ?? []) picked.push({ index, order: picked.length });
  }
  picked.sort((a, b) => a.index - b.index || a.order - b.order);
  return { tags: new Set(features.keys()), lookups: picked.map((p) => p.index) };
}
