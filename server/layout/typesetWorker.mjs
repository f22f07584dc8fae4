// The typesetting worker's entry. Plain JavaScript, because a worker thread
// does not inherit the loader hooks that let the server run TypeScript. As
// renderWorker.mjs does, it runs the worker bundled with the server
// (dist/server/typesetWorker.mjs, made by `npm run build:server` and by
// `npm start` when stale) while that is at least as new as every file the
// server bundle was built from: the first layout is then set in a fraction
// of the time tsx takes to compile the engine module by module. In an
// edited checkout (or before any build) tsx's API loads the TypeScript.
import fs from 'node:fs';

const root = new URL('../../', import.meta.url);
const bundle = new URL('dist/server/typesetWorker.mjs', root);
const inputs = new URL('dist/server/main.inputs.json', root);

function bundleIsFresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const files = JSON.parse(fs.readFileSync(inputs, 'utf8'));
    return files.includes('server/layout/typesetWorker.ts') && files.every((f) => fs.statSync(new URL(f, root)).mtimeMs <= built);
  } catch {
    return false; // no build yet, or a source file moved: run the source
  }
}

if (bundleIsFresh()) {
  await import(bundle.href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('./typesetWorker.ts', import.meta.url);
}
