import { describe, expect, it } from 'vitest';
import { addFrame, addPage, readLayout } from '../../shared/layout/doc';
import { bodyArea } from '../../shared/layout/grid';
import type { Picture } from '../../shared/pictures/picture';
import type { Task } from '../../shared/work/types';
import { loadDoc } from '../../server/collab/storage';
import { browserAndServer, collectPageErrors, newMemberContext } from '../helpers/browser';
import { createMember, loginCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { connectClient, synced, waitFor } from '../collab/clients';
import { noisyPhoto, uploadPicture } from '../pictures/fixtures';

/**
 * Deleting a picture from the picture editor: the button only asks, the
 * second answer deletes, and the desk no longer has it. A picture a layout
 * frame places is refused with the page named, and nothing is lost. A task
 * about a deleted picture says the picture was deleted.
 */

const env = browserAndServer();

/** The status a file address answers (its body is a picture, not JSON). */
async function fileStatus(serverUrl: string, path: string, cookie: string): Promise<number> {
  const res = await fetch(`${serverUrl}/api${path}`, { headers: { cookie } });
  await res.arrayBuffer();
  return res.status;
}

describe('deleting a picture in the browser', () => {
  it('asks first, deletes on the second answer, and the picture, its files and its desk card are gone', async () => {
    const { server, browser } = env;
    const member = await createMember(server.db, { login: 'deskeditor', displayName: 'Desk Editor' });
    const cookie = await loginCookie(server.url, member.login, member.password);
    const edition = await api(server.url, 'POST', '/editions', { cookie, body: { number: 52, title: 'Harvest' } });
    expect(edition.status).toBe(201);
    const editionId = (edition.body.edition ?? edition.body).id as string;

    const context = await newMemberContext(browser, server.url, member.login, member.password);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/pictures?edition=${editionId}`);
    await page.getByRole('heading', { name: 'Picture desk' }).waitFor();
    await page
      .getByTestId('picture-drop')
      .locator('input[type=file]')
      .setInputFiles({ name: 'fields.jpg', mimeType: 'image/jpeg', buffer: await noisyPhoto(500, 350) });
    await page.getByText('fields.jpg is in.').waitFor();
    const card = page.locator('.picture-card');
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    const pictureId = (await card.getAttribute('data-picture-id'))!;
    const fileUrls = [`/pictures/${pictureId}/original`, `/pictures/${pictureId}/renditions/thumb`];
    for (const url of fileUrls) expect(await fileStatus(server.url, url, cookie), url).toBe(200);

    // A picture task on the board, to see what it says once the picture is gone.
    const task = await api(server.url, 'POST', '/tasks', {
      cookie,
      body: { kind: 'picture', title: 'Tone the fields photo', subject: { type: 'picture', id: pictureId }, editionId },
    });
    expect(task.status).toBe(201);
    const taskId = (task.body.task ?? task.body).id as string;

    await card.getByRole('link').click();
    await page.getByRole('heading', { name: 'Format picture' }).waitFor();

    // The first button only asks; "Keep it" leaves everything as it was.
    await page.getByRole('button', { name: 'Delete this picture' }).click();
    await page.getByText('Delete this picture for good?').waitFor();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Delete this picture' }).waitFor();
    expect((await api(server.url, 'GET', `/pictures/${pictureId}`, { cookie })).status).toBe(200);

    await page.getByRole('button', { name: 'Delete this picture' }).click();
    await page.getByRole('button', { name: 'Yes, delete the picture' }).click();

    // Back on the desk of its issue, with the picture gone from the list.
    await page.getByRole('heading', { name: 'Picture desk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/pictures');
    expect(new URL(page.url()).searchParams.get('edition')).toBe(editionId);
    await page.getByText('No pictures here yet.').waitFor();
    expect(await card.count()).toBe(0);
    expect((await api(server.url, 'GET', `/pictures/${pictureId}`, { cookie })).status).toBe(404);
    for (const url of fileUrls) expect(await fileStatus(server.url, url, cookie), url).toBe(404);

    // The task stays, and says what became of its picture.
    const kept = await api<{ task: Task }>(server.url, 'GET', `/tasks/${taskId}`, { cookie });
    expect(kept.status).toBe(200);
    expect(kept.body.task.subject.deleted).toBe(true);
    await page.goto(`${server.url}/tasks/${taskId}`);
    await page.getByText('A picture (the picture was deleted)').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('refuses while a layout frame places the picture, names the page in English and Spanish, and keeps the picture', async () => {
    const { server, browser } = env;
    const member = await createMember(server.db, { login: 'layoutdesk', displayName: 'Layout Desk' });
    const cookie = await loginCookie(server.url, member.login, member.password);
    const uploaded = await uploadPicture(server.url, cookie, await noisyPhoto(600, 400), 'placed.jpg');
    expect(uploaded.status).toBe(201);
    const picture = (await uploaded.json()) as Picture;

    const edition = await api(server.url, 'POST', '/editions', { cookie, body: { number: 53, title: 'Placed' } });
    expect(edition.status).toBe(201);
    const editionId = (edition.body.edition ?? edition.body).id as string;
    expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'es' } })).status).toBe(201);
    const desk = connectClient(server.url, `layout.${editionId}.es`, cookie);
    const context = await newMemberContext(browser, server.url, member.login, member.password);
    try {
      await synced(desk);
      expect(addPage(desk.doc, { kind: 'inside', section: 'Fotos' }, undefined, 'pfoto').ok).toBe(true);
      const area = bodyArea(readLayout(desk.doc)!.template, 'inside');
      const frame = { kind: 'picture', pageId: 'pfoto', col: 0, span: 2, y: area.y, h: 200, pictureId: picture.id } as const;
      expect(addFrame(desk.doc, frame, 'ffoto').ok).toBe(true);
      const pageNumber = readLayout(desk.doc)!.pages.findIndex((p) => p.id === 'pfoto') + 1;
      await waitFor(
        () => readLayout(loadDoc(server.db, `layout.${editionId}.es`))!.frames.some((f) => f.id === 'ffoto'),
        'the frame to be stored',
      );

      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}/pictures/${picture.id}`);
      await page.getByRole('heading', { name: 'Format picture' }).waitFor();
      await page.getByRole('button', { name: 'Delete this picture' }).click();
      await page.getByRole('button', { name: 'Yes, delete the picture' }).click();
      await page
        .getByRole('alert')
        .filter({
          hasText: `The picture was not deleted: it is placed on page ${pageNumber} of the Spanish layout of issue 53. Take it off the page on the layout desk first. Nothing was changed.`,
        })
        .waitFor();
      // Still on the picture, which is untouched, and still on the desk.
      expect(new URL(page.url()).pathname).toBe(`/pictures/${picture.id}`);
      await page.getByRole('button', { name: 'Delete this picture' }).waitFor();
      const after = await api<Picture>(server.url, 'GET', `/pictures/${picture.id}`, { cookie });
      expect(after.status).toBe(200);
      expect(after.body.recipeId).toBe(picture.recipeId);
      expect(await fileStatus(server.url, `/pictures/${picture.id}/original`, cookie)).toBe(200);

      // In Spanish the refusal is worded in Spanish.
      expect((await api(server.url, 'PATCH', '/me', { cookie, body: { uiLang: 'es' } })).status).toBe(200);
      await page.reload();
      await page.getByRole('heading', { name: 'Preparar foto' }).waitFor();
      await page.getByRole('button', { name: 'Borrar esta foto' }).click();
      await page.getByRole('button', { name: 'Sí, borrar la foto' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `La foto no se ha borrado: está colocada en la página ${pageNumber} de la maqueta en castellano del número 53.` })
        .waitFor();

      await page.getByRole('link', { name: 'Volver a la mesa de fotos' }).click();
      await page.locator(`.picture-card[data-picture-id="${picture.id}"]`).waitFor();

      // Chromium logs each refused DELETE (409); those are expected, nothing else is.
      expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
      expect(errors.filter((e) => e.includes('status of 409')).length).toBe(2);
    } finally {
      desk.destroy();
      await context.close();
    }
  }, 120_000);
});
