import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { DB } from '../../server/db/database';
import { api } from '../helpers/http';

/**
 * Real y-websocket clients for collaboration tests. In Node the provider
 * needs a WebSocket class; this one is the `ws` client with the session
 * cookie in the handshake, as a browser would send it.
 */
export function webSocketWithCookie(cookie: string | undefined): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the server sent, in order. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

export function collabUrl(serverUrl: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}/collab`;
}

export function connectClient(serverUrl: string, docName: string, cookie?: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(collabUrl(serverUrl), docName, doc, {
    WebSocketPolyfill: webSocketWithCookie(cookie),
    // In one Node process, BroadcastChannel would let two clients sync
    // without the server; every test here is about the server.
    disableBc: true,
    maxBackoffTime: 100,
  });
  const closes: TestClient['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (client: TestClient) => waitFor(() => client.provider.synced, 'sync');

/** Creates an article through the API; returns its id and the document names of its versions. */
export async function createArticle(
  serverUrl: string,
  cookie: string,
  title = 'A test article',
): Promise<{ id: string; docs: Record<string, string> }> {
  const res = await api<{ id: string; versions: { lang: string; docName: string }[] }>(serverUrl, 'POST', '/articles', {
    cookie,
    body: { title, languages: ['en', 'es'] },
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`creating an article: ${res.status}`);
  const docs: Record<string, string> = {};
  for (const v of res.body.versions) docs[v.lang] = v.docName;
  return { id: res.body.id, docs };
}

export interface LogRow {
  id: number;
  doc_name: string;
  data: Buffer;
}

/** Everything in the update log, to show that a refused message changed nothing. */
export function logRows(db: DB): LogRow[] {
  return db.prepare('SELECT id, doc_name, data FROM doc_updates ORDER BY id').all() as LogRow[];
}
