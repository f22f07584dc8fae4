import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { memberWithCookie } from '../helpers/factories';
import type { LayoutData } from '../../shared/layout/types';

/**
 * GET /api/articles/:id/placement: what the writer's editor sets its live
 * copyfit in. Only the article's own frames leave the server, and every
 * request it cannot answer gets a 4xx a person understands.
 */
describe('an article’s placement for the writer’s copyfit', () => {
  let server: TestServer;
  let cookie: string;
  let editionId: string;
  let placed: string[];
  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    cookie = (await memberWithCookie(server.db, server.url, { role: 'member' })).cookie;
    editionId = (await api(server.url, 'GET', '/editions', { cookie })).body.editions[0].id;
    expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'en', place: true } })).status).toBe(201);
    const en = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie });
    placed = en.body.articles.map((a: { articleId: string }) => a.articleId);
    expect(placed.length).toBeGreaterThan(1);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives the article’s own frames with the template and every page, and none of the other stories', async () => {
    const [articleId] = placed;
    const res = await api<{ placed: boolean; layout: LayoutData }>(server.url, 'GET', `/articles/${articleId}/placement?lang=en`, { cookie });
    expect(res.status).toBe(200);
    expect(res.body.placed).toBe(true);
    const { layout } = res.body;
    expect(layout.pages).toHaveLength(8);
    expect(layout.template.fonts.serif).toBeTruthy();
    expect(layout.frames.length).toBeGreaterThan(0);
    for (const f of layout.frames) expect(f).toMatchObject({ articleId });
    // Nothing of the other placed articles.
    for (const other of placed.slice(1)) expect(JSON.stringify(layout)).not.toContain(other);
  });

  it('says "not placed" for an article of the edition that is not on a page, or a language without a layout', async () => {
    const loose = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'Not placed yet', editionId, languages: ['en', 'es'] } });
    expect(loose.status).toBe(201);
    expect((await api(server.url, 'GET', `/articles/${loose.body.id}/placement?lang=en`, { cookie })).body).toEqual({ placed: false });
    // Placed in English, but the Spanish layout does not exist yet.
    expect((await api(server.url, 'GET', `/articles/${placed[0]}/placement?lang=es`, { cookie })).body).toEqual({ placed: false });
    // An article in no edition at all.
    const solo = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'No edition', languages: ['en'] } });
    expect((await api(server.url, 'GET', `/articles/${solo.body.id}/placement?lang=en`, { cookie })).body).toEqual({ placed: false });
  });

  it('refuses a language the article is not written in, and a language Galley does not have', async () => {
    const onlyEn = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'English only', editionId, languages: ['en'] } });
    const es = await api(server.url, 'GET', `/articles/${onlyEn.body.id}/placement?lang=es`, { cookie });
    expect(es.status).toBe(404);
    expect(es.body.error).toBe('This article has no Spanish version.');
    const fr = await api(server.url, 'GET', `/articles/${placed[0]}/placement?lang=fr`, { cookie });
    expect(fr.status).toBe(400);
    expect(fr.body.error).toMatch(/lang: must be "en" or "es"/);
    const none = await api(server.url, 'GET', `/articles/${placed[0]}/placement`, { cookie });
    expect(none.status).toBe(400);
  });

  it('lets a contributor on the article see its placement, and refuses them the layout and others’ articles', async () => {
    const contributor = await memberWithCookie(server.db, server.url, { role: 'contributor' });
    const [theirs, notTheirs] = placed;
    expect((await api(server.url, 'PUT', `/articles/${theirs}/members/${contributor.member.id}`, { cookie })).status).toBeLessThan(300);

    const own = await api<{ placed: boolean; layout: LayoutData }>(server.url, 'GET', `/articles/${theirs}/placement?lang=en`, { cookie: contributor.cookie });
    expect(own.status).toBe(200);
    expect(own.body.placed).toBe(true);
    expect(JSON.stringify(own.body.layout)).not.toContain(notTheirs);

    const other = await api(server.url, 'GET', `/articles/${notTheirs}/placement?lang=en`, { cookie: contributor.cookie });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('You are not on this article, so you cannot see where it is placed; ask a member to add you to it.');
    const desk = await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie: contributor.cookie });
    expect(desk.status).toBe(403);
    expect(desk.body.error).toBe('Layouts belong to the collective’s members; contributors work on single articles.');
  });

  it('answers 410 for a deleted (archived) article and 404 for one that never was; the layout keeps its frame', async () => {
    const articleId = placed[1]!;
    const before = (await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie })).body.layout.frames;
    expect((await api(server.url, 'PATCH', `/articles/${articleId}`, { cookie, body: { archived: true } })).status).toBe(200);
    const gone = await api(server.url, 'GET', `/articles/${articleId}/placement?lang=en`, { cookie });
    expect(gone.status).toBe(410);
    expect(gone.body.error).toBe('This article is deleted (in the archive): layouts leave its space empty until it is restored.');
    expect((await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie })).body.layout.frames).toEqual(before);
    expect((await api(server.url, 'PATCH', `/articles/${articleId}`, { cookie, body: { archived: false } })).status).toBe(200);
    expect((await api(server.url, 'GET', `/articles/${articleId}/placement?lang=en`, { cookie })).body.placed).toBe(true);

    const never = await api(server.url, 'GET', '/articles/zzzzzzzzzzzz/placement?lang=en', { cookie });
    expect(never.status).toBe(404);
    expect(never.body.error).toBe('No such article.');
    expect((await api(server.url, 'GET', `/articles/${articleId}/placement?lang=en`)).status).toBe(401);
  });
});
