import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, collectPageErrors, newMemberContext } from '../helpers/browser';
import { createMember } from '../helpers/factories';
import { createArticle, field, openArticle, STATUS_CONNECTED, STATUS_OFFLINE, typeAtEnd, waitForStatus } from './editorPage';

/** Names of the IndexedDB databases that hold copies of Galley documents. */
async function localDocCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => /^(article|layout)\./.test(name)),
  );
}

describe('logging out on a shared computer', () => {
  const env = browserAndServer();

  it('deletes the browser copies of drafts once they are saved, and asks first when they are not', async () => {
    const { server, browser } = env;
    const rosa = await createMember(server.db, { login: 'rosa', displayName: 'Rosa Mejía' });
    const context = await newMemberContext(browser, server.url, rosa.login, rosa.password);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(server.url);
    const articleId = await createArticle(page, server.url, 'Night shift canteen');
    await openArticle(page, server.url, articleId);
    await typeAtEnd(page, field(page, 'Body text'), 'The canteen closes at ten.');
    await waitForStatus(page, STATUS_CONNECTED);
    expect(await localDocCopies(page)).toContain(`article.${articleId}.en`);

    // Offline edits: logging out asks first, and saying no keeps everything.
    await context.setOffline(true);
    await waitForStatus(page, STATUS_OFFLINE);
    await typeAtEnd(page, field(page, 'Body text'), ' Written offline.');
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/have not reached the server/);
    await expect.poll(() => page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    expect(await localDocCopies(page)).toContain(`article.${articleId}.en`);

    // Back online the edits are confirmed; now logging out asks nothing and deletes the copies.
    await context.setOffline(false);
    await waitForStatus(page, STATUS_CONNECTED, 30_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: /log in/i }).waitFor();
    await expect.poll(() => localDocCopies(page), { timeout: 10_000 }).toEqual([]);
    expect(dialogs).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
