import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The PDF's text in drawing order, as poppler extracts it: its `lines`
 * (pdftotext -raw, spaces collapsed) and its `words` (pdftotext -raw -bbox).
 * Raw lines put a space only at gaps of 0.15 em or more, so a tightly
 * justified line loses its spaces there; the word boxes split words at
 * smaller gaps, as viewers do when text is copied. indexOfRun uses both.
 */
export interface PdfText {
  lines: string[];
  words: string[];
}

function pdftotext(pdf: Uint8Array, args: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galley-pdf-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return text;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };

export function pdfLines(pdf: Uint8Array): PdfText {
  const lines = pdftotext(pdf, ['-raw']).split(/[\n\f]/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const words = [...pdftotext(pdf, ['-raw', '-bbox']).matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!.replace(/&[a-z#0-9]+;/g, (e) => ENTITIES[e] ?? e));
  return { lines, words };
}

/** Whether `run` occurs one after another in `all`, from index `i`. */
const runAt = (all: string[], run: string[], i: number) => run.every((x, k) => all[i + k] === x);

/**
 * Where `lines` occur one after another in the PDF's drawing order (-1 when
 * they do not): the same line breaks, and the same words one after another.
 */
export function indexOfRun(text: PdfText, lines: string[]): number {
  const want = lines.map((l) => l.replace(/\s+/g, ' ').trim());
  const words = want.flatMap((l) => (l ? l.split(' ') : []));
  let wordsFound = false;
  for (let i = 0; i + words.length <= text.words.length && !wordsFound; i++) wordsFound = runAt(text.words, words, i);
  if (!wordsFound) return -1;
  const bare = (l: string) => l.replace(/ /g, '');
  const all = text.lines.map(bare);
  const wantBare = want.map(bare);
  for (let i = 0; i + want.length <= all.length; i++) if (runAt(all, wantBare, i)) return i;
  return -1;
}

export function pdfPageCount(pdf: Uint8Array): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galley-pdf-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

