import type { DB } from '../db/database';
import { newId } from '../db/ids';
import { badRequest, conflict } from '../errors';
import type { VersionRow } from '../presenters/article';
import { editionLanguages } from '../policies/editions';
import { articleDocName } from '../../shared/docNames';
import { newBlockId } from '../../shared/editor/newBlockId';
import { LANGS, type Lang } from '../../shared/languages';
import { ensureSourceIds, isBlankVersion, writeTranslationStart, type StartMode } from '../../shared/translation/start';
import type { DocAccessor } from './docs';

const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Spanish' };

export interface StartRequest {
  articleId: string;
  editionId: string | null;
  from: Lang;
  to: Lang;
  mode: StartMode;
}

function versionOf(db: DB, articleId: string, lang: Lang): VersionRow | undefined {
  return db.prepare('SELECT * FROM versions WHERE article_id = ? AND lang = ?').get(articleId, lang) as VersionRow | undefined;
}

/**
 * Starts the translation of an article's `from` version into `to`: checks
 * everything first (nothing is written when a check fails), then writes the
 * linked structure into the target document and records the version with
 * its source.
 *
 * A version of the target language that exists but is blank (articles are
 * created with both languages, and nobody wrote in this one yet) becomes the
 * translation; one that has text, or already translates something, is
 * refused with 409, so no one's text is ever overwritten.
 */
export function startTranslation(db: DB, docs: DocAccessor, req: StartRequest): VersionRow {
  const { articleId, from, to, mode } = req;
  if (from === to) throw badRequest(`from and to are both ${LANG_NAMES[from]}: a translation goes into the other language.`);
  const published: readonly Lang[] = (req.editionId ? editionLanguages(db, req.editionId) : null) ?? LANGS;
  if (!published.includes(to)) {
    throw badRequest(`This article's issue is not published in ${LANG_NAMES[to]}, so it cannot be translated into it.`);
  }
  const source = versionOf(db, articleId, from);
  if (!source) throw badRequest(`This article has no ${LANG_NAMES[from]} version to translate from.`);

  const existing = versionOf(db, articleId, to);
  if (existing) {
    if (existing.source_version_id) {
      throw conflict(`This article already has a ${LANG_NAMES[to]} translation.`);
    }
    if (!isBlankVersion(docs.read(existing.doc_name))) {
      throw conflict(`This article already has a ${LANG_NAMES[to]} version with text; it was not changed.`);
    }
  }

  // Source blocks written without ids (by a script, never opened in the
  // editor) get ids first, so the translation can link to them.
  const sourceDoc = docs.read(source.doc_name);
  if (ensureSourceIds(sourceDoc, newBlockId)) {
    docs.change(source.doc_name, (doc) => ensureSourceIds(doc, newBlockId));
  }
  const current = docs.read(source.doc_name);

  const targetName = existing?.doc_name ?? articleDocName(articleId, to);
  const versionId = existing?.id ?? newId();
  db.transaction(() => {
    if (existing) {
      db.prepare('UPDATE versions SET source_version_id = ? WHERE id = ?').run(source.id, existing.id);
    } else {
      db.prepare('INSERT INTO versions (id, article_id, lang, doc_name, source_version_id) VALUES (?, ?, ?, ?, ?)').run(
        versionId,
        articleId,
        to,
        targetName,
        source.id,
      );
    }
    docs.change(targetName, (doc) => {
      // An existing blank version may still hold empty paragraphs: clear them
      // so the translation's structure is the source's.
      for (const part of ['headline', 'deck', 'byline', 'body'] as const) {
        const fragment = doc.getXmlFragment(part);
        if (fragment.length) fragment.delete(0, fragment.length);
      }
      writeTranslationStart(current, doc, mode, newBlockId);
    });
  })();
  return db.prepare('SELECT * FROM versions WHERE id = ?').get(versionId) as VersionRow;
}
