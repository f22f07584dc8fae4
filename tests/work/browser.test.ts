import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertClientBuilt, collectPageErrors, launchBrowser, newMemberContext } from '../helpers/browser';
import { createMember } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { field, fieldText, openArticle, typeAtEnd, waitForTextIn } from '../browser/editorPage';
import { createArticle, createCollective, createEdition, SAMPLE_TEXT, writeStoredText } from './fixtures';

/**
 * Collective work in Chromium, several members each in their own browser
 * context: a task taken and shared with a learner, two approvals under a
 * two-approval rule, an edit that marks them as given on an earlier text,
 * and a named version restored while two editors have the article open.
 */
/** expect.poll with a timeout that holds on a busy 2-core machine (the default is one second). */
const poll = <T,>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 20_000 });

describe('collective work in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const people: Record<string, { login: string; password: string; id: string }> = {};

  async function pageFor(name: string): Promise<Page> {
    const who = people[name]!;
    const context = await newMemberContext(browser, server.url, who.login, who.password);
    contexts.push(context);
    const page = await context.newPage();
    errors.push(...collectPageErrors(page));
    return page;
  }

  beforeAll(async () => {
    assertClientBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
    for (const [login, displayName] of [
      ['ana', 'Ana Ruiz'],
      ['ben', 'Ben Okafor'],
      ['cai', 'Cai Moreno'],
      ['dee', 'Dee Lindqvist'],
      ['eva', 'Eva Campos'],
    ] as const) {
      const m = await createMember(server.db, { login, displayName, uiLang: login === 'eva' ? 'es' : 'en' });
      people[login] = { login, password: m.password, id: m.id };
    }
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('one takes a layout task and shares it with a second as a learner', async () => {
    const editionId = createEdition(server.db, { number: 51, pageCount: 8 });
    const created = await fetch(`${server.url}/api/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await cookieOf('ana') },
      body: JSON.stringify({ kind: 'layout', title: 'Lay out the front page', subject: { type: 'page', id: editionId, page: 1 } }),
    });
    expect(created.status).toBe(201);

    const ana = await pageFor('ana');
    await ana.goto(`${server.url}/editions/${editionId}/board`);
    const openColumn = ana.getByRole('region', { name: 'Open' });
    const card = openColumn.getByRole('listitem', { name: 'Lay out the front page' });
    await card.getByRole('button', { name: 'Take' }).click();
    const taken = ana.getByRole('region', { name: 'Taken' }).getByRole('listitem', { name: 'Lay out the front page' });
    await poll(() => taken.textContent()).toContain('Held by: Ana Ruiz');
    await taken.getByText('Share', { exact: true }).click();
    await taken.getByLabel('Share with').selectOption({ label: 'Ben Okafor' });
    await taken.getByLabel('As').selectOption({ label: 'learner' });
    await taken.getByRole('button', { name: 'Send' }).click();
    await poll(() => taken.textContent()).toContain('Learning: Ben Okafor');

    const ben = await pageFor('ben');
    await ben.goto(`${server.url}/my-tasks`);
    const learning = ben.getByRole('region', { name: 'I am learning' });
    await poll(() => learning.textContent()).toContain('Lay out the front page');
    // Ben was told, and the count shows in the top bar.
    await poll(() => ben.getByRole('link', { name: /Notifications \(1 unread\)/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 120_000);

  it('two approvals make the version approved; an edit marks them as on an earlier text, showing the change', async () => {
    const collective = createCollective(server.db, { name: 'Writers', minApprovals: 2, memberIds: [people.ana!.id, people.ben!.id] });
    const article = createArticle(server.db, { collectiveId: collective, title: 'Bus drivers' });
    writeStoredText(server.db, article.docNames.en, SAMPLE_TEXT);
    const reviewUrl = `${server.url}/versions/${article.versions.en}/review`;

    const ana = await pageFor('ana');
    await ana.goto(reviewUrl);
    await ana.getByRole('button', { name: 'Approve' }).click();
    await poll(() => ana.locator('.verdicts').textContent()).toContain('Ana Ruiz approves');

    const ben = await pageFor('ben');
    await ben.goto(reviewUrl);
    await ben.getByRole('button', { name: 'Approve' }).click();
    await poll(() => ben.locator('.version-status').textContent()).toBe('Status: approved');

    // Cai edits the text in the editor.
    const cai = await pageFor('cai');
    await openArticle(cai, server.url, article.id);
    await typeAtEnd(cai, field(cai, 'Body text'), ' Talks resume Friday.');
    await poll(async () => (await (await fetch(`${server.url}/api/versions/${article.versions.en}/review`, { headers: { cookie: await cookieOf('ana') } })).json()).review.verdicts.filter((v: { onCurrentText: boolean }) => !v.onCurrentText).length).toBe(2);

    await ana.reload();
    const earlier = ana.locator('.verdict-earlier');
    await poll(() => earlier.count()).toBe(2);
    for (const i of [0, 1]) {
      await poll(() => earlier.nth(i).textContent()).toContain('Given on an earlier text');
      expect(await earlier.nth(i).locator('ins').allTextContents()).toEqual([' Talks resume Friday.']);
    }
    expect(await ana.locator('.version-status').textContent()).toBe('Status: approved');
    expect(errors).toEqual([]);
  }, 120_000);

  it('a named version is restored and both editors receive it', async () => {
    const article = createArticle(server.db, { title: 'Clinic' });
    writeStoredText(server.db, article.docNames.en, SAMPLE_TEXT);
    const ana = await pageFor('ana');
    const ben = await pageFor('ben');
    await openArticle(ana, server.url, article.id);
    await openArticle(ben, server.url, article.id);

    const history = await pageFor('cai');
    await history.goto(`${server.url}/versions/${article.versions.en}/history`);
    await history.getByLabel('Name for this version').fill('Agreed text');
    await history.getByRole('button', { name: 'Save a named version' }).click();
    const saved = history.getByRole('listitem', { name: 'Agreed text' });
    await saved.waitFor();

    await typeAtEnd(ben, field(ben, 'Body text'), ' A sentence nobody agreed to.');
    await waitForTextIn(field(ana, 'Body text'), 'A sentence nobody agreed to.');

    await saved.getByRole('button', { name: 'Compare with now' }).click();
    await poll(() => saved.locator('ins').allTextContents()).toEqual([' A sentence nobody agreed to.']);
    await saved.getByRole('button', { name: 'Restore' }).click();
    await saved.getByText('Restored. Everyone editing sees it now.').waitFor();

    const original = SAMPLE_TEXT.body.map((b) => b.text).join('\n');
    await poll(() => fieldText(field(ana, 'Body text'))).toBe(original);
    await poll(() => fieldText(field(ben, 'Body text'))).toBe(original);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a third member comments on a sentence while a fourth edits around it, and the comment stays on its sentence', async () => {
    const article = createArticle(server.db, { title: 'Drivers' });
    writeStoredText(server.db, article.docNames.en, SAMPLE_TEXT);
    const sentence = SAMPLE_TEXT.body[1]!.text;
    const cai = await pageFor('cai');
    const dee = await pageFor('dee');
    await openArticle(cai, server.url, article.id);
    await openArticle(dee, server.url, article.id);

    // Cai selects the sentence (the body's second paragraph) and comments on it.
    await cai.evaluate(() => {
      const paragraph = document.querySelectorAll('.prose.field-body > p')[1]!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    const panel = cai.getByRole('complementary', { name: 'Comments' });
    await panel.getByRole('button', { name: 'Comment on the selected text' }).click();
    await panel.getByLabel('Your comment (write @login to mention someone)').fill('Twenty or thirty minutes? @dee');
    await panel.getByRole('button', { name: 'Post comment' }).click();
    await poll(() => panel.locator('.comment-quote').allTextContents()).toEqual([sentence]);

    // Dee writes before the sentence and right after it.
    const body = field(dee, 'Body text');
    await body.click();
    await dee.keyboard.press('Control+Home');
    await dee.keyboard.type('Early on Monday: ', { delay: 5 });
    await typeAtEnd(dee, body, ' Management refused.');
    await waitForTextIn(field(cai, 'Body text'), 'four hours. Management refused.');
    await waitForTextIn(field(cai, 'Body text'), 'Early on Monday: The drivers');

    // The comment is still on its sentence, in Cai's panel and for the server.
    await poll(() => panel.locator('.comment-quote').allTextContents()).toEqual([sentence]);
    const threads = await (await fetch(`${server.url}/api/versions/${article.versions.en}/comments`, { headers: { cookie: await cookieOf('dee') } })).json();
    const current = await fieldText(field(cai, 'Body text'));
    expect(current.slice(threads.threads[0].anchor.from, threads.threads[0].anchor.to)).toBe(sentence);
    // Dee was mentioned.
    await dee.goto(`${server.url}/notifications`);
    await poll(() => dee.locator('main').textContent()).toContain('Cai Moreno mentioned you');
    expect(errors).toEqual([]);
  }, 120_000);

  it('speaks Spanish to a member who chose Spanish', async () => {
    const editionId = createEdition(server.db, { number: 52 });
    const created = await fetch(`${server.url}/api/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await cookieOf('eva') },
      body: JSON.stringify({ kind: 'proofread', subject: { type: 'edition', id: editionId } }),
    });
    expect(created.status).toBe(201);
    const eva = await pageFor('eva');
    await eva.goto(`${server.url}/editions/${editionId}/board`);
    await eva.getByRole('heading', { name: 'Tablero del número 52' }).waitFor();
    const card = eva.getByRole('region', { name: 'Libre' }).getByRole('listitem', { name: 'Corregir' });
    await card.getByRole('button', { name: 'Asumir' }).click();
    const taken = eva.getByRole('region', { name: 'Asumida' }).getByRole('listitem', { name: 'Corregir' });
    await poll(() => taken.textContent()).toContain('La llevan: Eva Campos');
    await eva.goto(`${server.url}/who-does-what`);
    await poll(() => eva.getByRole('region', { name: 'Corregir' }).textContent()).toContain('Eva Campos: 1×, la lleva ahora');
    expect(errors).toEqual([]);
  }, 120_000);

  async function cookieOf(login: string): Promise<string> {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: people[login]!.password }),
    });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }
});
