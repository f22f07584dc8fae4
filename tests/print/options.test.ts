/** Black-only output and bleed with crop marks, checked with Ghostscript and poppler. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderInWorker } from '../../server/print/worker';
import { REFERENCE, smallEdition, tempDir, writeJson } from './fixtures';
import { boxes, inkCoverage, pageSizes } from './poppler';

const dir = tempDir('options');
const PHOTO = path.join(path.dirname(REFERENCE), 'images/img01.jpg');
const small = writeJson(dir, 'small.json', smallEdition({ imageFile: PHOTO }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('print options', () => {
  it('black-only output uses no cyan, magenta or yellow ink on any page (rendered in a worker thread)', async () => {
    const out = path.join(dir, 'black.pdf');
    const progress: number[] = [];
    const result = await renderInWorker({ editionFile: REFERENCE, lang: 'es', out, blackOnly: true }, (p) => progress.push(p.page));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.pages).toBe(8);
    const ink = inkCoverage(out);
    expect(ink).toHaveLength(8);
    for (const [c, m, y, k] of ink) {
      expect([c, m, y]).toEqual([0, 0, 0]);
      expect(k).toBeGreaterThan(0);
    }
  }, 60_000);

  it('colour output keeps the pictures in colour', async () => {
    const out = path.join(dir, 'colour.pdf');
    await renderInWorker({ editionFile: small, lang: 'en', out });
    const ink = inkCoverage(out);
    expect(ink[0]![0]! + ink[0]![1]! + ink[0]![2]!).toBeGreaterThan(0);
  }, 60_000);

  it('bleed sets TrimBox and BleedBox around the 792 x 1224 trim, with room for crop marks', async () => {
    const out = path.join(dir, 'bleed.pdf');
    await renderInWorker({ editionFile: small, lang: 'en', out, bleedPt: 9 });
    const info = boxes(out);
    const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info)!.slice(1).map(Number);
    const bleed = /BleedBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(trim[2]! - trim[0]!).toBeCloseTo(792, 3);
    expect(trim[3]! - trim[1]!).toBeCloseTo(1224, 3);
    expect(trim[0]! - bleed[0]!).toBeCloseTo(9, 3);
    expect(pageSizes(out)[0]).not.toBe('792 x 1224');
  }, 60_000);
});
