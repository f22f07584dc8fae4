/**
 * Imports a reference-format edition (peer-print-edition/1) as a Galley
 * edition: an edition row, one article per story with its English and
 * Spanish text as Yjs documents, its pictures cleaned through the picture
 * desk, and a layout document per language with every module as a story
 * frame. Then the desk, the page plan and renders work on it like on any
 * edition, and its copyfit can be compared with the print engine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { AppContext } from '../context';
import { appendUpdates } from '../collab/storage';
import { cleanUpload } from '../pictures/imaging';
import { insertPicture } from '../pictures/records';
import { PictureFiles } from '../pictures/storage';
import { insertArticle } from '../routes/articles/store';
import { insertEdition } from '../routes/editions/store';
import { articleDocName, layoutDocName } from '../../shared/docNames';
import { writeArticle } from '../../shared/editor/content';
import { writeLayout } from '../../shared/layout/doc';
import { referenceLayout } from '../../shared/layout/reference';
import { readEdition } from '../print/editionFile';

export interface ImportedEdition {
  editionId: string;
  /** Reference article id -> Galley article id. */
  articleIds: Map<string, string>;
  pictureIds: Map<string, string>;
}

function storeDoc(ctx: AppContext, docName: string, write: (doc: Y.Doc) => void): void {
  const doc = new Y.Doc();
  write(doc);
  appendUpdates(ctx.db, docName, [Y.encodeStateAsUpdate(doc)]);
  doc.destroy();
}

export async function importReferenceEdition(ctx: AppContext, file: string, createdBy: string): Promise<ImportedEdition> {
  const e = readEdition(file);
  const dir = path.dirname(path.resolve(file));
  const files = new PictureFiles(ctx.config.dataDir);
  const pictureIds = new Map<string, string>();
  for (const image of e.images) {
    const cleaned = await cleanUpload(fs.readFileSync(path.resolve(dir, image.file)));
    const { sha } = files.saveOriginal(cleaned.data, cleaned.format);
    pictureIds.set(image.id, insertPicture(ctx.db, { sha, format: cleaned.format, width: cleaned.width, height: cleaned.height, bytes: cleaned.data.length, createdBy, editionId: null, articleId: null }));
  }
  const { db } = ctx;
  const number = ((db.prepare('SELECT MAX(number) AS n FROM editions').get() as { n: number | null }).n ?? 0) + 1;
  const articleIds = new Map<string, string>();
  const editionId = insertEdition(db, { number, title: e.title, date: null, languages: e.languages, pageCount: e.pages.length });
  db.transaction(() => {
    for (const a of e.articles) {
      const title = a.en?.headline ?? a.es?.headline ?? a.id;
      const langs = e.languages.filter((l) => a[l]);
      const id = insertArticle(db, { title, editionId, languages: langs, section: '', collectiveId: null, createdBy });
      articleIds.set(a.id, id);
      for (const lang of langs) {
        const copy = a[lang]!;
        storeDoc(ctx, articleDocName(id, lang), (doc) => writeArticle(doc, { headline: copy.headline, deck: '', byline: copy.byline, body: copy.paragraphs.map((p) => ({ type: p.type, text: p.text })) }));
      }
    }
    for (const lang of e.languages) {
      storeDoc(ctx, layoutDocName(editionId, lang), (doc) => writeLayout(doc, referenceLayout(e, lang, { articleIds, pictureIds })));
    }
    db.prepare('UPDATE pictures SET edition_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(editionId, JSON.stringify([...pictureIds.values()]));
  })();
  return { editionId, articleIds, pictureIds };
}
