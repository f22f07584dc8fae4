import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DB } from '../db/database';

/**
 * Moves WAL checkpoints off the event loop.
 *
 * By default SQLite checkpoints inside the commit that pushes the WAL past
 * 1,000 pages: that commit copies the pages into the database file and
 * fsyncs it, which can take tens or hundreds of milliseconds on a busy
 * disk, and the whole server (every editor's keystrokes) waits. With the
 * group commit writing hundreds of small transactions a second, that is a
 * stall every few seconds. Here the server's own connection never
 * checkpoints; a worker thread with its own connection runs PASSIVE
 * checkpoints (which never block writers) every `intervalMs`.
 *
 * Durability is unchanged: a commit is in the WAL file when it returns
 * (synchronous=NORMAL), checkpointed or not.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err)); }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Last checkpoint, then closes the worker's connection (before the server's own closes). */
  stop(): Promise<void>;
}

export function startCheckpointer(db: DB, intervalMs: number, log: (m: string) => void): Checkpointer {
  if (db.memory) return { stop: async () => {} };
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name, intervalMs },
  });
  worker.unref();
  worker.on('message', (m: string) => log(`collab: background checkpoint failed: ${m}`));
  let failed = false;
  worker.on('error', (err) => {
    // Without the worker, fall back to SQLite's own checkpoints.
    failed = true;
    log(`collab: checkpoint worker stopped (${err.message}); SQLite checkpoints by itself again`);
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      if (!failed) worker.postMessage('stop');
      await exited;
    },
  };
}
