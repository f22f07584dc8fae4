import * as Y from 'yjs';
import type { DB } from '../../server/db/database';
import { newId } from '../../server/db/ids';
import { appendUpdates, loadUpdates } from '../../server/collab/storage';
import { writeArticle, type ArticleText } from '../../shared/editor/content';
import { articleDocName } from '../../shared/docNames';
import type { Lang } from '../../shared/languages';

/**
 * Data for the work tests, written straight into the test server's SQLite
 * file with the schema of 001-core.sql (the routes that create these things
 * belong to other areas and have their own tests).
 */
export function createCollective(
  db: DB,
  opts: { name?: string; minApprovals?: number; objectionBlocks?: boolean; memberIds?: string[] } = {},
): string {
  const id = newId();
  db.prepare('INSERT INTO collectives (id, name, min_approvals, objection_blocks) VALUES (?, ?, ?, ?)').run(
    id,
    opts.name ?? `Collective ${id}`,
    opts.minApprovals ?? 2,
    opts.objectionBlocks === false ? 0 : 1,
  );
  for (const m of opts.memberIds ?? []) addToCollective(db, id, m);
  return id;
}

export function addToCollective(db: DB, collectiveId: string, memberId: string): void {
  db.prepare('INSERT INTO collective_members (collective_id, member_id) VALUES (?, ?)').run(collectiveId, memberId);
}

export function removeFromCollective(db: DB, collectiveId: string, memberId: string): void {
  db.prepare('DELETE FROM collective_members WHERE collective_id = ? AND member_id = ?').run(collectiveId, memberId);
}

export function createEdition(db: DB, opts: { number?: number; pageCount?: number } = {}): string {
  const id = newId();
  db.prepare('INSERT INTO editions (id, number, title, page_count) VALUES (?, ?, ?, ?)').run(
    id,
    opts.number ?? 47,
    `Issue ${opts.number ?? 47}`,
    opts.pageCount ?? 8,
  );
  return id;
}

export interface TestArticle {
  id: string;
  versions: Record<Lang, string>;
  docNames: Record<Lang, string>;
}

export function createArticle(
  db: DB,
  opts: { editionId?: string | null; collectiveId?: string | null; title?: string; memberIds?: string[] } = {},
): TestArticle {
  const id = newId();
  db.prepare('INSERT INTO articles (id, edition_id, title, collective_id) VALUES (?, ?, ?, ?)').run(
    id,
    opts.editionId ?? null,
    opts.title ?? 'Bus drivers win back their breaks',
    opts.collectiveId ?? null,
  );
  const versions = {} as Record<Lang, string>;
  const docNames = {} as Record<Lang, string>;
  for (const lang of ['en', 'es'] as const) {
    versions[lang] = newId();
    docNames[lang] = articleDocName(id, lang);
    db.prepare('INSERT INTO versions (id, article_id, lang, doc_name) VALUES (?, ?, ?, ?)').run(
      versions[lang],
      id,
      lang,
      docNames[lang],
    );
  }
  for (const m of opts.memberIds ?? []) {
    db.prepare('INSERT INTO article_members (article_id, member_id) VALUES (?, ?)').run(id, m);
  }
  return { id, versions, docNames };
}

/** Writes a whole article text into an empty stored document. */
export function writeStoredText(db: DB, docName: string, text: ArticleText): void {
  const doc = new Y.Doc();
  writeArticle(doc, text);
  appendUpdates(db, docName, [Y.encodeStateAsUpdate(doc)]);
  doc.destroy();
}

export const SAMPLE_TEXT: ArticleText = {
  headline: 'Bus drivers win back their breaks',
  deck: 'A two-week stoppage ends with a written agreement',
  byline: 'A correspondent',
  body: [
    { type: 'p', text: 'The drivers of line 44 stopped work at five in the morning.' },
    { type: 'p', text: 'They asked for twenty minutes of rest every four hours.' },
  ],
};

/** Changes a stored document the way an editor's update would: the change is appended to its log. */
export function editStoredText(db: DB, docName: string, change: (doc: Y.Doc) => void): void {
  const doc = new Y.Doc();
  for (const update of loadUpdates(db, docName)) Y.applyUpdate(doc, update);
  const before = Y.encodeStateVector(doc);
  change(doc);
  appendUpdates(db, docName, [Y.encodeStateAsUpdate(doc, before)]);
  doc.destroy();
}

/** Appends words at the end of the body's last paragraph. */
export function appendToLastParagraph(words: string): (doc: Y.Doc) => void {
  return (doc) => {
    const body = doc.getXmlFragment('body');
    const last = body.get(body.length - 1) as Y.XmlElement;
    const text = last.get(0) as Y.XmlText;
    text.insert(text.length, words);
  };
}
