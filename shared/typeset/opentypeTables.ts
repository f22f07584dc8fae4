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
interface ChainRule {
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

const coverageMaps = new WeakMap<Coverage, Map<number, number>>();

/** glyph -> coverage index, as fontkit's coverageIndex finds it (the first entry or range wins). */
export function coverageMap(coverage: Coverage): Map<number, number> {
  let map = coverageMaps.get(coverage);
  if (map) return map;
  map = new Map();
  if (coverage.version === 1) {
    for (let i = 0; i < coverage.glyphs.length; i++) {
      const g = coverage.glyphs[i]!;
      if (!map.has(g)) map.set(g, i);
    }
  } else if (coverage.version === 2) {
    for (const r of coverage.rangeRecords) {
      for (let g = r.start; g <= r.end; g++) if (!map.has(g)) map.set(g, r.startCoverageIndex + g - r.start);
    }
  }
  coverageMaps.set(coverage, map);
  return map;
}

const classMaps = new WeakMap<ClassDef, Map<number, number>>();

/** glyph -> class, as fontkit's getClassID finds it; glyphs not listed are class 0. */
export function classMap(classDef: ClassDef): Map<number, number> {
  let map = classMaps.get(classDef);
  if (map) return map;
  map = new Map();
  if (classDef.version === 1) {
    for (let i = 0; i < classDef.classValueArray.length; i++) map.set(classDef.startGlyph + i, classDef.classValueArray[i]!);
  } else if (classDef.version === 2) {
    for (const r of classDef.classRangeRecord) {
      for (let g = r.start; g <= r.end; g++) if (!map.has(g)) map.set(g, r.class);
    }
  }
  classMaps.set(classDef, map);
  return map;
}

export function classOf(map: Map<number, number>, glyph: number): number {
  return map.get(glyph) ?? 0;
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
