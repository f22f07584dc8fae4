import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { startServer, type Galley } from '../../server/app';
import type { DB } from '../../server/db/database';
import { newId } from '../../server/db/ids';
import { hashPassword } from '../../server/auth/passwords';
import { appendUpdates, loadUpdates } from '../../server/collab/storage';
import { takeCheckpoint } from '../../server/work/history/checkpoints';
import { writeArticle, type Block } from '../../shared/editor/content';
import { articleDocName } from '../../shared/docNames';
import { TASK_KINDS } from '../../shared/work/types';
import { median, percentile, round, type Figure } from '../report';

/**
 * Collective work (issue 4), against a real server over HTTP:
 *   the board of an edition with 300 tasks and 60 members (goal < 50 ms),
 *   the history of an article with 500 checkpoints (goal < 200 ms).
 * Data is written straight into the server's SQLite file first; every
 * measured request goes through HTTP, the session cookie, the policies and
 * the presenters like a browser's.
 */
const ROUNDS = 60;
const PASSWORD = 'bench password 1234';

export async function run(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-bench-work-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, seedDemo: false, log: () => {} });
  try {
    const db = server.db;
    const login = await seedMembers(db, 60);
    const editionId = seedBoard(db, 300);
    const versionId = seedHistory(db, 500);
    const cookie = await loginCookie(server, login);

    const board = await timeRequests(server, cookie, `/api/editions/${editionId}/board`, (body) => {
      const columns = (body as { board: { columns: Record<string, unknown[]> } }).board.columns;
      const n = Object.values(columns).reduce((sum, c) => sum + c.length, 0);
      if (n !== 300) throw new Error(`the board showed ${n} tasks, not 300`);
    });
    const filtered = await timeRequests(server, cookie, `/api/editions/${editionId}/board?kind=layout`, () => {});
    const history = await timeRequests(server, cookie, `/api/versions/${versionId}/checkpoints`, (body) => {
      const n = (body as { checkpoints: unknown[] }).checkpoints.length;
      if (n !== 500) throw new Error(`the history listed ${n} checkpoints, not 500`);
    });
    const latest = (db.prepare('SELECT id FROM checkpoints WHERE version_id = ? ORDER BY created_at LIMIT 1').get(versionId) as { id: string }).id;
    const compare = await timeRequests(server, cookie, `/api/checkpoints/${latest}/compare`, () => {});
    return [
      { name: 'edition board, 300 tasks, 60 members: median over HTTP (goal < 50)', value: round(median(board)), unit: 'ms' },
      { name: 'edition board, 300 tasks: 95th percentile', value: round(percentile(board, 95)), unit: 'ms' },
      { name: 'edition board filtered by kind: median', value: round(median(filtered)), unit: 'ms' },
      { name: 'article history, 500 checkpoints: median over HTTP (goal < 200)', value: round(median(history)), unit: 'ms' },
      { name: 'article history, 500 checkpoints: 95th percentile', value: round(percentile(history, 95)), unit: 'ms' },
      { name: 'compare the oldest checkpoint with the current text: median', value: round(median(compare)), unit: 'ms' },
      // Shared machines run other work at the same time: the load says how far to trust the figures above.
      { name: 'machine load average (1 min) during this part', value: round(os.loadavg()[0]!), unit: '' },
    ];
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeRequests(server: Galley, cookie: string, url: string, check: (body: unknown) => void): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const start = performance.now();
    const res = await fetch(server.url + url, { headers: { cookie } });
    const body: unknown = await res.json();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    check(body);
    if (i >= 5) times.push(ms); // the first few warm the statement cache
  }
  return times;
}

let memberIds: string[] = [];

export async function seedMembers(db: DB, count: number): Promise<string> {
  const hash = await hashPassword(PASSWORD);
  const insert = db.prepare('INSERT INTO members (id, login, display_name, role, password_hash) VALUES (?, ?, ?, ?, ?)');
  memberIds = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = newId();
      memberIds.push(id);
      insert.run(id, `member${i}`, `Member ${i}`, i === 0 ? 'admin' : 'member', hash);
    }
  })();
  return 'member1';
}

/** An edition with 40 articles (two versions each) and 300 tasks over versions, pages and the edition, held, learned and offered. */
export function seedBoard(db: DB, taskCount: number): string {
  const editionId = newId();
  db.prepare('INSERT INTO editions (id, number, title, page_count) VALUES (?, 47, ?, 16)').run(editionId, 'Issue 47');
  const collectives = ['Writers', 'Translators', 'Layout collective', 'Pictures'].map((name) => {
    const id = newId();
    db.prepare('INSERT INTO collectives (id, name) VALUES (?, ?)').run(id, name);
    return id;
  });
  const versions: string[] = [];
  db.transaction(() => {
    for (let a = 0; a < 40; a++) {
      const articleId = newId();
      db.prepare('INSERT INTO articles (id, edition_id, title, collective_id) VALUES (?, ?, ?, ?)').run(articleId, editionId, `Story ${a}`, collectives[0]);
      for (const lang of ['en', 'es'] as const) {
        const id = newId();
        versions.push(id);
        db.prepare('INSERT INTO versions (id, article_id, lang, doc_name) VALUES (?, ?, ?, ?)').run(id, articleId, lang, articleDocName(articleId, lang));
      }
    }
    const insertTask = db.prepare(
      `INSERT INTO tasks (id, kind, title, subject_type, subject_id, page_number, edition_id, collective_id, due_date, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertRole = db.prepare('INSERT INTO task_roles (task_id, member_id, role, started_at) VALUES (?, ?, ?, ?)');
    const insertOffer = db.prepare("INSERT INTO task_offers (id, task_id, kind, from_member_id, to_member_id) VALUES (?, ?, 'propose', ?, ?)");
    const insertEvent = db.prepare("INSERT INTO task_events (task_id, actor_id, event) VALUES (?, ?, 'created')");
    for (let t = 0; t < taskCount; t++) {
      const id = newId();
      const kind = TASK_KINDS[t % TASK_KINDS.length]!;
      const onPage = kind === 'layout' || kind === 'proofread';
      const status = (['open', 'taken', 'taken', 'in_review', 'done'] as const)[t % 5]!;
      const due = `2026-0${1 + (t % 9)}-${String(1 + (t % 28)).padStart(2, '0')}`;
      insertTask.run(
        id,
        kind,
        `Task ${t}`,
        onPage ? 'page' : 'version',
        onPage ? editionId : versions[t % versions.length]!,
        onPage ? 1 + (t % 16) : null,
        onPage ? editionId : null,
        collectives[t % collectives.length]!,
        t % 3 === 0 ? null : due,
        status,
      );
      insertEvent.run(id, memberIds[t % memberIds.length]!);
      if (status !== 'open') {
        insertRole.run(id, memberIds[t % memberIds.length]!, 'holder', '2026-01-01T00:00:00.000Z');
        if (t % 2 === 0) insertRole.run(id, memberIds[(t + 7) % memberIds.length]!, 'holder', '2026-01-02T00:00:00.000Z');
        if (t % 3 === 0) insertRole.run(id, memberIds[(t + 13) % memberIds.length]!, 'learner', '2026-01-03T00:00:00.000Z');
      } else if (t % 2 === 0) {
        insertOffer.run(newId(), id, memberIds[t % memberIds.length]!, memberIds[(t + 3) % memberIds.length]!);
      }
    }
  })();
  return editionId;
}

/** One 800-word article edited 500 times, with a checkpoint after each edit. */
function seedHistory(db: DB, checkpoints: number): string {
  const articleId = newId();
  const versionId = newId();
  const docName = articleDocName(articleId, 'en');
  db.prepare('INSERT INTO articles (id, title) VALUES (?, ?)').run(articleId, 'A long story');
  db.prepare('INSERT INTO versions (id, article_id, lang, doc_name) VALUES (?, ?, ?, ?)').run(versionId, articleId, 'en', docName);
  const doc = new Y.Doc();
  const body: Block[] = Array.from({ length: 20 }, (_, p) => ({
    type: 'p',
    text: Array.from({ length: 40 }, (_, w) => `word${p}x${w}`).join(' '),
  }));
  writeArticle(doc, { headline: 'A long story', deck: 'With many saved versions', byline: 'Someone', body });
  appendUpdates(db, docName, [Y.encodeStateAsUpdate(doc)]);
  const start = Date.parse('2026-01-01T08:00:00.000Z');
  for (let i = 0; i < checkpoints; i++) {
    const before = Y.encodeStateVector(doc);
    const paragraph = doc.getXmlFragment('body').get(i % 20) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, `edit${i} `);
    appendUpdates(db, docName, [Y.encodeStateAsUpdate(doc, before)]);
    takeCheckpoint(db, { id: versionId, doc_name: docName }, {
      kind: i % 50 === 0 ? 'named' : 'auto',
      name: i % 50 === 0 ? `Named ${i}` : '',
      at: new Date(start + i * 6 * 60_000).toISOString(),
    });
  }
  if (loadUpdates(db, docName).length !== checkpoints + 1) throw new Error('history seed: unexpected log length');
  doc.destroy();
  return versionId;
}

async function loginCookie(server: Galley, login: string): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
