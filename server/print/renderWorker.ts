/**
 * Worker-thread entry: renders the job in workerData and posts a message per
 * completed page, then the result (or the error). See worker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PrintError } from './errors';
import { renderEdition, type RenderJob } from './render';
import type { WorkerMessage } from './worker';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

renderEdition(workerData as RenderJob, (p) => post({ type: 'progress', ...p })).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'error', message: (err as Error).message ?? String(err), printError: err instanceof PrintError }),
);
