import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Helpers for driving the article editor the way a writer does. */

export const STATUS_CONNECTED = 'Connected: all changes saved';
export const STATUS_OFFLINE = 'Offline: your changes are kept on this device';

export function field(page: Page, name: 'Headline' | 'Deck' | 'Byline' | 'Body text'): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

export function connectionStatus(page: Page): Locator {
  return page.locator('.connection');
}

export async function openArticle(page: Page, serverUrl: string, articleId: string, lang: 'en' | 'es' = 'en') {
  await page.goto(`${serverUrl}/articles/${articleId}/${lang}`);
  // The fields appear once the local copy is loaded and the server has
  // answered; "all changes saved" then covers anything the editors wrote.
  try {
    await field(page, 'Body text').waitFor();
  } catch (err) {
    // Say what the page shows instead, so a failure in CI can be understood.
    const shown = await page.locator('body').innerText().catch(() => '(page gone)');
    throw new Error(`the article editor did not appear; the page shows: ${JSON.stringify(shown.slice(0, 400))}`, { cause: err });
  }
  await waitForStatus(page, STATUS_CONNECTED);
}

export async function waitForStatus(page: Page, text: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => connectionStatus(page).textContent(), { timeout }).toBe(text);
}

/** Puts the caret at the very end of a field and types there. */
export async function typeAtEnd(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 5 });
}

/**
 * The text a reader sees in a field: blocks joined by newlines, without the
 * name labels of other members' carets (which sit inside the editable area).
 */
export async function fieldText(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    const blocks = [...copy.querySelectorAll('p, h3')];
    return blocks.length ? blocks.map((b) => b.textContent ?? '').join('\n') : (copy.textContent ?? '');
  });
}

export async function waitForTextIn(target: Locator, text: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => fieldText(target), { timeout }).toContain(text);
}

/** Creates an article through the API as the member whose context this is. */
export async function createArticle(page: Page, serverUrl: string, title: string): Promise<string> {
  const res = await page.request.post(`${serverUrl}/api/articles`, { data: { title, languages: ['en', 'es'] } });
  if (!res.ok()) throw new Error(`creating an article failed: ${res.status()} ${await res.text()}`);
  const article = (await res.json()) as { id: string };
  return article.id;
}
