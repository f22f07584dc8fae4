import type { DB } from '../db/database';
import { loadDoc } from '../collab/storage';
import type { Lang } from '../../shared/languages';
import { readVersionBlocks } from '../../shared/translation/links';
import { computeTranslationState, type TranslationProgress } from '../../shared/translation/state';

export interface TranslationStatus {
  versionId: string;
  lang: Lang;
  sourceVersionId: string;
  sourceLang: Lang;
  progress: TranslationProgress;
}

interface TranslationRow {
  article_id: string;
  id: string;
  lang: Lang;
  doc_name: string;
  source_id: string;
  source_lang: Lang;
  source_doc_name: string;
}

/**
 * Progress of every translation among these articles, computed from the
 * stored documents (every acknowledged keystroke is stored, so this is the
 * text as the editors see it). Articles without a translation get none.
 */
export function translationStatuses(db: DB, articleIds: string[]): Map<string, TranslationStatus[]> {
  const result = new Map<string, TranslationStatus[]>();
  if (articleIds.length === 0) return result;
  const rows = db
    .prepare(
      `SELECT v.article_id, v.id, v.lang, v.doc_name, s.id AS source_id, s.lang AS source_lang, s.doc_name AS source_doc_name
       FROM versions v JOIN versions s ON s.id = v.source_version_id
       WHERE v.article_id IN (SELECT value FROM json_each(?))
       ORDER BY v.article_id, v.lang`,
    )
    .all(JSON.stringify(articleIds)) as TranslationRow[];
  for (const row of rows) {
    const source = loadDoc(db, row.source_doc_name);
    const target = loadDoc(db, row.doc_name);
    const { progress } = computeTranslationState(readVersionBlocks(source), readVersionBlocks(target), { diffs: false });
    source.destroy();
    target.destroy();
    const status: TranslationStatus = {
      versionId: row.id,
      lang: row.lang,
      sourceVersionId: row.source_id,
      sourceLang: row.source_lang,
      progress,
    };
    result.set(row.article_id, [...(result.get(row.article_id) ?? []), status]);
  }
  return result;
}
