import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collabOf } from '../../server/collab/server';
import { loadDoc } from '../../server/collab/storage';
import { readArticle, writeArticle } from '../../shared/editor/content';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectClient, createArticle, logRows, synced, waitFor, type TestClient } from './clients';

describe('live co-editing over the y-websocket protocol', () => {
  let server: TestServer;
  let cookie: string;
  let docName: string;
  let articleId: string;
  const clients: TestClient[] = [];
  const client = (name = docName, c = cookie) => {
    const made = connectClient(server.url, name, c);
    clients.push(made);
    return made;
  };

  beforeEach(async () => {
    server = await startTestServer();
    ({ cookie } = await memberWithCookie(server.db, server.url, { role: 'member' }));
    const article = await createArticle(server.url, cookie);
    articleId = article.id;
    docName = article.docs.en!;
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  it('two clients sync and each sees the other’s edits', async () => {
    const ana = client();
    const ben = client();
    await Promise.all([synced(ana), synced(ben)]);

    ana.doc.getText('notes').insert(0, 'Ana writes. ');
    await waitFor(() => ben.doc.getText('notes').toString() === 'Ana writes. ', 'Ben to see Ana’s text');
    ben.doc.getText('notes').insert(12, 'Ben answers.');
    await waitFor(() => ana.doc.getText('notes').toString() === 'Ana writes. Ben answers.', 'Ana to see Ben’s text');

    // Article-shaped content (the editor's XmlFragments) travels the same way.
    writeArticle(ana.doc, { headline: 'Rent strike', deck: '', byline: 'Ana', body: [{ type: 'p', text: 'It began.' }] });
    await waitFor(() => readArticle(ben.doc).headline === 'Rent strike', 'the headline to reach Ben');
    expect(readArticle(ben.doc).body).toEqual([{ type: 'p', text: 'It began.' }]);
  });

  it('stores every update before relaying it, and the text survives a restart', async () => {
    const ana = client();
    const ben = client();
    await Promise.all([synced(ana), synced(ben)]);
    ana.doc.getText('notes').insert(0, 'Written before the restart.');
    await waitFor(() => ben.doc.getText('notes').length > 0, 'Ben to receive the text');
    // Ben received it, so it is already in SQLite.
    expect(loadDoc(server.db, docName).getText('notes').toString()).toBe('Written before the restart.');

    for (const c of clients.splice(0)) c.destroy();
    const dataDir = server.dataDir;
    await server.close();
    server = await startTestServer({ dataDir });

    const carla = client();
    await synced(carla);
    expect(carla.doc.getText('notes').toString()).toBe('Written before the restart.');
  });

  it('a client that edited offline sends its edits when it connects', async () => {
    const ana = client();
    await synced(ana);
    ana.provider.disconnect();
    ana.doc.getText('notes').insert(0, 'typed offline');
    const ben = client();
    await synced(ben);
    expect(ben.doc.getText('notes').toString()).toBe('');
    ana.provider.connect();
    await waitFor(() => ben.doc.getText('notes').toString() === 'typed offline', 'the offline edit to arrive');
  });

  it('on shutdown, commits what is pending and closes connections with 1001', async () => {
    const ana = client();
    await synced(ana);
    const { hub } = collabOf(server.httpServer)!;
    // A server-side change, applied in memory; its commit is due at the end
    // of this event-loop turn, but the server is told to stop first.
    hub.open(docName).doc.getText('notes').insert(0, 'pending at shutdown');
    expect(logRows(server.db)).toEqual([]);
    const dataDir = server.dataDir;
    await server.close();
    await waitFor(() => ana.closes.length > 0, 'the client to see the close');
    expect(ana.closes[0]!.code).toBe(1001);
    server = await startTestServer({ dataDir });
    expect(loadDoc(server.db, docName).getText('notes').toString()).toBe('pending at shutdown');
  });

  it('relays presence (awareness) between clients', async () => {
    const ana = client();
    const ben = client();
    await Promise.all([synced(ana), synced(ben)]);
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#c0392b' });
    const anaId = ana.doc.clientID;
    await waitFor(
      () => (ben.provider.awareness.getStates().get(anaId) as { user?: { name: string } } | undefined)?.user?.name === 'Ana',
      'Ben to see Ana’s caret owner',
    );
    // A client joining later is told who is there.
    const carla = client();
    await synced(carla);
    await waitFor(() => carla.provider.awareness.getStates().has(anaId), 'Carla to see Ana');
    // When Ana leaves, the others see her go.
    ana.provider.destroy();
    await waitFor(() => !ben.provider.awareness.getStates().has(anaId), 'Ana’s presence to disappear');
  });

  it('read-only connections get the text but their updates are dropped', async () => {
    const writer = client();
    await synced(writer);
    writer.doc.getText('notes').insert(0, 'Final text.');
    await waitFor(() => logRows(server.db).length > 0, 'the text to be stored');
    writer.destroy();
    // An archived article is read-only for everyone.
    const archived = await api(server.url, 'PATCH', `/articles/${articleId}`, { cookie, body: { archived: true } });
    expect(archived.status).toBe(200);
    const rowsBefore = logRows(server.db);

    const reader = client();
    const other = client();
    await Promise.all([synced(reader), synced(other)]);
    expect(reader.doc.getText('notes').toString()).toBe('Final text.');
    reader.doc.getText('notes').insert(0, 'Sneaky edit. ');
    // Sent after the edit on the same socket: once the other reader sees
    // this presence, the server has handled (and dropped) the edit.
    reader.provider.awareness.setLocalStateField('marker', 'after-edit');
    await waitFor(
      () => (other.provider.awareness.getStates().get(reader.doc.clientID) as { marker?: string } | undefined)?.marker ===
        'after-edit',
      'the marker after the edit',
    );
    expect(other.doc.getText('notes').toString()).toBe('Final text.');
    expect(logRows(server.db)).toEqual(rowsBefore);
    expect(reader.closes).toEqual([]); // dropped quietly, not disconnected
  });
});
