/**
 * Render jobs: a layout rendered to PDF in a worker thread, one at a time
 * (the server has two cores; typing must keep one), with progress per page.
 * The main thread only gathers the inputs (the layout, the articles' text,
 * the pictures' print renditions) and relays progress.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppContext } from '../context';
import { newId } from '../db/ids';
import { conflict, notFound } from '../errors';
import { currentRecipe, findPictureRow } from '../pictures/records';
import { RenditionCache } from '../pictures/renditions';
import { PictureFiles } from '../pictures/storage';
import type { Lang } from '../../shared/languages';
import { placedArticleIds } from '../../shared/layout/plan';
import { frameRect } from '../../shared/layout/grid';
import type { LayoutData } from '../../shared/layout/types';
import { wholePictureFile, wholePictureKey } from './cropPicture';
import { templateFontFiles } from './fonts';
import type { LayoutRenderInput, LayoutRenderReport } from './pdf';
import { articleCopies, findEdition, loadLayout, requireEditionLang } from './store';

export interface RenderOptions {
  lang: Lang;
  pages?: number[];
  blackOnly: boolean;
  bleedPt: number;
}

export interface RenderJob {
  id: string;
  editionId: string;
  lang: Lang;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** Pages drawn so far, of `total`. */
  done: number;
  total: number;
  error: string | null;
  report: LayoutRenderReport | null;
  createdAt: string;
  file: string;
}

/** Finished renders kept per server (their PDFs are deleted with them). */
const KEEP_JOBS = 20;
const WORKER_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'renderWorker.mjs');

export class RenderJobs {
  private readonly jobs = new Map<string, RenderJob>();
  private readonly queue: { job: RenderJob; input: () => Promise<LayoutRenderInput> }[] = [];
  private running = false;
  private readonly renditions: RenditionCache;
  private readonly dir: string;
  private readonly worker = new RenderWorker();

  constructor(private readonly ctx: AppContext) {
    this.renditions = new RenditionCache(new PictureFiles(ctx.config.dataDir));
    this.dir = path.join(ctx.config.dataDir, 'renders');
  }

  /** Stops the worker thread (server shutdown); a render still running fails with the worker's exit. */
  stop(): void {
    this.worker.stop();
  }

  get(id: string): RenderJob {
    const job = this.jobs.get(id);
    if (!job) throw notFound('No such render (renders are kept until the server restarts or twenty newer ones are made).');
    return job;
  }

  /** Checks the request now (a clear 4xx), then queues the work. */
  start(editionId: string, opts: RenderOptions): RenderJob {
    const edition = findEdition(this.ctx, editionId);
    requireEditionLang(edition, opts.lang);
    const layout = loadLayout(this.ctx, editionId, opts.lang);
    if (!layout) throw conflict(`There is no ${opts.lang === 'es' ? 'Spanish' : 'English'} layout of this edition yet: create it on the layout desk first.`);
    const pages = opts.pages?.filter((n) => n >= 1 && n <= layout.pages.length);
    if (opts.pages && pages!.length === 0) throw conflict(`pages: the layout has pages 1 to ${layout.pages.length}.`);
    fs.mkdirSync(this.dir, { recursive: true });
    const id = newId();
    const job: RenderJob = {
      id, editionId, lang: opts.lang, status: 'queued', done: 0, total: pages?.length ?? layout.pages.length,
      error: null, report: null, createdAt: new Date().toISOString(), file: path.join(this.dir, `${id}.pdf`),
    };
    this.jobs.set(id, job);
    this.forgetOld();
    this.queue.push({ job, input: () => this.gather(job, layout, edition.title, { ...opts, pages }) });
    void this.next();
    return job;
  }

  private async gather(job: RenderJob, layout: LayoutData, title: string, opts: RenderOptions): Promise<LayoutRenderInput> {
    const copies = articleCopies(this.ctx, placedArticleIds(layout.frames), opts.lang);
    const pictures: [string, string | null][] = [];
    for (const f of layout.frames) {
      const picture = f.kind === 'picture' ? { id: f.pictureId, w: frameRect(layout.template, f).w, h: f.h } : f.kind === 'story' && f.picture ? { id: f.picture.pictureId, w: frameRect(layout.template, f).w, h: f.picture.heightPt } : null;
      if (!picture) continue;
      const crop = f.kind === 'picture' ? f.crop : f.kind === 'story' ? f.picture?.crop : undefined;
      if (crop && !pictures.some(([id]) => id === wholePictureKey(picture.id))) {
        pictures.push([wholePictureKey(picture.id), await wholePictureFile(this.ctx.db, this.renditions, picture.id, picture, crop, opts.blackOnly)]);
      }
      if (pictures.some(([id]) => id === picture.id)) continue;
      pictures.push([picture.id, await this.printFile(picture.id, picture.w, picture.h, opts.blackOnly)]);
    }
    return { layout, copies: [...copies], pictures, fontFiles: templateFontFiles(layout.template), pages: opts.pages, blackOnly: opts.blackOnly, bleedPt: opts.bleedPt, out: job.file, title };
  }

  /** The picture desk's print rendition (its recipe's crop at the frame's size), or null without a file. */
  private async printFile(pictureId: string, widthPt: number, heightPt: number, blackOnly: boolean): Promise<string | null> {
    try {
      const row = findPictureRow(this.ctx.db, pictureId);
      const original = { sha: row.original_sha256, format: row.original_format, width: row.width, height: row.height };
      const made = await this.renditions.get(original, currentRecipe(this.ctx.db, row), { kind: 'print', widthPt, heightPt, ink: blackOnly ? 'black' : 'color' });
      return made.file;
    } catch {
      return null;
    }
  }

  private async next(): Promise<void> {
    if (this.running) return;
    const item = this.queue.shift();
    if (!item) return;
    this.running = true;
    const { job } = item;
    job.status = 'running';
    try {
      const input = await item.input();
      job.report = await this.worker.run(input, (done, total) => {
        job.done = done;
        job.total = total;
      });
      job.status = 'done';
    } catch (err) {
      job.status = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
      this.ctx.config.log(`render ${job.id} failed: ${job.error}`);
    } finally {
      this.running = false;
      void this.next();
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status === 'done' || j.status === 'failed');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_JOBS))) {
      this.jobs.delete(old.id);
      fs.rmSync(old.file, { force: true });
    }
  }
}

type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; report: LayoutRenderReport } | { type: 'error'; message: string };

/** An idle render worker is stopped after this long (starting one costs a second or two). */
const WORKER_IDLE_MS = 60_000;

/**
 * One long-lived worker thread, started on the first render and kept for
 * the next ones (it has parsed the fonts and compiled the engine already);
 * stopped when idle, started again after a crash.
 */
class RenderWorker {
  private worker: Worker | null = null;
  private idle: NodeJS.Timeout | null = null;

  run(input: LayoutRenderInput, onProgress: (done: number, total: number) => void): Promise<LayoutRenderReport> {
    if (this.idle) clearTimeout(this.idle);
    const worker = (this.worker ??= this.spawn());
    return new Promise<LayoutRenderReport>((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'progress') return onProgress(m.done, m.total);
        cleanup();
        if (m.type === 'done') resolve(m.report);
        else reject(new Error(m.message));
      };
      const onExit = (code: number) => {
        cleanup();
        this.worker = null;
        reject(new Error(`the render stopped unexpectedly (exit code ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage(input);
    }).finally(() => {
      this.idle = setTimeout(() => this.stop(), WORKER_IDLE_MS);
      this.idle.unref();
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_FILE);
    worker.unref();
    worker.on('error', () => undefined); // reported through 'exit'
    return worker;
  }

  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    void this.worker?.terminate();
    this.worker = null;
  }
}
