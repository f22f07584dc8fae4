import { loadDoc } from '../../server/collab/storage';
import { openDatabase } from '../../server/db/database';
import { allSynced, closeClient, openClient, sleep, type BenchClient } from './clients';
import { createArticles, freePort, login, prepareMember, spawnServer, tempDataDir } from './serverProcess';

export interface CrashResult {
  kills: number;
  /** Edits some client had received from the server that were not in storage after the crash. */
  lost: number;
  /** Edits received from the server and checked against storage, summed over all crashes. */
  checked: number;
  /** Edits typed by any client that are missing once everyone reconnected and synced. */
  missingAfterResync: number;
  written: number;
}

const TOKEN = /c(\d+)n(\d+);/g;

/**
 * The server is killed with SIGKILL under continuous editing, `kills`
 * times. After each crash, before the server runs again, the database is
 * read the way the restarted server will read it, and every edit that any
 * client had received from the server must be in it: the server relays
 * only what it has committed. (Checking after the clients reconnect would
 * hide a loss, since the writers resend what they still have.)
 */
export async function crashRun(kills: number): Promise<CrashResult> {
  const dataDir = tempDataDir('crash');
  const who = await prepareMember(dataDir);
  const port = await freePort();
  let server = await spawnServer({ dataDir, port });
  const cookie = await login(server.url, who);
  const docs = await createArticles(server.url, cookie, 4);

  const received = new Set<string>();
  const written: string[] = [];
  const clients: BenchClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  for (const [d, name] of docs.entries()) {
    for (let w = 0; w < 3; w++) {
      const id = d * 3 + w;
      const client = openClient(server.url, name, cookie, `Writer ${id}`);
      clients.push(client);
      const text = client.doc.getText('body');
      text.observe((event, tr) => {
        if (tr.local) return;
        for (const op of event.delta) {
          if (typeof op.insert === 'string') for (const m of op.insert.matchAll(TOKEN)) received.add(m[0]);
        }
      });
      let seq = 0;
      // Typing goes on whether or not the server is up (offline edits sync later).
      timers.push(
        setInterval(() => {
          const token = `c${id}n${seq++};`;
          written.push(token);
          text.insert(text.length, token);
        }, 15 + w * 5),
      );
    }
  }
  await allSynced(clients);

  let lost = 0;
  let checked = 0;
  for (let k = 0; k < kills; k++) {
    await sleep(300 + ((k * 137) % 500));
    await server.kill();
    await sleep(50); // frames already on their way still land
    const seen = [...received];
    const stored = storedTokens(dataDir, docs);
    for (const token of seen) if (!stored.has(token)) lost++;
    checked += seen.length;
    server = await spawnServer({ dataDir, port });
  }

  for (const t of timers) clearInterval(t);
  await allSynced(clients);
  await sleep(1500); // the last resync answers travel and are stored
  await server.stop();
  const final = storedTokens(dataDir, docs);
  const missingAfterResync = written.filter((t) => !final.has(t)).length;
  for (const c of clients) closeClient(c);
  return { kills, lost, checked, missingAfterResync, written: written.length };
}

/** Every token in the stored documents, read as a restarting server reads them. */
function storedTokens(dataDir: string, docs: string[]): Set<string> {
  const db = openDatabase(dataDir);
  const tokens = new Set<string>();
  try {
    for (const name of docs) {
      const doc = loadDoc(db, name);
      for (const m of doc.getText('body').toString().matchAll(TOKEN)) tokens.add(m[0]);
      doc.destroy();
    }
  } finally {
    db.close();
  }
  return tokens;
}
