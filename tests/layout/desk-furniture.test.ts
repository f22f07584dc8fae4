import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, collectPageErrors, newMemberContext } from '../helpers/browser';
import { createMember, loginCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { renderAndWait } from './renderJob';
import { connectClient, synced } from '../collab/clients';
import { articleDocName } from '../../shared/docNames';
import { writeArticle } from '../../shared/editor/content';

/**
 * The desk beyond stories: pages added and refused removal, captions and
 * pull quotes written in both languages, a rule, frames moved to other
 * pages (by the frame tools and by dropping on a thumbnail), a picture
 * crop dragged and typed; a second member (with a Spanish interface) sees
 * it all, and the PDF carries the captions and pull quotes in each language.
 */

const column = (page: Page, lang = 'en') => page.locator(`.page-column[data-lang="${lang}"]`);
const frameHandle = (page: Page, kind: string, lang = 'en') => column(page, lang).locator(`.frame-handle[data-kind="${kind}"]`);
const frameLines = (page: Page, frameId: string, lang = 'en') => column(page, lang).locator(`g[data-frame="${frameId}"] g.line`).allTextContents();
/** The PDF's text lines as poppler reads them. */
function pdfText(pdf: Uint8Array): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-furniture-'));
  fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return text.split(/[\n\f]/).map((l) => l.trim());
}
const notice = (page: Page) => page.locator('[data-testid="desk-notice"]').textContent();

describe('captions, pull quotes, rules, pages and crops on the layout desk', () => {
  const env = browserAndServer();

  it('one member builds the page, another sees it, and the PDF has the texts', async () => {
    const { server, browser } = env;
    const admin = await createMember(server.db, { login: 'chief', role: 'admin' });
    const cookie = await loginCookie(server.url, admin.login, admin.password);
    const edition = await api(server.url, 'POST', '/editions', { cookie, body: { number: 41, title: 'Neighbourhood News', languages: ['en', 'es'], pageCount: 2 } });
    expect(edition.status, JSON.stringify(edition.body)).toBe(201);
    const editionId = edition.body.id as string;
    for (const body of [{ lang: 'en', place: true }, { lang: 'es', copyFrom: 'en' }]) {
      expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body })).status).toBe(201);
    }
    // A wide picture, red on the left and blue on the right, for the crop.
    const half = (r: number, b: number) => ({ input: { create: { width: 600, height: 400, channels: 3 as const, background: { r, g: 0, b } } } });
    const jpeg = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#fff' } }).composite([{ ...half(220, 0), left: 0, top: 0 }, { ...half(0, 220), left: 600, top: 0 }]).jpeg().toBuffer();
    const form = new FormData();
    form.append('editionId', editionId);
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'halves.jpg');
    const uploaded = await fetch(`${server.url}/api/pictures`, { method: 'POST', headers: { cookie }, body: form });
    expect(uploaded.status).toBe(201);
    const pictureId = ((await uploaded.json()) as { id: string }).id;

    const alice = await createMember(server.db, { login: 'alice', displayName: 'Alice Ortega' });
    const bruno = await createMember(server.db, { login: 'bruno', displayName: 'Bruno Salas', uiLang: 'es' });
    const viewport = { width: 1700, height: 1100 };
    const pageA = await (await newMemberContext(browser, server.url, alice.login, alice.password, { viewport })).newPage();
    const errors = collectPageErrors(pageA);
    await pageA.goto(`${server.url}/editions/${editionId}/layout`);
    await column(pageA).locator('.page-view').waitFor({ timeout: 30_000 });

    // A new inside page after page 1, section "Culture": the desk goes to it.
    await pageA.getByTestId('new-page-section').fill('Culture');
    await pageA.getByRole('button', { name: 'Add a page after page 1' }).click();
    await expect.poll(() => pageA.locator('nav.thumbs button').count()).toBe(3);
    await expect.poll(() => pageA.locator('nav.thumbs button[data-page-number="2"]').textContent()).toBe('2 · Culture');
    await expect.poll(() => column(pageA).locator('figcaption').textContent()).toMatch(/Page 2/);
    // The edition counts the new page too (the work board offers its tasks per page).
    await expect.poll(async () => (await api(server.url, 'GET', `/editions/${editionId}`, { cookie })).body.pageCount).toBe(3);

    // A caption and a pull quote, each written in English and in Spanish side by side.
    await pageA.getByTestId('add-caption').click();
    await pageA.getByTestId('frame-text-en').fill('Soup kitchen on Main Street');
    await pageA.getByTestId('frame-text-es').fill('Comedor popular en la calle Mayor');
    const captionId = (await frameHandle(pageA, 'caption').getAttribute('data-frame'))!;
    await pageA.getByTestId('add-pullquote').click();
    await pageA.getByTestId('frame-text-en').fill('We will not be moved');
    await pageA.getByTestId('frame-text-es').fill('No nos moverán');
    const quoteId = (await frameHandle(pageA, 'pullquote').getAttribute('data-frame'))!;
    await expect.poll(() => frameLines(pageA, quoteId)).toEqual(['We will not be moved']);
    await expect.poll(() => frameLines(pageA, quoteId, 'es')).toEqual(['No nos moverán']);
    await expect.poll(() => frameLines(pageA, captionId, 'es')).toEqual(['Comedor popular en la calle Mayor']);

    // A rule, sent to page 3 with the frame tools' "Move to page" control from the keyboard.
    await pageA.getByTestId('add-rule').click();
    const ruleId = (await frameHandle(pageA, 'rule').getAttribute('data-frame'))!;
    await pageA.getByTestId('move-to-page').selectOption({ label: '3' });
    await pageA.getByRole('button', { name: 'Move', exact: true }).focus();
    await pageA.keyboard.press('Enter');
    await expect.poll(() => column(pageA).locator('figcaption').textContent()).toMatch(/Page 3/);
    await column(pageA).locator(`.frame-handle[data-frame="${ruleId}"]`).waitFor();
    await column(pageA, 'es').locator(`.frame-handle[data-frame="${ruleId}"]`).waitFor();

    // The caption dragged from page 2 onto page 1's thumbnail: it moves below the masthead.
    await pageA.getByRole('button', { name: 'Page 2', exact: true }).click();
    const caption = column(pageA).locator(`.frame-handle[data-frame="${captionId}"]`);
    const from = (await caption.boundingBox())!;
    const thumb = (await pageA.locator('nav.thumbs button[data-page-number="1"]').boundingBox())!;
    await pageA.mouse.move(from.x + from.width / 2, from.y + 5);
    await pageA.mouse.down();
    await pageA.mouse.move(thumb.x + thumb.width / 2, thumb.y + thumb.height / 2, { steps: 8 });
    await pageA.mouse.up();
    await expect.poll(() => notice(pageA)).toBe('The frame is now on page 1.');
    await expect.poll(() => frameLines(pageA, captionId)).toEqual(['Soup kitchen on Main Street']);

    // The picture on page 2, cropped: dragged in crop mode, then zoomed by the field.
    await pageA.getByRole('button', { name: 'Page 2', exact: true }).click();
    await pageA.locator(`[data-testid="picture"][data-picture="${pictureId}"] button`).click();
    const picture = column(pageA).locator(`.frame-handle[data-frame="i${pictureId}"]`);
    await picture.focus();
    await pageA.getByTestId('crop-mode').check();
    const box = (await picture.boundingBox())!;
    // Wait until the desk knows the picture's proportions (the whole picture has loaded).
    await pageA.waitForFunction((id) => {
      const img = new Image();
      img.src = `/api/pictures/${id}/renditions/web?width=960&format=jpeg`;
      return img.complete && img.naturalWidth > 0;
    }, pictureId);
    await pageA.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await pageA.mouse.down();
    await pageA.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2, { steps: 5 });
    await pageA.mouse.up();
    // Dragging the picture left shows more of its right: the focal point moves right.
    await expect.poll(async () => Number(await pageA.getByTestId('crop-x').inputValue())).toBeGreaterThan(0.6);
    await pageA.getByTestId('crop-zoom').fill('1.5');
    await pageA.getByTestId('crop-zoom').press('Enter');
    const cropAttr = column(pageA).locator(`g[data-frame="i${pictureId}"] image`);
    await expect.poll(() => cropAttr.getAttribute('data-crop')).toMatch(/^0\.\d+ 0\.5 1\.5$/);
    const cropSeen = (await cropAttr.getAttribute('data-crop'))!;

    // Page 2 holds frames: removing it is refused with a message, and nothing goes.
    await pageA.getByRole('button', { name: 'Remove page 2' }).click();
    await expect.poll(() => notice(pageA)).toBe('Page 2 still holds 2 frames; move them to another page or remove them first, so nothing is lost.');
    expect(await pageA.locator('nav.thumbs button').count()).toBe(3);

    // Bruno, with a Spanish interface, sees all of it.
    const pageB = await (await newMemberContext(browser, server.url, bruno.login, bruno.password, { viewport })).newPage();
    errors.push(...collectPageErrors(pageB));
    await pageB.goto(`${server.url}/editions/${editionId}/layout`);
    await column(pageB).locator('.page-view').waitFor({ timeout: 30_000 });
    await expect.poll(() => pageB.locator('nav.thumbs button').count()).toBe(3);
    expect(await pageB.locator('nav.thumbs button[data-page-number="2"]').textContent()).toBe('2 · Culture');
    await expect.poll(() => frameLines(pageB, captionId)).toEqual(['Soup kitchen on Main Street']);
    await expect.poll(() => frameLines(pageB, captionId, 'es')).toEqual(['Comedor popular en la calle Mayor']);
    await pageB.getByRole('button', { name: 'Página 2', exact: true }).click();
    await expect.poll(() => frameLines(pageB, quoteId, 'es')).toEqual(['No nos moverán']);
    await expect.poll(() => column(pageB).locator(`g[data-frame="i${pictureId}"] image`).getAttribute('data-crop')).toBe(cropSeen);
    await pageB.getByRole('button', { name: 'Página 3', exact: true }).click();
    await column(pageB).locator(`.frame-handle[data-frame="${ruleId}"]`).waitFor({ timeout: 5000 });
    // Bruno's frame tools speak Spanish and show both languages' text.
    await pageB.getByRole('button', { name: 'Página 2', exact: true }).click();
    await column(pageB).locator(`.frame-handle[data-frame="${quoteId}"]`).focus();
    await expect.poll(() => pageB.getByTestId('frame-text-es').inputValue()).toBe('No nos moverán');
    expect(await pageB.getByText('Texto del marco (Cita destacada) en inglés').count()).toBe(1);

    // The PDF in each language carries that language's caption and pull quote.
    for (const [lang, texts] of [['en', ['Soup kitchen on Main Street', 'We will not be moved']], ['es', ['Comedor popular en la calle Mayor', 'No nos moverán']]] as const) {
      const { pdf } = await renderAndWait(server.url, cookie, editionId, { lang });
      const lines = pdfText(pdf);
      for (const text of texts) expect(lines).toContain(text);
    }
    expect(errors).toEqual([]);
  }, 240_000);

  it('sets a story opening: headline size, columns, rule on top, a picture with a caption in each language', async () => {
    const { server, browser } = env;
    const chief = await createMember(server.db, { login: 'chief2', role: 'admin' });
    const cookie = await loginCookie(server.url, chief.login, chief.password);
    const edition = await api(server.url, 'POST', '/editions', { cookie, body: { number: 42, title: 'Neighbourhood News', languages: ['en', 'es'], pageCount: 1 } });
    const editionId = edition.body.id as string;
    const article = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'Library stays open', editionId, languages: ['en', 'es'] } });
    const articleId = article.body.id as string;
    for (const [lang, headline, text] of [['en', 'The library stays open', 'Neighbours kept the branch library open by running it themselves on weekends.'], ['es', 'La biblioteca sigue abierta', 'Los vecinos mantuvieron abierta la biblioteca del barrio atendiéndola ellos mismos los fines de semana.']] as const) {
      const writer = connectClient(server.url, articleDocName(articleId, lang), cookie);
      await synced(writer);
      writeArticle(writer.doc, { headline, deck: '', byline: 'By the desk', body: Array.from({ length: 6 }, () => ({ type: 'p' as const, text })) });
      await new Promise((r) => setTimeout(r, 200));
      writer.destroy();
    }
    for (const body of [{ lang: 'en', place: true }, { lang: 'es', copyFrom: 'en' }]) {
      expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body })).status).toBe(201);
    }
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 40, g: 120, b: 60 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('editionId', editionId);
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'library.jpg');
    const uploaded = await fetch(`${server.url}/api/pictures`, { method: 'POST', headers: { cookie }, body: form });
    const pictureId = ((await uploaded.json()) as { id: string }).id;

    const dora = await createMember(server.db, { login: 'dora', displayName: 'Dora Paz' });
    const page = await (await newMemberContext(browser, server.url, dora.login, dora.password, { viewport: { width: 1700, height: 1100 } })).newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/editions/${editionId}/layout`);
    await column(page).locator('.page-view').waitFor({ timeout: 30_000 });
    const story = column(page).locator('.frame-handle[data-kind="story"]');
    const storyId = (await story.getAttribute('data-frame'))!;
    await story.focus();
    await page.getByTestId('headline-size').fill('40');
    await page.getByTestId('headline-size').press('Enter');
    await page.getByTestId('story-columns').fill('2');
    await page.getByTestId('story-columns').press('Enter');
    await page.getByLabel('Rule on top').check();
    await page.getByTestId('story-picture').selectOption(pictureId);
    await page.getByTestId('story-caption-en').fill('Volunteers at the front desk');
    await page.getByTestId('story-caption-es').fill('Voluntarias en el mostrador');
    const lines = (lang: string, kind: string) => column(page, lang).locator(`g[data-frame="${storyId}"] g.line[data-kind="${kind}"] text`);
    await expect.poll(() => lines('en', 'headline').first().getAttribute('font-size')).toBe('40');
    await expect.poll(() => lines('es', 'headline').first().getAttribute('font-size')).toBe('40');
    await expect.poll(() => lines('en', 'caption').allTextContents()).toEqual(['Volunteers at the front desk']);
    await expect.poll(() => lines('es', 'caption').allTextContents()).toEqual(['Voluntarias en el mostrador']);
    // Two body columns: the body lines start at two different x positions; the rule sits above the frame.
    await expect.poll(async () => new Set(await column(page).locator(`g[data-frame="${storyId}"] g.line[data-kind="body"] text:first-child`).evaluateAll((els) => els.map((e) => e.getAttribute('x')))).size).toBe(2);
    expect(await column(page).locator(`g[data-frame="${storyId}"] > line`).count()).toBe(1);
    // Refused input leaves the story as it is, with the reason on the desk.
    await page.getByTestId('story-columns').fill('9');
    await page.getByTestId('story-columns').press('Enter');
    await expect.poll(() => notice(page)).toMatch(/its text can have 1 to \d columns/);

    const { pdf } = await renderAndWait(server.url, cookie, editionId, { lang: 'es' });
    expect(pdfText(pdf)).toContain('Voluntarias en el mostrador');
    expect(errors).toEqual([]);
  }, 180_000);
});
