import * as Y from 'yjs';
import type { AppContext } from '../context';
import type { DB } from '../db/database';
import { newId } from '../db/ids';
import { createSetupLink, setupPath } from '../auth/accessLinks';
import { appendUpdates } from '../collab/storage';
import { insertArticle } from '../routes/articles/store';
import { addCollectiveMember, insertCollective } from '../routes/collectives/store';
import { findEditionRow, insertEdition, updateEdition } from '../routes/editions/store';
import { writeArticle, type ArticleText } from '../../shared/editor/content';
import { articleDocName } from '../../shared/docNames';
import { LANGS } from '../../shared/languages';
import { DEMO_ARTICLES } from './demoArticles';

const SEEDED_KEY = 'first_run_seeded_at';

/** True once the first-run seed has happened in this database (it never runs twice). */
export function wasSeeded(db: DB): boolean {
  return !!db.prepare('SELECT 1 FROM app_state WHERE key = ?').get(SEEDED_KEY);
}

function isEmpty(db: DB): boolean {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return count('members') === 0 && count('editions') === 0 && count('articles') === 0;
}

/** Block ids like the editor's (10 characters), so translations can point at demo paragraphs. */
function withBlockIds(text: ArticleText): ArticleText {
  return { ...text, body: text.body.map((block) => ({ ...block, id: newId().slice(0, 10) })) };
}

/**
 * On an empty database: a demo collective structure, a demo edition with
 * stories in English and Spanish (stored as Yjs documents, like anything
 * typed in the editor), and an admin account with no password. All in one
 * transaction, so a crash halfway leaves an empty database that seeds again.
 */
export function seedFirstRun(ctx: AppContext, now = new Date()): boolean {
  const { db } = ctx;
  if (!ctx.config.seedDemo || wasSeeded(db) || !isEmpty(db)) return false;
  db.transaction(() => {
    const adminId = newId();
    db.prepare(
      "INSERT INTO members (id, login, display_name, role) VALUES (?, 'admin', 'Admin', 'admin')",
    ).run(adminId);

    const collectiveIds = [
      { name: 'Writers', minApprovals: 2, objectionBlocks: true },
      { name: 'Layout collective', minApprovals: 2, objectionBlocks: true },
      { name: 'Translators', minApprovals: 1, objectionBlocks: true },
    ].map((collective) => {
      const id = insertCollective(db, collective);
      addCollectiveMember(db, id, adminId);
      return id;
    });
    const writersId = collectiveIds[0]!;

    const publication = new Date(now.getTime() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const editionId = insertEdition(db, { number: 1, title: 'Issue 1', date: publication, languages: [...LANGS], pageCount: 8 });
    updateEdition(db, findEditionRow(db, editionId)!, { status: 'production' });

    for (const demo of DEMO_ARTICLES) {
      const articleId = insertArticle(db, {
        title: demo.title,
        editionId,
        languages: [...LANGS],
        section: demo.section,
        collectiveId: writersId,
        createdBy: adminId,
      });
      for (const lang of LANGS) {
        const doc = new Y.Doc();
        writeArticle(doc, withBlockIds(demo.text[lang]));
        appendUpdates(db, articleDocName(articleId, lang), [Y.encodeStateAsUpdate(doc)]);
        doc.destroy();
      }
    }
    db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run(SEEDED_KEY, now.toISOString());
  })();
  return true;
}

/** How people on this machine reach a server listening on host:port. */
export function baseUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return `http://localhost:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/**
 * Prints a fresh set-up link for every admin who has no password yet, at
 * every start until they have one (earlier links stay valid until used or
 * expired): the console is the only way into a new installation.
 */
export function announcePendingAdmins(ctx: AppContext, url: string): void {
  const pending = ctx.db
    .prepare("SELECT id, login FROM members WHERE role = 'admin' AND password_hash IS NULL AND disabled_at IS NULL")
    .all() as { id: string; login: string }[];
  for (const admin of pending) {
    const link = createSetupLink(ctx.db, admin.id);
    ctx.config.log(
      `The admin account "${admin.login}" has no password yet. Open this one-time link to set it up ` +
        `(valid until ${link.expiresAt.toISOString().slice(0, 10)}):\n  ${url}${setupPath(link.token)}`,
    );
  }
}
