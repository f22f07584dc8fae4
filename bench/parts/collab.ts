import os from 'node:os';
import { crashRun } from '../collab/crash';
import { measureLatency } from '../collab/latency';
import { measureMemoryPerArticle } from '../collab/memory';
import { cpuMs, createArticles, freePort, login, prepareMember, spawnServer, tempDataDir } from '../collab/serverProcess';
import { firstLoadJsGzipBytes, startupMs } from '../collab/startup';
import { percentile, round, type Figure } from '../report';

/**
 * The collaboration benchmark (issue 2). Every measurement runs the real
 * server in its own process, spawned as `npm start` runs it, against stock
 * y-websocket clients in this process, so client work does not distort
 * the server's figures. Goals: p99 < 5 ms spread and < 25 ms burst, < 200 KB
 * per open article, 0 lost in the crash run, start < 2 s, first load < 400 KB.
 */
export async function run(): Promise<Figure[]> {
  // Each y-websocket client adds a process 'exit' listener; 200 are expected.
  process.setMaxListeners(0);
  const figures: Figure[] = [];
  const load = () => figures.push({ name: 'machine load average (1 min) during the part above', value: round(os.loadavg()[0]!), unit: '' });

  figures.push(...(await latencyFigures()));
  load();

  const memory = await measureMemoryPerArticle(100);
  figures.push({
    name: `server memory (RSS) per open ${memory.words}-word article with 4 connections`,
    value: round(memory.perArticle / 1024, 1),
    unit: 'KB',
  });

  const crash = await crashRun(20);
  figures.push(
    { name: `crash run: edits received from the server but missing after restart (${crash.kills} SIGKILLs)`, value: crash.lost, unit: 'edits' },
    { name: 'crash run: received edits checked against storage after the crashes', value: crash.checked, unit: 'edits' },
    { name: `crash run: typed edits missing after clients resynced (of ${crash.written})`, value: crash.missingAfterResync, unit: 'edits' },
  );

  const restart = await startupMs(5, false);
  const firstStart = await startupMs(5, true);
  figures.push(
    { name: 'start to first /api/health 200 (existing data, median of 5)', value: Math.round(restart.wallMs), unit: 'ms' },
    { name: 'CPU time of that start (user + system)', value: Math.round(restart.cpuMs), unit: 'ms' },
    { name: 'start to first /api/health 200 (empty data dir, first run, median of 5)', value: Math.round(firstStart.wallMs), unit: 'ms' },
    { name: 'CPU time of that first start (user + system)', value: Math.round(firstStart.cpuMs), unit: 'ms' },
  );
  const js = firstLoadJsGzipBytes();
  figures.push({ name: `client first-load JavaScript, gzipped (${js.files} files)`, value: round(js.bytes / 1024, 1), unit: 'KB' });
  load();
  return figures;
}

async function latencyFigures(): Promise<Figure[]> {
  const dataDir = tempDataDir('latency');
  const who = await prepareMember(dataDir);
  const server = await spawnServer({ dataDir, port: await freePort() });
  try {
    const cookie = await login(server.url, who);
    const docs = await createArticles(server.url, cookie, 50);
    const cpuBefore = cpuMs(server.pid);
    const { spread, burst, edits } = await measureLatency(server.url, cookie, docs, {
      rate: 500,
      spreadMs: 10_000,
      burstRounds: 40,
    });
    // Includes connecting the 200 clients; a figure that machine load hardly moves.
    const serverCpuPerEdit = ((cpuMs(server.pid) - cpuBefore) * 1000) / edits;
    const what = '200 clients on 50 documents';
    return [
      { name: `collab latency p50, ${what}, 500 updates/s spread`, value: round(percentile(spread, 50)), unit: 'ms' },
      { name: `collab latency p99, ${what}, 500 updates/s spread`, value: round(percentile(spread, 99)), unit: 'ms' },
      { name: `collab latency p50, ${what}, 50 writers in the same instant`, value: round(percentile(burst, 50)), unit: 'ms' },
      { name: `collab latency p99, ${what}, 50 writers in the same instant`, value: round(percentile(burst, 99)), unit: 'ms' },
      { name: 'collab latency receipts measured (spread + burst)', value: spread.length + burst.length, unit: 'receipts' },
      { name: 'server CPU time per edit (store + relay to 3 readers)', value: Math.round(serverCpuPerEdit), unit: 'µs' },
    ];
  } finally {
    await server.stop();
  }
}
