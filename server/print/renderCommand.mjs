/**
 * `npm run render`: runs the bundled command line (dist/print/render.mjs,
 * made by `npm run build`) when it is at least as new as every file it was
 * built from, and otherwise the TypeScript source through tsx, so an edited
 * checkout never runs stale code. Plain JavaScript: it must start without tsx.
 */
import fs from 'node:fs';

const root = new URL('../../', import.meta.url);
const bundle = new URL('dist/print/render.mjs', root);
const inputs = new URL('dist/print/render.inputs.json', root);

function bundleIsFresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const files = JSON.parse(fs.readFileSync(inputs, 'utf8'));
    return files.length > 0 && files.every((f) => fs.statSync(new URL(f, root)).mtimeMs <= built);
  } catch {
    return false; // no build yet, or a source file moved: run the source
  }
}

if (bundleIsFresh()) {
  await import(bundle.href);
} else {
  const tsx = await import('tsx/esm/api');
  tsx.register();
  await import(new URL('server/print/cli.ts', root).href);
}
