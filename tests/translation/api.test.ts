import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { connectClient, synced, waitFor } from '../collab/clients';
import { appendUpdates, countUpdates, loadDoc } from '../../server/collab/storage';
import { writeArticle, type ArticleText } from '../../shared/editor/content';
import { readVersionBlocks } from '../../shared/translation/links';

interface Version {
  id: string;
  lang: 'en' | 'es';
  docName: string;
  sourceVersionId: string | null;
}
interface Article {
  id: string;
  versions: Version[];
}
interface Progress {
  total: number;
  translated: number;
  outdated: number;
  missing: number;
  orphaned: number;
}

const TEXT: ArticleText = {
  headline: 'Library stays open on Sundays',
  deck: 'Volunteers take the weekend shifts',
  byline: 'By Jo Park',
  body: [
    { type: 'p', text: 'The neighborhood library will keep its doors open on Sundays.', id: 'srcpara1' },
    { type: 'subhead', text: 'Who runs it', id: 'srcsub1' },
    { type: 'p', text: 'Twelve volunteers signed up for the first month.', id: 'srcpara2' },
  ],
};

let server: TestServer;
let writer: string;
let contributor: string;

beforeAll(async () => {
  server = await startTestServer();
  writer = (await memberWithCookie(server.db, server.url, { login: 'writer' })).cookie;
  contributor = (await memberWithCookie(server.db, server.url, { login: 'corresponsal', role: 'contributor' })).cookie;
});
afterAll(async () => {
  await server.close();
});

async function newArticle(opts: { languages?: string[]; editionId?: string; text?: ArticleText } = {}): Promise<Article> {
  const res = await api<Article>(server.url, 'POST', '/articles', {
    cookie: writer,
    body: { title: 'Library hours', languages: opts.languages ?? ['en'], ...(opts.editionId ? { editionId: opts.editionId } : {}) },
  });
  expect(res.status).toBe(201);
  const en = res.body.versions.find((v) => v.lang === 'en')!;
  const doc = new Y.Doc();
  writeArticle(doc, opts.text ?? TEXT);
  appendUpdates(server.db, en.docName, [Y.encodeStateAsUpdate(doc)]);
  return res.body;
}

const start = (articleId: string, body: unknown, cookie = writer) =>
  api<Article & { error?: string }>(server.url, 'POST', `/articles/${articleId}/translations`, { cookie, body });

const status = async (articleId: string) => {
  const res = await api<{ translations: { lang: string; sourceLang: string; progress: Progress }[] }>(
    server.url,
    'GET',
    `/articles/${articleId}/translation-status`,
    { cookie: writer },
  );
  expect(res.status).toBe(200);
  return res.body.translations;
};

/** Everything stored for an article's documents, to show a refusal changed nothing. */
function snapshot(article: Article) {
  return {
    versions: server.db.prepare('SELECT id, lang, source_version_id FROM versions WHERE article_id = ? ORDER BY lang').all(article.id),
    docs: ['en', 'es'].map((lang) => Buffer.from(Y.encodeStateAsUpdate(loadDoc(server.db, `article.${article.id}.${lang}`))).toString('base64')),
  };
}

describe('starting a translation', () => {
  it('creates the Spanish version linked paragraph by paragraph to the English one', async () => {
    const article = await newArticle();
    const res = await start(article.id, { from: 'en', to: 'es', mode: 'empty' });
    expect(res.status).toBe(201);
    const en = res.body.versions.find((v) => v.lang === 'en')!;
    const es = res.body.versions.find((v) => v.lang === 'es')!;
    expect(es.sourceVersionId).toBe(en.id);

    const target = readVersionBlocks(loadDoc(server.db, es.docName));
    expect(target.body.map((b) => [b.subhead, b.src, b.text, b.srcText])).toEqual([
      [false, 'srcpara1', '', TEXT.body[0]!.text],
      [true, 'srcsub1', '', TEXT.body[1]!.text],
      [false, 'srcpara2', '', TEXT.body[2]!.text],
    ]);
    expect(target.headline[0]?.srcText).toBe(TEXT.headline);
    expect(await status(article.id)).toEqual([
      { versionId: es.id, lang: 'es', sourceVersionId: en.id, sourceLang: 'en', progress: { total: 6, translated: 0, outdated: 0, missing: 6, orphaned: 0 } },
    ]);
  });

  it('copies the source text when asked, formatting included', async () => {
    const article = await newArticle();
    const res = await start(article.id, { from: 'en', to: 'es', mode: 'copy' });
    expect(res.status).toBe(201);
    const es = res.body.versions.find((v) => v.lang === 'es')!;
    expect(readVersionBlocks(loadDoc(server.db, es.docName)).body.map((b) => b.text)).toEqual(TEXT.body.map((b) => b.text));
    expect((await status(article.id))[0]?.progress).toEqual({ total: 6, translated: 6, outdated: 0, missing: 0, orphaned: 0 });
  });

  it('turns a blank version of the other language into the translation', async () => {
    const article = await newArticle({ languages: ['en', 'es'] });
    const res = await start(article.id, { from: 'en', to: 'es' });
    expect(res.status).toBe(201);
    const es = res.body.versions.find((v) => v.lang === 'es')!;
    expect(es.id).toBe(article.versions.find((v) => v.lang === 'es')!.id);
    expect(readVersionBlocks(loadDoc(server.db, es.docName)).body).toHaveLength(3);
  });

  it('shows the structure at once to someone who has the blank version open', async () => {
    const article = await newArticle({ languages: ['en', 'es'] });
    const es = article.versions.find((v) => v.lang === 'es')!;
    const client = connectClient(server.url, es.docName, writer);
    try {
      await synced(client);
      expect(await start(article.id, { from: 'en', to: 'es', mode: 'copy' }).then((r) => r.status)).toBe(201);
      await waitFor(() => readVersionBlocks(client.doc).body.length === 3, 'the translation structure to reach the open editor');
      expect(readVersionBlocks(client.doc).body[0]?.text).toBe(TEXT.body[0]!.text);
    } finally {
      client.destroy();
    }
  });

  it('gives ids to source paragraphs that have none before linking to them', async () => {
    const article = await newArticle({ text: { ...TEXT, body: TEXT.body.map(({ type, text }) => ({ type, text })) } });
    expect((await start(article.id, { from: 'en', to: 'es' })).status).toBe(201);
    const source = readVersionBlocks(loadDoc(server.db, `article.${article.id}.en`));
    const target = readVersionBlocks(loadDoc(server.db, `article.${article.id}.es`));
    expect(source.body.every((b) => b.id)).toBe(true);
    expect(target.body.map((b) => b.src)).toEqual(source.body.map((b) => b.id));
  });
});

describe('refusals leave every document as it was', () => {
  it('refuses a language that already has a translation or a version with text (409)', async () => {
    const article = await newArticle();
    expect((await start(article.id, { from: 'en', to: 'es' })).status).toBe(201);
    const before = snapshot(article);
    const again = await start(article.id, { from: 'en', to: 'es', mode: 'copy' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already has a Spanish translation/);
    expect(snapshot(article)).toEqual(before);

    const both = await newArticle({ languages: ['en', 'es'] });
    const es = both.versions.find((v) => v.lang === 'es')!;
    const written = new Y.Doc();
    writeArticle(written, { headline: 'Ya escrito', deck: '', byline: '', body: [{ type: 'p', text: 'Texto propio.' }] });
    appendUpdates(server.db, es.docName, [Y.encodeStateAsUpdate(written)]);
    const rows = countUpdates(server.db, es.docName);
    const refused = await start(both.id, { from: 'en', to: 'es' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/already has a Spanish version with text/);
    expect(countUpdates(server.db, es.docName)).toBe(rows);
    expect(readVersionBlocks(loadDoc(server.db, es.docName)).body[0]?.text).toBe('Texto propio.');
  });

  it('refuses a language the paper does not publish (400)', async () => {
    const edition = await api<{ id: string }>(server.url, 'POST', '/editions', {
      cookie: writer,
      body: { number: 48, title: 'English only', languages: ['en'] },
    });
    expect(edition.status).toBe(201);
    const article = await newArticle({ editionId: edition.body.id });
    const before = snapshot(article);
    const res = await start(article.id, { from: 'en', to: 'es' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not published in Spanish/);
    expect(snapshot(article)).toEqual(before);

    const french = await start(article.id, { from: 'en', to: 'fr' });
    expect(french.status).toBe(400);
    expect(french.body.error).toMatch(/to.*must be "en" or "es"/);
  });

  it('refuses nonsense requests with a message (400)', async () => {
    const article = await newArticle();
    const before = snapshot(article);
    const same = await start(article.id, { from: 'en', to: 'en' });
    expect(same.status).toBe(400);
    expect(same.body.error).toMatch(/other language/);
    const noSource = await start(article.id, { from: 'es', to: 'en' });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error).toMatch(/no Spanish version to translate from/);
    expect((await start(article.id, { from: 'en', to: 'es', mode: 'machine' })).status).toBe(400);
    expect((await start(article.id, { from: 'en' })).status).toBe(400);
    expect(snapshot(article)).toEqual(before);
  });

  it('refuses members without access to the source', async () => {
    const article = await newArticle();
    const before = snapshot(article);
    const hidden = await start(article.id, { from: 'en', to: 'es' }, contributor);
    expect(hidden.status).toBe(404);
    expect((await start(article.id, { from: 'en', to: 'es' }, '')).status).toBe(401);
    expect((await start('nosucharticl', { from: 'en', to: 'es' })).status).toBe(404);
    const statusRes = await api(server.url, 'GET', `/articles/${article.id}/translation-status`, { cookie: contributor });
    expect(statusRes.status).toBe(404);

    const archived = await api(server.url, 'PATCH', `/articles/${article.id}`, { cookie: writer, body: { archived: true } });
    expect(archived.status).toBe(200);
    const res = await start(article.id, { from: 'en', to: 'es' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/archived/);
    expect(snapshot(article)).toEqual(before);
  });
});

describe('translation progress', () => {
  it('reports a link to a paragraph that no longer exists as orphaned, not an error', async () => {
    const article = await newArticle();
    expect((await start(article.id, { from: 'en', to: 'es', mode: 'copy' })).status).toBe(201);
    // The writer deletes the last paragraph and rewrites the first.
    const sourceName = `article.${article.id}.en`;
    const source = loadDoc(server.db, sourceName);
    const sv = Y.encodeStateVector(source);
    const body = source.getXmlFragment('body');
    body.delete(2, 1);
    const first = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    first.insert(first.length - 1, ' and holidays');
    appendUpdates(server.db, sourceName, [Y.encodeStateAsUpdate(source, sv)]);

    expect((await status(article.id))[0]?.progress).toEqual({ total: 5, translated: 4, outdated: 1, missing: 0, orphaned: 1 });

    const other = await newArticle();
    const list = await api<{ progress: Record<string, { progress: Progress }[]> }>(
      server.url,
      'GET',
      `/translation-progress?articleIds=${article.id},${other.id}`,
      { cookie: writer },
    );
    expect(list.status).toBe(200);
    expect(list.body.progress[article.id]?.[0]?.progress.orphaned).toBe(1);
    expect(list.body.progress[other.id]).toEqual([]);
    expect((await api(server.url, 'GET', '/translation-progress?articleIds=not-an-id', { cookie: writer })).status).toBe(400);
  });
});
