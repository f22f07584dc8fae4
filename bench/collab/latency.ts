import type * as Y from 'yjs';
import { allSynced, closeClient, openClient, sleep, until, type BenchClient } from './clients';

/**
 * Propagation latency: the time from a writer's edit to the moment another
 * client's document shows it, through the server. One writer and three
 * readers per document; each edit appends a token "<seq>;" that the readers
 * recognise. All clients live in this process, the server in its own.
 */
export interface LatencyResult {
  spread: number[];
  burst: number[];
  /** Edits written, warm-up included. */
  edits: number;
}

interface Room {
  writer: BenchClient;
  readers: BenchClient[];
  sentAt: number[];
}

export async function measureLatency(
  url: string,
  cookie: string,
  docNames: string[],
  opts: { rate: number; spreadMs: number; burstRounds: number },
): Promise<LatencyResult> {
  let samples: number[] = [];
  let received = 0;
  const rooms: Room[] = docNames.map((name, i) => {
    const room: Room = {
      writer: openClient(url, name, cookie, `Writer ${i}`),
      readers: [1, 2, 3].map((r) => openClient(url, name, cookie, `Reader ${i}.${r}`)),
      sentAt: [],
    };
    for (const reader of room.readers) {
      reader.doc.getText('body').observe((event: Y.YTextEvent, tr: Y.Transaction) => {
        if (tr.local) return;
        const now = performance.now();
        for (const op of event.delta) {
          if (typeof op.insert !== 'string') continue;
          for (const m of op.insert.matchAll(/(\d+);/g)) {
            samples.push(now - room.sentAt[Number(m[1])]!);
            received++;
          }
        }
      });
    }
    return room;
  });
  const clients = rooms.flatMap((r) => [r.writer, ...r.readers]);
  await allSynced(clients);

  let edits = 0;
  const write = (room: Room) => {
    edits++;
    const seq = room.sentAt.length;
    const text = room.writer.doc.getText('body');
    room.sentAt.push(performance.now());
    text.insert(text.length, `${seq};`);
  };

  /** Writers take turns at `rate` edits per second overall, as people typing. */
  const spread = async (ms: number) => {
    const start = performance.now();
    let sent = 0;
    while (performance.now() - start < ms) {
      const due = Math.floor(((performance.now() - start) * opts.rate) / 1000);
      for (; sent < due; sent++) write(rooms[sent % rooms.length]!);
      await sleep(1);
    }
    return sent;
  };

  await spread(1500); // warm-up, not counted
  await sleep(300);
  samples = [];
  received = 0;
  const sent = await spread(opts.spreadMs);
  await until(() => received >= sent * 3, 'every spread edit to reach every reader', 60_000);
  const spreadSamples = samples;

  samples = [];
  for (let round = 0; round < opts.burstRounds; round++) {
    received = 0;
    // Every writer edits in the same instant.
    for (const room of rooms) write(room);
    await until(() => received >= rooms.length * 3, 'every burst edit to reach every reader', 60_000);
    await sleep(30 + (round % 5) * 10);
  }
  const burstSamples = samples;

  for (const client of clients) closeClient(client);
  return { spread: spreadSamples, burst: burstSamples, edits };
}
