import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import type { DB } from '../../server/db/database';

/** Real picture files made by the tests themselves (sharp draws, exiftool writes metadata). */

const run = promisify(execFile);

export const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'galley-pictures-'));

/** A photo-like image: smooth gradients with fine noise on top, so it has detail everywhere. */
export async function noisyPhoto(width: number, height: number): Promise<Buffer> {
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      gradient[i] = Math.round((255 * x) / width);
      gradient[i + 1] = Math.round((255 * y) / height);
      gradient[i + 2] = 128;
    }
  }
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } },
  })
    .raw()
    .toBuffer();
  for (let i = 0; i < gradient.length; i++) gradient[i] = Math.round(gradient[i]! * 0.4 + noise[i]! * 0.6);
  return sharp(gradient, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

/** The private facts written into the camera photo; none may survive the upload. */
export const SECRETS = {
  serial: 'SN-CAMERA-774411',
  creator: 'Dolores Secretname',
  comment: 'meeting behind the depot',
  gpsLatitude: '51.5072',
  gpsLongitude: '0.1276',
  iptcByline: 'Organiser Ramirez',
};

/** A JPEG with GPS position, camera serial, XMP creator, IPTC byline and a comment, written by exiftool. */
export async function photoWithSecrets(dir: string): Promise<Buffer> {
  const file = path.join(dir, 'phone.jpg');
  fs.writeFileSync(file, await noisyPhoto(640, 480));
  await run('exiftool', [
    '-overwrite_original',
    `-GPSLatitude=${SECRETS.gpsLatitude}`,
    '-GPSLatitudeRef=N',
    `-GPSLongitude=${SECRETS.gpsLongitude}`,
    '-GPSLongitudeRef=W',
    `-SerialNumber=${SECRETS.serial}`,
    '-Make=PhoneMaker',
    '-Model=Phone 12',
    `-XMP-dc:Creator=${SECRETS.creator}`,
    `-IPTC:By-line=${SECRETS.iptcByline}`,
    `-Comment=${SECRETS.comment}`,
    file,
  ]);
  return fs.readFileSync(file);
}

/** exiftool's reading of a file, grouped by where each tag lives (EXIF, XMP, IPTC, ICC...). */
export async function exifTags(bytes: Buffer, dir: string): Promise<Record<string, unknown>> {
  return (await exifTagsOfMany({ probe: bytes }, dir)).probe!;
}

/** The same for many files in one exiftool run (it is a Perl program: starting it costs more than reading). */
export async function exifTagsOfMany(
  files: Record<string, Buffer>,
  dir: string,
): Promise<Record<string, Record<string, unknown>>> {
  const probeDir = fs.mkdtempSync(path.join(dir, 'probe-'));
  const names = Object.keys(files);
  const paths = names.map((name, i) => {
    const file = path.join(probeDir, `${i}.bin`);
    fs.writeFileSync(file, files[name]!);
    return file;
  });
  // Asynchronously: the server under test shares this process and must keep answering meanwhile.
  const { stdout: out } = await run('exiftool', ['-j', '-G1', '-a', ...paths], { encoding: 'utf8', maxBuffer: 16 << 20 });
  fs.rmSync(probeDir, { recursive: true });
  const byPath = new Map((JSON.parse(out) as Record<string, unknown>[]).map((tags) => [tags.SourceFile as string, tags]));
  return Object.fromEntries(names.map((name, i) => [name, byPath.get(paths[i]!)!]));
}

/**
 * A landscape picture stored sideways, as a phone does: pixels 600 wide and
 * 400 high with a red block in the stored top-left corner, and EXIF
 * Orientation 6 ("rotate 90° clockwise to view"). Upright it is 400 x 600
 * with the red block in the top-right corner.
 */
export async function sidewaysPhonephoto(dir: string): Promise<Buffer> {
  const marked = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3060a0' } })
    .composite([{ input: { create: { width: 80, height: 80, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer();
  const file = path.join(dir, 'sideways.jpg');
  fs.writeFileSync(file, marked);
  await run('exiftool', ['-overwrite_original', '-n', '-Orientation=6', file]);
  return fs.readFileSync(file);
}

/** Mean colour of a rectangle of an image. */
export async function meanColour(
  image: Buffer,
  rect: { left: number; top: number; width: number; height: number },
): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).extract(rect).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) for (let c = 0; c < 3; c++) sums[c]! += data[i + c]!;
  const n = data.length / info.channels;
  return [sums[0]! / n, sums[1]! / n, sums[2]! / n];
}

/**
 * Variance of the Laplacian of a rectangle's grey values: a standard measure
 * of how much fine detail (edges, texture, facial features) a region holds.
 */
export async function laplacianVariance(
  image: Buffer,
  rect: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const { data, info } = await sharp(image).extract(rect).grayscale().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const values: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const at = (dx: number, dy: number) => data[(y + dy) * width + x + dx]!;
      values.push(at(-1, 0) + at(1, 0) + at(0, -1) + at(0, 1) - 4 * at(0, 0));
    }
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
}

/**
 * A valid PNG declaring 30,000 x 30,000 pixels (900 megapixels) that is
 * tiny on disk: one-bit grey rows of zeros compress about a thousand to one.
 */
export function decompressionBombPng(side = 30_000): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + packed pixels
  const pixels = zlib.deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The start of a HEIC file as an iPhone writes it: an ISO-BMFF 'ftyp' box
 * with major brand 'heic', then a 'meta' box. (This sharp build cannot
 * encode HEVC, so the test builds the container by hand; the server must
 * recognise it from these bytes alone.)
 */
export function heicFile(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'ascii');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'ascii');
  const meta = Buffer.alloc(64);
  meta.writeUInt32BE(64, 0);
  meta.write('meta', 4, 'ascii');
  return Buffer.concat([ftyp, meta]);
}

/** Every file under a folder with its size: "nothing stored" means this does not change. */
export function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => {
      const full = path.join(d.parentPath, d.name);
      return `${path.relative(root, full)} ${fs.statSync(full).size}`;
    })
    .sort();
}

export function pictureRowCounts(db: DB): { pictures: number; recipes: number } {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { pictures: count('pictures'), recipes: count('picture_recipes') };
}

/**
 * Posts a file the way the desk does: multipart, field "file". Each upload
 * goes on a fresh connection: the server runs inside the test process, and
 * a pooled keep-alive connection could be closed by the server's idle timer
 * just as a long synchronous step in the test hands it the next request.
 */
export function uploadPicture(
  serverUrl: string,
  cookie: string | null,
  bytes: Buffer,
  name = 'photo.jpg',
  type = 'image/jpeg',
  opts: { field?: string; chunked?: boolean } = {},
): Promise<Response> {
  const boundary = `galley${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers: http.OutgoingHttpHeaders = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (cookie) headers.cookie = cookie;
  if (!opts.chunked) headers['content-length'] = head.length + bytes.length + tail.length;
  return new Promise((resolve, reject) => {
    const req = http.request(`${serverUrl}/api/pictures`, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const answerHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') answerHeaders.set(k, v);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode!, headers: answerHeaders }));
      });
    });
    req.on('error', reject);
    req.write(head);
    // Sent in pieces, as a browser would.
    for (let at = 0; at < bytes.length; at += 1 << 20) req.write(bytes.subarray(at, at + (1 << 20)));
    req.end(tail);
  });
}
