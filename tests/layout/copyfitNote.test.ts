import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, collectPageErrors, newMemberContext } from '../helpers/browser';
import { createMember, loginCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { connectClient, synced } from '../collab/clients';
import { field, openArticle } from '../browser/editorPage';
import { readArticle, writeArticle } from '../../shared/editor/content';
import { articleDocName } from '../../shared/docNames';
import * as Y from 'yjs';

const PARAGRAPH = 'The tenants of the east side voted to keep the strike going until the landlord fixes the heating and the broken lifts, and they asked the neighbourhood to bring soup.';

const note = (page: Page) => page.locator('[data-testid="copyfit-note"]');
const overOf = async (page: Page) => Number(await note(page).getAttribute('data-over'));

/** Adds a paragraph at the end of the body, as a writer pressing Enter and typing (one edit). */
async function addParagraph(page: Page): Promise<void> {
  await field(page, 'Body text').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.evaluate((text) => document.execCommand('insertText', false, text), PARAGRAPH);
}

describe('the writer’s copyfit note in the article editor', () => {
  const env = browserAndServer();

  it('follows the writer’s typing and a co-writer’s within a second, without asking the server, and offline too', async () => {
    const { server, browser } = env;
    const editor = await createMember(server.db, { login: 'editor', role: 'member' });
    const cookie = await loginCookie(server.url, editor.login);
    const edition = await api(server.url, 'POST', '/editions', { cookie, body: { number: 12, title: 'The Tenant', pageCount: 4 } });
    expect(edition.status).toBe(201);
    const editionId = edition.body.id as string;
    const made = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'Strike goes on', editionId, languages: ['en'] } });
    const articleId = made.body.id as string;
    // A story long enough to run over any space the first placement gives it.
    const seed = connectClient(server.url, articleDocName(articleId, 'en'), cookie);
    await synced(seed);
    writeArticle(seed.doc, { headline: 'The strike goes on', deck: '', byline: 'By the housing desk', body: Array.from({ length: 40 }, () => ({ type: 'p' as const, text: PARAGRAPH })) });
    await new Promise((r) => setTimeout(r, 300));
    seed.destroy();
    expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'en', place: true } })).status).toBe(201);
    const desk = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie });
    const onDesk = desk.body.articles.find((a: { articleId: string }) => a.articleId === articleId);
    expect(onDesk.copyfit.overMatterLines).toBeGreaterThan(0);

    // The writer is a contributor on this article: no access to layouts, yet they see how it fits.
    const writer = await createMember(server.db, { login: 'writer', role: 'contributor', displayName: 'Wren Writer' });
    expect((await api(server.url, 'PUT', `/articles/${articleId}/members/${writer.id}`, { cookie })).status).toBeLessThan(300);
    const context = await newMemberContext(browser, server.url, writer.login, writer.password);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const asked: string[] = [];
    page.on('request', (req) => {
      if (/\/api\/(articles\/[^/]+\/(copyfit|placement)|editions\/[^/]+\/layouts)/.test(req.url())) asked.push(req.url());
    });
    await openArticle(page, server.url, articleId);

    // The same figure the desk (and the PDF) gives.
    await expect.poll(() => overOf(page), { timeout: 10_000 }).toBe(onDesk.copyfit.overMatterLines);
    expect(await note(page).textContent()).toBe(`${onDesk.copyfit.overMatterLines} lines too long for its space on page ${onDesk.pages[0]}`);
    expect(asked.filter((u) => u.includes('/placement'))).toHaveLength(1);
    expect(asked.filter((u) => !u.includes('/placement'))).toEqual([]);
    asked.length = 0;

    // The writer adds a paragraph: the note rises within a second.
    const before = await overOf(page);
    let typedAt = Date.now();
    await addParagraph(page);
    await expect.poll(() => overOf(page), { timeout: 1000, interval: 20 }).toBeGreaterThan(before);
    console.log(`writer's note: over ${before} -> ${await overOf(page)} lines, ${Date.now() - typedAt} ms after the paragraph`);

    // A co-writer elsewhere adds one: the note follows them too.
    const coWriter = connectClient(server.url, articleDocName(articleId, 'en'), cookie);
    await synced(coWriter);
    const afterOwn = await overOf(page);
    typedAt = Date.now();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(PARAGRAPH)]);
    coWriter.doc.getXmlFragment('body').push([p]);
    await expect.poll(() => overOf(page), { timeout: 1000, interval: 20 }).toBeGreaterThan(afterOwn);
    console.log(`co-writer's paragraph reached the note in ${Date.now() - typedAt} ms`);
    expect(readArticle(coWriter.doc).body.length).toBe(42);
    coWriter.destroy();

    // Offline: the note still follows the text.
    await context.setOffline(true);
    const offlineBefore = await overOf(page);
    await addParagraph(page);
    await expect.poll(() => overOf(page), { timeout: 1000, interval: 20 }).toBeGreaterThan(offlineBefore);
    // None of it asked the server to set the text.
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    await context.setOffline(false);
  }, 90_000);
});
