/**
 * `npm run render`: runs the bundled command line (dist/print/render.mjs,
 * made by `npm run build`) when it is at least as new as every file it was
 * built from, and otherwise the TypeScript source through tsx, so an edited
 * checkout never runs stale code. Plain JavaScript: it must start without tsx.
 */
import fs from 'node:fs';
import v8 from 'node:v8';

// A render is a process of about a second. V8's optimizing compiler
// (TurboFan) spent more CPU on its own threads compiling the hot code of a
// render (about 0.8 s of 2 s) than its faster code saved; without it the
// render takes about 40% less CPU and no more wall time. Set before any of
// the render's code runs. The server's long-lived render worker keeps it.
v8.setFlagsFromString('--no-opt');

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
