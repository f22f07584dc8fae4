import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { memberWithCookie } from '../helpers/factories';
import { connectClient, synced } from '../collab/clients';
import { addFrame, readLayout } from '../../shared/layout/doc';

describe('layout API', () => {
  let server: TestServer;
  let cookie: string;
  let editionId: string;
  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    cookie = (await memberWithCookie(server.db, server.url, { role: 'member' })).cookie;
    const editions = await api(server.url, 'GET', '/editions', { cookie });
    editionId = editions.body.editions[0].id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates the English layout of the demo edition with its stories placed, refuses a second, and copies it to Spanish', async () => {
    const created = await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'en', place: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ lang: 'en', pages: 8, frames: 4 });
    const again = await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'en' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/English layout of this edition exists already/);

    const en = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie });
    expect(en.status).toBe(200);
    expect(en.body.articles).toHaveLength(4);
    for (const a of en.body.articles) expect(a.copyfit.linesUsed).toBeGreaterThan(5);
    expect(en.body.plan.pages[0].stories).toHaveLength(2);
    expect(en.body.plan.unplaced).toEqual([]);

    const copied = await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'es', copyFrom: 'en' } });
    expect(copied.status).toBe(201);
    const es = await api(server.url, 'GET', `/editions/${editionId}/layouts/es`, { cookie });
    expect(es.body.layout.frames).toEqual(en.body.layout.frames);
    expect(es.body.layout.strings.page).toBe('Página');
    // The Spanish text is set, not the English: different lines.
    expect(es.body.articles[0].lineTexts).not.toEqual(en.body.articles[0].lineTexts);
  });

  it('warns, through the live document, of overlapping frames and keeps both', async () => {
    const client = connectClient(server.url, `layout.${editionId}.en`, cookie);
    await synced(client);
    const before = readLayout(client.doc)!;
    const first = before.frames[0]!;
    const placed = addFrame(client.doc, { kind: 'pullquote', pageId: first.pageId, col: 1, span: 2, y: first.y + 50, h: 60, text: 'Rent is theft of time.' });
    expect(placed.ok).toBe(true);
    let body: { issues: { message: { en: string } }[]; layout: { frames: unknown[] } } = { issues: [], layout: { frames: [] } };
    // The server sees the frame once the update has crossed the WebSocket.
    for (let i = 0; i < 50 && body.layout.frames.length !== before.frames.length + 1; i++) {
      body = (await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie })).body;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(body.layout.frames).toHaveLength(before.frames.length + 1);
    expect(body.issues.map((i) => i.message.en)).toContain('Two frames overlap on page 1: text or pictures may print over each other.');
    client.destroy();
  });

  it('says which languages an edition has when asked for one it lacks', async () => {
    const made = await api(server.url, 'POST', '/editions', { cookie, body: { number: 90, title: 'English only', languages: ['en'], pageCount: 2 } });
    expect(made.status).toBe(201);
    const id = made.body.id;
    const layout = await api(server.url, 'POST', `/editions/${id}/layouts`, { cookie, body: { lang: 'es' } });
    expect(layout.status).toBe(400);
    expect(layout.body.error).toBe('This edition has no Spanish (es) version; it is published in English (en).');
    const render = await api(server.url, 'POST', `/editions/${id}/renders`, { cookie, body: { lang: 'es' } });
    expect(render.status).toBe(400);
    expect(render.body.error).toMatch(/no Spanish \(es\) version/);
    const noLayout = await api(server.url, 'POST', `/editions/${id}/renders`, { cookie, body: { lang: 'en' } });
    expect(noLayout.status).toBe(409);
    expect(noLayout.body.error).toMatch(/no English layout of this edition yet/);
    const badLang = await api(server.url, 'POST', `/editions/${id}/renders`, { cookie, body: { lang: 'fr' } });
    expect(badLang.status).toBe(400);
    expect(badLang.body.error).toMatch(/lang/);
    // Nothing was created by the refusals.
    expect(server.db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_name LIKE ?').get(`layout.${id}.%`)).toEqual({ n: 0 });
  });

  it('keeps layouts to members: contributors and strangers are refused', async () => {
    const contributor = await memberWithCookie(server.db, server.url, { role: 'contributor' });
    const res = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie: contributor.cookie });
    expect(res.status).toBe(403);
    expect((await api(server.url, 'GET', `/editions/${editionId}/layouts/en`)).status).toBe(401);
    expect((await api(server.url, 'GET', `/editions/zzzzzzzzzzzz/layouts/en`, { cookie })).status).toBe(404);
  });

  it('serves the template fonts the desk measures with, and nothing else', async () => {
    // Galley's tabloid names its npm fonts; the imported reference edition names Debian's Liberation.
    const layout = (await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie })).body.layout;
    expect(layout.template.fonts.serif).toBe('SourceSerif4_400Regular.ttf');
    for (const name of [...Object.values(layout.template.fonts as Record<string, string>), 'LiberationSerif-Regular.ttf']) {
      const font = await fetch(`${server.url}/api/fonts/${name}`);
      expect(font.status, name).toBe(200);
      const bytes = new Uint8Array(await font.arrayBuffer());
      expect([...bytes.slice(0, 4)], name).toEqual([0, 1, 0, 0]); // a TrueType file
    }
    expect((await fetch(`${server.url}/api/fonts/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/fonts/nothing.ttf`)).status).toBe(404);
  });

  it('reports an article deleted while placed, and leaves its frame in the layout', async () => {
    const en = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie });
    const articleId = en.body.articles[0].articleId;
    const archived = await api(server.url, 'PATCH', `/articles/${articleId}`, { cookie, body: { archived: true } });
    expect(archived.status).toBe(200);
    const after = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie });
    expect(after.body.layout.frames).toEqual(en.body.layout.frames);
    expect(after.body.articles.map((a: { articleId: string }) => a.articleId)).not.toContain(articleId);
    expect(after.body.issues.map((i: { message: { en: string } }) => i.message.en)).toContain(
      'The article placed here was deleted or has no text in this language; the frame is left empty.',
    );
    expect(after.body.plan.missing).toEqual([articleId]);
    await api(server.url, 'PATCH', `/articles/${articleId}`, { cookie, body: { archived: false } });
  });

  it('tells the writer how their placed article fits, and nothing for one not placed', async () => {
    const en = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie });
    const a = en.body.articles[1];
    const fit = await api(server.url, 'GET', `/articles/${a.articleId}/copyfit?lang=en`, { cookie });
    expect(fit.status).toBe(200);
    expect(fit.body).toMatchObject({ placed: true, pages: a.pages, linesUsed: a.copyfit.linesUsed, overMatterLines: a.copyfit.overMatterLines });
    const loose = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'Not placed', languages: ['en'] } });
    expect((await api(server.url, 'GET', `/articles/${loose.body.id}/copyfit?lang=en`, { cookie })).body).toEqual({ placed: false });
    expect((await api(server.url, 'GET', `/articles/${a.articleId}/copyfit?lang=fr`, { cookie })).status).toBe(400);
  });
});
