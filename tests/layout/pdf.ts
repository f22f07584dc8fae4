import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The PDF's text lines in drawing order (poppler's pdftotext -raw), spaces collapsed. */
export function pdfLines(pdf: Uint8Array): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galley-pdf-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return text.split(/[\n\f]/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function pdfPageCount(pdf: Uint8Array): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galley-pdf-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** Where `lines` occur one after another in `all` (-1 when they do not). */
export function indexOfRun(all: string[], lines: string[]): number {
  const want = lines.map((l) => l.replace(/\s+/g, ' ').trim());
  for (let i = 0; i + want.length <= all.length; i++) {
    if (want.every((l, k) => all[i + k] === l)) return i;
  }
  return -1;
}
