/**
 * Pair kerning values read straight from the font's bytes. fontkit decodes a
 * PairPos value record by building a fresh restructure Struct for every
 * record (its ValueRecord type depends on the subtable's value formats), so
 * the first use of each kerning pair cost more than the rest of the word's
 * shaping together. The layout of a PairPos subtable is fixed by the
 * OpenType specification; where it lies is known from what restructure
 * keeps on the decoded subtable: `_startOffset` (its position) and the
 * stream of its lazy record array (the bytes it was read from). When these
 * are missing or disagree with fontkit's decoding (another fontkit build),
 * the caller keeps fontkit's decoded values.
 */

/** What a value record adds: device tables are not read, as fontkit ignores them outside variable fonts. */
export interface PairValue {
  xPlacement: number;
  yPlacement: number;
  xAdvance: number;
  yAdvance: number;
}

export interface PairValues {
  v1: PairValue;
  v2: PairValue;
}

/** A decoded PairPos subtable as restructure leaves it. */
interface DecodedPairPos {
  version?: number;
  pairSetCount?: number;
  class1Count?: number;
  class2Count?: number;
  pairSets?: unknown;
  classRecords?: unknown;
}

/** Big-endian reads from a font's bytes. */
export class Reader {
  constructor(readonly bytes: Uint8Array) {}

  u16(at: number): number {
    return (this.bytes[at]! << 8) | this.bytes[at + 1]!;
  }

  i16(at: number): number {
    const v = this.u16(at);
    return v & 0x8000 ? v - 0x10000 : v;
  }

  u32(at: number): number {
    return this.u16(at) * 65536 + this.u16(at + 2);
  }

  /** A value record of the given format at `at`: the four adjustments (absent ones 0) and its size in bytes. */
  value(at: number, format: number): PairValue {
    const out = { xPlacement: 0, yPlacement: 0, xAdvance: 0, yAdvance: 0 };
    let p = at;
    if (format & 0x1) (out.xPlacement = this.i16(p)), (p += 2);
    if (format & 0x2) (out.yPlacement = this.i16(p)), (p += 2);
    if (format & 0x4) (out.xAdvance = this.i16(p)), (p += 2);
    if (format & 0x8) out.yAdvance = this.i16(p);
    return out;
  }
}

/** Size in bytes of a value record of a format: two per field present. */
function valueSize(format: number): number {
  let n = 0;
  for (let bit = 0; bit < 16; bit++) if (format & (1 << bit)) n += 2;
  return n;
}

/** The bytes and position of the subtable, if restructure kept them. */
function locate(sub: DecodedPairPos, records: unknown): { r: Reader; start: number } | null {
  const start = (sub as { _startOffset?: unknown })._startOffset;
  const buffer = (records as { stream?: { buffer?: unknown } } | undefined)?.stream?.buffer;
  if (typeof start !== 'number' || !(buffer instanceof Uint8Array)) return null;
  const r = new Reader(buffer);
  return start + 16 <= buffer.length && r.u16(start) === sub.version ? { r, start } : null;
}

/**
 * PairPos format 1: for the n-th covered first glyph, its pairs (second
 * glyph -> values), the first record of a second glyph winning as in
 * fontkit's linear search. Null when the subtable cannot be read raw.
 */
export function rawPairSets(sub: DecodedPairPos): ((setIndex: number) => Map<number, PairValues>) | null {
  const at = sub.version === 1 ? locate(sub, sub.pairSets) : null;
  if (!at || at.r.u16(at.start + 8) !== sub.pairSetCount) return null;
  return pairSetsAt(at.r, at.start);
}

/** PairPos format 1 read from the subtable at `start`. */
export function pairSetsAt(r: Reader, start: number): (setIndex: number) => Map<number, PairValues> {
  const format1 = r.u16(start + 4);
  const format2 = r.u16(start + 6);
  const count = r.u16(start + 8);
  const size1 = valueSize(format1);
  const recordSize = 2 + size1 + valueSize(format2);
  const sets = new Map<number, Map<number, PairValues>>();
  return (setIndex) => {
    let set = sets.get(setIndex);
    if (set) return set;
    set = new Map();
    if (setIndex < count) {
      const at = start + r.u16(start + 10 + 2 * setIndex);
      const n = r.u16(at);
      for (let k = 0; k < n; k++) {
        const rec = at + 2 + k * recordSize;
        const second = r.u16(rec);
        if (!set.has(second)) set.set(second, { v1: r.value(rec + 2, format1), v2: r.value(rec + 2 + size1, format2) });
      }
    }
    sets.set(setIndex, set);
    return set;
  };
}

/**
 * PairPos format 2: the values of a (class1, class2) pair; undefined for a
 * class outside the table (where fontkit fails). Null when not readable raw.
 */
export function rawClassPairs(sub: DecodedPairPos): ((class1: number, class2: number) => PairValues | undefined) | null {
  const at = sub.version === 2 ? locate(sub, sub.classRecords) : null;
  if (!at || at.r.u16(at.start + 12) !== sub.class1Count || at.r.u16(at.start + 14) !== sub.class2Count) return null;
  return classPairsAt(at.r, at.start);
}

/** PairPos format 2 read from the subtable at `start`. */
export function classPairsAt(r: Reader, start: number): (class1: number, class2: number) => PairValues | undefined {
  const format1 = r.u16(start + 4);
  const format2 = r.u16(start + 6);
  const class1Count = r.u16(start + 12);
  const class2Count = r.u16(start + 14);
  const size1 = valueSize(format1);
  const recordSize = size1 + valueSize(format2);
  const memo = new Map<number, PairValues>();
  return (class1, class2) => {
    if (class1 >= class1Count || class2 >= class2Count) return undefined;
    const key = class1 * class2Count + class2;
    let pair = memo.get(key);
    if (!pair) {
      const at = start + 16 + key * recordSize;
      pair = { v1: r.value(at, format1), v2: r.value(at + size1, format2) };
      memo.set(key, pair);
    }
    return pair;
  };
}
