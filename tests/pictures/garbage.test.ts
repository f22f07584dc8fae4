import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFrame, addPage, readLayout, removeFrame } from '../../shared/layout/doc';
import { bodyArea } from '../../shared/layout/grid';
import { defaultRecipe, type Recipe } from '../../shared/pictures/recipe';
import { connectClient, synced, waitFor } from '../collab/clients';
import { CLI_TIMEOUT, galley } from '../helpers/cli';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { listFiles, noisyPhoto, uploadPicture } from './fixtures';
import { loadDoc } from '../../server/collab/storage';

/**
 * Picture files nothing uses any more are removed: on delete, on a recipe
 * change, and by `npm run galley -- files:sweep`. A file another picture or
 * a layout frame still uses is never removed.
 */

let server: TestServer;
let cookie: string;
let filesRoot: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ cookie } = await memberWithCookie(server.db, server.url, { role: 'member' }));
  filesRoot = path.join(server.dataDir, 'files');
});
afterAll(async () => {
  await server.close();
});

async function upload(bytes: Buffer): Promise<string> {
  const res = await uploadPicture(server.url, cookie, bytes);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function get(id: string, what: string): Promise<Buffer> {
  const res = await fetch(`${server.url}/api/pictures/${id}/${what}`, { headers: { cookie } });
  expect(res.status, `${what}: ${res.status}`).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The original and a set of renditions, as the desk and a page would ask for them. */
const ASKED = ['original', 'renditions/thumb', 'renditions/web?width=480', 'renditions/print', 'renditions/print?ink=color&widthPt=200&heightPt=150'];
async function everything(id: string): Promise<Map<string, Buffer>> {
  const got = new Map<string, Buffer>();
  for (const what of ASKED) got.set(what, await get(id, what));
  return got;
}

const files = () => listFiles(filesRoot).map((line) => line.split(' ')[0]!);
const renditionFiles = () => files().filter((f) => f.startsWith('renditions'));

async function putRecipe(id: string, recipe: Recipe): Promise<void> {
  const res = await api(server.url, 'PUT', `/pictures/${id}/recipe`, { cookie, body: recipe });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const cropped = (x: number): Recipe => ({ ...defaultRecipe(), crop: { x, y: 0.1, w: 0.5, h: 0.5 } });

describe('deleting a picture', () => {
  it('removes its original and renditions, but not while an identical upload still uses them', async () => {
    const before = new Set(files());
    const bytes = await noisyPhoto(900, 600);
    const first = await upload(bytes);
    const twin = await upload(bytes); // same cleaned bytes: one original file, one set of renditions
    const firstFiles = await everything(first);
    const made = files().filter((f) => !before.has(f));
    expect(made.filter((f) => f.startsWith('originals'))).toHaveLength(1);
    expect(made.filter((f) => f.startsWith('renditions'))).toHaveLength(ASKED.length - 1);
    const twinFiles = await everything(twin);
    expect(files().filter((f) => !before.has(f))).toEqual(made);

    expect((await api(server.url, 'DELETE', `/pictures/${first}`, { cookie })).status).toBe(204);
    expect((await api(server.url, 'GET', `/pictures/${first}`, { cookie })).status).toBe(404);
    expect(files().filter((f) => !before.has(f))).toEqual(made);
    // Still served to the twin byte for byte, from the same files, nothing remade.
    for (const [what, data] of await everything(twin)) expect(data.equals(twinFiles.get(what)!), what).toBe(true);
    for (const [what, data] of twinFiles) expect(data.equals(firstFiles.get(what)!), what).toBe(true);
    expect(files().filter((f) => !before.has(f))).toEqual(made);

    expect((await api(server.url, 'DELETE', `/pictures/${twin}`, { cookie })).status).toBe(204);
    expect(files().filter((f) => !before.has(f))).toEqual([]);
  });

  it('is refused while a layout frame places the picture, and every file stays', async () => {
    const id = await upload(await noisyPhoto(700, 500));
    const served = await everything(id);
    const edition = await api(server.url, 'POST', '/editions', { cookie, body: { number: 41, title: 'With a picture' } });
    expect(edition.status).toBe(201);
    const editionId = edition.body.id as string;
    expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'es' } })).status).toBe(201);
    const desk = connectClient(server.url, `layout.${editionId}.es`, cookie);
    try {
      await synced(desk);
      expect(addPage(desk.doc, { kind: 'inside', section: 'Fotos' }, undefined, 'pfoto').ok).toBe(true);
      const area = bodyArea(readLayout(desk.doc)!.template, 'inside');
      expect(addFrame(desk.doc, { kind: 'picture', pageId: 'pfoto', col: 0, span: 2, y: area.y, h: 200, pictureId: id }, 'ffoto').ok).toBe(true);
      const page = readLayout(desk.doc)!.pages.findIndex((p) => p.id === 'pfoto') + 1;
      const pictureFiles = files();

      // Stored on the server before anyone else hears of it.
      const frameStored = (present: boolean) =>
        waitFor(() => readLayout(loadDoc(server.db, `layout.${editionId}.es`))!.frames.some((f) => f.id === 'ffoto') === present, 'the frame change to be stored');
      await frameStored(true);

      const refused = await api(server.url, 'DELETE', `/pictures/${id}`, { cookie });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe(`This picture is placed on page ${page} of the Spanish layout of issue 41. Take it off the page first.`);
      expect(files()).toEqual(pictureFiles);
      for (const [what, data] of await everything(id)) expect(data.equals(served.get(what)!), what).toBe(true);
      // The same facts, for the desk to word the refusal in the reader's language.
      const placed = await api(server.url, 'GET', `/pictures/${id}/placements`, { cookie });
      expect(placed.body).toEqual({ placements: [{ editionId, editionNumber: 41, lang: 'es', page }] });

      removeFrame(desk.doc, 'ffoto');
      await frameStored(false);
      expect((await api(server.url, 'GET', `/pictures/${id}/placements`, { cookie })).body).toEqual({ placements: [] });
      const deleted = await api(server.url, 'DELETE', `/pictures/${id}`, { cookie });
      expect(deleted.status).toBe(204);
    } finally {
      desk.destroy();
    }
  });

  it('is for members; a contributor deletes only what they uploaded', async () => {
    const id = await upload(await noisyPhoto(300, 200));
    const contributor = await memberWithCookie(server.db, server.url, { role: 'contributor' });
    // A contributor does not even see a member's picture.
    expect((await api(server.url, 'DELETE', `/pictures/${id}`, { cookie: contributor.cookie })).status).toBe(404);
    const res = await uploadPicture(server.url, contributor.cookie, await noisyPhoto(320, 200));
    const own = ((await res.json()) as { id: string }).id;
    expect((await api(server.url, 'DELETE', `/pictures/${own}`, { cookie: contributor.cookie })).status).toBe(204);
    expect((await api(server.url, 'DELETE', `/pictures/${id}`, { cookie })).status).toBe(204);
    expect((await api(server.url, 'DELETE', `/pictures/${id}`, { cookie })).status).toBe(404);
  });
});

describe('changing a recipe', () => {
  it('removes the renditions of the recipe it replaced unless another picture uses them', async () => {
    const bytes = await noisyPhoto(800, 600);
    const id = await upload(bytes);
    const twin = await upload(bytes);
    const byDefault = await everything(id);
    const defaultFiles = renditionFiles();
    await everything(twin);
    expect(renditionFiles()).toEqual(defaultFiles);

    // The twin keeps the default recipe: its renditions stay.
    await putRecipe(id, cropped(0.1));
    const firstCrop = await everything(id);
    const afterFirst = renditionFiles();
    expect(afterFirst.length).toBe(defaultFiles.length + ASKED.length - 1);
    for (const f of defaultFiles) expect(afterFirst).toContain(f);

    // A second crop: the first crop's renditions are used by nobody any more.
    await putRecipe(id, cropped(0.3));
    const firstCropOnly = afterFirst.filter((f) => !defaultFiles.includes(f));
    expect(renditionFiles().some((f) => firstCropOnly.includes(f))).toBe(false);
    await everything(id);
    expect(renditionFiles().length).toBe(defaultFiles.length + ASKED.length - 1);

    // Undo brings the first crop back: remade, byte for byte; the second crop's files go.
    expect((await api(server.url, 'POST', `/pictures/${id}/recipe/undo`, { cookie })).status).toBe(200);
    for (const [what, data] of await everything(id)) expect(data.equals(firstCrop.get(what)!), what).toBe(true);
    expect(renditionFiles()).toEqual(afterFirst);

    // The twin was served from the default files throughout.
    for (const [what, data] of await everything(twin)) expect(data.equals(byDefault.get(what)!), what).toBe(true);
    const originals = files().filter((f) => f.startsWith('originals'));
    expect(originals.some((f) => fs.readFileSync(path.join(filesRoot, f)).equals(byDefault.get('original')!))).toBe(true);
  });
});

describe('npm run galley -- files:sweep', { timeout: CLI_TIMEOUT }, () => {
  it('removes files no picture uses once they are an hour old, and keeps everything in use', async () => {
    const id = await upload(await noisyPhoto(640, 480));
    const served = await everything(id);
    const inUse = files();
    const hoursAgo = (file: string, hours: number) => {
      const when = new Date(Date.now() - hours * 3600_000);
      fs.utimesSync(path.join(filesRoot, file), when, when);
    };
    const put = (file: string, hours: number) => {
      fs.mkdirSync(path.dirname(path.join(filesRoot, file)), { recursive: true });
      fs.writeFileSync(path.join(filesRoot, file), 'left over');
      hoursAgo(file, hours);
    };
    const someSha = 'ab'.repeat(32);
    const orphans = [
      `originals/ab/${someSha}.jpg`, // its picture row is gone
      `renditions/ab/${'cd'.repeat(32)}.jpg`, // the file layout before renditions were grouped
      `renditions/${someSha}/${'ef'.repeat(32)}/${'01'.repeat(32)}.webp`, // a recipe nobody has
    ];
    for (const orphan of orphans) put(orphan, 2);
    const liveGroup = path.dirname(inUse.find((f) => f.startsWith('renditions'))!);
    const crashedWrite = `${liveGroup}/${'02'.repeat(32)}.jpg.1a2b3c.tmp`;
    put(crashedWrite, 2);
    const recent = `originals/ab/${'ba'.repeat(32)}.png`;
    put(recent, 0.1); // maybe an upload whose row is not written yet
    for (const file of inUse) hoursAgo(file, 3); // old, but in use

    const result = await galley(server.dataDir, ['files:sweep']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Removed 4 picture files no picture uses/);
    const left = files();
    for (const orphan of [...orphans, crashedWrite]) expect(left).not.toContain(orphan);
    expect(left).toContain(recent);
    for (const file of inUse) expect(left).toContain(file);
    for (const [what, data] of await everything(id)) expect(data.equals(served.get(what)!), what).toBe(true);
    expect(files()).toEqual(left); // nothing had to be remade

    const again = await galley(server.dataDir, ['files:sweep']);
    expect(again.stdout).toMatch(/nothing was removed/);
  });
});
