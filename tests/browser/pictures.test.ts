import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameWidthPt, ptToPrintPx } from '../../shared/pictures/limits';
import type { Picture } from '../../shared/pictures/picture';
import { assertClientBuilt, collectPageErrors, launchBrowser, newMemberContext } from '../helpers/browser';
import { createMember, loginCookie } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { laplacianVariance, noisyPhoto } from '../pictures/fixtures';

/**
 * The picture desk in Chromium: drop pictures, open one, crop it to a
 * two-column frame, blur a region, write captions in both languages and
 * look at the print rendition.
 */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertClientBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits for a value to settle; renditions are made on first request, which takes a moment on a busy machine. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** Drops files on an element the way a browser does after a drag from the desktop. */
async function dropFiles(page: Page, selector: string, files: { name: string; type: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') }));
  await page.evaluate(
    ({ selector, payload }) => {
      const transfer = new DataTransfer();
      for (const f of payload) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const target = document.querySelector(selector)!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { selector, payload },
  );
}

/** Drags across the editor's picture between two points given as fractions of it. */
async function dragOnPicture(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const overlay = page.getByTestId('recipe-overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]), { steps: 4 });
  await page.mouse.move(...at(to), { steps: 4 });
  await page.mouse.up();
}

describe('the picture desk in the browser', () => {
  it('uploads, crops to a two-column frame, blurs a region, takes captions in both languages and shows the print rendition', async () => {
    const member = await createMember(server.db, { login: 'photodesk', displayName: 'Photo Desk' });
    const cookie = await loginCookie(server.url, member.login, member.password);
    const api = async (path: string) =>
      (await (await fetch(`${server.url}/api${path}`, { headers: { cookie } })).json()) as Picture;
    const context = await newMemberContext(browser, server.url, member.login, member.password);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${server.url}/pictures`);
    await page.getByRole('heading', { name: 'Picture desk' }).waitFor();

    // Two files dropped at once: a photo, and a text file pretending to be one.
    await dropFiles(page, '[data-testid="picture-drop"]', [
      { name: 'march.jpg', type: 'image/jpeg', bytes: await noisyPhoto(900, 600) },
      { name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('not a picture at all') },
    ]);
    await page.getByText('march.jpg is in.').waitFor();
    await page.getByRole('alert').filter({ hasText: 'notes.jpg' }).filter({ hasText: 'not a picture Galley can read' }).waitFor();
    await poll(() => page.locator('.picture-upload progress').count()).toBe(1);
    expect(await page.locator('.picture-upload progress').first().evaluate((p: HTMLProgressElement) => p.value)).toBe(1);

    // The grid shows it, new, with its thumbnail.
    const card = page.locator('.picture-card');
    await poll(() => card.count()).toBe(1);
    await card.getByText('New').waitFor();
    const pictureId = (await card.getAttribute('data-picture-id'))!;
    await poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);

    await card.getByRole('link').click();
    await page.getByRole('heading', { name: 'Format picture' }).waitFor();
    await poll(() => page.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBe(720);

    // A two-column frame with a fixed height; the crop drawn on the picture keeps the frame's shape.
    await page.getByLabel('Columns').selectOption('2');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByLabel('Free crop (height follows the crop)').uncheck();
    await page.getByLabel('Frame height in points').waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await dragOnPicture(page, [0.1, 0.1], [0.6, 0.5]);
    await page.getByTestId('recipe-crop').waitFor();
    await poll(async () => (await api(`/pictures/${pictureId}`)).recipe.crop !== null).toBe(true);
    const cropped = await api(`/pictures/${pictureId}`);
    const frame = cropped.recipe.frame;
    expect(frame.columns).toBe(2);
    expect(frame.heightPt).toBe(187); // two thirds of 280.8 pt, rounded
    const crop = cropped.recipe.crop!;
    const cropAspect = (crop.w * 900) / (crop.h * 600);
    expect(cropAspect).toBeCloseTo(frameWidthPt(2) / frame.heightPt!, 1);
    expect(cropped.state).toBe('formatted');

    // A blur ellipse drawn over part of the picture.
    await page.getByLabel('Blur ellipse').check();
    await dragOnPicture(page, [0.25, 0.2], [0.45, 0.4]);
    await poll(async () => (await api(`/pictures/${pictureId}`)).recipe.blur.length).toBe(1);
    await poll(() => page.getByTestId('recipe-blur').count()).toBe(1);
    const blur = (await api(`/pictures/${pictureId}`)).recipe.blur[0]!;
    expect(blur.shape).toBe('ellipse');
    expect(blur.x).toBeCloseTo(0.25, 1);

    // Undo takes the blur away, redo brings it back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await poll(async () => (await api(`/pictures/${pictureId}`)).recipe.blur.length).toBe(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await poll(async () => (await api(`/pictures/${pictureId}`)).recipe.blur.length).toBe(1);

    // Captions in both languages and a credit.
    await page.getByLabel('Caption (English)').fill('Dockers march past the port gates.');
    await page.getByLabel('Caption (Spanish)').fill('Estibadores marchan ante las puertas del puerto.');
    await page.getByLabel('Credit (English)').fill('Photo: M. / Red Flag');
    await page.getByLabel('Credit (Spanish)').fill('Foto: M. / Bandera Roja');
    await page.getByLabel('Consent note').fill('Marchers in front agreed; the face in the ellipse did not.');
    await page.getByRole('button', { name: 'Save caption and credit' }).click();
    await page.getByText('Caption and credit saved.').waitFor();
    const texts = await api(`/pictures/${pictureId}`);
    expect(texts.captions).toEqual({ en: 'Dockers march past the port gates.', es: 'Estibadores marchan ante las puertas del puerto.' });
    expect(texts.credits).toEqual({ en: 'Photo: M. / Red Flag', es: 'Foto: M. / Bandera Roja' });

    // The print rendition: the two-column frame at 300 ppi.
    await page.getByRole('button', { name: 'Show the print rendition' }).click();
    const print = page.getByTestId('print-rendition');
    const width = ptToPrintPx(frameWidthPt(2));
    const height = ptToPrintPx(187);
    await poll(() => print.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(width);
    expect(await print.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(height);
    await page.getByTestId('print-size').filter({ hasText: `${width} × ${height} pixels` }).waitFor();

    // What the page shows is the server's print file, with the blurred region smooth inside.
    const src = (await print.getAttribute('src'))!;
    const bytes = Buffer.from(await (await fetch(`${server.url}${src}`, { headers: { cookie } })).arrayBuffer());
    expect((await sharp(bytes).metadata()).channels).toBe(1);
    const inCrop = (v: number, start: number, size: number) => (v - start) / size;
    const ex = inCrop(blur.x + blur.w / 2, crop.x, crop.w) * width;
    const ey = inCrop(blur.y + blur.h / 2, crop.y, crop.h) * height;
    const half = Math.min((blur.w / crop.w) * width, (blur.h / crop.h) * height) / 5;
    const middle = { left: Math.round(ex - half), top: Math.round(ey - half), width: Math.round(2 * half), height: Math.round(2 * half) };
    expect(await laplacianVariance(bytes, middle)).toBeLessThan(15);

    // Back on the desk the picture is formatted, with its caption.
    await page.getByRole('link', { name: 'Back to the picture desk' }).click();
    await page.locator('.picture-card').getByText('Formatted').waitFor();
    await page.locator('.picture-card').getByText('Dockers march past the port gates.').waitFor();

    // In Spanish the desk speaks Spanish and shows the Spanish caption.
    const toSpanish = await fetch(`${server.url}/api/me`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ uiLang: 'es' }),
    });
    expect(toSpanish.status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: 'Mesa de fotos' }).waitFor();
    await page.locator('.picture-card').getByText('Preparada').waitFor();
    await page.locator('.picture-card').getByText('Estibadores marchan ante las puertas del puerto.').waitFor();

    // Chromium logs the refused text file's 415 answer; that refusal is expected, anything else is not.
    expect(errors.filter((e) => !e.includes('status of 415'))).toEqual([]);
    expect(errors.filter((e) => e.includes('status of 415')).length).toBe(1);
    await context.close();
  }, 120_000);

  it('uploads from inside an article, and the editor shows the picture task of the work board', async () => {
    const member = await createMember(server.db, { login: 'layouter', displayName: 'Lia Layout', role: 'admin' });
    const cookie = await loginCookie(server.url, member.login, member.password);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}/api${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    };
    // Answers come bare or wrapped ({edition: {...}}) depending on the route.
    const created = (body: Record<string, unknown>, key: string) => ((body[key] ?? body) as { id: string });
    const edition = created(await post('/editions', { number: 41, title: 'May Day' }), 'edition');
    const article = created(await post('/articles', { title: 'Port strike', editionId: edition.id }), 'article');

    const context = await newMemberContext(browser, server.url, member.login, member.password);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/articles/${article.id}/en`);
    const section = page.locator('.article-pictures');
    await section.getByRole('heading', { name: 'Pictures for this article' }).waitFor();
    await section.locator('input[type=file]').setInputFiles({ name: 'gates.jpg', mimeType: 'image/jpeg', buffer: await noisyPhoto(600, 400) });
    await section.getByText('gates.jpg is in.').waitFor();
    await section.locator('.picture-card').waitFor();

    const listed = (await (await fetch(`${server.url}/api/pictures?articleId=${article.id}`, { headers: { cookie } })).json()) as {
      pictures: Picture[];
    };
    expect(listed.pictures.length).toBe(1);
    const picture = listed.pictures[0]!;
    expect(picture.articleId).toBe(article.id);
    expect(picture.editionId).toBe(edition.id);

    // A picture task on the board, taken by this member, shows in the editor.
    const task = created(
      await post('/tasks', { kind: 'picture', title: 'Format the port photo', subject: { type: 'picture', id: picture.id }, editionId: edition.id }),
      'task',
    );
    await post(`/tasks/${task.id}/take`, {});
    await section.locator('.picture-card a').click();
    await page.getByRole('heading', { name: 'Picture tasks' }).waitFor();
    await page.getByRole('link', { name: 'Format the port photo' }).waitFor();
    await page.getByText('held by Lia Layout').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
