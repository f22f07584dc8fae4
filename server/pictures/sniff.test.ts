import { describe, expect, it } from 'vitest';
import { sniffImageKind } from './sniff';

const ftyp = (major: string, ...compatible: string[]) => {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write(`ftyp${major}`, 4, 'ascii');
  compatible.forEach((b, i) => box.write(b, 16 + 4 * i, 'ascii'));
  return box;
};

describe('sniffImageKind', () => {
  it('names files by their first bytes', () => {
    expect(sniffImageKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageKind(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).toBe('png');
    expect(sniffImageKind(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffImageKind(Buffer.from('II*\0', 'latin1'))).toBe('tiff');
    expect(sniffImageKind(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffImageKind(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniffImageKind(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg');
    expect(sniffImageKind(Buffer.from('hello'))).toBe('unknown');
    expect(sniffImageKind(Buffer.alloc(0))).toBe('unknown');
  });
  it('tells HEIC from AVIF by the ftyp brands', () => {
    expect(sniffImageKind(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(sniffImageKind(ftyp('mif1', 'mif1', 'heic'))).toBe('heic');
    expect(sniffImageKind(ftyp('avif', 'mif1', 'avif'))).toBe('avif');
    expect(sniffImageKind(ftyp('mif1', 'avif', 'mif1'))).toBe('avif');
    expect(sniffImageKind(ftyp('isom', 'mp41'))).toBe('unknown');
  });
});
