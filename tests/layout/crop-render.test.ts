import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { memberWithCookie } from '../helpers/factories';
import { connectClient, synced } from '../collab/clients';
import { addFrame, addPage, readLayout, setCrop } from '../../shared/layout/doc';
import { bodyArea, frameRect } from '../../shared/layout/grid';
import type { PictureCrop } from '../../shared/layout/types';
import { renderAndWait } from './renderJob';

/**
 * A crop set on the desk reaches the PDF: a wide picture, red on its left
 * half and blue on its right, in a narrow frame shows red with the focal
 * point at the left edge, blue at the right, and both halves when centred.
 */
describe('a picture crop in the rendered PDF', () => {
  let server: TestServer;
  let cookie: string;
  let editionId: string;
  let pictureId: string;
  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    cookie = (await memberWithCookie(server.db, server.url, { role: 'member' })).cookie;
    editionId = (await api(server.url, 'GET', '/editions', { cookie })).body.editions[0].id;
    expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'en', place: true } })).status).toBe(201);
    const half = (r: number, b: number) => ({ input: { create: { width: 600, height: 400, channels: 3 as const, background: { r, g: 0, b } } } });
    const jpeg = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#fff' } })
      .composite([{ ...half(220, 0), left: 0, top: 0 }, { ...half(0, 220), left: 600, top: 0 }])
      .jpeg({ quality: 95 })
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'halves.jpg');
    const uploaded = await fetch(`${server.url}/api/pictures`, { method: 'POST', headers: { cookie }, body: form });
    expect(uploaded.status).toBe(201);
    pictureId = ((await uploaded.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The page's colour at points (x, y) of the trim, read from poppler's raster of the PDF. */
  async function colours(pdf: Uint8Array, points: { x: number; y: number }[]): Promise<{ r: number; b: number }[]> {
    const dir = fs.mkdtempSync(path.join(server.dataDir, 'crop-'));
    fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '36', '-png', '-singlefile', path.join(dir, 'p.pdf'), path.join(dir, 'p')]);
    const { data, info } = await sharp(path.join(dir, 'p.png')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return points.map(({ x, y }) => {
      const i = (Math.round(y / 2) * info.width + Math.round(x / 2)) * 3;
      return { r: data[i]!, b: data[i + 2]! };
    });
  }

  it('shows the part of the picture the crop chooses, centred when none is set', async () => {
    const client = connectClient(server.url, `layout.${editionId}.en`, cookie);
    await synced(client);
    const page = addPage(client.doc, { kind: 'inside', section: 'Pictures' }, undefined, 'pcrop');
    expect(page.ok).toBe(true);
    const area = bodyArea(readLayout(client.doc)!.template, 'inside');
    const placed = addFrame(client.doc, { kind: 'picture', pageId: 'pcrop', col: 0, span: 1, y: area.y, h: 300, pictureId }, 'fcrop');
    expect(placed.ok).toBe(true);
    const layout = readLayout(client.doc)!;
    const number = layout.pages.findIndex((p) => p.id === 'pcrop') + 1;
    const rect = frameRect(layout.template, layout.frames.find((f) => f.id === 'fcrop')!);
    // Sample inside the frame's middle, away from its edges.
    const middle = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
    const left = { x: rect.x + rect.w * 0.2, y: middle.y };
    const right = { x: rect.x + rect.w * 0.8, y: middle.y };

    const renderWith = async (crop: PictureCrop | null) => {
      expect(setCrop(client.doc, 'fcrop', crop).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      const { pdf } = await renderAndWait(server.url, cookie, editionId, { lang: 'en', pages: [number] });
      return colours(pdf, [left, middle, right]);
    };
    const red = (c: { r: number; b: number }) => c.r > 150 && c.b < 80;
    const blue = (c: { r: number; b: number }) => c.b > 150 && c.r < 80;

    const atLeft = await renderWith({ x: 0, y: 0.5, zoom: 1 });
    expect(atLeft.every(red), JSON.stringify(atLeft)).toBe(true);
    const atRight = await renderWith({ x: 1, y: 0.5, zoom: 1 });
    expect(atRight.every(blue), JSON.stringify(atRight)).toBe(true);
    const centred = await renderWith(null);
    expect(red(centred[0]!) && blue(centred[2]!), JSON.stringify(centred)).toBe(true);
    client.destroy();
  }, 60_000);
});
