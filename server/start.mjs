/**
 * `npm start`: runs the server bundled into one plain JavaScript file
 * (dist/server/main.mjs) when it is at least as new as every file it was
 * built from, and otherwise rebuilds it first (esbuild takes a fraction of
 * a second). Through the tsx loader the server spent about 1.5 s of a 2.5 s
 * start resolving and compiling its ~130 TypeScript modules one by one.
 * Without esbuild (a production install) it runs the TypeScript source
 * through tsx, as before. Plain JavaScript: it must start without tsx.
 *
 *   node server/start.mjs          start Galley
 *   node server/start.mjs --build  only (re)build the bundle (npm run build)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'server/main.ts';
const OUT_DIR = path.join(ROOT, 'dist/server');
const BUNDLE = path.join(OUT_DIR, 'main.mjs');
const INPUTS = path.join(OUT_DIR, 'main.inputs.json');

function bundleIsFresh() {
  try {
    const built = fs.statSync(BUNDLE).mtimeMs;
    const files = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
    return files.length > 0 && files.every((f) => fs.statSync(path.join(ROOT, f)).mtimeMs <= built);
  } catch {
    return false; // no build yet, or a source file moved
  }
}

/**
 * Every server file keeps the import.meta.url of its source file, so paths
 * computed from it (migrations, templates, worker entry files, dist/client)
 * resolve exactly as when the source runs through tsx.
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * Packages are bundled too (loading express, zod, ws and yjs file by file
 * from node_modules took about a third of the start), except those that
 * must stay in node_modules: native code (better-sqlite3, sharp), packages
 * that find files relative to their own paths (pdfkit) or must be the one
 * copy pdfkit uses (fontkit), and the build tools.
 */
const EXTERNAL = ['better-sqlite3', 'sharp', 'pdfkit', 'fontkit', 'tsx', 'esbuild'];

async function buildBundle() {
  const { build } = await import('esbuild');
  const tmp = `${OUT_DIR}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    // The layout desk's render worker too: through tsx a worker thread spent
    // about a second compiling the engine and the PDF code before its first
    // page (server/layout/renderWorker.mjs runs this one while it is fresh).
    // The typesetting worker of layout requests likewise (typesetWorker.mjs).
    entryPoints: { main: ENTRY, renderWorker: 'server/layout/renderWorker.ts', typesetWorker: 'server/layout/typesetWorker.ts' },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    // Modules the server imports on first use (fonts, the typesetting engine)
    // become chunks of their own, so their packages load then, not at start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    external: EXTERNAL,
    plugins: [keepSourceUrls],
    // CommonJS packages inside the bundle (express, hyphen's patterns) still call require().
    banner: { js: "import { createRequire as galleyCreateRequire } from 'node:module';\nconst require = galleyCreateRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<'));
  // Chunks first (named by their content hash), the entry next, its list of
  // inputs last: a server starting meanwhile finds a complete build or a
  // stale one, never half of one. Chunks of older builds stay a day, as a
  // server still running an older build may import one of them later.
  const chunks = path.join(OUT_DIR, 'chunks');
  fs.mkdirSync(chunks, { recursive: true });
  const fresh = new Set(fs.readdirSync(path.join(tmp, 'chunks')));
  for (const chunk of fresh) fs.renameSync(path.join(tmp, 'chunks', chunk), path.join(chunks, chunk));
  for (const chunk of fs.readdirSync(chunks)) {
    const file = path.join(chunks, chunk);
    if (!fresh.has(chunk) && Date.now() - fs.statSync(file).mtimeMs > 24 * 3600_000) fs.rmSync(file, { force: true });
  }
  fs.renameSync(path.join(tmp, 'renderWorker.mjs'), path.join(OUT_DIR, 'renderWorker.mjs'));
  fs.renameSync(path.join(tmp, 'typesetWorker.mjs'), path.join(OUT_DIR, 'typesetWorker.mjs'));
  fs.renameSync(path.join(tmp, 'main.mjs'), BUNDLE);
  fs.writeFileSync(path.join(tmp, 'main.inputs.json'), JSON.stringify(inputs, null, 1) + '\n');
  fs.renameSync(path.join(tmp, 'main.inputs.json'), INPUTS);
  fs.rmSync(tmp, { recursive: true, force: true });
  return inputs;
}

/** Builds the bundle; false when it cannot be built here (no esbuild in a production install). */
async function tryBuild() {
  try {
    await buildBundle();
    return true;
  } catch (err) {
    console.error(`Running the TypeScript source (the server bundle could not be built: ${err instanceof Error ? err.message : err})`);
    return false;
  }
}

if (process.argv.includes('--build')) {
  const inputs = await buildBundle();
  console.log(`${path.relative(ROOT, BUNDLE)}: server bundled from ${inputs.length} files`);
} else if (bundleIsFresh() || (await tryBuild())) {
  await import(pathToFileURL(BUNDLE).href);
} else {
  const tsx = await import('tsx/esm/api');
  tsx.register();
  await import(pathToFileURL(path.join(ROOT, ENTRY)).href);
}
