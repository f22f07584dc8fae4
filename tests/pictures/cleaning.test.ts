import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithCookie } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { SECRETS, exifTags, exifTagsOfMany, listFiles, meanColour, photoWithSecrets, sidewaysPhonephoto, tempDir, uploadPicture } from './fixtures';

/** Cleaning on arrival: what is stored and served holds no metadata, and sideways phone photos stand up. */

let server: TestServer;
let cookie: string;
const scratch = tempDir();

beforeAll(async () => {
  server = await startTestServer();
  ({ cookie } = await memberWithCookie(server.db, server.url));
});
afterAll(async () => {
  await server.close();
});

async function get(pathname: string): Promise<Buffer> {
  const res = await fetch(`${server.url}/api${pathname}`, { headers: { cookie } });
  expect(res.status, pathname).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The tag groups exiftool reports for metadata that could identify a person, place or camera. */
const IDENTIFYING = /^(GPS|IFD0|ExifIFD|IFD1|XMP|IPTC|ICC|Photoshop|MakerNotes|Apple|File:Comment)/;

describe('a phone photo with GPS, serial number, XMP and IPTC', () => {
  it('comes out of the upload, the stored original and every rendition without any of it', async () => {
    const photo = await photoWithSecrets(scratch);
    const before = await exifTags(photo, scratch);
    // The fixture really carries the secrets (otherwise the test proves nothing).
    expect(JSON.stringify(before)).toContain(SECRETS.serial);
    expect(JSON.stringify(before)).toContain(SECRETS.creator);
    expect(Object.keys(before).some((k) => k.startsWith('GPS:'))).toBe(true);

    const res = await uploadPicture(server.url, cookie, photo);
    expect(res.status).toBe(201);
    const picture = (await res.json()) as { id: string };

    const served: Record<string, Buffer> = {
      original: await get(`/pictures/${picture.id}/original`),
      print: await get(`/pictures/${picture.id}/renditions/print`),
      printColour: await get(`/pictures/${picture.id}/renditions/print?ink=color`),
      thumb: await get(`/pictures/${picture.id}/renditions/thumb`),
      thumbJpeg: await get(`/pictures/${picture.id}/renditions/thumb?format=jpeg`),
    };
    for (const width of [480, 960, 1600]) {
      for (const format of ['webp', 'jpeg']) {
        served[`web${width}${format}`] = await get(`/pictures/${picture.id}/renditions/web?width=${width}&format=${format}`);
      }
    }
    // And what lies on disk, read directly rather than through the API.
    const onDisk = listFiles(path.join(server.dataDir, 'files')).map((line) => line.split(' ')[0]!);
    expect(onDisk.length).toBe(Object.keys(served).length); // the original and one file per rendition asked for
    for (const rel of onDisk) served[`disk:${rel}`] = fs.readFileSync(path.join(server.dataDir, 'files', rel));

    const tagsOf = await exifTagsOfMany(served, scratch);
    for (const [name, bytes] of Object.entries(served)) {
      const tags = tagsOf[name]!;
      const text = JSON.stringify(tags);
      for (const secret of Object.values(SECRETS)) expect(text, `${name} holds ${secret}`).not.toContain(secret);
      const identifying = Object.keys(tags).filter((k) => IDENTIFYING.test(k));
      expect(identifying, `${name} still has metadata`).toEqual([]);
      // Nor anywhere in the bytes, in case exiftool cannot parse some block.
      for (const secret of [SECRETS.serial, SECRETS.creator, SECRETS.comment, SECRETS.iptcByline]) {
        expect(bytes.includes(Buffer.from(secret)), `${name} bytes hold ${secret}`).toBe(false);
      }
    }
  }, 90_000);
});

describe('a photo stored sideways with EXIF Orientation 6', () => {
  it('is stored upright: width and height swapped, the marked corner top-right', async () => {
    const photo = await sidewaysPhonephoto(scratch);
    expect((await exifTags(photo, scratch))['IFD0:Orientation']).toBe('Rotate 90 CW');
    const stored = await sharp(photo).metadata();
    expect([stored.width, stored.height]).toEqual([600, 400]);

    const res = await uploadPicture(server.url, cookie, photo, 'IMG_0001.JPG');
    expect(res.status).toBe(201);
    const picture = (await res.json()) as { id: string; width: number; height: number };
    expect([picture.width, picture.height]).toEqual([400, 600]);

    const original = await get(`/pictures/${picture.id}/original`);
    const meta = await sharp(original).metadata();
    expect([meta.width, meta.height]).toEqual([400, 600]);
    expect(meta.orientation ?? 1).toBe(1);
    const topRight = await meanColour(original, { left: 400 - 60, top: 10, width: 50, height: 50 });
    const topLeft = await meanColour(original, { left: 10, top: 10, width: 50, height: 50 });
    expect(topRight[0]).toBeGreaterThan(200);
    expect(topRight[2]).toBeLessThan(60);
    expect(topLeft[0]).toBeLessThan(100);

    // The web rendition is upright too.
    const web = await get(`/pictures/${picture.id}/renditions/web?width=480&format=jpeg`);
    const webMeta = await sharp(web).metadata();
    expect([webMeta.width, webMeta.height]).toEqual([400, 600]);
    expect((await meanColour(web, { left: 340, top: 10, width: 50, height: 50 }))[0]).toBeGreaterThan(200);
  });
});

describe('colour', () => {
  it('converts a picture with a wide-gamut ICC profile to sRGB and drops the profile', async () => {
    // sharp writes this sRGB green into the file as Display P3 numbers, with the P3 profile embedded.
    const srgb = { r: 40, g: 200, b: 60 };
    const p3 = await sharp({ create: { width: 64, height: 64, channels: 3, background: srgb } })
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(Object.keys(await exifTags(p3, scratch)).some((k) => k.startsWith('ICC'))).toBe(true);
    const asStored = await sharp(p3, { ignoreIcc: true }).raw().toBuffer();
    // Read without its profile the file holds different numbers (a program ignoring the profile would show the wrong green).
    expect(Math.abs(asStored[0]! - srgb.r)).toBeGreaterThan(15);

    const res = await uploadPicture(server.url, cookie, p3);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const original = await get(`/pictures/${id}/original`);
    expect(Object.keys(await exifTags(original, scratch)).some((k) => k.startsWith('ICC'))).toBe(false);
    // The stored numbers are the sRGB ones: the colour is kept although the profile is gone.
    const raw = await sharp(original, { ignoreIcc: true }).extract({ left: 8, top: 8, width: 48, height: 48 }).raw().toBuffer();
    expect(Math.abs(raw[0]! - srgb.r)).toBeLessThanOrEqual(4);
    expect(Math.abs(raw[1]! - srgb.g)).toBeLessThanOrEqual(4);
    expect(Math.abs(raw[2]! - srgb.b)).toBeLessThanOrEqual(4);
  });
});
