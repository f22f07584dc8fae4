// Starts a worker thread's TypeScript entry (server/layout/<name>.ts).
// Plain JavaScript, because a worker thread does not inherit the loader
// hooks that let the server run TypeScript. It runs the entry bundled with
// the server (dist/server/<name>.mjs, made by `npm run build:server` and by
// `npm start` when stale) while that is at least as new as every file the
// server bundle was built from: the bundle starts in a fraction of the time
// tsx takes to compile the engine and the PDF code module by module. In an
// edited checkout (or before any build) tsx's API loads the TypeScript.
import fs from 'node:fs';

const root = new URL('../../', import.meta.url);
const inputs = new URL('dist/server/main.inputs.json', root);

function bundleIsFresh(bundle, source) {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const files = JSON.parse(fs.readFileSync(inputs, 'utf8'));
    return files.includes(source) && files.every((f) => fs.statSync(new URL(f, root)).mtimeMs <= built);
  } catch {
    return false; // no build yet, or a source file moved: run the source
  }
}

/** Imports the worker entry `name` (e.g. 'renderWorker'), bundled when fresh. */
export async function runWorker(name) {
  const bundle = new URL(`dist/server/${name}.mjs`, root);
  if (bundleIsFresh(bundle, `server/layout/${name}.ts`)) {
    await import(bundle.href);
  } else {
    const { tsImport } = await import('tsx/esm/api');
    await tsImport(`./${name}.ts`, import.meta.url);
  }
}
