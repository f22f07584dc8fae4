import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { es } from '../../client/src/i18n/es';
import { format } from '../../client/src/i18n/index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// The type system already refuses a missing Spanish key; these catch what it
// cannot: a placeholder lost in translation, or English pasted in as Spanish.
describe('interface strings', () => {
  it('fill the same placeholders in English and Spanish', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('are translated, not copied', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((key) => en[key] === es[key]);
    // Only the product's name reads the same in both languages.
    expect(same).toEqual(['app.name']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(en['editions.issueN'], { number: 47 })).toBe('Issue 47');
    expect(format(es['editions.issueN'], { number: 47 })).toBe('Número 47');
    expect(format('Hello {who}', {})).toBe('Hello {who}');
  });
});
