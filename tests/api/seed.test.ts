import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { loadDoc } from '../../server/collab/storage';
import { readArticle, type ArticleText } from '../../shared/editor/content';

const LINK = /(http:\/\/127\.0\.0\.1:\d+)\/setup\/([A-Za-z0-9_-]{43})/;

describe('first run on an empty data folder', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prints a one-time set-up link for the admin, who has no password', async () => {
    const printed = server.logs.join('\n');
    const match = LINK.exec(printed);
    expect(match, printed).not.toBeNull();
    expect(match![1]).toBe(server.url);
    const row = server.db.prepare("SELECT password_hash FROM members WHERE login = 'admin'").get() as { password_hash: string | null };
    expect(row.password_hash).toBeNull();
    // No password of any kind lets anyone in as admin.
    for (const guess of ['admin', 'password', 'galley', 'changeme123']) {
      expect((await api(server.url, 'POST', '/session', { body: { login: 'admin', password: guess } })).status).toBe(401);
    }
    const info = await api(server.url, 'GET', `/access-links/${match![2]}`);
    expect(info.body).toMatchObject({ kind: 'setup', role: 'admin', login: 'admin' });
  });

  it('the admin sets a password through the link and finds the demo edition with English and Spanish articles', async () => {
    const token = LINK.exec(server.logs.join('\n'))![2]!;
    const set = await api(server.url, 'POST', `/access-links/${token}`, { body: { password: 'the paper belongs to us' } });
    expect(set.status).toBe(200);
    const cookie = set.headers.get('set-cookie')!.split(';')[0]!;

    const editions = await api(server.url, 'GET', '/editions', { cookie });
    expect(editions.body.editions).toHaveLength(1);
    const edition = await api(server.url, 'GET', `/editions/${editions.body.editions[0].id}`, { cookie });
    expect(edition.body).toMatchObject({ number: 1, title: 'Issue 1', languages: ['en', 'es'] });
    expect(edition.body.articles.length).toBeGreaterThanOrEqual(3);

    for (const article of edition.body.articles) {
      expect(article.versions.map((v: { lang: string }) => v.lang)).toEqual(['en', 'es']);
      const [en, es] = (article.versions as { docName: string }[]).map((v): ArticleText => readArticle(loadDoc(server.db, v.docName)));
      for (const text of [en!, es!]) {
        expect(text.headline.length).toBeGreaterThan(10);
        expect(text.byline.length).toBeGreaterThan(5);
        expect(text.body.filter((b) => b.type === 'subhead').length).toBeGreaterThanOrEqual(1);
        expect(text.body.filter((b) => b.type === 'p').length).toBeGreaterThanOrEqual(3);
        expect(text.body.every((b) => b.id && b.id.length === 10)).toBe(true);
      }
      expect(en!.headline).not.toBe(es!.headline);
      expect(en!.body.length).toBe(es!.body.length);
    }
    const bylines = edition.body.articles.map((a: { versions: { docName: string }[] }) => readArticle(loadDoc(server.db, a.versions[0]!.docName)).byline);
    expect(bylines).toContain('Comrade in El Salvador');

    const collectives = await api(server.url, 'GET', '/collectives', { cookie });
    expect(collectives.body.collectives.map((c: { name: string }) => c.name).sort()).toEqual(['Layout collective', 'Translators', 'Writers']);
  });
});

describe('later starts', () => {
  it('print a fresh link while the admin has no password, old links stay valid, and the seed never repeats', async () => {
    const first = await startTestServer({ seedDemo: true });
    const firstToken = LINK.exec(first.logs.join('\n'))![2]!;
    const articles = (first.db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir, seedDemo: true });
    try {
      const secondToken = LINK.exec(second.logs.join('\n'))![2]!;
      expect(secondToken).not.toBe(firstToken);
      expect((second.db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(articles);
      expect((second.db.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n).toBe(1);
      expect((await api(second.url, 'GET', `/access-links/${firstToken}`)).status).toBe(200);
      const set = await api(second.url, 'POST', `/access-links/${firstToken}`, { body: { password: 'the paper belongs to us' } });
      expect(set.status).toBe(200);
      // Once the admin has a password, the other printed link is dead.
      expect((await api(second.url, 'GET', `/access-links/${secondToken}`)).status).toBe(404);
    } finally {
      await second.close();
    }

    const third = await startTestServer({ dataDir: first.dataDir, seedDemo: true });
    try {
      expect(third.logs.join('\n')).not.toMatch(/setup\//);
      expect(third.logs.join('\n')).not.toMatch(/demo edition/);
    } finally {
      await third.close();
    }
  });

  it('do not seed when seedDemo is off', async () => {
    const server = await startTestServer({ seedDemo: false });
    try {
      expect((server.db.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n).toBe(0);
      expect(server.logs).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
