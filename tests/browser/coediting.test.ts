import { describe, expect, it } from 'vitest';
import { browserAndServer, collectPageErrors, newMemberContext } from '../helpers/browser';
import { createMember } from '../helpers/factories';
import { createArticle, field, fieldText, openArticle, typeAtEnd, waitForTextIn } from './editorPage';

describe('two members co-edit one article in the browser', () => {
  const env = browserAndServer();

  it('shows each writer the other one\'s text and named caret, and keeps the text on the server', async () => {
    const { server, browser } = env;
    const alice = await createMember(server.db, { login: 'alice', displayName: 'Alice Ortega' });
    const bruno = await createMember(server.db, { login: 'bruno', displayName: 'Bruno Salas' });
    const contextA = await newMemberContext(browser, server.url, alice.login, alice.password);
    const contextB = await newMemberContext(browser, server.url, bruno.login, bruno.password);
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    const errors = [...collectPageErrors(pageA), ...collectPageErrors(pageB)];

    await pageA.goto(server.url);
    const articleId = await createArticle(pageA, server.url, 'Rent strike on Elm Street');
    // Both open the brand-new article at the same moment.
    await Promise.all([openArticle(pageA, server.url, articleId), openArticle(pageB, server.url, articleId)]);

    await typeAtEnd(pageA, field(pageA, 'Headline'), 'Tenants hold the line');
    await waitForTextIn(field(pageB, 'Headline'), 'Tenants hold the line');

    await typeAtEnd(pageA, field(pageA, 'Body text'), 'Forty households stopped paying on Monday.');
    await waitForTextIn(field(pageB, 'Body text'), 'Forty households stopped paying on Monday.');
    // Alice's caret sits in the body with her name on it, in Bruno's window.
    await pageB.locator('.collab-caret-label', { hasText: 'Alice Ortega' }).waitFor({ state: 'visible' });

    await typeAtEnd(pageB, field(pageB, 'Body text'), ' The landlord has not answered.');
    await waitForTextIn(field(pageA, 'Body text'), 'Forty households stopped paying on Monday. The landlord has not answered.');
    await pageA.locator('.collab-caret-label', { hasText: 'Bruno Salas' }).waitFor({ state: 'visible' });
    // Opening at once did not give any field a second (empty) paragraph.
    for (const page of [pageA, pageB]) {
      expect(await fieldText(field(page, 'Headline'))).toBe('Tenants hold the line');
      expect(await fieldText(field(page, 'Body text'))).toBe(
        'Forty households stopped paying on Monday. The landlord has not answered.',
      );
    }

    // A third, fresh browser (no local copy) gets everything from the server.
    const contextC = await newMemberContext(browser, server.url, alice.login, alice.password);
    const pageC = await contextC.newPage();
    await openArticle(pageC, server.url, articleId);
    await waitForTextIn(field(pageC, 'Headline'), 'Tenants hold the line');
    await waitForTextIn(field(pageC, 'Body text'), 'Forty households stopped paying on Monday. The landlord has not answered.');

    expect(errors).toEqual([]);
    await Promise.all([contextA.close(), contextB.close(), contextC.close()]);
  }, 120_000);
});
