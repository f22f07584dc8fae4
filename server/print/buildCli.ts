/**
 * Bundles the render command line (server/print/cli.ts and what it imports)
 * into one plain JavaScript file, dist/print/render.mjs, so `npm run render`
 * starts without tsx: through tsx, a render spent about half a second of its
 * two seconds of CPU loading the TypeScript loader and compiling module by
 * module. Run by `npm run build` and `npm test`:
 *
 *   node --import tsx server/print/buildCli.ts
 *
 * Beside the bundle, render.inputs.json lists every file it was built from,
 * so server/print/renderCommand.mjs (the launcher) runs the bundle only while none
 * of them changed, and the TypeScript source otherwise.
 */
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Loaded from node_modules at run time, never bundled: sharp is native code
 * (and loaded only when a picture must be decoded); pdfkit finds its standard
 * fonts and colour profile through paths relative to its own files, and it
 * brings fontkit, which the engine must share with it (one copy, parsed fonts
 * reused by both).
 */
export const EXTERNAL = ['sharp', 'pdfkit', 'fontkit'];

export interface BundleResult {
  outfile: string;
  /** Files the bundle was built from, relative to the project root. */
  inputs: string[];
}

/**
 * The engine imports the hyphenation patterns of both languages, and a
 * render uses one: loading both cost a render about 30 ms of CPU (the
 * patterns are large array literals), and even unused they made the bundle
 * 0.3 MB larger to parse. In the bundle each `hyphen/patterns/<lang>`
 * import becomes a small module whose three parts (level table, trie,
 * exceptions) require that language's patterns from node_modules the first
 * time a word of it is hyphenated (the engine source is unchanged).
 */
const lazyHyphenPatterns: Plugin = {
  name: 'lazy-hyphen-patterns',
  setup(b) {
    b.onResolve({ filter: /^hyphen\/patterns\/(en-us|es)$/ }, (args) =>
      args.namespace === 'lazy-hyphen' ? { path: args.path, external: true } : args.kind === 'import-statement' ? { path: args.path, namespace: 'lazy-hyphen' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-hyphen' }, (args) => ({
      resolveDir: ROOT,
      contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\nexport default { get 0() { return load()[0]; }, get 1() { return load()[1]; }, get 2() { return load()[2]; } };\n`,
    }));
  },
};

/** Bundles one TypeScript entry into an ES module that plain node runs. */
export async function bundleScript(entry: string, outfile: string): Promise<BundleResult> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    metafile: true,
    plugins: [lazyHyphenPatterns],
    logLevel: 'warning',
    // CommonJS packages inside the bundle (hyphen's patterns) still call require().
    banner: { js: "import { createRequire as galleyCreateRequire } from 'node:module';\nconst require = galleyCreateRequire(import.meta.url);" },
  });
  // Only real files: esbuild names generated modules "<...>" or "namespace:path".
  return { outfile, inputs: Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<') && !/^[a-z-]+:/.test(f)) };
}

export const CLI_BUNDLE = path.join(ROOT, 'dist/print/render.mjs');
export const CLI_INPUTS = path.join(ROOT, 'dist/print/render.inputs.json');

/** Builds dist/print/render.mjs and its list of inputs (written last: the launcher trusts the pair). */
export async function buildCli(): Promise<BundleResult> {
  fs.rmSync(CLI_INPUTS, { force: true });
  const result = await bundleScript('server/print/cli.ts', CLI_BUNDLE);
  fs.writeFileSync(CLI_INPUTS, JSON.stringify(result.inputs, null, 1) + '\n');
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { inputs } = await buildCli();
  console.log(`${path.relative(ROOT, CLI_BUNDLE)}: render command line bundled from ${inputs.length} files`);
}
