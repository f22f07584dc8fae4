import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, collectPageErrors, newMemberContext } from '../helpers/browser';
import { createMember } from '../helpers/factories';
import {
  createArticle,
  field,
  fieldText,
  openArticle,
  STATUS_CONNECTED,
  STATUS_OFFLINE,
  typeAtEnd,
  waitForStatus,
  waitForTextIn,
} from './editorPage';

describe('writing offline in the browser', () => {
  const env = browserAndServer();

  it('keeps a writer typing while offline and merges both writers\' text on reconnection', async () => {
    const { server, browser } = env;
    const carmen = await createMember(server.db, { login: 'carmen', displayName: 'Carmen Ruiz' });
    const dev = await createMember(server.db, { login: 'dev', displayName: 'Dev Patel' });
    const contextA = await newMemberContext(browser, server.url, carmen.login, carmen.password);
    const contextB = await newMemberContext(browser, server.url, dev.login, dev.password);
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    const errors = [...collectPageErrors(pageA), ...collectPageErrors(pageB)];

    await pageA.goto(server.url);
    const articleId = await createArticle(pageA, server.url, 'Bus route cut');
    await openArticle(pageA, server.url, articleId);
    await typeAtEnd(pageA, field(pageA, 'Body text'), 'The 14 bus stops running in March.');
    await openArticle(pageB, server.url, articleId);
    await waitForTextIn(field(pageB, 'Body text'), 'The 14 bus stops running in March.');

    const storedBeforeOffline = await storedUpdateCount(pageA, `article.${articleId}.en`);
    // Carmen loses the network; the editor says so and stays editable.
    await contextA.setOffline(true);
    await waitForStatus(pageA, STATUS_OFFLINE);
    await typeAtEnd(pageA, field(pageA, 'Body text'), ' Riders were not asked.');
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type('Written on the train.', { delay: 5 });

    // Meanwhile Dev, still online, adds a paragraph of his own at the end.
    await typeAtEnd(pageB, field(pageB, 'Body text'), '');
    await pageB.keyboard.press('Enter');
    await pageB.keyboard.type('The council meets on Thursday.', { delay: 5 });
    await waitForStatus(pageB, STATUS_CONNECTED);
    expect(await fieldText(field(pageA, 'Body text'))).not.toContain('The council meets on Thursday.');
    expect(await fieldText(field(pageB, 'Body text'))).not.toContain('Written on the train.');
    await waitForStatus(pageA, STATUS_OFFLINE);
    // The offline words are in the browser's IndexedDB copy, not only in memory.
    expect(await storedUpdateCount(pageA, `article.${articleId}.en`)).toBeGreaterThan(storedBeforeOffline);

    // Back online: both windows end with both texts, and Carmen's edits are confirmed stored.
    await recordStates(pageA);
    await contextA.setOffline(false);
    await waitForStatus(pageA, STATUS_CONNECTED, 30_000);
    // Between reconnecting and the server's confirmation the editor said "saving".
    expect(await recordedStates(pageA)).toContain('saving');
    for (const page of [pageA, pageB]) {
      const body = field(page, 'Body text');
      await waitForTextIn(body, 'The 14 bus stops running in March. Riders were not asked.');
      await waitForTextIn(body, 'Written on the train.');
      await waitForTextIn(body, 'The council meets on Thursday.');
    }
    expect(await fieldText(field(pageA, 'Body text'))).toBe(await fieldText(field(pageB, 'Body text')));

    // The server has Carmen's offline work: a fresh browser without any local copy shows it.
    const contextC = await newMemberContext(browser, server.url, dev.login, dev.password);
    const pageC = await contextC.newPage();
    await openArticle(pageC, server.url, articleId);
    await waitForTextIn(field(pageC, 'Body text'), 'Written on the train.');
    await waitForTextIn(field(pageC, 'Body text'), 'The council meets on Thursday.');

    expect(errors.filter((e) => !isOfflineNetworkNoise(e))).toEqual([]);
    await Promise.all([contextA.close(), contextB.close(), contextC.close()]);
  }, 120_000);

  it('returns to the login when the server refuses the session on reconnection (4401), then back to the article', async () => {
    const { server, browser } = env;
    const member = await createMember(server.db, { login: 'esther', displayName: 'Esther Kim' });
    const context = await newMemberContext(browser, server.url, member.login, member.password);
    const page = await context.newPage();
    await page.goto(server.url);
    const articleId = await createArticle(page, server.url, 'Night shift');
    await openArticle(page, server.url, articleId);
    await typeAtEnd(page, field(page, 'Body text'), 'Before the session ended.');
    await waitForStatus(page, STATUS_CONNECTED);

    // The session ends on the server (as when it expires or is logged out elsewhere).
    expect((await page.request.delete(`${server.url}/api/session`)).status()).toBe(204);
    await context.setOffline(true);
    await waitForStatus(page, STATUS_OFFLINE);
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Log in to Galley' }).waitFor();

    await page.getByLabel('Login name').fill(member.login);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await waitForStatus(page, STATUS_CONNECTED);
    expect(new URL(page.url()).pathname).toBe(`/articles/${articleId}/en`);
    await waitForTextIn(field(page, 'Body text'), 'Before the session ended.');
    await context.close();
  }, 60_000);
});

/** Entries y-indexeddb has stored for a document in this browser context. */
async function storedUpdateCount(page: Page, docName: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
    docName,
  );
}

/** Starts noting every state the connection indicator shows. */
async function recordStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const indicator = document.querySelector('.connection')!;
    const seen: string[] = [];
    (window as unknown as { __states: string[] }).__states = seen;
    new MutationObserver(() => seen.push(indicator.getAttribute('data-state') ?? '')).observe(indicator, {
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

async function recordedStates(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __states: string[] }).__states);
}

/** Chromium logs failed WebSocket attempts while offline; those are expected here. */
function isOfflineNetworkNoise(message: string): boolean {
  return /WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED/.test(message);
}
