/**
 * The render worker: typesets and draws a layout off the server's main
 * thread, so rendering never stalls anyone's typing. Messages to the parent:
 * {type:'progress', done, total}, then {type:'done', report} or {type:'error', message}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderLayoutPdf, type LayoutRenderInput } from './pdf';

const port = parentPort!;
renderLayoutPdf(workerData as LayoutRenderInput, (done, total) => port.postMessage({ type: 'progress', done, total })).then(
  (report) => port.postMessage({ type: 'done', report }),
  (err: unknown) => port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
