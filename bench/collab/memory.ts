import * as Y from 'yjs';
import { appendUpdates } from '../../server/collab/storage';
import { openDatabase } from '../../server/db/database';
import { writeArticle, type ArticleText } from '../../shared/editor/content';
import { allSynced, closeClient, openClient, sleep, type BenchClient } from './clients';
import { createArticles, freePort, login, prepareMember, rssBytes, spawnServer, tempDataDir } from './serverProcess';

/**
 * Server memory per open article: resident memory of the server process
 * before and after opening `articles` 1,000-word articles with four
 * connections each, divided by the number of articles.
 */
export async function measureMemoryPerArticle(articles: number): Promise<{ perArticle: number; words: number }> {
  const dataDir = tempDataDir('memory');
  const who = await prepareMember(dataDir);
  // As many other articles again for the warm-up (see below).
  const warmUp = articles;
  let docs: string[];
  {
    const server = await spawnServer({ dataDir, port: await freePort() });
    docs = await createArticles(server.url, await login(server.url, who), articles + warmUp);
    await server.stop();
  }
  // The text is written into the log the way the first-run seed does, so
  // the server starts with every article on disk and none in memory.
  const db = openDatabase(dataDir);
  let words = 0;
  for (const [i, name] of docs.entries()) {
    const doc = new Y.Doc();
    const text = articleOfWords(1000, i);
    words = countWords(text);
    writeArticle(doc, text);
    appendUpdates(db, name, [Y.encodeStateAsUpdate(doc)]);
  }
  db.close();

  const server = await spawnServer({ dataDir, port: await freePort() });
  try {
    const cookie = await login(server.url, who);
    // Warm up on as many other articles first, then let them leave memory:
    // the baseline is then a server that has served such a load before.
    // Without it, the one-time growth of V8's young generation (tens of MB,
    // sized by the allocation rate, kept for the process lifetime) would be
    // counted as if every article held a share of it.
    const warm = docs.slice(articles).flatMap((name) => fourClients(server.url, name, cookie));
    await allSynced(warm);
    for (const c of warm) closeClient(c);
    await sleep(7000); // idle documents unload after 5 s

    const before = await settledRss(server.pid);
    const open = docs.slice(0, articles).flatMap((name) => fourClients(server.url, name, cookie));
    await allSynced(open);
    const after = await settledRss(server.pid);
    for (const c of open) closeClient(c);
    return { perArticle: (after - before) / articles, words };
  } finally {
    await server.stop();
  }
}

function fourClients(url: string, name: string, cookie: string): BenchClient[] {
  return [1, 2, 3, 4].map((n) => openClient(url, name, cookie, `Reader ${n}`));
}

/** RSS after the process has had time to finish its work and collect garbage. */
async function settledRss(pid: number): Promise<number> {
  await sleep(3000);
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssBytes(pid));
    await sleep(200);
  }
  return readings.sort((a, b) => a - b)[2]!;
}

function countWords(text: ArticleText): number {
  const all = [text.headline, text.deck, text.byline, ...text.body.map((b) => b.text)].join(' ');
  return all.split(/\s+/).filter(Boolean).length;
}

// Words for generated bench articles (varied, so the text does not compress
// into a few repeated runs).
const WORDS = (
  'the tenants of the building on river street met again on tuesday evening and agreed to keep the rent strike ' +
  'going until the owner repairs the heating in every flat a neighbour who works nights said the cold had made ' +
  'her children ill twice this winter the collective will print the list of demands in both languages next week ' +
  'volunteers from the food bank brought soup and bread while the meeting voted on who would speak to the council ' +
  'several families said they had never been asked what they needed only told what they would get'
).split(' ');

/** About `target` words of article text, different for each seed. */
export function articleOfWords(target: number, seed: number): ArticleText {
  const body: ArticleText['body'] = [];
  let n = 0;
  let k = seed * 7;
  while (n < target - 12) {
    const subhead = body.length % 5 === 4;
    const length = Math.min(subhead ? 5 : 60 + ((k * 13) % 50), target - 12 - n);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(WORDS[(k += 5 + (i % 3)) % WORDS.length]!);
    const sentence = words.join(' ');
    body.push({ type: subhead ? 'subhead' : 'p', text: sentence[0]!.toUpperCase() + sentence.slice(1) + '.' });
    n += length;
  }
  return { headline: `Rent strike enters its ${seed + 2}nd week`, deck: 'Tenants keep up the pressure', byline: 'By the housing desk', body };
}
