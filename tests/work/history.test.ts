import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { connectClient, synced, waitFor, type TestClient } from '../collab/clients';
import type { Member } from '../../server/auth/members';
import { loadDoc } from '../../server/collab/storage';
import { readArticle } from '../../shared/editor/content';
import { sweepCheckpoints, takeCheckpoint } from '../../server/work/history/checkpoints';
import {
  appendToLastParagraph,
  createArticle,
  createCollective,
  editStoredText,
  SAMPLE_TEXT,
  writeStoredText,
  type TestArticle,
} from './fixtures';

interface Person {
  member: Member;
  cookie: string;
}

describe('version history: checkpoints, compare, restore', () => {
  let server: TestServer;
  let ana: Person, corr: Person, away: Person;
  const call = (who: Person | null, method: string, path: string, body?: unknown) =>
    api(server.url, method, path, { cookie: who?.cookie, body });
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ana = await memberWithCookie(server.db, server.url, { login: 'ana', displayName: 'Ana' });
    corr = await memberWithCookie(server.db, server.url, { role: 'contributor', login: 'corr', displayName: 'Corr' });
    away = await memberWithCookie(server.db, server.url, { role: 'contributor', login: 'away', displayName: 'Away' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  function newArticle(): TestArticle {
    const collective = createCollective(server.db, {});
    const article = createArticle(server.db, { collectiveId: collective, memberIds: [corr.member.id] });
    writeStoredText(server.db, article.docNames.en, SAMPLE_TEXT);
    return article;
  }

  it('names a version, lists it, opens it read-only and compares it with the current text', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const named = await call(corr, 'POST', `/versions/${v}/checkpoints`, { name: 'Sent to the collective' });
    expect(named.status).toBe(201);
    expect(named.body.checkpoint).toMatchObject({ kind: 'named', name: 'Sent to the collective', createdBy: { displayName: 'Corr' }, wordCount: 38 });
    editStoredText(server.db, article.docNames.en, appendToLastParagraph(' Management refused.'));
    const list = await call(ana, 'GET', `/versions/${v}/checkpoints`);
    expect(list.status).toBe(200);
    const names = list.body.checkpoints.map((c: { kind: string; name: string }) => `${c.kind}:${c.name}`);
    expect(names).toContain('named:Sent to the collective');
    const opened = await call(ana, 'GET', `/checkpoints/${named.body.checkpoint.id}`);
    expect(opened.body.text).toEqual(SAMPLE_TEXT);
    const compared = await call(ana, 'GET', `/checkpoints/${named.body.checkpoint.id}/compare`);
    expect(compared.body.diff).toMatchObject({ insertedWords: 2, deletedWords: 0 });
    expect(compared.body.diff.parts.find((p: { op: string }) => p.op === 'insert').text).toBe(' Management refused.');
  });

  it('keeps history to people on the article, and refuses bad names', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const named = await call(ana, 'POST', `/versions/${v}/checkpoints`, { name: 'Before cuts' });
    const id = named.body.checkpoint.id;
    expect((await call(away, 'GET', `/versions/${v}/checkpoints`)).status).toBe(404);
    expect((await call(away, 'GET', `/checkpoints/${id}`)).status).toBe(404);
    expect((await call(away, 'GET', `/checkpoints/${id}/compare`)).status).toBe(404);
    expect((await call(away, 'POST', `/checkpoints/${id}/restore`)).status).toBe(404);
    expect((await call(away, 'POST', `/versions/${v}/checkpoints`, { name: 'x' })).status).toBe(404);
    expect((await call(null, 'GET', `/versions/${v}/checkpoints`)).status).toBe(401);
    expect((await call(corr, 'GET', `/checkpoints/${id}`)).status).toBe(200);
    expect((await call(ana, 'POST', `/versions/${v}/checkpoints`, { name: '  ' })).status).toBe(400);
    expect((await call(ana, 'GET', '/checkpoints/zzzzzzzzzzzz')).status).toBe(404);
    server.db.prepare("UPDATE articles SET archived_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(article.id);
    expect((await call(ana, 'POST', `/checkpoints/${id}/restore`)).status).toBe(403);
    expect((await call(ana, 'POST', `/versions/${v}/checkpoints`, { name: 'late' })).status).toBe(403);
    expect((await call(ana, 'GET', `/checkpoints/${id}`)).status).toBe(200);
  });

  it('restores a named version as a new edit that both connected editors receive', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const named = await call(ana, 'POST', `/versions/${v}/checkpoints`, { name: 'Agreed text' });
    const first = connectClient(server.url, article.docNames.en, ana.cookie);
    const second = connectClient(server.url, article.docNames.en, corr.cookie);
    clients.push(first, second);
    await synced(first);
    await synced(second);
    expect(readArticle(second.doc)).toEqual(SAMPLE_TEXT);
    // Ana writes on: a sentence added, the headline changed.
    first.doc.transact(() => appendToLastParagraph(' A later sentence nobody agreed on.')(first.doc));
    first.doc.transact(() => {
      const headline = (first.doc.getXmlFragment('headline').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      headline.insert(0, 'Breaking: ');
    });
    await waitFor(() => readArticle(second.doc).headline.startsWith('Breaking: '), 'the edit to reach the second editor');
    await waitFor(() => readArticle(loadDoc(server.db, article.docNames.en)).headline.startsWith('Breaking'), 'the edit to be stored');

    const restored = await call(ana, 'POST', `/checkpoints/${named.body.checkpoint.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toBe(true);
    // Durable when the API answers, and received by both editors.
    expect(readArticle(loadDoc(server.db, article.docNames.en))).toEqual(SAMPLE_TEXT);
    await waitFor(() => JSON.stringify(readArticle(first.doc)) === JSON.stringify(SAMPLE_TEXT), 'the first editor to receive the restore');
    await waitFor(() => JSON.stringify(readArticle(second.doc)) === JSON.stringify(SAMPLE_TEXT), 'the second editor to receive the restore');
    // What was replaced is kept, and the decision log says who restored what.
    const before = restored.body.checkpoints.find((c: { name: string }) => c.name === 'Before restoring Agreed text');
    expect(before).toBeDefined();
    const opened = await call(ana, 'GET', `/checkpoints/${before.id}`);
    expect(opened.body.text.headline).toBe('Breaking: Bus drivers win back their breaks');
    const log = (await call(corr, 'GET', `/articles/${article.id}/decisions`)).body.decisions;
    expect(log.map((d: { action: string; detail: string }) => `${d.action}:${d.detail}`)).toEqual([
      'named_version:Agreed text',
      'restored_version:Agreed text',
    ]);
    // Editing goes on normally after a restore.
    second.doc.transact(() => appendToLastParagraph(' Written after.')(second.doc));
    await waitFor(() => readArticle(first.doc).body[1]!.text.endsWith('Written after.'), 'an edit after the restore');
  });

  it('restores into a document nobody has open, straight into storage', async () => {
    const article = newArticle();
    const named = await call(ana, 'POST', `/versions/${article.versions.en}/checkpoints`, { name: 'Original' });
    editStoredText(server.db, article.docNames.en, appendToLastParagraph(' Extra.'));
    const restored = await call(ana, 'POST', `/checkpoints/${named.body.checkpoint.id}/restore`);
    expect(restored.body.restored).toBe(true);
    expect(readArticle(loadDoc(server.db, article.docNames.en))).toEqual(SAMPLE_TEXT);
    const again = await call(ana, 'POST', `/checkpoints/${named.body.checkpoint.id}/restore`);
    expect(again.body.restored).toBe(false);
  });

  it('refuses a restore it cannot store, changing nothing, whether the document is open or not', async () => {
    const article = newArticle();
    const named = await call(ana, 'POST', `/versions/${article.versions.en}/checkpoints`, { name: 'Original' });
    editStoredText(server.db, article.docNames.en, appendToLastParagraph(' Kept.'));
    const stored = () => readArticle(loadDoc(server.db, article.docNames.en));
    const before = stored();
    const restoredEntries = () =>
      (server.db.prepare("SELECT count(*) AS n FROM decisions WHERE article_id = ? AND action = 'restored_version'").get(article.id) as { n: number }).n;
    // Storage refuses every new update from now on (as a full disk would).
    server.db.exec(`CREATE TRIGGER refuse_updates BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const closed = await call(ana, 'POST', `/checkpoints/${named.body.checkpoint.id}/restore`);
      expect(closed.status).toBe(503);
      expect(closed.body.error).toMatch(/could not be saved, so nothing was changed/);
      const editor = connectClient(server.url, article.docNames.en, ana.cookie);
      clients.push(editor);
      await synced(editor);
      const open = await call(ana, 'POST', `/checkpoints/${named.body.checkpoint.id}/restore`);
      expect(open.status).toBe(503);
      expect(stored()).toEqual(before);
      expect(restoredEntries()).toBe(0);
    } finally {
      server.db.exec('DROP TRIGGER refuse_updates');
    }
    // Once storage works again, so does the restore.
    const again = await call(ana, 'POST', `/checkpoints/${named.body.checkpoint.id}/restore`);
    expect(again.status).toBe(200);
    expect(stored()).toEqual(SAMPLE_TEXT);
  });

  it('takes automatic checkpoints at most every few minutes of editing, only when the text changed', () => {
    const article = newArticle();
    const version = { id: article.versions.en, doc_name: article.docNames.en };
    const count = () =>
      (server.db.prepare("SELECT count(*) AS n FROM checkpoints WHERE version_id = ? AND kind = 'auto'").get(version.id) as { n: number }).n;
    const t0 = new Date('2026-03-01T10:00:00.000Z');
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    // The first sweep after writing takes one.
    takeCheckpoint(server.db, version, { kind: 'auto', at: t0.toISOString() });
    expect(count()).toBe(1);
    // Nothing edited since: none.
    sweepCheckpoints(server.db, minutes(10));
    expect(count()).toBe(1);
    editStoredText(server.db, article.docNames.en, appendToLastParagraph(' One.'));
    // Edited, but the last checkpoint is two minutes old: not yet.
    sweepCheckpoints(server.db, minutes(2));
    expect(count()).toBe(1);
    sweepCheckpoints(server.db, minutes(6));
    expect(count()).toBe(2);
  });
});
