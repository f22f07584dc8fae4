import { describe, expect, it } from 'vitest';
import { fingerprint, hasText, normalizeText } from './fingerprint';

describe('fingerprint', () => {
  const samples = [
    '',
    '   ',
    'One word',
    '  Leading and trailing  ',
    'Tabs\tand\nnew lines\r\nand  doubles',
    'No\u00a0break\u2009thin\u3000ideographic\ufeffspaces',
    'Acentos: María, camión, ñandú',
  ];

  it('is the same for texts that differ only in spacing', () => {
    for (const text of samples) expect(fingerprint(text)).toBe(fingerprint(normalizeText(text)));
    expect(fingerprint('The council met.')).toBe(fingerprint('  The   council\nmet. '));
  });

  it('differs when a word changes, including accents and case', () => {
    const prints = new Set(['The council met.', 'The council meet.', 'the council met.', 'camion', 'camión', 'The council met'].map(fingerprint));
    expect(prints.size).toBe(6);
  });

  it('tells text from spacing', () => {
    expect(hasText(' \n\u00a0')).toBe(false);
    expect(hasText(' a ')).toBe(true);
  });
});
