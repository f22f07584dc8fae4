import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { noisyPhoto, uploadPicture } from './fixtures';

/** Contributors reach their own pictures and those of their articles; members reach all. */

let server: TestServer;
let admin: string;
let contributor: { id: string; cookie: string };
let membersPicture: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = (await memberWithCookie(server.db, server.url, { role: 'admin' })).cookie;
  const c = await memberWithCookie(server.db, server.url, { role: 'contributor' });
  contributor = { id: c.member.id, cookie: c.cookie };
  const res = await uploadPicture(server.url, admin, await noisyPhoto(120, 80));
  membersPicture = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await server.close();
});

describe('picture access', () => {
  it('keeps other people\'s pictures from a contributor, as if they did not exist', async () => {
    const own = await uploadPicture(server.url, contributor.cookie, await noisyPhoto(100, 100));
    expect(own.status).toBe(201);
    const ownId = ((await own.json()) as { id: string }).id;

    const list = await api(server.url, 'GET', '/pictures', { cookie: contributor.cookie });
    expect(list.body.pictures.map((p: { id: string }) => p.id)).toEqual([ownId]);
    for (const path of [`/pictures/${membersPicture}`, `/pictures/${membersPicture}/original`, `/pictures/${membersPicture}/renditions/web`]) {
      const res = await api(server.url, 'GET', path, { cookie: contributor.cookie });
      expect(res.status, path).toBe(404);
    }
    const edit = await api(server.url, 'PATCH', `/pictures/${membersPicture}`, { cookie: contributor.cookie, body: { captions: { en: 'x' } } });
    expect(edit.status).toBe(404);
    // A member sees both.
    const all = await api(server.url, 'GET', '/pictures', { cookie: admin });
    expect(all.body.pictures.length).toBe(2);
  });

  it('lets a contributor work on the pictures of an article they are on, and nowhere else', async () => {
    const article = await api(server.url, 'POST', '/articles', { cookie: admin, body: { title: 'Night shift' } });
    const articleId = (article.body.article ?? article.body).id as string;
    const attach = await api(server.url, 'PATCH', `/pictures/${membersPicture}`, { cookie: admin, body: { articleId } });
    expect(attach.status).toBe(200);
    expect((await api(server.url, 'GET', `/pictures/${membersPicture}`, { cookie: contributor.cookie })).status).toBe(404);

    expect((await api(server.url, 'PUT', `/articles/${articleId}/members/${contributor.id}`, { cookie: admin })).status).toBeLessThan(300);
    expect((await api(server.url, 'GET', `/pictures/${membersPicture}`, { cookie: contributor.cookie })).status).toBe(200);

    const other = await api(server.url, 'POST', '/articles', { cookie: admin, body: { title: 'Elsewhere' } });
    const otherId = (other.body.article ?? other.body).id as string;
    const move = await api(server.url, 'PATCH', `/pictures/${membersPicture}`, { cookie: contributor.cookie, body: { articleId: otherId } });
    expect(move.status).toBe(403);
    const edition = await api(server.url, 'PATCH', `/pictures/${membersPicture}`, { cookie: contributor.cookie, body: { editionId: 'abcdefghijkm' } });
    expect(edition.status).toBe(403);
    expect(edition.body.error).toMatch(/Only members place pictures in an issue/);
  });
});
