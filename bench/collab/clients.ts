import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { webSocketWithCookie } from '../../tests/collab/clients';

/** A stock y-websocket client in Node, holding the session cookie like a browser would. */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export function openClient(serverUrl: string, docName: string, cookie: string, name = 'Bench'): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/collab`, docName, doc, {
    WebSocketPolyfill: webSocketWithCookie(cookie),
    disableBc: true, // all clients share this process; they must talk through the server
    maxBackoffTime: 200,
  });
  provider.awareness.setLocalStateField('user', { name, color: '#2e86de' });
  return { doc, provider };
}

export function closeClient(client: BenchClient): void {
  client.provider.destroy();
  client.doc.destroy();
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

export const allSynced = (clients: BenchClient[]) =>
  until(() => clients.every((c) => c.provider.synced), `${clients.length} clients to sync`);
