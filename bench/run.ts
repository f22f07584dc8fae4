import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, type Figure } from './report';

/**
 * `npm run bench [part ...]`: runs each part in bench/parts/ (or the named
 * ones). A part exports `run(): Promise<Figure[]>`.
 */
const PARTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parts');

async function main(): Promise<void> {
  const available = fs
    .readdirSync(PARTS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  const wanted = process.argv.slice(2);
  for (const name of wanted) {
    if (!available.includes(name)) throw new Error(`No benchmark part "${name}". Parts: ${available.join(', ')}`);
  }
  for (const part of wanted.length ? wanted : available) {
    console.log(`# ${part}`);
    const mod = (await import(path.join(PARTS_DIR, `${part}.ts`))) as { run: () => Promise<Figure[]> };
    report(part, await mod.run());
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
