import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { collabUrl, connectClient, createArticle, synced, waitFor, type TestClient } from './clients';

/** Opens a raw socket and resolves with the close code and reason the server sends. */
function closeOf(url: string, headers: Record<string, string> = {}): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('error', reject);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

describe('who may open a live document', () => {
  let server: TestServer;
  let memberCookie: string;
  let docName: string;
  let articleId: string;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie: memberCookie } = await memberWithCookie(server.db, server.url, { role: 'member' }));
    const article = await createArticle(server.url, memberCookie);
    docName = article.docs.en!;
    articleId = article.id;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('closes with 4401 when not logged in, and a stock client stops retrying', async () => {
    const anonymous = connectClient(server.url, docName);
    clients.push(anonymous);
    await waitFor(() => anonymous.closes.length > 0, 'the refusal');
    expect(anonymous.closes[0]!.code).toBe(4401);
    expect(anonymous.provider.shouldConnect).toBe(false);

    const forged = await closeOf(`${collabUrl(server.url)}/${docName}`, { cookie: 'galley_session=forgedtokenforgedtokenforgedtoken12' });
    expect(forged.code).toBe(4401);
  });

  it('closes with 4403 for a contributor who is not on the article, and lets them in once they are', async () => {
    const { member: contributor, cookie } = await memberWithCookie(server.db, server.url, { role: 'contributor' });
    const outsider = connectClient(server.url, docName, cookie);
    clients.push(outsider);
    await waitFor(() => outsider.closes.length > 0, 'the refusal');
    expect(outsider.closes[0]).toEqual({ code: 4403, reason: 'you may not open this document' });
    expect(outsider.doc.getText('notes').toString()).toBe('');

    const added = await api(server.url, 'PUT', `/articles/${articleId}/members/${contributor.id}`, { cookie: memberCookie });
    expect(added.status).toBe(200);
    const insider = connectClient(server.url, docName, cookie);
    clients.push(insider);
    await synced(insider);
    expect(insider.closes).toEqual([]);
  });

  it('refuses an unknown document and an invalid document name with 4404', async () => {
    const base = collabUrl(server.url);
    const headers = { cookie: memberCookie };
    expect(await closeOf(`${base}/article.zzzzzzzzzzzz.en`, headers)).toEqual({ code: 4404, reason: 'no such document' });
    // A language the article does not have is no document either.
    const onlyEn = await api<{ versions: { docName: string }[] }>(server.url, 'POST', '/articles', {
      cookie: memberCookie,
      body: { title: 'English only', languages: ['en'] },
    });
    const missingEs = onlyEn.body.versions[0]!.docName.replace(/\.en$/, '.es');
    expect((await closeOf(`${base}/${missingEs}`, headers)).code).toBe(4404);
    for (const bad of ['notes', 'article..en', 'article.ABCDEFGHIJKL.en', 'article.zzzzzzzzzzzz.fr', '%E0%A4%A', '..%2F..%2Fgalley.db']) {
      expect(await closeOf(`${base}/${bad}`, headers)).toEqual({ code: 4404, reason: 'not a document name' });
    }
  });

  it('refuses a browser connection opened from another site', async () => {
    const refused = await closeOf(`${collabUrl(server.url)}/${docName}`, {
      cookie: memberCookie,
      origin: 'http://evil.example',
    });
    expect(refused.code).toBe(4403);
    // The same browser on Galley's own page gets in.
    const own = new WebSocket(`${collabUrl(server.url)}/${docName}`, {
      headers: { cookie: memberCookie, origin: server.url },
    });
    await new Promise((resolve, reject) => {
      own.on('message', resolve); // the server's first sync message
      own.on('close', (code) => reject(new Error(`closed with ${code}`)));
    });
    own.close();
    // Behind a reverse proxy on this machine, the public host is forwarded.
    const proxied = new WebSocket(`${collabUrl(server.url)}/${docName}`, {
      headers: { cookie: memberCookie, origin: 'https://galley.example', 'x-forwarded-host': 'galley.example' },
    });
    await new Promise((resolve, reject) => {
      proxied.on('message', resolve);
      proxied.on('close', (code) => reject(new Error(`closed with ${code}`)));
    });
    proxied.close();
  });

  it('answers upgrades outside /collab/ with 404', async () => {
    const err = await new Promise<Error>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/health`, { headers: { cookie: memberCookie } });
      ws.on('error', resolve);
    });
    expect(err.message).toMatch(/404/);
  });
});
