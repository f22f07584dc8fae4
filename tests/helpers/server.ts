import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type Galley } from '../../server/app';

export interface TestServer extends Galley {
  dataDir: string;
  /** Everything the server printed (the admin set-up link among it). */
  logs: string[];
}

/** A real Galley on a free port with its own SQLite file in a fresh temp folder. */
export async function startTestServer(opts: { dataDir?: string; seedDemo?: boolean } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'galley-test-'));
  const logs: string[] = [];
  const galley = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: opts.seedDemo ?? false,
    log: (m) => logs.push(m),
  });
  // The server runs inside the test process; a test that keeps that process
  // busy for a few seconds must not make the server drop a kept-alive
  // connection just as fetch reuses it (seen as "connection reset").
  galley.httpServer.keepAliveTimeout = 60_000;
  return Object.assign(galley, { dataDir, logs });
}
