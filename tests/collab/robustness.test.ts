import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDoc } from '../../server/collab/storage';
import { LIMITS } from '../../shared/limits';
import { memberWithCookie } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { collabUrl, connectClient, createArticle, logRows, synced, waitFor, type TestClient } from './clients';

/** A sync-update frame [0, 2, update] as a client would send it. */
function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A real update of some text, truncated inside its delete set: its structs are complete, the rest is not. */
function truncatedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'half of this must never be stored');
  doc.getText('notes').delete(0, 5);
  const full = Y.encodeStateAsUpdate(doc);
  return full.slice(0, full.length - 3);
}

/**
 * A corrupted update that decodes, but that Yjs throws on half-way through
 * applying it, after integrating part of it (found by a fixed, seeded search).
 */
function halfApplicableUpdate(): Uint8Array {
  const base = new Y.Doc();
  base.getText('t').insert(0, 'hello world');
  base.getXmlFragment('body').push([new Y.XmlElement('paragraph')]);
  base.getMap('m').set('k', { a: 1 });
  base.getText('t').delete(2, 3);
  const update = Y.encodeStateAsUpdate(base);
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (;;) {
    const m = update.slice();
    for (let f = 1 + Math.floor(random() * 3); f > 0; f--) m[Math.floor(random() * m.length)] = Math.floor(random() * 256);
    try {
      Y.decodeUpdate(m);
    } catch {
      continue;
    }
    const probe = new Y.Doc();
    let emitted = false;
    probe.on('update', () => (emitted = true));
    try {
      Y.applyUpdate(probe, m);
    } catch {
      if (emitted) return m;
    }
  }
}

describe('malformed and oversized frames', () => {
  let server: TestServer;
  let cookie: string;
  let docName: string;
  let ana: TestClient;
  let ben: TestClient;
  let round = 0;

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await memberWithCookie(server.db, server.url));
    docName = (await createArticle(server.url, cookie)).docs.en!;
    ana = connectClient(server.url, docName, cookie);
    ben = connectClient(server.url, docName, cookie);
    await Promise.all([synced(ana), synced(ben)]);
  });
  afterAll(async () => {
    ana.destroy();
    ben.destroy();
    await server.close();
  });

  /** Sends one frame on its own connection; resolves with how the server closed it. */
  async function sendOnOwnConnection(frame: Uint8Array | string) {
    const ws = new WebSocket(`${collabUrl(server.url)}/${docName}`, { headers: { cookie } });
    ws.on('error', () => {});
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(frame);
    return closed;
  }

  /** The other clients still edit together, and the server still answers HTTP. */
  async function othersStillWork() {
    const word = `round${++round} `;
    ana.doc.getText('notes').insert(0, word);
    await waitFor(() => ben.doc.getText('notes').toString().startsWith(word), `Ben to see "${word}"`);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }

  const cases: [string, () => Uint8Array | string, number, RegExp][] = [
    ['garbage bytes (a varint that never ends)', () => new Uint8Array([0xff, 0xff, 0xff, 0xff]), 4400, /bad message type/],
    ['an unknown message type', () => new Uint8Array([7, 0, 0]), 4400, /unknown message type 7/],
    ['an unknown sync step', () => new Uint8Array([0, 9, 0]), 4400, /unknown sync step/],
    ['a truncated sync message', () => updateFrame(new Uint8Array(40)).slice(0, 12), 4400, /truncated sync payload/],
    ['an update that is not a Yjs update', () => updateFrame(new Uint8Array([5, 200, 1, 7, 7, 7])), 4400, /not a valid Yjs update/],
    ['a truncated Yjs update', () => updateFrame(truncatedUpdate()), 4400, /not a valid Yjs update/],
    ['a bad awareness update', () => new Uint8Array([1, 4, 1, 1, 1, 0x7b]), 4400, /not a valid awareness update/],
    ['a bad state vector', () => new Uint8Array([0, 0, 2, 5, 1]), 4400, /not a valid state vector/],
    ['a text frame', () => 'hello', 4400, /expected binary/],
    ['a frame over the size limit', () => new Uint8Array(LIMITS.collabFrameBytes + 1), 1009, /^$/],
  ];

  for (const [name, frame, code, reason] of cases) {
    it(`closes only the connection that sent ${name}, and stores nothing`, async () => {
      await othersStillWork();
      const before = logRows(server.db);
      const closed = await sendOnOwnConnection(frame());
      expect(closed.code).toBe(code);
      expect(closed.reason).toMatch(reason);
      expect(logRows(server.db)).toEqual(before);
      expect(ana.closes).toEqual([]);
      await othersStillWork();
    });
  }

  it('an update Yjs throws on half-way is neither stored nor relayed; the document reloads from storage', async () => {
    await othersStillWork();
    const textBefore = ben.doc.getText('notes').toString();
    const before = logRows(server.db);
    const closed = await sendOnOwnConnection(updateFrame(halfApplicableUpdate()));
    expect(closed).toEqual({ code: 4400, reason: 'Yjs could not apply the update' });
    expect(logRows(server.db)).toEqual(before);
    // The others were asked to reconnect to the reloaded document and go on.
    await waitFor(() => ana.closes.length === 1 && ana.provider.synced && ben.provider.synced, 'the reconnect');
    expect(ana.closes[0]!.code).toBe(1012);
    expect(ben.doc.getText('t').toString()).toBe('');
    expect(ben.doc.getText('notes').toString()).toBe(textBefore);
    ana.closes.length = 0;
    await othersStillWork();
  });
});

describe('memory and log upkeep', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await memberWithCookie(server.db, server.url));
  });
  afterAll(async () => {
    await server.close();
  });

  it('unloads a document once its last connection is gone', async () => {
    const { hub } = (await import('../../server/collab/server')).collabOf(server.httpServer)!;
    hub.options.idleUnloadMs = 50;
    const docName = (await createArticle(server.url, cookie)).docs.en!;
    const ana = connectClient(server.url, docName, cookie);
    await synced(ana);
    ana.doc.getText('notes').insert(0, 'kept after unloading');
    expect(hub.loadedDocNames()).toContain(docName);
    await waitFor(() => logRows(server.db).some((r) => r.doc_name === docName), 'the edit to be stored');
    ana.destroy();
    await waitFor(() => !hub.loadedDocNames().includes(docName), 'the document to leave memory');

    const ben = connectClient(server.url, docName, cookie);
    await synced(ben);
    expect(ben.doc.getText('notes').toString()).toBe('kept after unloading');
    ben.destroy();
    await waitFor(() => !hub.loadedDocNames().includes(docName), 'the document to leave memory again');

    // A server-side change opens the document without a connection: it is
    // stored, and the document leaves memory again too.
    const live = hub.open(docName);
    live.doc.getText('notes').insert(0, 'Restored: ');
    hub.flush();
    expect(loadDoc(server.db, docName).getText('notes').toString()).toBe('Restored: kept after unloading');
    await waitFor(() => !hub.loadedDocNames().includes(docName), 'the server-opened document to leave memory');
  });

  it('compacts a long log into one row and keeps the text identical', async () => {
    const { hub } = (await import('../../server/collab/server')).collabOf(server.httpServer)!;
    hub.options.compactRows = 20;
    const docName = (await createArticle(server.url, cookie)).docs.en!;
    const ana = connectClient(server.url, docName, cookie);
    const ben = connectClient(server.url, docName, cookie);
    await Promise.all([synced(ana), synced(ben)]);
    const rowsOf = () => logRows(server.db).filter((r) => r.doc_name === docName);
    let maxRows = 0;
    for (let i = 0; i < 45; i++) {
      const body = ana.doc.getText('notes');
      body.insert(body.length, `word${i} `);
      if (i % 7 === 3) body.delete(0, 3);
      await waitFor(() => ben.doc.getText('notes').toString() === body.toString(), 'Ben to catch up');
      maxRows = Math.max(maxRows, rowsOf().length);
    }
    ana.doc.getXmlFragment('body').push([new Y.XmlElement('paragraph')]);
    await waitFor(() => ben.doc.getXmlFragment('body').length === 1, 'the paragraph');
    const expected = ana.doc.getText('notes').toString();
    // 46 updates were stored one by one; the log never held more than the threshold.
    await waitFor(() => rowsOf().length < 20, 'compaction');
    expect(maxRows).toBeLessThanOrEqual(20);

    const carla = connectClient(server.url, docName, cookie);
    await synced(carla);
    expect(carla.doc.getText('notes').toString()).toBe(expected);
    expect(carla.doc.getXmlFragment('body').length).toBe(1);
    for (const c of [ana, ben, carla]) c.destroy();
  });
});
