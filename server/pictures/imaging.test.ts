import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultRecipe, type Recipe } from '../../shared/pictures/recipe';
import { planRendition, renderRendition } from './imaging';

/** Unit tests of the imaging module on pictures drawn here. */

const size = { width: 400, height: 300 };

/** Flat grey with a square of one-pixel black-and-white checks (fine detail, like a face's features) at (100,75). */
async function pictureWith(detail: 'checks' | 'flat'): Promise<Buffer> {
  const raw = Buffer.alloc(size.width * size.height * 3, 128);
  if (detail === 'checks') {
    for (let y = 75; y < 225; y++) {
      for (let x = 100; x < 250; x++) {
        const v = (x + y) % 2 === 0 ? 0 : 255;
        raw.fill(v, (y * size.width + x) * 3, (y * size.width + x) * 3 + 3);
      }
    }
  }
  return sharp(raw, { raw: { ...size, channels: 3 } }).png().toBuffer();
}

describe('blur regions', () => {
  it('leave nothing of the detail they cover: fine checks and flat grey of the same average come out the same', async () => {
    const recipe: Recipe = {
      ...defaultRecipe(),
      sharpen: 0,
      blur: [{ shape: 'rect', x: 0.2, y: 0.2, w: 0.5, h: 0.6 }],
    };
    const spec = { kind: 'web', width: 480, format: 'jpeg' } as const;
    const checks = await renderRendition(await pictureWith('checks'), size, recipe, spec);
    const flat = await renderRendition(await pictureWith('flat'), size, recipe, spec);
    const region = { left: 100, top: 80, width: 160, height: 150 };
    const a = await sharp(checks.data).extract(region).grayscale().raw().toBuffer();
    const b = await sharp(flat.data).extract(region).grayscale().raw().toBuffer();
    let largest = 0;
    for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]! - b[i]!));
    // Without the blur region the two pictures differ by 128 grey levels in that square.
    expect(largest).toBeLessThanOrEqual(6);
  });
});

describe('planRendition', () => {
  it('sizes print to the frame at 300 ppi and cuts around the focal point', () => {
    const recipe: Recipe = { ...defaultRecipe(), focal: { x: 1, y: 0.5 } };
    const plan = planRendition({ width: 4000, height: 2000 }, recipe, { kind: 'print', widthPt: 280.8, heightPt: 280.8, ink: 'black' });
    expect([plan.width, plan.height]).toEqual([1170, 1170]);
    // A square out of a 2:1 picture, pushed right to the focal point.
    expect(plan.source).toEqual({ left: 2000, top: 0, width: 2000, height: 2000 });
    expect(plan.gray).toBe(true);
  });

  it('never enlarges a web rendition and keeps the crop proportions', () => {
    const recipe: Recipe = { ...defaultRecipe(), crop: { x: 0, y: 0, w: 0.5, h: 1 } };
    const plan = planRendition({ width: 1000, height: 600 }, recipe, { kind: 'web', width: 1600, format: 'webp' });
    expect([plan.width, plan.height]).toEqual([500, 600]);
  });
});

describe('image jobs', () => {
  it('all finish when many are asked for at once (they take turns)', async () => {
    const original = await pictureWith('checks');
    const specs = Array.from({ length: 7 }, (_, i) => ({ kind: 'web', width: 480, format: i % 2 ? 'jpeg' : 'webp' }) as const);
    const made = await Promise.all(specs.map((spec) => renderRendition(original, size, defaultRecipe(), spec)));
    expect(made.map((m) => m.width)).toEqual(Array(7).fill(400));
    expect(made[0]!.data.equals(made[2]!.data)).toBe(true);
  });
});
