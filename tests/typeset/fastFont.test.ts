/**
 * The fast shaper (shared/typeset/fastFont.ts) against fontkit on real font
 * files and texts: the template fonts from npm, Debian's Liberation, the
 * reference edition and the demo articles. Here rather than beside the code
 * because it reads files and the server's demo text.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { DEMO_ARTICLES } from '../../server/seed/demoArticles';
import { fastFont, fastPathOf, type ShapeableFont } from '../../shared/typeset/fastFont';
import { rawClassPairs, rawPairSets, type PairValue } from '../../shared/typeset/opentypePairs';
import { compileOpenTypeShaper, fastPathCharacters } from '../../shared/typeset/opentypeShaper';
import { classDefAt, coverageAt, rawFeatureTags, rawGpos, type LocatableFont } from '../../shared/typeset/opentypeRaw';
import { itemAt, type ClassDef, type Coverage, type LayoutTable, type SubTable, type ValueRecord } from '../../shared/typeset/opentypeTables';

const SOURCE = {
  serif: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  serifBold: '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf',
  sans: '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf',
  sansBold: '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf',
  sansItalic: '@expo-google-fonts/source-sans-3/400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
};
const LIBERATION = ['LiberationSerif-Regular', 'LiberationSerif-Bold', 'LiberationSans-Regular', 'LiberationSans-Bold', 'LiberationSans-Italic'];

const sourceFiles = Object.values(SOURCE).map((f) => path.resolve(process.cwd(), 'node_modules', f));
const liberationFiles = LIBERATION.map((f) => `/usr/share/fonts/truetype/liberation2/${f}.ttf`);

/** Two independent parses: one shaped by fontkit alone, one through the fast wrapper. */
function load(file: string): { reference: ShapeableFont; fast: ShapeableFont; plain: ShapeableFont } {
  const bytes = fs.readFileSync(file);
  const reference = fontkit.create(bytes) as unknown as ShapeableFont;
  const plain = fontkit.create(bytes) as unknown as ShapeableFont;
  return { reference, plain, fast: fastFont(plain) };
}

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const TRICKY = ['¿Quién', '«office»', 'affluent', 'fi', 'ffl', 'naïve', '1.500', '—', 'e-mail@example.org', '¡Sí!', 'ﬁ', 'office,', 'effi­cient', 'na\u0308ive', 'Ⅻ', 'x²', '½', '1⁄2'];

/** Every word of the reference edition (both languages), the demo articles and the tricky list, bare and as pdfkit passes them (with the following space). */
function corpus(): string[] {
  const edition = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), '../shared/bench/edition.json'), 'utf8')) as unknown;
  const texts = [...strings(edition, []), ...strings(DEMO_ARTICLES, []), ...TRICKY];
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.split(/\s+/)) {
      if (!word) continue;
      for (const w of [word, word.replace(/\u00AD/g, '')]) {
        words.add(w);
        words.add(`${w} `);
      }
    }
  }
  return [...words];
}

const words = corpus();

function shapeOf(run: { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] }) {
  return {
    ids: run.glyphs.map((g) => g.id),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  };
}

describe('fastFont shapes exactly as fontkit', () => {
  it('has a corpus of both languages and the tricky words', () => {
    expect(words.length).toBeGreaterThan(5000);
    for (const w of ['¿Quién', 'año', 'affluent', '—']) expect(words).toContain(w);
  });

  for (const file of [...sourceFiles, ...liberationFiles]) {
    it(`${path.basename(file)}: every word gives fontkit's glyph ids and positions`, () => {
      const { reference, fast } = load(file);
      const differ: string[] = [];
      for (const w of words) {
        const a = shapeOf(fast.layout(w));
        const b = shapeOf(reference.layout(w));
        if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(w);
      }
      expect(differ).toEqual([]);
      expect(fast.layout('office').advanceWidth).toBe(reference.layout('office').advanceWidth);
    });
  }

  it('takes the OpenType fast path for every Source font, the kern-table path for Liberation', () => {
    for (const file of sourceFiles) expect(fastPathOf(load(file).plain), file).toBe('opentype');
    for (const file of liberationFiles) expect(fastPathOf(load(file).plain), file).toBe('kern-table');
  });

  it('shapes every ordinary word of the corpus itself, leaving only unusual characters to fontkit', () => {
    const unusual = /[\u0300-\u036f\u00ad\u2044\uFB00-\uFB06\u2160-\u217F\u00B2\u00BD]/u;
    for (const file of sourceFiles) {
      const shape = compileOpenTypeShaper(load(file).plain)!;
      const refused = words.filter((w) => shape(w) === null);
      expect(refused.filter((w) => !unusual.test(w)), path.basename(file)).toEqual([]);
      expect(refused).toContain('na\u0308ive'); // a combining mark
      expect(refused).toContain('1⁄2'); // the fraction slash turns on 'frac'
    }
  });

  it('forms the ligatures and kerning of the Source fonts (so the fast path is not trivially plain advances)', () => {
    const { fast, reference } = load(sourceFiles[0]!);
    const office = fast.layout('office');
    expect(office.glyphs.length).toBeLessThan(6); // the "ffi" ligature
    expect(office.glyphs.map((g) => g.id)).toEqual(reference.layout('office').glyphs.map((g) => g.id));
    const kerned = fast.layout('AVAT');
    const plainAdvances = kerned.glyphs.map((g) => g.advanceWidth);
    expect(kerned.positions.map((p) => p.xAdvance)).not.toEqual(plainAdvances);
  });

  it('accepts only characters whose Unicode script is what the fast path assumes', () => {
    // unicode-properties is the script table fontkit itself uses.
    const { getScript } = createRequire(import.meta.url)('unicode-properties') as { getScript(cp: number): string };
    for (let cp = 0; cp < 0x3000; cp++) {
      if (fastPathCharacters.isLatin(cp)) expect(getScript(cp), cp.toString(16)).toBe('Latin');
      if (fastPathCharacters.isCommon(cp)) expect(getScript(cp), cp.toString(16)).toBe('Common');
    }
  });

  it('shapes random strings of Latin letters and punctuation as fontkit does (pairs and ligatures beyond the corpus)', () => {
    const alphabet = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñüÁÉÍÓÚÑçàèâêôœæß0123456789.,;:!?¡¿-–—‘’“”«»()[]/&@%*\'" '];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const file of sourceFiles) {
      const { reference, fast } = load(file);
      const differ: string[] = [];
      for (let n = 0; n < 800; n++) {
        let w = '';
        const len = 2 + Math.floor(random() * 6);
        for (let k = 0; k < len; k++) w += alphabet[Math.floor(random() * alphabet.length)];
        if (JSON.stringify(shapeOf(fast.layout(w))) !== JSON.stringify(shapeOf(reference.layout(w)))) differ.push(w);
      }
      expect(differ, path.basename(file)).toEqual([]);
    }
  });

  it("reads the GPOS lookups and pair kerning of the Source fonts from the font's bytes as fontkit decodes them", () => {
    const same = (raw: PairValue, decoded: ValueRecord | undefined) =>
      raw.xAdvance === (decoded?.xAdvance ?? 0) && raw.xPlacement === (decoded?.xPlacement ?? 0) && raw.yAdvance === (decoded?.yAdvance ?? 0) && raw.yPlacement === (decoded?.yPlacement ?? 0);
    for (const file of sourceFiles) {
      const font = load(file).plain as unknown as { GPOS: LayoutTable } & LocatableFont;
      const gpos = font.GPOS;
      const raw = rawGpos(font, gpos.lookupList.length);
      expect(raw, path.basename(file)).not.toBeNull();
      let checked = 0;
      for (let l = 0; l < gpos.lookupList.length; l++) {
        const lookup = gpos.lookupList.get(l);
        const rawLookup = raw!.lookup(l)!;
        expect(rawLookup.subtables.length).toBe(lookup.subTables.length);
        lookup.subTables.forEach((table, k) => {
          const decoded = lookup.lookupType === 9 ? table.extension! : table;
          const rawSub = rawLookup.subtables[k]!;
          expect(rawSub.type).toBe(lookup.lookupType === 9 ? table.lookupType : lookup.lookupType);
          expect(rawSub.start).toBe((decoded as { _startOffset?: number })._startOffset);
          if (rawSub.type !== 2) return;
          // The coverage and classes the shaper reads raw are the ones fontkit decodes.
          const plainCoverage = (c: Coverage | undefined) => (c?.version === 1 ? { version: 1, glyphs: [...Array.from(c.glyphs)] } : c && { version: 2, rangeRecords: c.rangeRecords.map((x) => ({ ...x })) });
          expect(plainCoverage(coverageAt(raw!.r, rawSub.start + raw!.r.u16(rawSub.start + 2)))).toEqual(plainCoverage(decoded.coverage));
          if (decoded.version === 2) {
            const plainClasses = (c: ClassDef | undefined) =>
              c?.version === 1 ? { startGlyph: c.startGlyph, values: Array.from(c.classValueArray) } : c && c.classRangeRecord.map((x) => ({ ...x }));
            expect(plainClasses(classDefAt(raw!.r, rawSub.start + raw!.r.u16(rawSub.start + 8)))).toEqual(plainClasses(decoded.classDef1));
            expect(plainClasses(classDefAt(raw!.r, rawSub.start + raw!.r.u16(rawSub.start + 10)))).toEqual(plainClasses(decoded.classDef2));
          }
        });
        for (const table of lookup.subTables) {
          const sub: SubTable | undefined = lookup.lookupType === 9 ? (table.lookupType === 2 ? table.extension : undefined) : lookup.lookupType === 2 ? table : undefined;
          if (!sub) continue;
          if (sub.version === 1) {
            const raw = rawPairSets(sub);
            expect(raw).not.toBeNull();
            for (let set = 0; set < (sub.pairSets?.length ?? 0); set += 20) {
              const pairs = raw!(set);
              for (const p of itemAt(sub.pairSets, set) ?? []) {
                const r = pairs.get(p.secondGlyph)!;
                expect(same(r.v1, p.value1) && same(r.v2, p.value2)).toBe(true);
                checked++;
              }
            }
          } else {
            const raw = rawClassPairs(sub);
            expect(raw).not.toBeNull();
            const rows = sub.classRecords!;
            for (let c1 = 0; c1 < rows.length; c1 += 5) {
              const row = rows.get(c1)!;
              for (let c2 = 0; c2 < row.length; c2 += 4) {
                const r = raw!(c1, c2)!;
                expect(same(r.v1, row.get(c2).value1) && same(r.v2, row.get(c2).value2)).toBe(true);
                checked++;
              }
            }
            expect(raw!(rows.length, 0)).toBeUndefined();
          }
        }
      }
      expect(checked, path.basename(file)).toBeGreaterThan(300);
    }
  });
});

describe("fastFont's post table", () => {
  it('reads the header pdfkit embeds from the bytes as fontkit decodes it, and the glyph names through fontkit', () => {
    const italics = ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf', '/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf'];
    for (const file of [...sourceFiles, ...liberationFiles, ...italics]) {
      const { reference, fast } = load(file);
      const expected = (reference as unknown as { post: Record<string, unknown> }).post;
      const actual = (fast as unknown as { post: Record<string, unknown> }).post;
      for (const field of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']) {
        expect(actual[field], `${path.basename(file)} post.${field}`).toBe(expected[field]);
      }
      expect((fast as unknown as { italicAngle: number }).italicAngle).toBe((reference as unknown as { italicAngle: number }).italicAngle);
      expect(actual.glyphNameIndex).toEqual(expected.glyphNameIndex);
    }
  });
});

describe('rawFeatureTags', () => {
  it("lists the default script's GSUB and GPOS features from the bytes as fontkit's availableFeatures does", () => {
    const others = fs.readdirSync('/usr/share/fonts/truetype', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ttf')).map((f) => path.join('/usr/share/fonts/truetype', f));
    let withGpos = 0;
    for (const file of [...sourceFiles, ...others]) {
      const font = fontkit.create(fs.readFileSync(file)) as unknown as LocatableFont & { availableFeatures: string[]; directory: { tables: Record<string, unknown> } };
      const gsub = rawFeatureTags(font, 'GSUB');
      const gpos = rawFeatureTags(font, 'GPOS');
      expect(gsub, path.basename(file)).not.toBeNull();
      expect(gpos, path.basename(file)).not.toBeNull();
      const tags = new Set([...gsub!, ...gpos!]);
      if (font.directory.tables.kern) tags.add('kern');
      expect([...tags].sort(), path.basename(file)).toEqual([...new Set(font.availableFeatures)].sort());
      if (gpos!.size > 0) withGpos++;
    }
    expect(withGpos).toBeGreaterThan(5);
  });
});
