/**
 * The render worker: typesets and draws layouts off the server's main
 * thread, so rendering never stalls anyone's typing. It takes one
 * LayoutRenderInput at a time and answers {type:'progress', done, total}
 * per page, then {type:'done', report} or {type:'error', message}.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderLayoutPdf, type LayoutRenderInput } from './pdf';

// On Linux a thread has its own nice value: lower this one's, so that on a
// busy two-core server the main thread (relaying everyone's keystrokes)
// gets the processor first and the render takes what is left. Elsewhere,
// or where it is not allowed, the render simply runs at normal priority.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 15);
} catch {
  // not Linux, or not permitted: nothing to do
}

const port = parentPort!;
port.on('message', (input: LayoutRenderInput) => {
  renderLayoutPdf(input, (done, total) => port.postMessage({ type: 'progress', done, total })).then(
    (report) => port.postMessage({ type: 'done', report }),
    (err: unknown) => port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
});
