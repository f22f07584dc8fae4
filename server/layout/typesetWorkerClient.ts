/**
 * The main thread's side of the typesetting worker (typesetWorker.ts): the
 * server gathers a layout and its articles' text (cheap reads) and hands
 * the setting itself to one long-lived worker thread, so the thread that
 * relays everyone's keystrokes never waits on the typesetting engine.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FontRole } from '../../shared/typeset/index';
import type { ArticleFit } from '../../shared/layout/setting';
import type { ArticleCopy, LayoutData, LayoutIssue } from '../../shared/layout/types';

export interface TypesetRequest {
  id: number;
  /** Which setter (and so which cached stories) to use: one per layout. */
  key: string;
  layout: LayoutData;
  copies: [string, ArticleCopy | null][];
  fontFiles: Record<FontRole, string>;
}

export type TypesetAnswer =
  | { id: number; ok: true; articles: ArticleFit[]; issues: LayoutIssue[] }
  | { id: number; ok: false; message: string };

export interface TypesetResult {
  articles: ArticleFit[];
  issues: LayoutIssue[];
}

const WORKER_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'typesetWorker.mjs');
/**
 * An idle worker is stopped after this long. Generous: it holds the setters'
 * caches, and starting it again costs a second or so (in the worker, not here).
 */
const IDLE_MS = 10 * 60_000;

interface Pending {
  worker: Worker;
  resolve: (result: TypesetResult) => void;
  reject: (err: Error) => void;
}

export class LayoutTypesetter {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  /** Sets a layout in the worker; rejects when the setting fails or the worker dies. */
  set(key: string, layout: LayoutData, copies: Map<string, ArticleCopy | null>, fontFiles: Record<FontRole, string>): Promise<TypesetResult> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    const request: TypesetRequest = { id, key, layout, copies: [...copies], fontFiles };
    return new Promise<TypesetResult>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage(request);
    });
  }

  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_FILE);
    // A setting in progress must not keep a stopping server's process alive.
    worker.unref();
    worker.on('message', (a: TypesetAnswer) => {
      const waiting = this.pending.get(a.id);
      if (!waiting) return;
      this.pending.delete(a.id);
      if (a.ok) waiting.resolve({ articles: a.articles, issues: a.issues });
      else waiting.reject(new Error(a.message));
      this.whenIdle();
    });
    worker.on('error', () => undefined); // reported through 'exit'
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      // Only requests to this worker fail; the next one starts a new worker.
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(new Error(`the typesetting worker stopped unexpectedly (exit code ${code})`));
      }
    });
    return worker;
  }

  private whenIdle(): void {
    if (this.pending.size > 0) return;
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }
}
