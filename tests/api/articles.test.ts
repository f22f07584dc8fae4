import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { docAccess } from '../../server/policies/documents';
import type { Member } from '../../server/auth/members';

describe('editions and articles', () => {
  let server: TestServer;
  let member: { member: Member; cookie: string };
  let contributor: { member: Member; cookie: string };
  let otherContributor: { member: Member; cookie: string };
  beforeAll(async () => {
    server = await startTestServer();
    member = await memberWithCookie(server.db, server.url, { role: 'member' });
    contributor = await memberWithCookie(server.db, server.url, { role: 'contributor' });
    otherContributor = await memberWithCookie(server.db, server.url, { role: 'contributor' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates, lists, renames and archives an edition', async () => {
    const created = await api(server.url, 'POST', '/editions', {
      cookie: member.cookie,
      body: { number: 47, title: 'Issue 47', date: '2026-05-01', languages: ['en', 'es'], pageCount: 12 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 47, title: 'Issue 47', date: '2026-05-01', languages: ['en', 'es'], pageCount: 12, status: 'planning', archivedAt: null, articles: [] });
    const id = created.body.id;
    expect((await api(server.url, 'POST', '/editions', { cookie: member.cookie, body: { number: 47, title: 'Again' } })).status).toBe(409);

    const renamed = await api(server.url, 'PATCH', `/editions/${id}`, { cookie: member.cookie, body: { title: 'May Day issue', status: 'production' } });
    expect(renamed.body).toMatchObject({ title: 'May Day issue', status: 'production' });

    const archived = await api(server.url, 'PATCH', `/editions/${id}`, { cookie: member.cookie, body: { archived: true } });
    expect(archived.body.archivedAt).not.toBeNull();
    const list = await api(server.url, 'GET', '/editions', { cookie: member.cookie });
    expect(list.body.editions.map((e: { id: string }) => e.id)).not.toContain(id);
    const withArchived = await api(server.url, 'GET', '/editions?archived=1', { cookie: member.cookie });
    expect(withArchived.body.editions.map((e: { id: string }) => e.id)).toContain(id);
    const frozen = await api(server.url, 'PATCH', `/editions/${id}`, { cookie: member.cookie, body: { title: 'Nope' } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error).toMatch(/archived/);
    expect(docAccess(server.db, member.member, `layout.${id}.en`)).toBe('read');
    const back = await api(server.url, 'PATCH', `/editions/${id}`, { cookie: member.cookie, body: { archived: false } });
    expect(back.body.archivedAt).toBeNull();
    expect(docAccess(server.db, member.member, `layout.${id}.en`)).toBe('write');
    expect(docAccess(server.db, contributor.member, `layout.${id}.en`)).toBe('none');
  });

  it('creates an article with one version per edition language and returns its documents', async () => {
    const ed = await api(server.url, 'POST', '/editions', { cookie: member.cookie, body: { number: 48, title: 'Issue 48', languages: ['es'] } });
    const art = await api(server.url, 'POST', '/articles', { cookie: member.cookie, body: { title: 'Port strike', editionId: ed.body.id, section: 'Labour' } });
    expect(art.status).toBe(201);
    expect(art.body.versions.map((v: { lang: string }) => v.lang)).toEqual(['es']);
    expect(art.body.versions[0].docName).toBe(`article.${art.body.id}.es`);
    expect(art.body.memberIds).toEqual([member.member.id]);

    const pool = await api(server.url, 'POST', '/articles', { cookie: member.cookie, body: { title: 'Unplaced' } });
    expect(pool.body.editionId).toBeNull();
    expect(pool.body.versions.map((v: { lang: string; docName: string }) => [v.lang, v.docName])).toEqual([
      ['en', `article.${pool.body.id}.en`],
      ['es', `article.${pool.body.id}.es`],
    ]);

    const got = await api(server.url, 'GET', `/articles/${pool.body.id}`, { cookie: member.cookie });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: pool.body.id, title: 'Unplaced', section: '', editionId: null, collectiveId: null, archivedAt: null });
    expect(got.body.versions[0]).toEqual({ id: expect.any(String), lang: 'en', docName: `article.${pool.body.id}.en`, status: 'draft', sourceVersionId: null });

    const edition = await api(server.url, 'GET', `/editions/${ed.body.id}`, { cookie: member.cookie });
    expect(edition.body.articles.map((a: { id: string }) => a.id)).toEqual([art.body.id]);
    const inPool = await api(server.url, 'GET', '/articles?editionId=none', { cookie: member.cookie });
    expect(inPool.body.articles.map((a: { id: string }) => a.id)).toContain(pool.body.id);
    expect(inPool.body.articles.map((a: { id: string }) => a.id)).not.toContain(art.body.id);
    const inEdition = await api(server.url, 'GET', `/articles?editionId=${ed.body.id}`, { cookie: member.cookie });
    expect(inEdition.body.articles).toHaveLength(1);

    const missingEdition = await api(server.url, 'POST', '/articles', { cookie: member.cookie, body: { title: 'x', editionId: 'zzzzzzzzzzzz' } });
    expect(missingEdition.status).toBe(400);
    expect(missingEdition.body.error).toMatch(/^editionId:/);
    const twice = await api(server.url, 'POST', '/articles', { cookie: member.cookie, body: { title: 'x', languages: ['en', 'en'] } });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatch(/^languages:/);
  });

  it('renames, moves and archives an article; an archived article is read-only', async () => {
    const art = (await api(server.url, 'POST', '/articles', { cookie: member.cookie, body: { title: 'Draft title' } })).body;
    const renamed = await api(server.url, 'PATCH', `/articles/${art.id}`, { cookie: member.cookie, body: { title: 'Better title', section: 'Health' } });
    expect(renamed.body).toMatchObject({ title: 'Better title', section: 'Health' });
    const archived = await api(server.url, 'PATCH', `/articles/${art.id}`, { cookie: member.cookie, body: { archived: true } });
    expect(archived.body.archivedAt).not.toBeNull();
    expect(docAccess(server.db, member.member, `article.${art.id}.en`)).toBe('read');
    const list = await api(server.url, 'GET', '/articles', { cookie: member.cookie });
    expect(list.body.articles.map((a: { id: string }) => a.id)).not.toContain(art.id);
    const all = await api(server.url, 'GET', '/articles?archived=1', { cookie: member.cookie });
    expect(all.body.articles.map((a: { id: string }) => a.id)).toContain(art.id);
    const refused = await api(server.url, 'PATCH', `/articles/${art.id}`, { cookie: member.cookie, body: { title: 'Sneaky' } });
    expect(refused.status).toBe(409);
    expect((await api(server.url, 'GET', `/articles/${art.id}`, { cookie: member.cookie })).body.title).toBe('Better title');
    const back = await api(server.url, 'PATCH', `/articles/${art.id}`, { cookie: member.cookie, body: { archived: false } });
    expect(back.body.archivedAt).toBeNull();
    expect(docAccess(server.db, member.member, `article.${art.id}.en`)).toBe('write');
  });

  it('a contributor reaches only the articles they are on', async () => {
    const theirs = (await api(server.url, 'POST', '/articles', { cookie: contributor.cookie, body: { title: 'Letter from the mill' } })).body;
    const notTheirs = (await api(server.url, 'POST', '/articles', { cookie: member.cookie, body: { title: 'Internal notes' } })).body;
    expect(theirs.memberIds).toEqual([contributor.member.id]);

    const list = await api(server.url, 'GET', '/articles', { cookie: contributor.cookie });
    expect(list.body.articles.map((a: { id: string }) => a.id)).toEqual([theirs.id]);
    const hidden = await api(server.url, 'GET', `/articles/${notTheirs.id}`, { cookie: contributor.cookie });
    expect(hidden.status).toBe(404);
    expect((await api(server.url, 'PATCH', `/articles/${notTheirs.id}`, { cookie: contributor.cookie, body: { title: 'x' } })).status).toBe(404);
    expect((await api(server.url, 'GET', `/articles/${theirs.id}`, { cookie: otherContributor.cookie })).status).toBe(404);
    expect(docAccess(server.db, contributor.member, `article.${notTheirs.id}.en`)).toBe('none');
    expect(docAccess(server.db, contributor.member, `article.${theirs.id}.en`)).toBe('write');
    expect(docAccess(server.db, contributor.member, `article.${theirs.id}.xx`)).toBe('missing');
    expect(docAccess(server.db, contributor.member, 'article.zzzzzzzzzzzz.en')).toBe('missing');

    // Contributors do not reach editions, nor move or archive articles.
    expect((await api(server.url, 'GET', '/editions', { cookie: contributor.cookie })).body.editions).toEqual([]);
    expect((await api(server.url, 'POST', '/editions', { cookie: contributor.cookie, body: { number: 99, title: 'x' } })).status).toBe(403);
    const archive = await api(server.url, 'PATCH', `/articles/${theirs.id}`, { cookie: contributor.cookie, body: { archived: true } });
    expect(archive.status).toBe(403);
    expect((await api(server.url, 'PATCH', `/articles/${theirs.id}`, { cookie: contributor.cookie, body: { title: 'Letter from the old mill' } })).status).toBe(200);

    // A member puts the contributor on an article: now they reach it; taken off again, they do not.
    const put = await api(server.url, 'PUT', `/articles/${notTheirs.id}/members/${contributor.member.id}`, { cookie: member.cookie });
    expect(put.body.memberIds).toContain(contributor.member.id);
    expect((await api(server.url, 'GET', `/articles/${notTheirs.id}`, { cookie: contributor.cookie })).status).toBe(200);
    expect((await api(server.url, 'PUT', `/articles/${theirs.id}/members/${otherContributor.member.id}`, { cookie: contributor.cookie })).status).toBe(403);
    // Whom a contributor sees: themselves and the people on their articles, not the whole paper.
    const seen = await api(server.url, 'GET', '/members', { cookie: contributor.cookie });
    const seenIds = seen.body.members.map((x: { id: string }) => x.id).sort();
    expect(seenIds).toEqual([contributor.member.id, member.member.id].sort());
    expect(seenIds).not.toContain(otherContributor.member.id);
    await api(server.url, 'DELETE', `/articles/${notTheirs.id}/members/${contributor.member.id}`, { cookie: member.cookie });
    expect((await api(server.url, 'GET', `/articles/${notTheirs.id}`, { cookie: contributor.cookie })).status).toBe(404);
  });

  it('refuses everything to someone not logged in', async () => {
    for (const [method, path] of [['GET', '/articles'], ['POST', '/articles'], ['GET', '/editions'], ['GET', '/members'], ['GET', '/collectives']] as const) {
      const res = await api(server.url, method, path, { body: method === 'POST' ? { title: 'x' } : undefined });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe('collectives', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('an admin creates a collective with an approval rule, renames it and manages its members', async () => {
    const admin = await memberWithCookie(server.db, server.url, { role: 'admin' });
    const writer = await memberWithCookie(server.db, server.url, { role: 'member' });
    const created = await api(server.url, 'POST', '/collectives', { cookie: admin.cookie, body: { name: 'Writers, El Salvador', minApprovals: 3, objectionBlocks: false } });
    expect(created.status).toBe(201);
    expect(created.body.collective).toMatchObject({ name: 'Writers, El Salvador', minApprovals: 3, objectionBlocks: false, memberIds: [] });
    const id = created.body.collective.id;
    expect((await api(server.url, 'POST', '/collectives', { cookie: admin.cookie, body: { name: 'writers, el salvador' } })).status).toBe(409);
    expect((await api(server.url, 'POST', '/collectives', { cookie: writer.cookie, body: { name: 'Rogue' } })).status).toBe(403);

    const renamed = await api(server.url, 'PATCH', `/collectives/${id}`, { cookie: admin.cookie, body: { name: 'Writers' } });
    expect(renamed.body.collective).toMatchObject({ name: 'Writers', minApprovals: 3 });
    const added = await api(server.url, 'PUT', `/collectives/${id}/members/${writer.member.id}`, { cookie: admin.cookie });
    expect(added.body.collective.memberIds).toEqual([writer.member.id]);
    const seen = await api(server.url, 'GET', '/collectives', { cookie: writer.cookie });
    expect(seen.body.collectives[0]).toMatchObject({ name: 'Writers', memberIds: [writer.member.id] });
    const members = await api(server.url, 'GET', '/members', { cookie: writer.cookie });
    expect(members.body.members.find((m: { id: string }) => m.id === writer.member.id).collectiveIds).toEqual([id]);
    const removed = await api(server.url, 'DELETE', `/collectives/${id}/members/${writer.member.id}`, { cookie: admin.cookie });
    expect(removed.body.collective.memberIds).toEqual([]);
    expect((await api(server.url, 'PATCH', '/collectives/zzzzzzzzzzzz', { cookie: admin.cookie, body: { name: 'x' } })).status).toBe(404);
  });
});
