import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS } from '../../shared/pictures/limits';
import { memberWithCookie } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  decompressionBombPng,
  heicFile,
  listFiles,
  noisyPhoto,
  pictureRowCounts,
  uploadPicture,
} from './fixtures';

/**
 * Bad uploads: each gets a clear refusal a person can act on, nothing is
 * stored (the files folder and the tables are exactly as before), and the
 * server goes on answering.
 */

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ cookie } = await memberWithCookie(server.db, server.url));
  // One good picture first, so "nothing changed" is checked against a non-empty store.
  expect((await uploadPicture(server.url, cookie, await noisyPhoto(200, 150))).status).toBe(201);
});
afterAll(async () => {
  await server.close();
});

async function expectRefused(
  send: () => Promise<Response>,
  status: number,
  message: RegExp,
): Promise<void> {
  const filesBefore = listFiles(path.join(server.dataDir, 'files'));
  const rowsBefore = pictureRowCounts(server.db);
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error?: string };
  expect(body.error).toMatch(message);
  expect(listFiles(path.join(server.dataDir, 'files'))).toEqual(filesBefore);
  expect(pictureRowCounts(server.db)).toEqual(rowsBefore);
  // Still up, still serving.
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
  const list = await fetch(`${server.url}/api/pictures`, { headers: { cookie } });
  expect(((await list.json()) as { pictures: unknown[] }).pictures.length).toBe(rowsBefore.pictures);
}

describe('refused uploads', () => {
  it('a text file named .jpg', async () => {
    const text = Buffer.from('Minutes of the meeting.\nThis is not a photo at all.\n');
    await expectRefused(() => uploadPicture(server.url, cookie, text, 'photo.jpg', 'image/jpeg'), 415, /not a picture.*JPEG, PNG/);
  });

  it('a truncated JPEG', async () => {
    const whole = await noisyPhoto(800, 600);
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.6));
    await expectRefused(() => uploadPicture(server.url, cookie, truncated), 400, /damaged or incomplete/);
  });

  it('a 30,000 x 30,000 PNG that is tiny on disk (a decompression bomb), before it is decoded', async () => {
    const bomb = decompressionBombPng();
    expect(bomb.length).toBeLessThan(400 * 1024);
    const header = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([header.width, header.height]).toEqual([30_000, 30_000]);
    expect(30_000 * 30_000).toBeGreaterThan(MAX_PICTURE_PIXELS);
    const rssBefore = process.memoryUsage().rss;
    await expectRefused(() => uploadPicture(server.url, cookie, bomb, 'poster.png', 'image/png'), 413, /30000 × 30000 pixels.*Scale it down/);
    // Decoding it would take at least 900 MB (a byte per pixel, three once in colour); the server (in
    // this same process) grew by far less, so it never decoded the picture.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(500 * 1024 * 1024);
  });

  it('a file over the byte limit', async () => {
    // A real JPEG start, padded past the limit: refused for its size alone.
    const big = Buffer.alloc(MAX_PICTURE_BYTES + 1024, 0x20);
    (await noisyPhoto(64, 64)).copy(big);
    await expectRefused(() => uploadPicture(server.url, cookie, big), 413, /larger than the 80 MB/);
  });

  it('a file over the byte limit sent without a length (chunked), cut off by the stream limit', async () => {
    const big = Buffer.alloc(MAX_PICTURE_BYTES + 1024, 0x20);
    await expectRefused(() => uploadPicture(server.url, cookie, big, 'big.jpg', 'image/jpeg', { chunked: true }), 413, /larger than/);
  });

  it('a HEIC photo, named as what it is', async () => {
    await expectRefused(() => uploadPicture(server.url, cookie, heicFile(), 'IMG_0042.jpg', 'image/jpeg'), 415, /HEIC.*Export it as JPEG/);
  });

  it('an upload by someone not logged in', async () => {
    await expectRefused(() => uploadPicture(server.url, null, Buffer.from('x')), 401, /log in/i);
    await expectRefused(async () => uploadPicture(server.url, null, await noisyPhoto(100, 100)), 401, /log in/i);
    // A big body too: the refusal arrives (the server reads the upload to its end instead of resetting the connection).
    const big = Buffer.alloc(30 * 1024 * 1024, 0x20);
    (await noisyPhoto(64, 64)).copy(big);
    await expectRefused(() => uploadPicture(server.url, null, big), 401, /log in/i);
  });

  it('a request that is not multipart, or has no file field', async () => {
    await expectRefused(
      () => fetch(`${server.url}/api/pictures`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' }),
      400,
      /multipart\/form-data/,
    );
    const photo = await noisyPhoto(50, 50);
    await expectRefused(() => uploadPicture(server.url, cookie, photo, 'a.jpg', 'image/jpeg', { field: 'picture' }), 400, /field named "file"/);
  });
});

describe('accepted formats are recognised by content, not by name', () => {
  it('takes PNG, WebP, AVIF and TIFF whatever they are called', async () => {
    const base = sharp(await noisyPhoto(120, 90));
    const samples: [string, Buffer][] = [
      ['png', await base.clone().png().toBuffer()],
      ['webp', await base.clone().webp().toBuffer()],
      ['avif', await base.clone().avif({ effort: 0 }).toBuffer()],
      ['tiff', await base.clone().tiff().toBuffer()],
    ];
    for (const [kind, bytes] of samples) {
      const res = await uploadPicture(server.url, cookie, bytes, `wrongly-named-${kind}.txt`, 'text/plain');
      expect(res.status, kind).toBe(201);
      const picture = (await res.json()) as { width: number; height: number; format: string };
      expect([picture.width, picture.height], kind).toEqual([120, 90]);
      expect(picture.format, kind).toBe(kind === 'png' ? 'png' : 'jpeg');
    }
  });
});
