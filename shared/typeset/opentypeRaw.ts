/**
 * The GPOS lookups the fast shaper needs only a little of, read from the
 * font's bytes. fontkit (through restructure) decodes a whole lookup the
 * first time it is touched: for the pair-kerning lookup of Source Sans 3 that
 * is every coverage and class range of its subtables, about 25 ms per font,
 * paid by every render process for each of its five fonts, and mark
 * attachment lookups (never used by a Latin word) cost as much again. Pair
 * adjustment is read straight from the bytes (its values too, see
 * opentypePairs.ts), and for cursive and mark attachment only the coverage
 * that decides whether they apply. Every other lookup goes through fontkit.
 * Used only for an uncompressed TrueType/OpenType file whose GPOS table
 * fontkit located and whose lookup count agrees with fontkit's.
 */
import { Reader } from './opentypePairs';
import type { ClassDef, Coverage } from './opentypeTables';

export interface RawSubtable {
  /** Lookup type after unwrapping an extension. */
  type: number;
  start: number;
}

export interface RawLookup {
  flags: number;
  subtables: RawSubtable[];
}

/** The parts of a fontkit font that locate its GPOS table. */
export interface LocatableFont {
  type?: string;
  stream?: { buffer?: unknown };
  directory?: { tables?: Record<string, { offset?: number; length?: number } | undefined> };
}

export class RawGpos {
  constructor(
    readonly r: Reader,
    private readonly lookupList: number,
    readonly lookupCount: number,
  ) {}

  /** A lookup's flags and subtables (extensions unwrapped), or null when the bytes do not hold one. */
  lookup(index: number): RawLookup | null {
    if (index < 0 || index >= this.lookupCount) return null;
    const r = this.r;
    const at = this.lookupList + r.u16(this.lookupList + 2 + 2 * index);
    const type = r.u16(at);
    const flags = r.u16(at + 2);
    const count = r.u16(at + 4);
    const subtables: RawSubtable[] = [];
    for (let k = 0; k < count; k++) {
      const start = at + r.u16(at + 6 + 2 * k);
      if (type !== 9) subtables.push({ type, start });
      else if (r.u16(start) === 1) subtables.push({ type: r.u16(start + 2), start: start + r.u32(start + 4) });
      else return null;
    }
    return { flags, subtables };
  }
}

/** The GPOS table read raw, or null when fontkit's font is not one whose bytes can be read so. */
export function rawGpos(font: LocatableFont, fontkitLookupCount: number): RawGpos | null {
  const bytes = font.stream?.buffer;
  const table = font.directory?.tables?.GPOS;
  if (font.type !== 'TTF' || !(bytes instanceof Uint8Array) || !table || typeof table.offset !== 'number') return null;
  if (table.offset + 10 > bytes.length) return null;
  const r = new Reader(bytes);
  if (r.u16(table.offset) !== 1) return null;
  const lookupList = table.offset + r.u16(table.offset + 8);
  const count = r.u16(lookupList);
  return count === fontkitLookupCount ? new RawGpos(r, lookupList, count) : null;
}

/** A coverage table at `at`, in the shape fontkit decodes it to. */
export function coverageAt(r: Reader, at: number): Coverage | undefined {
  const format = r.u16(at);
  const n = r.u16(at + 2);
  if (format === 1) {
    const glyphs = new Uint16Array(n);
    for (let i = 0; i < n; i++) glyphs[i] = r.u16(at + 4 + 2 * i);
    return { version: 1, glyphs };
  }
  if (format === 2) {
    const rangeRecords = [];
    for (let i = 0; i < n; i++) {
      const p = at + 4 + 6 * i;
      rangeRecords.push({ start: r.u16(p), end: r.u16(p + 2), startCoverageIndex: r.u16(p + 4) });
    }
    return { version: 2, rangeRecords };
  }
  return undefined;
}

/** A class definition at `at`, in the shape fontkit decodes it to. */
export function classDefAt(r: Reader, at: number): ClassDef | undefined {
  const format = r.u16(at);
  if (format === 1) {
    const startGlyph = r.u16(at + 2);
    const n = r.u16(at + 4);
    const classValueArray = new Uint16Array(n);
    for (let i = 0; i < n; i++) classValueArray[i] = r.u16(at + 6 + 2 * i);
    return { version: 1, startGlyph, classValueArray };
  }
  if (format === 2) {
    const n = r.u16(at + 2);
    const classRangeRecord = [];
    for (let i = 0; i < n; i++) {
      const p = at + 4 + 6 * i;
      classRangeRecord.push({ start: r.u16(p), end: r.u16(p + 2), class: r.u16(p + 4) });
    }
    return { version: 2, classRangeRecord };
  }
  return undefined;
}

const DEFAULT_SCRIPT_TAGS = ['DFLT', 'dflt', 'latn'];

/**
 * The feature tags of a GSUB or GPOS table for the default script's default
 * language system, read from the bytes: what fontkit's OTProcessor selects
 * when no script is given (the first of DFLT, dflt, latn present). fontkit
 * decodes the whole table to answer, about 6 ms for Liberation's GPOS,
 * which the kern-table shaper never reads otherwise. An empty set when the
 * font has no such table; null when the bytes can't be read so.
 */
export function rawFeatureTags(font: LocatableFont, tableTag: 'GSUB' | 'GPOS'): Set<string> | null {
  const bytes = font.stream?.buffer;
  if (font.type !== 'TTF' || !(bytes instanceof Uint8Array) || !font.directory?.tables) return null;
  const table = font.directory.tables[tableTag];
  if (!table) return new Set();
  if (typeof table.offset !== 'number' || table.offset + 10 > bytes.length) return null;
  const r = new Reader(bytes);
  const base = table.offset;
  if (r.u16(base) !== 1) return null;
  const tagAt = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  const scriptList = base + r.u16(base + 4);
  const featureList = base + r.u16(base + 6);
  const scripts = r.u16(scriptList);
  let script = -1;
  for (const wanted of DEFAULT_SCRIPT_TAGS) {
    for (let s = 0; s < scripts && script < 0; s++) {
      if (tagAt(scriptList + 2 + 6 * s) === wanted) script = scriptList + r.u16(scriptList + 2 + 6 * s + 4);
    }
    if (script >= 0) break;
  }
  const tags = new Set<string>();
  if (script < 0 || r.u16(script) === 0) return tags;
  const langSys = script + r.u16(script);
  const features = r.u16(featureList);
  const count = r.u16(langSys + 4);
  for (let k = 0; k < count; k++) {
    const index = r.u16(langSys + 6 + 2 * k);
    if (index < features) tags.add(tagAt(featureList + 2 + 6 * index));
  }
  return tags;
}
