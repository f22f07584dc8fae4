/**
 * Renders in a worker thread, so the server keeps serving collaboration while
 * a PDF is made. The layout desk calls:
 *
 *   const result = await renderInWorker(job, ({ page, pages }) => ...);
 *
 * Progress arrives once per completed page; the promise rejects with a
 * PrintError (bad input a person can fix) or an Error (a fault).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PrintError } from './errors';
import type { RenderJob, RenderProgress, RenderResult } from './render';

export type WorkerMessage =
  | ({ type: 'progress' } & RenderProgress)
  | { type: 'done'; result: RenderResult }
  | { type: 'error'; message: string; printError: boolean };

// The worker runs TypeScript source, so it registers tsx itself whatever
// started the parent (node --import tsx, vitest, ...): `--import` in a
// worker's execArgv does not reach the worker's own entry module on Node 20.
const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
const entry = new URL('./renderWorker.ts', import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;

export function renderInWorker(job: RenderJob, onProgress?: (p: RenderProgress) => void): Promise<RenderResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: job });
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.({ page: m.page, pages: m.pages });
      else if (m.type === 'done') {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        reject(m.printError ? new PrintError(m.message) : new Error(m.message));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`print worker stopped (exit code ${code}) before finishing`));
    });
  });
}
