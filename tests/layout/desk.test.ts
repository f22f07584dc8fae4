import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertClientBuilt, collectPageErrors, launchBrowser, newMemberContext } from '../helpers/browser';
import { createMember, loginCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectClient, synced } from '../collab/clients';
import { field, openArticle } from '../browser/editorPage';
import { writeArticle } from '../../shared/editor/content';
import { pdfPageCount } from './pdf';
import { articleDocName } from '../../shared/docNames';

const PARAGRAPH = 'The tenants of the east side voted to keep the strike going until the landlord fixes the heating and the broken lifts, and they asked the neighbourhood to bring soup.';

const PARRAFO = 'Los inquilinos del barrio este votaron seguir con la huelga hasta que el casero arregle la calefacción y los ascensores, y pidieron al vecindario que traiga sopa.';

const copyfitRow = (page: Page, articleId: string, lang = 'en') => page.locator(`[data-testid="copyfit"][data-article="${articleId}"][data-lang="${lang}"]`);
const frameOnPage = (page: Page, frameId: string, lang = 'en') => page.locator(`.page-column[data-lang="${lang}"] .frame-handle[data-frame="${frameId}"]`);

async function openDesk(page: Page, url: string, editionId: string) {
  await page.goto(`${url}/editions/${editionId}/layout`);
  await page.locator('.page-column[data-lang="en"] .page-view').waitFor({ timeout: 30_000 });
}

describe('the layout desk in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let editionId: string;
  let articleId: string;
  let pictureId: string;

  beforeAll(async () => {
    assertClientBuilt();
    server = await startTestServer({ seedDemo: true });
    browser = await launchBrowser();
    const admin = await createMember(server.db, { login: 'layouter', role: 'member' });
    const cookie = await loginCookie(server.url, admin.login);
    editionId = (await api(server.url, 'GET', '/editions', { cookie })).body.editions[0].id;
    for (const body of [{ lang: 'en', place: true }, { lang: 'es', copyFrom: 'en' }]) {
      expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body })).status).toBe(201);
    }
    // A new story, long enough to run over any frame it gets, and a picture for the edition.
    const made = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'Strike goes on', editionId, languages: ['en', 'es'] } });
    articleId = made.body.id;
    const writer = connectClient(server.url, articleDocName(articleId, 'en'), cookie);
    await synced(writer);
    writeArticle(writer.doc, { headline: 'The strike goes on', deck: '', byline: 'By the housing desk', body: Array.from({ length: 40 }, () => ({ type: 'p' as const, text: PARAGRAPH })) });
    const writerEs = connectClient(server.url, articleDocName(articleId, 'es'), cookie);
    await synced(writerEs);
    writeArticle(writerEs.doc, { headline: 'La huelga sigue', deck: '', byline: 'Por la sección de vivienda', body: Array.from({ length: 40 }, () => ({ type: 'p' as const, text: PARRAFO })) });
    await new Promise((r) => setTimeout(r, 300));
    writer.destroy();
    writerEs.destroy();
    const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('editionId', editionId);
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'soup.jpg');
    const res = await fetch(`${server.url}/api/pictures`, { method: 'POST', headers: { cookie }, body: form });
    expect(res.status).toBe(201);
    pictureId = ((await res.json()) as { id: string }).id;
    // A layout task on page 2, from the collective-work board.
    const task = await api(server.url, 'POST', '/tasks', { cookie, body: { kind: 'layout', title: 'Fit the strike story on page 2', subject: { type: 'page', id: editionId, page: 2 } } });
    expect(task.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('two layout members see each other’s placements and resizes; a writer’s new paragraph raises the overset on the desk within a second', async () => {
    const alice = await createMember(server.db, { login: 'alice', displayName: 'Alice Ortega' });
    const bruno = await createMember(server.db, { login: 'bruno', displayName: 'Bruno Salas' });
    const carla = await createMember(server.db, { login: 'carla', displayName: 'Carla Vidal' });
    const pageA = await (await newMemberContext(browser, server.url, alice.login, alice.password, { viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await newMemberContext(browser, server.url, bruno.login, bruno.password, { viewport: { width: 1600, height: 1000 } })).newPage();
    const errors = [...collectPageErrors(pageA), ...collectPageErrors(pageB)];
    await openDesk(pageA, server.url, editionId);
    // Bruno comes to the desk from the edition's page.
    await pageB.goto(`${server.url}/editions/${editionId}`);
    await pageB.getByRole('link', { name: 'Layout desk' }).click();
    await pageB.locator('.page-column[data-lang="en"] .page-view').waitFor({ timeout: 30_000 });

    // Alice goes to page 2 and places the new story and the picture there.
    await pageA.getByRole('button', { name: 'Page 2', exact: true }).click();
    await pageA.locator(`[data-testid="unplaced"][data-article="${articleId}"] button`).click();
    await pageA.locator(`[data-testid="picture"][data-picture="${pictureId}"] button`).click();
    await frameOnPage(pageA, `a${articleId}`).waitFor();
    await expect.poll(() => pageA.locator('[data-testid="layout-task"]').allTextContents()).toEqual([expect.stringContaining('Fit the strike story on page 2')]);

    // Meanwhile Bruno, on page 1, drags the first story's corner up by about ten lines.
    const s1 = frameOnPage(pageB, 's1');
    const before = (await s1.boundingBox())!;
    const handle = (await s1.locator('.resize').boundingBox())!;
    await pageB.mouse.move(handle.x + 5, handle.y + 5);
    await pageB.mouse.down();
    await pageB.mouse.move(handle.x + 5, handle.y - 50, { steps: 5 });
    await pageB.mouse.up();
    await expect.poll(async () => (await s1.boundingBox())!.height, { timeout: 5000 }).toBeLessThan(before.height - 30);

    // Each sees the other's change: Alice's page 1, Bruno's page 2.
    await pageA.getByRole('button', { name: 'Page 1', exact: true }).click();
    await expect.poll(async () => (await frameOnPage(pageA, 's1').boundingBox())!.height, { timeout: 5000 }).toBeLessThan(before.height - 30);
    await pageB.getByRole('button', { name: 'Page 2', exact: true }).click();
    await frameOnPage(pageB, `a${articleId}`).waitFor({ timeout: 5000 });
    await frameOnPage(pageB, `i${pictureId}`).waitFor({ timeout: 5000 });
    // The Spanish page got the same frames.
    await frameOnPage(pageB, `a${articleId}`, 'es').waitFor({ timeout: 5000 });
    // Bruno's selection shows on Alice's desk with his name.
    await pageA.getByRole('button', { name: 'Page 1', exact: true }).click();
    await expect.poll(() => pageA.locator('[data-testid="remote-selection"]').allTextContents(), { timeout: 5000 }).toContain('Bruno Salas');

    // The story runs over its frame; a writer adds a paragraph in the article editor.
    const row = copyfitRow(pageA, articleId);
    await expect.poll(async () => Number(await row.getAttribute('data-over')), { timeout: 10_000 }).toBeGreaterThan(0);
    const overBefore = Number(await row.getAttribute('data-over'));
    const pageC = await (await newMemberContext(browser, server.url, carla.login, carla.password)).newPage();
    await openArticle(pageC, server.url, articleId);
    await field(pageC, 'Body text').click();
    await pageC.keyboard.press('Control+End');
    await pageC.keyboard.press('Enter');
    const typedAt = Date.now();
    await pageC.evaluate((text) => document.execCommand('insertText', false, text), PARAGRAPH);
    await expect.poll(async () => Number(await row.getAttribute('data-over')), { timeout: 1000, interval: 20 }).toBeGreaterThan(overBefore);
    const seenAfter = Date.now() - typedAt;
    console.log(`overset on the desk rose from ${overBefore} to ${await row.getAttribute('data-over')} lines, ${seenAfter} ms after the writer's paragraph`);
    expect(seenAfter).toBeLessThan(1000);
    // The writer sees it too, in the article editor.
    await expect.poll(() => pageC.locator('[data-testid="copyfit-note"]').textContent(), { timeout: 10_000 }).toMatch(/^\d+ lines too long for its space on page 2$/);

    // Alice continues the story on page 3: a jump line on page 2, less over-matter.
    const overNow = Number(await row.getAttribute('data-over'));
    await pageA.getByRole('button', { name: 'Page 2', exact: true }).click();
    // The new story sits under others on this page (overlap warned), so it is selected from the keyboard.
    await frameOnPage(pageA, `a${articleId}`).focus();
    await pageA.getByRole('button', { name: 'Continue the story on the next page' }).click();
    await expect.poll(async () => Number(await row.getAttribute('data-over')), { timeout: 5000 }).toBeLessThan(overNow);
    await expect.poll(() => pageA.locator(`.page-column[data-lang="en"] g[data-frame="a${articleId}"] g.line[data-kind="jump"]`).allTextContents()).toEqual(['Continued on page 3']);
    await expect.poll(() => pageA.locator(`.page-column[data-lang="es"] g[data-frame="a${articleId}"] g.line[data-kind="jump"]`).allTextContents()).toEqual(['Sigue en la página 3']);
    expect(errors).toEqual([]);
  }, 180_000);

  it('renders from the desk: the progress bar moves and the PDF comes back, previewed in the page', async () => {
    const member = await createMember(server.db, { login: 'renderer', displayName: 'Dora Render' });
    const page = await (await newMemberContext(browser, server.url, member.login, member.password, { viewport: { width: 1600, height: 1000 } })).newPage();
    const errors = collectPageErrors(page);
    await openDesk(page, server.url, editionId);
    await page.getByRole('button', { name: 'Render PDF' }).click();
    const seen: number[] = [];
    const link = page.locator('[data-testid="pdf-link"]');
    const deadline = Date.now() + 120_000;
    while (!(await link.isVisible()) && Date.now() < deadline) {
      // Read in one step: the bar goes away when the render ends, so a
      // visibility check followed by a read could wait for a bar that is gone.
      const value = await page.evaluate(
        () => document.querySelector('[data-testid="render-progress"]')?.getAttribute('value') ?? null,
      );
      if (value !== null) seen.push(Number(value));
      await page.waitForTimeout(30);
    }
    await link.waitFor({ timeout: 1000 });
    const total = 8;
    // The bar was seen while the render ran, moving forward, and ends full.
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeLessThan(total);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const finalBar = page.locator('.render-done progress');
    expect(Number(await finalBar.getAttribute('value'))).toBe(total);
    const href = (await link.getAttribute('href'))!;
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdfPageCount(new Uint8Array(await pdf.body()))).toBe(total);
    await expect.poll(() => page.locator('iframe.pdf-preview').getAttribute('src')).toBe(href);
    expect(errors).toEqual([]);
  }, 180_000);
});
