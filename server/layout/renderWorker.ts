/**
 * The render worker: typesets and draws layouts off the server's main
 * thread, so rendering never stalls anyone's typing. It takes one
 * LayoutRenderInput at a time and answers {type:'progress', done, total}
 * per page, then {type:'done', report} or {type:'error', message}.
 */
import { parentPort } from 'node:worker_threads';
import { renderLayoutPdf, type LayoutRenderInput } from './pdf';

const port = parentPort!;
port.on('message', (input: LayoutRenderInput) => {
  renderLayoutPdf(input, (done, total) => port.postMessage({ type: 'progress', done, total })).then(
    (report) => port.postMessage({ type: 'done', report }),
    (err: unknown) => port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
});
