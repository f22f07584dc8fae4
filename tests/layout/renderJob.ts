import { expect } from 'vitest';
import { api } from '../helpers/http';

export interface Job { id: string; status: string; done: number; total: number; error: string | null; pdfUrl: string | null; report: { articles: { articleId: string; lineTexts: string[]; overMatterLines: number; overMatterText: string }[]; issues: { message: { en: string } }[] } }

/** Starts a render and polls it to the end, keeping every progress value seen. */
export async function renderAndWait(url: string, cookie: string, editionId: string, body: object): Promise<{ job: Job; seen: number[]; pdf: Uint8Array }> {
  const started = await api<Job>(url, 'POST', `/editions/${editionId}/renders`, { cookie, body });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const seen: number[] = [started.body.done];
  let job = started.body;
  const deadline = Date.now() + 120_000;
  while (job.status !== 'done' && job.status !== 'failed' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 15));
    job = (await api<Job>(url, 'GET', `/renders/${job.id}`, { cookie })).body;
    seen.push(job.done);
  }
  expect(job.error).toBe(null);
  expect(job.status).toBe('done');
  const res = await fetch(`${url}${job.pdfUrl}`, { headers: { cookie } });
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return { job, seen, pdf: new Uint8Array(await res.arrayBuffer()) };
}

