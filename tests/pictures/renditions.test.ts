import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameWidthPt, ptToPrintPx } from '../../shared/pictures/limits';
import { NEWSPRINT_TONE, defaultRecipe, toneCurve, type Recipe } from '../../shared/pictures/recipe';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { printRenditionFile, printSourceFor } from '../../server/pictures/forPrint';
import { laplacianVariance, listFiles, meanColour, noisyPhoto, uploadPicture } from './fixtures';

/** Renditions from original + recipe: right size, rebuilt on change, identical bytes when rebuilt, blur that hides. */

let server: TestServer;
let cookie: string;
let pictureId: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ cookie } = await memberWithCookie(server.db, server.url));
  const res = await uploadPicture(server.url, cookie, await noisyPhoto(1200, 800));
  expect(res.status).toBe(201);
  pictureId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await server.close();
});

async function rendition(query: string): Promise<Buffer> {
  const res = await fetch(`${server.url}/api/pictures/${pictureId}/renditions/${query}`, { headers: { cookie } });
  expect(res.status, `${query}: ${res.status}`).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function putRecipe(recipe: Recipe): Promise<{ recipeId: number; state: string; canUndo: boolean; canRedo: boolean; recipe: Recipe }> {
  const res = await api(server.url, 'PUT', `/pictures/${pictureId}/recipe`, { cookie, body: recipe });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const twoColumnCrop: Recipe = {
  ...defaultRecipe(),
  crop: { x: 0.1, y: 0.1, w: 0.6, h: 0.55 },
  frame: { columns: 2, heightPt: 200 },
  grayscale: false,
};

describe('the print rendition', () => {
  it('is the frame size at 300 ppi, grayscale for black-only pages, colour when asked', async () => {
    await putRecipe(twoColumnCrop);
    const print = await sharp(await rendition('print')).metadata();
    expect(print.format).toBe('jpeg');
    expect(print.width).toBe(ptToPrintPx(frameWidthPt(2))); // 280.8 pt -> 1170 px
    expect(print.width).toBe(1170);
    expect(print.height).toBe(ptToPrintPx(200));
    expect(print.channels).toBe(1);
    const colour = await sharp(await rendition('print?ink=color')).metadata();
    expect(colour.channels).toBe(3);
    // The layout may ask for another frame: cut around the focal point to that shape.
    const wide = await sharp(await rendition('print?widthPt=720&heightPt=150')).metadata();
    expect([wide.width, wide.height]).toEqual([3000, 625]);
  });

  it('applies the newsprint tone: no paper-white highlights, no solid shadows', async () => {
    const white = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff' } })
      .composite([{ input: { create: { width: 150, height: 200, channels: 3, background: '#000000' } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const res = await uploadPicture(server.url, cookie, white, 'halves.png', 'image/png');
    const { id } = (await res.json()) as { id: string };
    const get = async () =>
      Buffer.from(await (await fetch(`${server.url}/api/pictures/${id}/renditions/print`, { headers: { cookie } })).arrayBuffer());
    const toned = await get();
    const [shadow] = await meanColour(toned, { left: 20, top: 20, width: 100, height: 100 });
    const [highlight] = await meanColour(toned, { left: 1040, top: 20, width: 100, height: 100 });
    // Black prints as the deepest ink newsprint holds (90%, less what the press adds back), not a solid that plugs.
    const curve = toneCurve(NEWSPRINT_TONE);
    expect(curve[0]).toBeGreaterThan(30);
    expect(Math.abs(shadow - curve[0]!)).toBeLessThan(2);
    // White keeps a small dot (3% less the gain), so highlights do not show bare paper.
    expect(curve[255]).toBeLessThan(254);
    expect(Math.abs(highlight - curve[255]!)).toBeLessThan(2);
    // Mid-grey is lightened to allow for dot gain: the printed 50% dot comes out near 50%.
    expect(curve[128]).toBeGreaterThan(128 + 15);
    const off = { ...defaultRecipe(), tone: { ...defaultRecipe().tone, enabled: false }, sharpen: 0 };
    expect((await api(server.url, 'PUT', `/pictures/${id}/recipe`, { cookie, body: off })).status).toBe(200);
    const plain = await get();
    expect((await meanColour(plain, { left: 20, top: 20, width: 100, height: 100 }))[0]).toBeLessThan(5);
    expect((await meanColour(plain, { left: 1040, top: 20, width: 100, height: 100 }))[0]).toBeGreaterThan(250);
  });
});

describe('determinism and the cache', () => {
  it('gives identical bytes for the same recipe, also after the cache is emptied, and new bytes for a new recipe', async () => {
    await putRecipe({ ...twoColumnCrop, rotate: 90, flipH: true, blur: [{ shape: 'ellipse', x: 0.2, y: 0.2, w: 0.3, h: 0.3 }] });
    const queries = ['print', 'print?ink=color', 'web?width=960&format=webp', 'web?width=480&format=jpeg', 'thumb', 'thumb?format=jpeg'];
    const first = await Promise.all(queries.map(rendition));
    // Empty the rendition cache: everything is made again from scratch.
    fs.rmSync(path.join(server.dataDir, 'files', 'renditions'), { recursive: true, force: true });
    const second = await Promise.all(queries.map(rendition));
    for (let i = 0; i < queries.length; i++) expect(second[i]!.equals(first[i]!), queries[i]).toBe(true);

    const changed = await putRecipe({ ...twoColumnCrop, rotate: 90, flipH: true, grayscale: true });
    expect(changed.recipe.grayscale).toBe(true);
    const rebuilt = await rendition('web?width=960&format=webp');
    expect(rebuilt.equals(first[2]!)).toBe(false);
    expect((await sharp(rebuilt).stats()).isOpaque).toBe(true);
  });
});

describe('rotation, flips and crop', () => {
  it('turns and mirrors the picture as the desk shows it before cutting the crop', async () => {
    // A 300 x 200 picture with a red block at its top-left corner.
    const marked = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2050a0' } })
      .composite([{ input: { create: { width: 60, height: 60, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const { id } = (await (await uploadPicture(server.url, cookie, marked, 'm.png', 'image/png')).json()) as { id: string };
    const web = async (recipe: Recipe) => {
      expect((await api(server.url, 'PUT', `/pictures/${id}/recipe`, { cookie, body: recipe })).status).toBe(200);
      const res = await fetch(`${server.url}/api/pictures/${id}/renditions/web?width=480&format=jpeg`, { headers: { cookie } });
      return Buffer.from(await res.arrayBuffer());
    };
    const redAt = async (image: Buffer) => {
      const { width, height } = await sharp(image).metadata();
      const corners = {
        topLeft: { left: 5, top: 5 },
        topRight: { left: width! - 25, top: 5 },
        bottomLeft: { left: 5, top: height! - 25 },
        bottomRight: { left: width! - 25, top: height! - 25 },
      };
      const red: string[] = [];
      for (const [name, at] of Object.entries(corners)) {
        const [r, , b] = await meanColour(image, { ...at, width: 20, height: 20 });
        if (r > 200 && b < 80) red.push(name);
      }
      return { size: [width, height], red };
    };
    const base = { ...defaultRecipe(), sharpen: 0 };
    expect(await redAt(await web(base))).toEqual({ size: [300, 200], red: ['topLeft'] });
    expect(await redAt(await web({ ...base, rotate: 90 }))).toEqual({ size: [200, 300], red: ['topRight'] });
    expect(await redAt(await web({ ...base, rotate: 90, flipH: true }))).toEqual({ size: [200, 300], red: ['topLeft'] });
    expect(await redAt(await web({ ...base, rotate: 270, flipV: true }))).toEqual({ size: [200, 300], red: ['topLeft'] });
    expect(await redAt(await web({ ...base, rotate: 180 }))).toEqual({ size: [300, 200], red: ['bottomRight'] });
    expect(await redAt(await web({ ...base, flipV: true }))).toEqual({ size: [300, 200], red: ['bottomLeft'] });
    // Crop the right two thirds after a quarter turn: the red corner (now top-right) stays inside.
    expect(await redAt(await web({ ...base, rotate: 90, crop: { x: 0.5, y: 0, w: 0.5, h: 0.5 } }))).toEqual({
      size: [100, 150],
      red: ['topRight'],
    });
  });
});

describe('blur regions', () => {
  it('leave a region without recognisable detail while the rest keeps it', async () => {
    // Stated thresholds (grey levels², variance of the 4-neighbour Laplacian):
    // the noisy photo measures in the thousands; JPEG quantisation alone
    // leaves about 5-10 in a perfectly smooth area. A region counts as
    // stripped of detail below 15; the untouched control must stay above 500.
    const BLURRED_MAX = 15;
    const CONTROL_MIN = 500;
    const recipe: Recipe = {
      ...defaultRecipe(),
      // Two columns (1170 px) from a 1200 px original: no enlargement softening the control.
      frame: { columns: 2, heightPt: null },
      tone: { ...defaultRecipe().tone, enabled: false },
      sharpen: 0,
      blur: [
        { shape: 'rect', x: 0.05, y: 0.1, w: 0.4, h: 0.5 },
        { shape: 'ellipse', x: 0.55, y: 0.5, w: 0.3, h: 0.4 },
      ],
    };
    await putRecipe(recipe);
    const print = await rendition('print');
    const { width, height } = await sharp(print).metadata();
    expect(width).toBe(1170);
    const box = (x: number, y: number, w: number, h: number) => ({
      left: Math.round(x * width!),
      top: Math.round(y * height!),
      width: Math.round(w * width!),
      height: Math.round(h * height!),
    });
    // Inside the rectangle (a margin in from its edge), inside the ellipse (its central part), and an untouched control.
    const inRect = await laplacianVariance(print, box(0.08, 0.13, 0.34, 0.44));
    const inEllipse = await laplacianVariance(print, box(0.65, 0.62, 0.1, 0.16));
    const control = await laplacianVariance(print, box(0.55, 0.05, 0.35, 0.35));
    expect(inRect).toBeLessThan(BLURRED_MAX);
    expect(inEllipse).toBeLessThan(BLURRED_MAX);
    expect(control).toBeGreaterThan(CONTROL_MIN);

    // Every rendition hides the region, the thumbnail and web sizes too.
    const web = await rendition('web?width=960&format=jpeg');
    const w = (await sharp(web).metadata()).width!;
    const h = (await sharp(web).metadata()).height!;
    expect(await laplacianVariance(web, { left: Math.round(0.08 * w), top: Math.round(0.13 * h), width: Math.round(0.34 * w), height: Math.round(0.44 * h) })).toBeLessThan(BLURRED_MAX);
  });
});

describe('recipe history', () => {
  it('keeps every saved recipe; undo and redo move through them and the renditions follow', async () => {
    const a = await putRecipe({ ...defaultRecipe(), grayscale: false });
    const webA = await rendition('web?width=480&format=webp');
    const b = await putRecipe({ ...defaultRecipe(), grayscale: true });
    expect(b.state).toBe('formatted');
    expect(b.canUndo).toBe(true);
    const webB = await rendition('web?width=480&format=webp');
    expect(webB.equals(webA)).toBe(false);

    const undone = await api(server.url, 'POST', `/pictures/${pictureId}/recipe/undo`, { cookie });
    expect(undone.status).toBe(200);
    expect(undone.body.recipeId).toBe(a.recipeId);
    expect(undone.body.recipe.grayscale).toBe(false);
    expect(undone.body.canRedo).toBe(true);
    expect((await rendition('web?width=480&format=webp')).equals(webA)).toBe(true);

    const redone = await api(server.url, 'POST', `/pictures/${pictureId}/recipe/redo`, { cookie });
    expect(redone.body.recipeId).toBe(b.recipeId);
    expect((await rendition('web?width=480&format=webp')).equals(webB)).toBe(true);
    expect((await api(server.url, 'POST', `/pictures/${pictureId}/recipe/redo`, { cookie })).status).toBe(409);

    const history = await api(server.url, 'GET', `/pictures/${pictureId}/recipes`, { cookie });
    expect(history.body.history.length).toBeGreaterThanOrEqual(3);
    expect(history.body.history.filter((h: { current: boolean }) => h.current).map((h: { id: number }) => h.id)).toEqual([b.recipeId]);
    // The renditions of a replaced recipe are removed (tests/pictures/garbage.test.ts);
    // going back remakes them byte for byte (above). What is left of this
    // picture's is the one rendition of its current recipe.
    const { original_sha256: sha } = server.db.prepare('SELECT original_sha256 FROM pictures WHERE id = ?').get(pictureId) as {
      original_sha256: string;
    };
    expect(listFiles(path.join(server.dataDir, 'files', 'renditions', sha))).toHaveLength(1);
  });

  it('refuses a recipe that makes no sense, naming the field', async () => {
    const bad = await api(server.url, 'PUT', `/pictures/${pictureId}/recipe`, {
      cookie,
      body: { ...defaultRecipe(), crop: { x: 0.8, y: 0, w: 0.5, h: 1 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/crop.*outside/);
    const turn = await api(server.url, 'PUT', `/pictures/${pictureId}/recipe`, { cookie, body: { ...defaultRecipe(), rotate: 45 } });
    expect(turn.status).toBe(400);
    expect(turn.body.error).toMatch(/rotate/);
    const kind = await fetch(`${server.url}/api/pictures/${pictureId}/renditions/poster`, { headers: { cookie } });
    expect(kind.status).toBe(400);
    const width = await fetch(`${server.url}/api/pictures/${pictureId}/renditions/web?width=123`, { headers: { cookie } });
    expect(width.status).toBe(400);
    expect(((await width.json()) as { error: string }).error).toMatch(/480, 960, 1600/);
  });
});

describe('the page renderer entry point', () => {
  it('gives the same print file as the API for the same frame', async () => {
    const source = printSourceFor(server.db, pictureId);
    const file = await printRenditionFile(server.dataDir, source, { ink: 'black' });
    expect(fs.readFileSync(file).equals(await rendition('print'))).toBe(true);
    const wide = await printRenditionFile(server.dataDir, source, { widthPt: 720, heightPt: 150, ink: 'black' });
    expect((await sharp(wide).metadata()).width).toBe(3000);
  });
});
