import { describe, expect, it } from 'vitest';
import { isAddress, splitToken } from './hyphenate';

const texts = (token: string, lang: 'en' | 'es' = 'en') => splitToken(token, lang, true).map((p) => p.text);

describe('splitToken', () => {
  it('hyphenates English and Spanish words by their own patterns', () => {
    expect(texts('international').length).toBeGreaterThan(2);
    expect(texts('revolucionario', 'es').join('')).toBe('revolucionario');
    expect(splitToken('revolucionario', 'es', true).some((p) => p.after === 'hyphen')).toBe(true);
  });

  it('never leaves the last two letters (or fewer) after a hyphen', () => {
    for (const word of ['organizes', 'nombres', 'partidos', 'comrades', 'interested', 'capitalism.']) {
      const pieces = splitToken(word, word.endsWith('s') ? 'es' : 'en', true);
      const last = pieces[pieces.length - 1]!;
      expect(last.letters, word).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps trailing and leading punctuation on the outer pieces', () => {
    const pieces = texts('“organization,”');
    expect(pieces[0]!.startsWith('“')).toBe(true);
    expect(pieces[pieces.length - 1]!.endsWith(',”')).toBe(true);
  });

  it('never hyphenates addresses but lets them break after / . @ -', () => {
    expect(isAddress('https://example.org/a-path/page')).toBe(true);
    expect(isAddress('desk@galley.example')).toBe(true);
    const url = splitToken('https://example.org/international-solidarity', 'en', true);
    expect(url.every((p) => p.after !== 'hyphen')).toBe(true);
    expect(url.map((p) => p.text).join('')).toBe('https://example.org/international-solidarity');
    expect(url.length).toBeGreaterThan(3);
    const mail = splitToken('desk@galley.example', 'en', true).map((p) => p.text);
    expect(mail).toEqual(['desk@', 'galley.', 'example']);
  });

  it('breaks after dashes without an added hyphen', () => {
    const pieces = splitToken('5—“Now', 'en', true);
    expect(pieces[0]).toMatchObject({ text: '5—', after: 'free' });
  });
});
