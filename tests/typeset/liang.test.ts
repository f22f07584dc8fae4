/**
 * shared/typeset/liang.ts against the `hyphen` package's own hyphenateSync,
 * on every word of the reference edition and the demo articles in both
 * languages (as written, lower- and upper-cased) and on random letter
 * strings. Here rather than beside the code: it reads the edition's file.
 */
import fs from 'node:fs';
import path from 'node:path';
import hyphenEn from 'hyphen/en-us';
import hyphenEs from 'hyphen/es';
import patternsEn from 'hyphen/patterns/en-us';
import patternsEs from 'hyphen/patterns/es';
import { describe, expect, it } from 'vitest';
import { DEMO_ARTICLES } from '../../server/seed/demoArticles';
import { syllablesByPatterns } from '../../shared/typeset/liang';

const SOFT = '\u00AD';

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function letterWords(): string[] {
  const edition = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), '../shared/bench/edition.json'), 'utf8')) as unknown;
  const words = new Set<string>();
  for (const text of [...strings(edition, []), ...strings(DEMO_ARTICLES, [])]) {
    for (const word of text.replace(/\u00AD/g, '').match(/\p{L}+/gu) ?? []) {
      if (word.length < 5) continue;
      words.add(word);
      words.add(word.toLowerCase());
      words.add(word.toUpperCase());
    }
  }
  return [...words];
}

/** Deterministic pseudo-random words of both alphabets, to reach patterns the texts don't. */
function randomWords(count: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyzáéíóúñüAEIOUNS';
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = '';
    const n = 5 + Math.floor(next() * 12);
    for (let k = 0; k < n; k++) w += letters[Math.floor(next() * letters.length)];
    out.push(w);
  }
  return out;
}

describe('syllablesByPatterns', () => {
  const words = [...letterWords(), ...randomWords(3000), 'associate', 'Associates', 'philanthropic', 'PROJECT'];

  it('has a corpus of thousands of words', () => {
    expect(words.length).toBeGreaterThan(5000);
  });

  for (const [lang, hyphen, patterns] of [
    ['en', hyphenEn, patternsEn],
    ['es', hyphenEs, patternsEs],
  ] as const) {
    it(`splits every word as hyphen's hyphenateSync does (${lang})`, () => {
      let hyphenated = 0;
      for (const word of words) {
        const expected = hyphen.hyphenateSync(word, { hyphenChar: SOFT, minWordLength: 5 }).split(SOFT);
        const actual = syllablesByPatterns(patterns, word);
        expect(actual, `${lang} ${word}`).toEqual(expected);
        if (actual.length > 1) hyphenated++;
      }
      expect(hyphenated).toBeGreaterThan(words.length / 2);
    });
  }
});
