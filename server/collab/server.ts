import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppContext } from '../context';
import { memberFromCookieHeader } from '../auth/sessions';
import { docAccess } from '../policies/documents';
import { parseDocName } from '../../shared/docNames';
import { LIMITS } from '../../shared/limits';
import { startCheckpointer } from './checkpointer';
import { CollabHub, type HubOptions } from './hub';
import type { Connection } from './liveDoc';

/**
 * Close codes of a refused connection (sent after the handshake, because a
 * browser sees nothing of an HTTP refusal of a WebSocket upgrade). All are
 * in 4400-4499, which a stock y-websocket client takes as final.
 *   4401 not logged in
 *   4403 logged in, but this member may not open this document (or the
 *        connection comes from another site)
 *   4404 no such document: the name is not a valid document name, or it
 *        names nothing that exists. 4404 rather than 4403 so that the
 *        client can say "this article no longer exists".
 */
export const REFUSE = { notLoggedIn: 4401, forbidden: 4403, noSuchDocument: 4404 } as const;

const KEEPALIVE_MS = 30_000;
const CHECKPOINT_MS = 1_000;

export interface CollabServer {
  hub: CollabHub;
  close(): Promise<void>;
}

const byHttpServer = new WeakMap<http.Server, CollabServer>();
const byContext = new WeakMap<AppContext, CollabServer>();

/** The collaboration layer attached to an HTTP server (tests look into it). */
export function collabOf(httpServer: http.Server): CollabServer | undefined {
  return byHttpServer.get(httpServer);
}

/**
 * The collaboration layer of an app context, for API routes that change a
 * live document (restoring a checkpoint, server/work/history): they apply
 * their change to hub.open(name).doc and call hub.flush(), so it is stored
 * and relayed to every connected editor like any other update.
 */
export function collabOfContext(ctx: AppContext): CollabServer | undefined {
  return byContext.get(ctx);
}

/** Serves ws://HOST:PORT/collab/<docName> on the given HTTP server. */
export function attachCollab(
  ctx: AppContext,
  httpServer: http.Server,
  options: Partial<HubOptions> = {},
): CollabServer {
  const checkpointer = startCheckpointer(ctx.db, CHECKPOINT_MS, ctx.config.log);
  const hub = new CollabHub(ctx.db, {
    idleUnloadMs: 5_000,
    compactRows: 500,
    log: ctx.config.log,
    ...options,
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.collabFrameBytes,
    // Compression would cost a zlib context per connection, hundreds of KB,
    // to save little on small binary updates.
    perMessageDeflate: false,
    clientTracking: true,
  });
  const connections = new WeakMap<WebSocket, Connection>();
  let closing = false;

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const match = /^\/collab\/([^/?#]*)(?:[?#].*)?$/.exec(req.url ?? '');
    if (!match) return refuseHttp(socket, 404, 'Not Found');
    if (closing) return refuseHttp(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, match[1]!));
  };

  const accept = (ws: WebSocket, req: http.IncomingMessage, rawName: string) => {
    ws.on('error', (err) => {
      // A broken socket or a frame over the size limit (ws then closes with
      // 1009 by itself): only this connection is affected.
      if (!/payload size|closed before/i.test(err.message)) ctx.config.log(`collab: socket error: ${err.message}`);
    });
    if (!sameSite(req)) return ws.close(REFUSE.forbidden, 'connection from another site');
    const member = memberFromCookieHeader(ctx.db, req.headers.cookie);
    if (!member) return ws.close(REFUSE.notLoggedIn, 'not logged in');
    const docName = decodeName(rawName);
    if (!docName || !parseDocName(docName)) return ws.close(REFUSE.noSuchDocument, 'not a document name');
    const access = docAccess(ctx.db, member, docName);
    if (access === 'missing') return ws.close(REFUSE.noSuchDocument, 'no such document');
    if (access === 'none') return ws.close(REFUSE.forbidden, 'you may not open this document');

    let live;
    try {
      live = hub.open(docName);
    } catch (err) {
      ctx.config.log(`collab: could not load ${docName}: ${String(err)}`);
      return ws.close(1011, 'document could not be loaded');
    }
    const conn = hub.join(live, ws, access === 'write', member.id);
    connections.set(ws, conn);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return hub.refuse(conn, 4400, 'expected binary frames');
      const frame = data as Buffer; // binaryType 'nodebuffer', no fragments kept apart
      hub.receive(conn, new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('close', () => hub.leave(conn));
  };

  httpServer.on('upgrade', onUpgrade);

  // A peer that vanished without closing (sleeping laptop, dead network)
  // does not answer pings; its socket is dropped so the document can unload.
  const keepalive = setInterval(() => {
    for (const ws of wss.clients) {
      const conn = connections.get(ws);
      if (!conn) continue;
      if (!conn.alive) {
        ws.terminate();
        continue;
      }
      conn.alive = false;
      ws.ping();
    }
  }, KEEPALIVE_MS);
  keepalive.unref();

  const server: CollabServer = {
    hub,
    async close() {
      closing = true;
      clearInterval(keepalive);
      httpServer.off('upgrade', onUpgrade);
      await hub.close();
      await checkpointer.stop();
      // Refused connections (4401/4403/4404) may still be in their handshake.
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  byHttpServer.set(httpServer, server);
  byContext.set(ctx, server);
  return server;
}

function decodeName(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Browsers send the cookie with a WebSocket opened from any page, so a
 * foreign page could otherwise edit as the member (cross-site WebSocket
 * hijacking). A browser always sends Origin; it must name this host. Clients
 * that are not browsers send no Origin and have to hold the cookie anyway.
 */
function sameSite(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === req.headers.host) return true;
  // Behind a reverse proxy on this machine (the app trusts loopback
  // proxies), the public host arrives as X-Forwarded-Host.
  const forwarded = req.headers['x-forwarded-host'];
  const fromLoopback = /^(127\.|::1$|::ffff:127\.)/.test(req.socket.remoteAddress ?? '');
  return fromLoopback && typeof forwarded === 'string' && forwarded.split(',')[0]!.trim() === host;
}

function refuseHttp(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
