import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { connectClient, synced, waitFor, type TestClient } from '../collab/clients';
import type { Member } from '../../server/auth/members';
import { loadDoc } from '../../server/collab/storage';
import { readArticle } from '../../shared/editor/content';
import { createArticle, SAMPLE_TEXT, writeStoredText, type TestArticle } from './fixtures';

interface Person {
  member: Member;
  cookie: string;
}

describe('comments anchored in the text', () => {
  let server: TestServer;
  let ana: Person, ben: Person, corr: Person, away: Person;
  const clients: TestClient[] = [];
  const call = (who: Person | null, method: string, path: string, body?: unknown) =>
    api(server.url, method, path, { cookie: who?.cookie, body });
  const commentCount = () => (server.db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n;
  const second = SAMPLE_TEXT.body[1]!.text; // "They asked for twenty minutes of rest every four hours."
  const secondStart = SAMPLE_TEXT.body[0]!.text.length + 1;

  beforeAll(async () => {
    server = await startTestServer();
    ana = await memberWithCookie(server.db, server.url, { login: 'ana', displayName: 'Ana' });
    ben = await memberWithCookie(server.db, server.url, { login: 'ben', displayName: 'Ben' });
    corr = await memberWithCookie(server.db, server.url, { role: 'contributor', login: 'corr', displayName: 'Corr' });
    away = await memberWithCookie(server.db, server.url, { role: 'contributor', login: 'away', displayName: 'Away' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  function newArticle(): TestArticle {
    const article = createArticle(server.db, { memberIds: [corr.member.id] });
    writeStoredText(server.db, article.docNames.en, SAMPLE_TEXT);
    return article;
  }

  it('a comment on a sentence stays on it while someone else edits around it live', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const writer = connectClient(server.url, article.docNames.en, ben.cookie);
    clients.push(writer);
    await synced(writer);
    const made = await call(ana, 'POST', `/versions/${v}/comments`, {
      field: 'body',
      from: secondStart,
      to: secondStart + second.length,
      body: 'Is it twenty or thirty minutes?',
    });
    expect(made.status).toBe(201);
    expect(made.body.thread).toMatchObject({ anchor: { quote: second }, originalQuote: second, author: { displayName: 'Ana' } });
    // Ben types before the sentence, right after it, and in the first paragraph.
    const para = (i: number) => (writer.doc.getXmlFragment('body').get(i) as Y.XmlElement).get(0) as Y.XmlText;
    writer.doc.transact(() => para(1).insert(0, 'On Monday, '));
    writer.doc.transact(() => para(1).insert(para(1).length, ' Nobody answered.'));
    writer.doc.transact(() => para(0).insert(0, 'Early: '));
    await waitFor(() => readArticle(loadDoc(server.db, article.docNames.en)).body[1]!.text.endsWith('Nobody answered.'), 'the edits to be stored');
    const threads = (await call(corr, 'GET', `/versions/${v}/comments`)).body.threads;
    expect(threads).toHaveLength(1);
    expect(threads[0].anchor.quote).toBe(second);
    const body = readArticle(loadDoc(server.db, article.docNames.en)).body.map((b) => b.text).join('\n');
    expect(body.slice(threads[0].anchor.from, threads[0].anchor.to)).toBe(second);
    // Deleting the sentence leaves the thread without a place, not lost.
    writer.doc.transact(() => para(1).delete(0, para(1).length));
    await waitFor(() => readArticle(loadDoc(server.db, article.docNames.en)).body[1]!.text === '', 'the deletion to be stored');
    const orphan = (await call(ana, 'GET', `/versions/${v}/comments`)).body.threads[0];
    expect(orphan).toMatchObject({ anchor: null, originalQuote: second });
  });

  it('refuses a comment anchored outside the text; nothing is stored', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const before = commentCount();
    const past = await call(ana, 'POST', `/versions/${v}/comments`, { field: 'headline', from: 5, to: 500, body: 'x' });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatch(/not inside the headline text \(it has 33 characters\)/);
    expect((await call(ana, 'POST', `/versions/${v}/comments`, { field: 'body', from: 8, to: 8, body: 'x' })).status).toBe(400);
    expect((await call(ana, 'POST', `/versions/${v}/comments`, { field: 'body', from: -3, to: 2, body: 'x' })).status).toBe(400);
    const garbage = await call(ana, 'POST', `/versions/${v}/comments`, { field: 'body', start: 'AAAA', end: 'AQID', body: 'x' });
    expect(garbage.status).toBe(400);
    // Relative positions made in another article's text do not anchor here.
    const other = newArticle();
    const otherDoc = loadDoc(server.db, other.docNames.en);
    const foreignText = (otherDoc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');
    const foreign = await call(ana, 'POST', `/versions/${v}/comments`, {
      field: 'body',
      start: b64(Y.createRelativePositionFromTypeIndex(foreignText, 0)),
      end: b64(Y.createRelativePositionFromTypeIndex(foreignText, 5)),
      body: 'x',
    });
    expect(foreign.status).toBe(400);
    const both = await call(ana, 'POST', `/versions/${v}/comments`, { field: 'body', body: 'no anchor' });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/either from and to/);
    expect((await call(ana, 'POST', `/versions/${v}/comments`, { field: 'footer', from: 0, to: 2, body: 'x' })).status).toBe(400);
    expect(commentCount()).toBe(before);
  });

  it('accepts relative positions the editor computed', async () => {
    const article = newArticle();
    const doc = loadDoc(server.db, article.docNames.en);
    const text = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');
    const res = await call(corr, 'POST', `/versions/${article.versions.en}/comments`, {
      field: 'body',
      start: b64(Y.createRelativePositionFromTypeIndex(text, 4)),
      end: b64(Y.createRelativePositionFromTypeIndex(text, 11, -1)),
      body: 'Which drivers?',
    });
    expect(res.status).toBe(201);
    expect(res.body.thread.anchor).toEqual({ from: 4, to: 11, quote: 'drivers' });
  });

  it('replies, @mentions, resolve and reopen; the author is always the session member', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const made = await call(corr, 'POST', `/versions/${v}/comments`, { field: 'headline', from: 0, to: 11, body: 'Shorter?' });
    const id = made.body.thread.id;
    const before = (await call(ben, 'GET', '/notifications/unread-count')).body.unread;
    const reply = await call(ana, 'POST', `/comments/${id}/replies`, { body: 'Agreed, @ben can you cut it? @away too' });
    expect(reply.status).toBe(201);
    expect(reply.body.thread.replies).toEqual([
      expect.objectContaining({ author: { id: ana.member.id, displayName: 'Ana' }, body: 'Agreed, @ben can you cut it? @away too' }),
    ]);
    const notes = await call(ben, 'GET', '/notifications?unread=1');
    expect(notes.body.unread).toBe(before + 1);
    expect(notes.body.notifications[0]).toMatchObject({ kind: 'mention', versionId: v, actor: { displayName: 'Ana' } });
    // Away cannot see the article, so is not told.
    expect((await call(away, 'GET', '/notifications')).body.notifications).toEqual([]);
    const forged = await call(ana, 'POST', `/comments/${id}/replies`, { body: 'as Ben', memberId: ben.member.id });
    expect(forged.status).toBe(400);
    const resolved = await call(ben, 'POST', `/comments/${id}/resolve`);
    expect(resolved.body.thread).toMatchObject({ resolvedBy: ben.member.id });
    expect((await call(ben, 'POST', `/comments/${id}/resolve`)).status).toBe(409);
    const reopened = await call(corr, 'POST', `/comments/${id}/reopen`);
    expect(reopened.body.thread.resolvedAt).toBeNull();
    expect((await call(ana, 'POST', `/comments/${reply.body.thread.replies[0].id}/resolve`)).status).toBe(404);
  });

  it('keeps comments to people on the article', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const made = await call(ana, 'POST', `/versions/${v}/comments`, { field: 'body', from: 0, to: 3, body: 'Hm' });
    const id = made.body.thread.id;
    expect((await call(away, 'GET', `/versions/${v}/comments`)).status).toBe(404);
    expect((await call(away, 'POST', `/versions/${v}/comments`, { field: 'body', from: 0, to: 3, body: 'x' })).status).toBe(404);
    expect((await call(away, 'POST', `/comments/${id}/replies`, { body: 'x' })).status).toBe(404);
    expect((await call(away, 'POST', `/comments/${id}/resolve`)).status).toBe(404);
    expect((await call(null, 'GET', `/versions/${v}/comments`)).status).toBe(401);
    expect((await call(corr, 'GET', `/versions/${v}/comments`)).status).toBe(200);
    server.db.prepare("UPDATE articles SET archived_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(article.id);
    expect((await call(ana, 'POST', `/versions/${v}/comments`, { field: 'body', from: 0, to: 3, body: 'x' })).status).toBe(403);
    expect((await call(ana, 'POST', `/comments/${id}/resolve`)).status).toBe(403);
    expect((await call(ana, 'GET', `/versions/${v}/comments`)).status).toBe(200);
  });
});
