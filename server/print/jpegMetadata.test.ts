import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripJpegMetadata } from './jpegMetadata';

function exif(file: string): Record<string, unknown> {
  return (JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file], { encoding: 'utf8' })) as Record<string, unknown>[])[0]!;
}

describe('stripping metadata from a JPEG without decoding it', () => {
  it('drops GPS, serial number, XMP and comments and keeps the same pixels', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-jpeg-'));
    const file = path.join(dir, 'phone.jpg');
    const pixels = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 30 } } })
      .jpeg({ quality: 90 })
      .toBuffer();
    fs.writeFileSync(file, pixels);
    execFileSync('exiftool', [
      '-q', '-overwrite_original',
      '-GPSLatitude=13.6929', '-GPSLatitudeRef=N', '-GPSLongitude=89.2182', '-GPSLongitudeRef=W',
      '-SerialNumber=CAM-4471-XZ', '-XMP-dc:Creator=Real Name', '-Comment=meeting at the union hall',
      file,
    ]);
    const before = exif(file);
    expect(JSON.stringify(before)).toMatch(/GPSLatitude.*CAM-4471-XZ|CAM-4471-XZ.*GPSLatitude/s);

    const stripped = stripJpegMetadata(fs.readFileSync(file));
    expect(stripped).not.toBeNull();
    const out = path.join(dir, 'clean.jpg');
    fs.writeFileSync(out, stripped!);
    const after = JSON.stringify(exif(out));
    for (const secret of ['GPS', 'CAM-4471-XZ', 'Real Name', 'union hall']) expect(after).not.toContain(secret);
    expect(stripped!.includes(Buffer.from('CAM-4471-XZ'))).toBe(false);

    const original = await sharp(file).raw().toBuffer();
    const cleaned = await sharp(out).raw().toBuffer();
    expect(cleaned.equals(original)).toBe(true);
  });

  it('answers null for bytes that are not a JPEG or stop before the image', () => {
    expect(stripJpegMetadata(Buffer.from('not a picture at all'))).toBeNull();
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40]))).toBeNull();
  });
});
