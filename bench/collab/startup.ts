import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { median } from '../report';
import { freePort, ROOT, spawnServer, tempDataDir } from './serverProcess';

const DIST = path.join(ROOT, 'dist', 'client');

/** Builds the client (under the shared build lock) when dist/ is missing. */
export function ensureClientBuilt(): void {
  if (fs.existsSync(path.join(DIST, 'index.html'))) return;
  execSync('flock /tmp/galley-build.lock npx vite build --logLevel warn', { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Time from starting the server process (what `npm start` runs, the client
 * already built) to the first 200 of /api/health, median of `runs`.
 * `firstRun`: an empty DATA_DIR (database created, demo seeded) each time;
 * otherwise the same DATA_DIR restarted.
 */
export async function startupMs(runs: number, firstRun: boolean): Promise<{ wallMs: number; cpuMs: number }> {
  ensureClientBuilt();
  const times: number[] = [];
  const cpu: number[] = [];
  let dataDir = tempDataDir('start');
  for (let i = 0; i < runs + (firstRun ? 0 : 1); i++) {
    if (firstRun) dataDir = tempDataDir('start');
    const server = await spawnServer({ dataDir, port: await freePort(), demo: true });
    // The restart figure skips the first start, which created the database.
    if (firstRun || i > 0) {
      times.push(server.startMs);
      cpu.push(server.startCpuMs);
    }
    await server.stop();
  }
  return { wallMs: median(times), cpuMs: median(cpu) };
}

/**
 * The JavaScript a browser fetches to show the first screen: the module
 * script and the modulepreload links of dist/client/index.html, each
 * gzipped (as a server or CDN would send them), summed.
 */
export function firstLoadJsGzipBytes(): { bytes: number; files: number } {
  ensureClientBuilt();
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const src = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && src && !/^https?:/.test(src)) urls.add(src);
  }
  let bytes = 0;
  for (const url of urls) {
    const file = path.join(DIST, url.replace(/^\//, ''));
    bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
  return { bytes, files: urls.size };
}
