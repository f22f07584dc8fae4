import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, collectPageErrors, newMemberContext } from '../helpers/browser';
import { createMember } from '../helpers/factories';
import { field, fieldText, openArticle, typeAtEnd, waitForTextIn } from './editorPage';

/**
 * A writer keeps editing the English original while a translator writes the
 * Spanish beside it (the translator's interface is in Spanish).
 */
const SCREENSHOTS = process.env.TRANSLATION_SCREENSHOTS;

function sourceBlocks(page: Page): Locator {
  return page.locator('.tr-editor-source.field-body > p, .tr-editor-source.field-body > h3');
}
function targetBlocks(page: Page): Locator {
  return page.locator('.tr-editor-target.field-body > p, .tr-editor-target.field-body > h3');
}
function progress(page: Page): Locator {
  return page.getByTestId('translation-progress');
}

/** Types into block `index` of the translation body, at its end. */
async function typeInTarget(page: Page, index: number, text: string): Promise<void> {
  await targetBlocks(page).nth(index).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 2 });
}

async function topOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not on screen');
  return box.y;
}

/** The paragraph text (padding and marks aside) starts level on both sides. */
async function contentTop(locator: Locator): Promise<number> {
  return locator.evaluate((el) => el.getBoundingClientRect().top + parseFloat(getComputedStyle(el).paddingTop));
}

describe('translating side by side while the original changes', () => {
  const env = browserAndServer();

  it('flags the changed, added and deleted source paragraphs in the translator\'s view', async () => {
    const { server, browser } = env;
    const writer = await createMember(server.db, { login: 'writer', displayName: 'Wren Writer' });
    const translator = await createMember(server.db, { login: 'traductora', displayName: 'Tina Traductora', uiLang: 'es' });
    const writerContext = await newMemberContext(browser, server.url, writer.login, writer.password);
    const translatorContext = await newMemberContext(browser, server.url, translator.login, translator.password, {
      locale: 'es-ES',
      viewport: { width: 1400, height: 1000 },
    });
    const w = await writerContext.newPage();
    const tr = await translatorContext.newPage();
    const errors = [...collectPageErrors(w), ...collectPageErrors(tr)];

    // The writer starts an English-only article and writes it.
    await w.goto(server.url);
    const edition = await w.request.post(`${server.url}/api/editions`, { data: { number: 47, title: 'Spring' } });
    expect(edition.ok()).toBe(true);
    const editionId = ((await edition.json()) as { id: string }).id;
    const created = await w.request.post(`${server.url}/api/articles`, {
      data: { title: 'Library hours', languages: ['en'], editionId },
    });
    expect(created.ok()).toBe(true);
    const articleId = ((await created.json()) as { id: string }).id;
    await openArticle(w, server.url, articleId);
    await typeAtEnd(w, field(w, 'Headline'), 'Library stays open on Sundays');
    const body = field(w, 'Body text');
    await typeAtEnd(w, body, 'The neighborhood library will open on Sundays.');
    await w.keyboard.press('Enter');
    await w.keyboard.type('Twelve volunteers signed up for the first month.', { delay: 2 });
    await w.keyboard.press('Enter');
    await w.keyboard.type('The council did not answer our letter.', { delay: 2 });
    await waitForTextIn(body, 'The council did not answer our letter.');

    // The translator starts the Spanish translation with empty paragraphs.
    await tr.goto(`${server.url}/articles/${articleId}/translate/es`);
    await tr.getByRole('heading', { name: 'Empezar la traducción al español' }).waitFor();
    await tr.getByLabel('Párrafos vacíos, para escribir la traducción').check();
    if (SCREENSHOTS) await tr.screenshot({ path: `${SCREENSHOTS}/translation-start.png` });
    await tr.getByRole('button', { name: 'Empezar la traducción' }).click();
    await expect.poll(() => targetBlocks(tr).count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => progress(tr).textContent()).toBe('0 de 4 traducidos · 4 sin traducir');

    await typeAtEnd(tr, tr.locator('.tr-editor-target.field-headline'), 'La biblioteca abre los domingos');
    await typeInTarget(tr, 0, 'La biblioteca del barrio abrirá los domingos.');
    // The paragraph being typed lights up its source.
    await expect.poll(() => sourceBlocks(tr).nth(0).getAttribute('class')).toContain('tr-active');
    await typeInTarget(tr, 1, 'Doce voluntarios se apuntaron para el primer mes.');
    await expect.poll(() => sourceBlocks(tr).nth(1).getAttribute('class')).toContain('tr-active');
    expect(await sourceBlocks(tr).nth(0).getAttribute('class')).not.toContain('tr-active');
    await typeInTarget(tr, 2, 'El ayuntamiento no respondió a nuestra carta.');
    await expect.poll(() => progress(tr).textContent()).toBe('4 de 4 traducidos');
    // Rows are level: each translation starts beside its source paragraph.
    for (let i = 0; i < 3; i++) {
      expect(Math.abs((await contentTop(sourceBlocks(tr).nth(i))) - (await contentTop(targetBlocks(tr).nth(i))))).toBeLessThan(2);
    }

    // 1. The writer changes a word of the second paragraph.
    const second = body.locator('p').nth(1);
    await second.click();
    await w.keyboard.press('Home');
    await w.keyboard.press('Control+Shift+ArrowRight');
    await w.keyboard.type('Fifteen');
    await waitForTextIn(body, 'Fifteen volunteers signed up');
    const changedAt = Date.now();
    await expect.poll(() => targetBlocks(tr).nth(1).getAttribute('class'), { timeout: 1000, interval: 20 }).toContain('tr-outdated');
    expect(Date.now() - changedAt).toBeLessThan(1000);
    const note = tr.locator('.tr-note-outdated');
    await expect.poll(() => note.locator('del').allTextContents()).toEqual(['Twelve']);
    expect(await note.locator('ins').allTextContents()).toEqual(['Fifteen']);
    expect(await note.locator('p').first().textContent()).toBe('El original cambió desde que se tradujo esto:');
    await expect.poll(() => progress(tr).textContent()).toBe('3 de 4 traducidos · 1 desactualizado');
    if (SCREENSHOTS) await tr.screenshot({ path: `${SCREENSHOTS}/translation-outdated.png`, fullPage: true });

    // The note under the outdated translation pushes its row down; the
    // source paragraph beside it gets the same space above. On a phone the
    // translation goes under its source, and that space goes away.
    const pads = () => sourceBlocks(tr).evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).paddingTop)));
    await expect.poll(async () => (await pads())[2]).toBeGreaterThan(20);
    expect(Math.abs((await contentTop(sourceBlocks(tr).nth(2))) - (await contentTop(targetBlocks(tr).nth(2))))).toBeLessThan(2);
    await tr.setViewportSize({ width: 600, height: 1000 });
    await expect.poll(pads).toEqual([0, 0, 0]);
    await tr.setViewportSize({ width: 1400, height: 1000 });
    await expect.poll(async () => (await pads())[2]).toBeGreaterThan(20);

    // The translator updates the translation and marks it current.
    const outdated = targetBlocks(tr).nth(1);
    await outdated.click();
    await tr.keyboard.press('Home');
    await tr.keyboard.press('Control+Shift+ArrowRight');
    await tr.keyboard.type('Quince');
    await note.getByRole('button', { name: 'Marcar al día' }).click();
    await expect.poll(() => targetBlocks(tr).nth(1).getAttribute('class')).toContain('tr-current');
    await expect.poll(() => note.count()).toBe(0);
    expect(await fieldText(targetBlocks(tr).nth(1))).toBe('Quince voluntarios se apuntaron para el primer mes.');
    await expect.poll(() => progress(tr).textContent()).toBe('4 de 4 traducidos');

    // 2. The writer adds a paragraph at the end.
    await typeAtEnd(w, body, '');
    await w.keyboard.press('Enter');
    await w.keyboard.type('Volunteers meet on Thursdays.', { delay: 2 });
    const missing = tr.locator('.tr-note-missing');
    await missing.waitFor({ timeout: 5000 });
    expect(await missing.locator('p').textContent()).toBe('Sin traducir todavía: un párrafo nuevo del original.');
    await expect.poll(() => progress(tr).textContent()).toBe('4 de 5 traducidos · 1 sin traducir');
    // Its row is level with the new source paragraph.
    await expect.poll(async () => Math.abs((await contentTop(sourceBlocks(tr).nth(3))) - (await topOf(missing)))).toBeLessThan(2);

    // 3. The writer deletes the third paragraph (empties it, then joins it away).
    const third = body.locator('p').nth(2);
    await third.click();
    await w.keyboard.press('End');
    await w.keyboard.press('Shift+Home');
    await w.keyboard.press('Backspace');
    await w.keyboard.press('Backspace');
    await expect.poll(() => body.locator('p').count()).toBe(3);
    await expect.poll(() => targetBlocks(tr).nth(2).getAttribute('class'), { timeout: 5000 }).toContain('tr-orphaned');
    expect(await tr.locator('.tr-note-orphaned p').textContent()).toBe('Se borró su párrafo original.');
    await expect.poll(() => progress(tr).textContent()).toBe('3 de 4 traducidos · 1 sin traducir · 1 huérfano');
    if (SCREENSHOTS) await tr.screenshot({ path: `${SCREENSHOTS}/translation-orphaned.png`, fullPage: true });

    // The translator removes the orphan and translates the new paragraph
    // in a block added for it, level with its source.
    await tr.locator('.tr-note-orphaned').getByRole('button', { name: 'Quitar' }).click();
    await expect.poll(() => targetBlocks(tr).count()).toBe(2);
    await missing.getByRole('button', { name: 'Añadir un párrafo para él' }).click();
    await expect.poll(() => targetBlocks(tr).count()).toBe(3);
    await expect.poll(() => targetBlocks(tr).nth(2).getAttribute('class')).toContain('tr-empty');
    await tr.keyboard.type('Los voluntarios se reúnen los jueves.', { delay: 2 });
    await expect.poll(() => progress(tr).textContent()).toBe('4 de 4 traducidos');
    await expect.poll(() => missing.count()).toBe(0);
    await expect
      .poll(async () => Math.abs((await contentTop(sourceBlocks(tr).nth(2))) - (await contentTop(targetBlocks(tr).nth(2)))))
      .toBeLessThan(2);

    // The article list shows the same progress, from the server.
    const list = await w.request.get(`${server.url}/api/translation-progress?articleIds=${articleId}`);
    const listed = (await list.json()) as { progress: Record<string, { progress: { translated: number; total: number } }[]> };
    expect(listed.progress[articleId]?.[0]?.progress).toMatchObject({ translated: 4, total: 4 });
    await w.goto(`${server.url}/editions/${editionId}`);
    await expect.poll(() => w.getByTestId('translation-link').textContent(), { timeout: 15_000 }).toBe('ES: 4 of 4 translated');
    if (SCREENSHOTS) await w.screenshot({ path: `${SCREENSHOTS}/translation-list.png` });

    expect(errors).toEqual([]);
    await Promise.all([writerContext.close(), translatorContext.close()]);
  }, 180_000);
});
