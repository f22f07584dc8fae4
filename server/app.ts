import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Config } from './config';
import type { AppContext, Closer } from './context';
import { openDatabase, type DB } from './db/database';
import { errorHandler } from './errors';
import { createApiRouter } from './routes/index';
import { announcePendingAdmins, baseUrl, seedFirstRun } from './seed/firstRun';
import { attachCollab } from './collab/server';
import { LIMITS } from '../shared/limits';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');

export interface Galley {
  url: string;
  port: number;
  db: DB;
  ctx: AppContext;
  httpServer: http.Server;
  /** Stops taking work, finishes pending writes, closes the database. */
  close(): Promise<void>;
}

/** Starts one Galley process: API, collaboration WebSocket and the built client on one port. */
export async function startServer(config: Config): Promise<Galley> {
  const db = openDatabase(config.dataDir);
  // Hooks run in order when the server shuts down: the collaboration layer flushes first, then the parts' own.
  const closers: Closer[] = [];
  const partClosers: Closer[] = [];
  const ctx: AppContext = { config, db, onClose: (closer) => partClosers.push(closer) };
  if (seedFirstRun(ctx)) config.log('First start: created a demo edition with articles in English and Spanish.');

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use('/api', express.json({ limit: LIMITS.jsonBodyBytes }));
  app.use('/api', createApiRouter(ctx));
  serveClient(app);
  app.use(errorHandler);

  const httpServer = http.createServer(app);
  closers.push(attachCollab(ctx, httpServer).close);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  announcePendingAdmins(ctx, baseUrl(config.host, port));

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      for (const closer of [...closers, ...partClosers]) await closer();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      db.close();
    })();
    return closing;
  };

  return { url: `http://${config.host}:${port}`, port, db, ctx, httpServer, close };
}

function serveClient(app: express.Express): void {
  app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
  // The client is a single-page app: every other GET that is not an API or
  // collaboration path gets index.html and routes itself.
  app.get(/^\/(?!api\/|collab\/).*/, (_req, res) => {
    const index = path.join(CLIENT_DIST, 'index.html');
    if (fs.existsSync(index)) res.sendFile(index);
    else res.status(503).type('text').send('The client is not built yet: run "npm run build".');
  });
}
