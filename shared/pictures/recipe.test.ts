import { describe, expect, it } from 'vitest';
import { NEWSPRINT_TONE, canonicalRecipeJson, defaultRecipe, recipeSchema, toneCurve } from './recipe';
import { coverRect, cropPixels } from './geometry';
import { frameWidthPt, ptToPrintPx } from './limits';

describe('tone curve', () => {
  it('never reverses tones and stays inside the ink range', () => {
    const curve = toneCurve(NEWSPRINT_TONE);
    for (let v = 1; v < 256; v++) expect(curve[v]!).toBeGreaterThanOrEqual(curve[v - 1]!);
    expect(curve[0]).toBeGreaterThan(0);
    expect(curve[255]).toBeLessThan(255);
  });
  it('is the identity with no levels, full ink range and no dot gain', () => {
    const curve = toneCurve({ enabled: true, black: 0, white: 255, inkMin: 0, inkMax: 100, dotGain: 0 });
    for (let v = 0; v < 256; v++) expect(curve[v]).toBe(v);
  });
  it('gives a 50% dot that, grown by the press, prints as 50%', () => {
    const g = 0.2;
    const curve = toneCurve({ enabled: true, black: 0, white: 255, inkMin: 0, inkMax: 100, dotGain: 20 });
    const c = 1 - curve[128]! / 255;
    expect(c + 4 * g * c * (1 - c)).toBeCloseTo(1 - 128 / 255, 2);
  });
});

describe('recipe schema', () => {
  it('rounds fractions so that equal recipes hash equal', () => {
    const a = recipeSchema.parse({ ...defaultRecipe(), crop: { x: 0.1000001, y: 0, w: 0.5, h: 0.5 } });
    const b = recipeSchema.parse({ ...defaultRecipe(), crop: { x: 0.1, y: 0, w: 0.5, h: 0.5 } });
    expect(canonicalRecipeJson(a)).toBe(canonicalRecipeJson(b));
  });
  it('refuses a crop outside the picture and too many columns', () => {
    expect(recipeSchema.safeParse({ ...defaultRecipe(), crop: { x: 0.6, y: 0, w: 0.5, h: 1 } }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...defaultRecipe(), frame: { columns: 6, heightPt: null } }).success).toBe(false);
  });
});

describe('grid and geometry', () => {
  it('knows the tabloid frame widths', () => {
    expect(frameWidthPt(1)).toBeCloseTo(134.4);
    expect(frameWidthPt(2)).toBeCloseTo(280.8);
    expect(frameWidthPt(5)).toBeCloseTo(720);
    expect(ptToPrintPx(frameWidthPt(5))).toBe(3000);
  });
  it('keeps crops inside the picture and covers around the focal point', () => {
    expect(cropPixels({ width: 100, height: 50 }, null)).toEqual({ left: 0, top: 0, width: 100, height: 50 });
    const area = { left: 10, top: 10, width: 100, height: 50 };
    expect(coverRect(area, 1, { x: 0, y: 0.5 })).toEqual({ left: 10, top: 10, width: 50, height: 50 });
    expect(coverRect(area, 1, { x: 0.5, y: 0.5 })).toEqual({ left: 35, top: 10, width: 50, height: 50 });
  });
});
