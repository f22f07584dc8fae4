import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { encodeAwarenessMessage } from '../../server/collab/protocol';
import { memberWithCookie } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { collabUrl, connectClient, createArticle, synced, waitFor, type TestClient } from './clients';

/**
 * Presence (carets and names) belongs to the connection that introduced it:
 * another member cannot change or remove it, and it leaves with its
 * connection. Ana and Carla use stock y-websocket clients; Mallory speaks
 * the protocol by hand, as someone meaning harm would.
 */
describe('awareness states belong to the connection that made them', () => {
  let server: TestServer;
  let docName: string;
  let anaCookie: string;
  let carlaCookie: string;
  let malloryCookie: string;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    ({ cookie: anaCookie } = await memberWithCookie(server.db, server.url, { login: 'ana', role: 'member' }));
    ({ cookie: carlaCookie } = await memberWithCookie(server.db, server.url, { login: 'carla', role: 'member' }));
    ({ cookie: malloryCookie } = await memberWithCookie(server.db, server.url, { login: 'mallory', role: 'member' }));
    docName = (await createArticle(server.url, anaCookie)).docs.en!;
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.terminate();
    await server.close();
  });

  const client = (cookie: string) => {
    const made = connectClient(server.url, docName, cookie);
    clients.push(made);
    return made;
  };

  /** A bare WebSocket on the document, logged in as the given member. */
  const rawSocket = async (cookie: string): Promise<WebSocket> => {
    const ws = new WebSocket(`${collabUrl(server.url)}/${docName}`, { headers: { cookie } });
    sockets.push(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return ws;
  };

  /** An awareness message claiming to come from `clientId`, at a clock far ahead of any real one. */
  const presenceOf = (clientId: number, state: Record<string, unknown> | null, clock = 1000): Uint8Array => {
    const fakeDoc = new Y.Doc();
    fakeDoc.clientID = clientId;
    const fake = new Awareness(fakeDoc);
    fake.meta.set(clientId, { clock: clock - 1, lastUpdated: Date.now() });
    fake.setLocalState(state);
    const message = encodeAwarenessMessage(encodeAwarenessUpdate(fake, [clientId]));
    fake.destroy();
    fakeDoc.destroy();
    return message;
  };

  const stateSeenBy = (observer: TestClient, clientId: number) => observer.provider.awareness.getStates().get(clientId);

  it('a member cannot change or remove another member’s caret and name', async () => {
    const ana = client(anaCookie);
    const carla = client(carlaCookie);
    await Promise.all([synced(ana), synced(carla)]);
    const anaId = ana.doc.clientID;
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#aa3300' });
    await waitFor(() => (stateSeenBy(carla, anaId) as { user?: { name: string } } | undefined)?.user?.name === 'Ana', 'Carla to see Ana');

    const mallory = await rawSocket(malloryCookie);
    mallory.send(presenceOf(anaId, { user: { name: 'Mallory pretending', color: '#000000' } }));
    mallory.send(presenceOf(anaId, null, 2000));
    // Then presence of Mallory's own: once Carla sees it, the server has
    // handled the two messages before it (one connection is read in order).
    const malloryId = 424242;
    mallory.send(presenceOf(malloryId, { user: { name: 'Mallory', color: '#00aa00' } }, 1));
    await waitFor(() => stateSeenBy(carla, malloryId) !== undefined, 'Carla to see Mallory’s own presence');

    expect(stateSeenBy(carla, anaId)).toEqual({ user: { name: 'Ana', color: '#aa3300' } });
    // Had the forged clock been taken, Ana's own next change would now be ignored as old.
    ana.provider.awareness.setLocalStateField('cursor', { at: 5 });
    await waitFor(() => (stateSeenBy(carla, anaId) as { cursor?: { at: number } })?.cursor?.at === 5, 'Ana’s caret move to reach Carla');
    expect(stateSeenBy(carla, anaId)).toMatchObject({ user: { name: 'Ana' } });

    // Mallory's connection stays open (it is not an error of the protocol), and it was logged once.
    expect(mallory.readyState).toBe(WebSocket.OPEN);
    const logged = server.logs.filter((line) => line.includes(`sent presence for client ${anaId}`));
    expect(logged, server.logs.join("\n")).toHaveLength(1);
    expect(logged[0]).toMatch(/dropped/);
  });

  it('a caret leaves with its connection, whether closed properly or cut off, and only that one', async () => {
    const ana = client(anaCookie);
    const ben = client(anaCookie); // Ana in a second tab: a presence of her own
    const carla = client(carlaCookie);
    await Promise.all([synced(ana), synced(ben), synced(carla)]);
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    ben.provider.awareness.setLocalStateField('user', { name: 'Ana (tab 2)' });
    const mallory = await rawSocket(malloryCookie);
    const malloryId = 515151;
    mallory.send(presenceOf(malloryId, { user: { name: 'Mallory' } }, 1));
    const anaId = ana.doc.clientID;
    const benId = ben.doc.clientID;
    await waitFor(
      () => [anaId, benId, malloryId].every((id) => stateSeenBy(carla, id) !== undefined),
      'Carla to see all three',
    );

    // A stock client closing sends no removal of its own: the server removes it.
    ana.provider.destroy();
    const closedAt = Date.now();
    await waitFor(() => stateSeenBy(carla, anaId) === undefined, 'Ana’s caret to leave', 2000);
    expect(Date.now() - closedAt).toBeLessThan(1000);
    expect(stateSeenBy(carla, benId)).toEqual({ user: { name: 'Ana (tab 2)' } });

    // Cut off without a closing handshake.
    mallory.terminate();
    await waitFor(() => stateSeenBy(carla, malloryId) === undefined, 'Mallory’s presence to leave', 2000);
    expect(stateSeenBy(carla, benId)).toEqual({ user: { name: 'Ana (tab 2)' } });
    expect(stateSeenBy(carla, carla.doc.clientID)).toBeDefined();
  });

  it('a reconnecting client takes its own presence back, while the old connection is still open', async () => {
    const carla = client(carlaCookie);
    await synced(carla);
    const first = await rawSocket(anaCookie);
    const anaId = 777001;
    first.send(presenceOf(anaId, { user: { name: 'Ana' } }, 1));
    await waitFor(() => stateSeenBy(carla, anaId) !== undefined, 'Carla to see Ana');
    // The same member's new connection (the old one not yet seen closed) carries on with the id.
    const second = await rawSocket(anaCookie);
    second.send(presenceOf(anaId, { user: { name: 'Ana, back' } }, 2));
    await waitFor(() => (stateSeenBy(carla, anaId) as { user?: { name: string } })?.user?.name === 'Ana, back', 'the new presence');
    // The old connection closing no longer takes it away.
    first.terminate();
    const mallory = await rawSocket(malloryCookie);
    mallory.send(presenceOf(515152, { user: { name: 'Mallory' } }, 1));
    await waitFor(() => stateSeenBy(carla, 515152) !== undefined, 'a later message');
    await new Promise((r) => setTimeout(r, 100));
    expect(stateSeenBy(carla, anaId)).toEqual({ user: { name: 'Ana, back' } });
    second.terminate();
    await waitFor(() => stateSeenBy(carla, anaId) === undefined, 'Ana’s presence to leave with the new connection', 2000);
  });
});
