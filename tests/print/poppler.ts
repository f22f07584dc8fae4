/** Reading PDFs back with poppler and Ghostscript, as a reader's tools see them. */
import { execFileSync } from 'node:child_process';

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(Number(e.slice(1))),
  );
}

/** Words with their boxes on page `page`. */
export function wordBoxes(pdf: string, page: number): WordBox[] {
  const out = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const words: WordBox[] = [];
  for (const m of out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    words.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: decodeEntities(m[5]!) });
  }
  return words;
}

export function pdfText(pdf: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
}

export function pageSizes(pdf: string): string[] {
  return [...run('pdfinfo', ['-f', '1', '-l', '1000', pdf]).matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/g)].map((m) => m[1]!);
}

/** Rows of pdffonts: name and whether the font is embedded. */
export function fonts(pdf: string): { name: string; embedded: boolean }[] {
  const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID: emb is 5th from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** Ghostscript inkcov: C, M, Y, K coverage per page. */
export function inkCoverage(pdf: string): number[][] {
  return run('gs', ['-q', '-o', '-', '-sDEVICE=inkcov', pdf])
    .split('\n')
    .filter((l) => l.includes('CMYK'))
    .map((l) => l.trim().split(/\s+/).slice(0, 4).map(Number));
}

export function boxes(pdf: string): string {
  return run('pdfinfo', ['-box', pdf]);
}
