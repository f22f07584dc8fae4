import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One measured figure, printed as `name: value unit`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** Prints each figure on its own line and writes the same to bench/results/<part>.json. */
export function report(part: string, figures: Figure[]): void {
  for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const out = { part, measuredAt: new Date().toISOString(), figures };
  fs.writeFileSync(path.join(RESULTS, `${part}.json`), JSON.stringify(out, null, 2) + '\n');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
