import { REFERENCE_EDITION } from '../helpers/reference';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertClientBuilt, collectPageErrors, launchBrowser, newMemberContext } from '../helpers/browser';
import { createMember, loginCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { importReferenceEdition } from '../../server/layout/importReference';
import type { LayoutData } from '../../shared/layout/types';
import { indexOfRun, pdfLines } from './pdf';
import { renderAndWait } from './renderJob';

/** Body and subhead lines of every frame of the page shown for `lang`, as the desk draws them. */
async function linesOnPage(page: Page, lang: string): Promise<Record<string, string[]>> {
  return page.locator(`.page-column[data-lang="${lang}"] svg`).evaluate((svg) => {
    const out: Record<string, string[]> = {};
    for (const g of svg.querySelectorAll('g[data-frame]')) {
      const lines = [...g.querySelectorAll('g.line')].filter((l) => l.getAttribute('data-kind') === 'body' || l.getAttribute('data-kind') === 'subhead');
      out[g.getAttribute('data-frame')!] = lines.map((l) => [...l.querySelectorAll('text')].map((t) => t.textContent ?? '').join(' '));
    }
    return out;
  });
}

/**
 * For every page in both languages, the lines the browser shows per article
 * equal the lines of the server's PDF render (its report, itself checked
 * against the PDF's text layer).
 */
async function checkParity(page: Page, server: TestServer, cookie: string, editionId: string, langs: ('en' | 'es')[]) {
  await page.goto(`${server.url}/editions/${editionId}/layout`);
  for (const lang of langs) await page.locator(`.page-column[data-lang="${lang}"] .page-view`).waitFor({ timeout: 60_000 });
  for (const lang of langs) {
    const layout = (await api(server.url, 'GET', `/editions/${editionId}/layouts/${lang}`, { cookie })).body.layout as LayoutData;
    const { job, pdf } = await renderAndWait(server.url, cookie, editionId, { lang });
    const text = pdfLines(pdf);
    // Every placed article's copy has arrived in the browser (its copyfit row is shown).
    await expect.poll(() => page.locator(`[data-testid="copyfit"][data-lang="${lang}"]`).count(), { timeout: 30_000 }).toBe(job.report.articles.length);
    const inBrowser = new Map<string, string[]>();
    for (let n = 1; n <= layout.pages.length; n++) {
      await page.getByRole('button', { name: `Page ${n}`, exact: true }).click();
      await page.locator(`.page-column[data-lang="${lang}"] .page-view[data-page="${n}"]`).waitFor();
      const frames = await linesOnPage(page, lang);
      for (const f of layout.frames.filter((fr) => fr.pageId === layout.pages[n - 1]!.id)) {
        if (f.kind !== 'story' && f.kind !== 'text') continue;
        inBrowser.set(f.articleId, [...(inBrowser.get(f.articleId) ?? []), ...(frames[f.id] ?? [])]);
      }
    }
    expect(job.report.articles.length).toBeGreaterThan(0);
    for (const a of job.report.articles) {
      expect(inBrowser.get(a.articleId), `${lang} ${a.articleId}`).toEqual(a.lineTexts);
      expect(indexOfRun(text, a.lineTexts)).toBeGreaterThanOrEqual(0);
    }
    // The copyfit shown equals the server's.
    for (const a of job.report.articles) {
      const row = page.locator(`[data-testid="copyfit"][data-article="${a.articleId}"][data-lang="${lang}"]`);
      expect(Number(await row.getAttribute('data-over'))).toBe(a.overMatterLines);
    }
  }
}

describe('the desk in the browser sets the same lines as the server’s PDF', () => {
  let server: TestServer;
  let browser: Browser;
  let cookie: string;
  let memberId: string;
  beforeAll(async () => {
    assertClientBuilt();
    server = await startTestServer({ seedDemo: true });
    browser = await launchBrowser();
    const m = await createMember(server.db, { login: 'parity', role: 'member' });
    memberId = m.id;
    cookie = await loginCookie(server.url, m.login);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('for the demo edition, in English and Spanish', async () => {
    const editionId = (await api(server.url, 'GET', '/editions', { cookie })).body.editions[0].id;
    await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'en', place: true } });
    await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'es', copyFrom: 'en' } });
    const page = await (await newMemberContext(browser, server.url, 'parity', 'correct horse battery', { viewport: { width: 1600, height: 1000 } })).newPage();
    const errors = collectPageErrors(page);
    await checkParity(page, server, cookie, editionId, ['en', 'es']);
    expect(errors).toEqual([]);
  }, 300_000);

  it('for the reference edition imported into Galley, in English and Spanish', async () => {
    const { editionId } = await importReferenceEdition(server.ctx, REFERENCE_EDITION, memberId);
    const page = await (await newMemberContext(browser, server.url, 'parity', 'correct horse battery', { viewport: { width: 1600, height: 1000 } })).newPage();
    const errors = collectPageErrors(page);
    await checkParity(page, server, cookie, editionId, ['en', 'es']);
    expect(errors).toEqual([]);
  }, 600_000);
});
