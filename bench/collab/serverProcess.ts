import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../../server/auth/passwords';
import { openDatabase } from '../../server/db/database';
import { newId } from '../../server/db/ids';

/**
 * The real server in its own process (`node server/start.mjs`, what
 * `npm start` runs: the bundled server, rebuilt first when stale), so that the benchmark's clients do not share its
 * event loop or heap.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'bench password 123';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startMs: number;
  /** CPU time the process had used by then (hardly moved by machine load, unlike startMs). */
  startCpuMs: number;
  /** SIGTERM and wait (a clean shutdown that flushes writes). */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
}

export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `galley-bench-${label}-`));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function spawnServer(opts: {
  dataDir: string;
  port: number;
  demo?: boolean;
  /** Extra node flags (e.g. --cpu-prof when looking for hot spots). */
  nodeArgs?: string[];
}): Promise<ServerProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'server/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      GALLEY_NO_DEMO: opts.demo ? '' : '1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Never leave a server behind if the benchmark itself dies.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', orphanGuard);
      resolve();
    }),
  );
  let dead = false;
  void exited.then(() => (dead = true));
  const url = `http://127.0.0.1:${opts.port}`;
  for (;;) {
    if (dead) throw new Error(`the server exited before answering: ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 30_000) throw new Error(`the server did not answer within 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const startMs = performance.now() - t0;
  const startCpuMs = cpuMs(child.pid!);
  return {
    child,
    pid: child.pid!,
    url,
    exited,
    startMs,
    startCpuMs,
    async stop() {
      if (!dead) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (!dead) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Puts a member with a password into a data dir before the server starts; returns the login. */
export async function prepareMember(dataDir: string): Promise<{ login: string; password: string }> {
  const db = openDatabase(dataDir);
  const login = `bench${newId().slice(0, 6)}`;
  db.prepare(
    "INSERT INTO members (id, login, display_name, role, password_hash) VALUES (?, ?, 'Bench', 'member', ?)",
  ).run(newId(), login, await hashPassword(PASSWORD));
  db.close();
  return { login, password: PASSWORD };
}

export async function login(url: string, who: { login: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Creates articles through the API; returns the English document name of each. */
export async function createArticles(url: string, cookie: string, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ title: `Bench article ${i + 1}`, languages: ['en'] }),
    });
    if (res.status !== 201) throw new Error(`creating an article: ${res.status} ${await res.text()}`);
    const article = (await res.json()) as { versions: { docName: string }[] };
    names.push(article.versions[0]!.docName);
  }
  return names;
}

/** Resident memory of a process in bytes (Linux). */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error('no VmRSS');
  return Number(kb[1]) * 1024;
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux). */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
