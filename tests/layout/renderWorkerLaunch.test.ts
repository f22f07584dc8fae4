/**
 * The layout desk's worker threads (server/layout/renderWorker.mjs and
 * typesetWorker.mjs, both through runWorker.mjs) run the
 * workers bundled with the server while fresh, and the TypeScript
 * source through tsx otherwise. Checked on a copy of the launcher in a small
 * tree whose "bundle" and "source" say which one ran, started as the server
 * starts it: as a worker thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
// Inside the project (tmp/ is not committed), so the launcher copy finds tsx
// in node_modules; not under node_modules, where tsx leaves files untranspiled.
fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const tree = fs.mkdtempSync(path.join(ROOT, 'tmp', 'galley-worker-launch-test-'));
afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
  fs.writeFileSync(path.join(tree, rel), text);
}

function setAge(rel: string, secondsAgo: number): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(path.join(tree, rel), t, t);
}

/** Starts the launcher copy of a worker as a worker thread and returns what it first says. */
function launch(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(tree, `server/layout/${name}.mjs`));
    worker.once('message', (m: string) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

describe('worker launchers (render and typesetting)', () => {
  for (const name of ['renderWorker', 'typesetWorker']) {
    it(`${name}: runs the bundled worker only while every file the server bundle was built from is older`, async () => {
      for (const launcher of [`${name}.mjs`, 'runWorker.mjs']) write(`server/layout/${launcher}`, fs.readFileSync(path.join(ROOT, 'server/layout', launcher), 'utf8'));
      write(`server/layout/${name}.ts`, "import { parentPort } from 'node:worker_threads';\nconst from: string = 'source';\nparentPort!.postMessage(from);\n");
      write(`dist/server/${name}.mjs`, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage('bundle');\n");
      write('dist/server/main.inputs.json', JSON.stringify([`server/layout/${name}.ts`]));

      setAge(`server/layout/${name}.ts`, 60);
      setAge(`dist/server/${name}.mjs`, 30);
      expect(await launch(name)).toBe('bundle');

      setAge(`server/layout/${name}.ts`, 10); // edited after the build
      expect(await launch(name)).toBe('source');

      setAge(`server/layout/${name}.ts`, 60);
      fs.rmSync(path.join(tree, 'dist/server/main.inputs.json')); // a build that did not finish
      expect(await launch(name)).toBe('source');
    }, 60_000);
  }
});
