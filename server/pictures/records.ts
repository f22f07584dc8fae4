import type { DB } from '../db/database';
import { newId } from '../db/ids';
import { badRequest, conflict, notFound } from '../errors';
import type { PerLang, Picture, PicturePatch, PictureState, RecipeHistoryEntry } from '../../shared/pictures/picture';
import { canonicalRecipeJson, defaultRecipe, recipeSchema, type Recipe } from '../../shared/pictures/recipe';

/** The pictures and picture_recipes tables, and nothing else. */

interface PictureRow {
  id: string;
  edition_id: string | null;
  article_id: string | null;
  original_sha256: string;
  original_format: 'jpeg' | 'png';
  width: number;
  height: number;
  bytes: number;
  state: PictureState;
  captions: string;
  credits: string;
  consent_note: string;
  current_recipe_id: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

interface RecipeRow {
  id: number;
  picture_id: string;
  parent_id: number | null;
  recipe: string;
  created_by: string | null;
  created_at: string;
}

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

export function insertPicture(
  db: DB,
  values: {
    sha: string;
    format: 'jpeg' | 'png';
    width: number;
    height: number;
    bytes: number;
    createdBy: string;
    editionId: string | null;
    articleId: string | null;
  },
): string {
  const id = newId();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO pictures (id, edition_id, article_id, original_sha256, original_format, width, height, bytes, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, values.editionId, values.articleId, values.sha, values.format, values.width, values.height, values.bytes, values.createdBy);
    const recipeId = db
      .prepare('INSERT INTO picture_recipes (picture_id, parent_id, recipe, created_by) VALUES (?, NULL, ?, ?)')
      .run(id, canonicalRecipeJson(defaultRecipe()), values.createdBy).lastInsertRowid;
    db.prepare('UPDATE pictures SET current_recipe_id = ? WHERE id = ?').run(recipeId, id);
  })();
  return id;
}

export function findPictureRow(db: DB, id: string): PictureRow {
  const row = db.prepare('SELECT * FROM pictures WHERE id = ?').get(id) as PictureRow | undefined;
  if (!row) throw notFound('There is no such picture.');
  return row;
}

export function currentRecipe(db: DB, row: PictureRow): Recipe {
  return readRecipe(recipeRow(db, row.current_recipe_id).recipe);
}

export function getPicture(db: DB, id: string): Picture {
  return toPicture(db, findPictureRow(db, id));
}

export function listPictures(
  db: DB,
  filter: { editionId?: string; articleId?: string; visible: { sql: string; params: string[] } | null },
): Picture[] {
  const where: string[] = filter.visible ? [filter.visible.sql] : [];
  const params: string[] = filter.visible ? [...filter.visible.params] : [];
  if (filter.editionId) {
    where.push('edition_id = ?');
    params.push(filter.editionId);
  }
  if (filter.articleId) {
    where.push('article_id = ?');
    params.push(filter.articleId);
  }
  const sql = `SELECT * FROM pictures ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id`;
  return (db.prepare(sql).all(...params) as PictureRow[]).map((row) => toPicture(db, row));
}

export function patchPicture(db: DB, id: string, patch: PicturePatch): Picture {
  const row = findPictureRow(db, id);
  if (patch.editionId && !db.prepare('SELECT 1 FROM editions WHERE id = ?').get(patch.editionId)) {
    throw badRequest('editionId: there is no such edition.');
  }
  if (patch.articleId && !db.prepare('SELECT 1 FROM articles WHERE id = ?').get(patch.articleId)) {
    throw badRequest('articleId: there is no such article.');
  }
  const captions = { ...readPerLang(row.captions), ...patch.captions };
  const credits = { ...readPerLang(row.credits), ...patch.credits };
  db.prepare(
    `UPDATE pictures SET captions = ?, credits = ?, consent_note = ?, state = ?, edition_id = ?, article_id = ?,
       updated_at = ${NOW} WHERE id = ?`,
  ).run(
    JSON.stringify(captions),
    JSON.stringify(credits),
    patch.consentNote ?? row.consent_note,
    patch.state ?? row.state,
    patch.editionId === undefined ? row.edition_id : patch.editionId,
    patch.articleId === undefined ? row.article_id : patch.articleId,
    id,
  );
  return getPicture(db, id);
}

/** Saves a new recipe as a child of the current one; a new picture counts as formatted from then on. */
export function saveRecipe(db: DB, id: string, recipe: Recipe, memberId: string): Picture {
  const row = findPictureRow(db, id);
  const json = canonicalRecipeJson(recipe);
  if (recipeRow(db, row.current_recipe_id).recipe === json) return toPicture(db, row);
  db.transaction(() => {
    const recipeId = db
      .prepare('INSERT INTO picture_recipes (picture_id, parent_id, recipe, created_by) VALUES (?, ?, ?, ?)')
      .run(id, row.current_recipe_id, json, memberId).lastInsertRowid;
    db.prepare(
      `UPDATE pictures SET current_recipe_id = ?, state = CASE state WHEN 'new' THEN 'formatted' ELSE state END,
         updated_at = ${NOW} WHERE id = ?`,
    ).run(recipeId, id);
  })();
  return getPicture(db, id);
}

/** Deletes a picture with its recipe history (the files are the caller's to release). */
export function deletePicture(db: DB, id: string): void {
  db.prepare('DELETE FROM pictures WHERE id = ?').run(id);
}

/** What a picture's files are made from: its original and the recipe in force. */
export interface PictureSource {
  originalSha: string;
  format: 'jpeg' | 'png';
  recipe: Recipe;
}

export function pictureSource(db: DB, id: string): PictureSource {
  return sourceOf(db, findPictureRow(db, id));
}

/** Every picture's source, for finding the files nothing uses. */
export function allPictureSources(db: DB): PictureSource[] {
  return (db.prepare('SELECT * FROM pictures').all() as PictureRow[]).map((row) => sourceOf(db, row));
}

function sourceOf(db: DB, row: PictureRow): PictureSource {
  return { originalSha: row.original_sha256, format: row.original_format, recipe: currentRecipe(db, row) };
}

/** Undo: back to the recipe this one was made from. Redo: forward to the newest recipe made from this one. */
export function stepRecipe(db: DB, id: string, direction: 'undo' | 'redo'): Picture {
  const row = findPictureRow(db, id);
  const target =
    direction === 'undo'
      ? recipeRow(db, row.current_recipe_id).parent_id
      : newestChild(db, row.current_recipe_id);
  if (target === null) throw conflict(direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
  db.prepare(`UPDATE pictures SET current_recipe_id = ?, updated_at = ${NOW} WHERE id = ?`).run(target, id);
  return getPicture(db, id);
}

export function recipeHistory(db: DB, id: string): RecipeHistoryEntry[] {
  const row = findPictureRow(db, id);
  const rows = db.prepare('SELECT * FROM picture_recipes WHERE picture_id = ? ORDER BY id').all(id) as RecipeRow[];
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    recipe: readRecipe(r.recipe),
    createdBy: r.created_by,
    createdAt: r.created_at,
    current: r.id === row.current_recipe_id,
  }));
}

function newestChild(db: DB, recipeId: number): number | null {
  const child = db.prepare('SELECT id FROM picture_recipes WHERE parent_id = ? ORDER BY id DESC LIMIT 1').get(recipeId) as
    | { id: number }
    | undefined;
  return child?.id ?? null;
}

function recipeRow(db: DB, recipeId: number): RecipeRow {
  const row = db.prepare('SELECT * FROM picture_recipes WHERE id = ?').get(recipeId) as RecipeRow | undefined;
  if (!row) throw new Error(`picture recipe ${recipeId} is missing`);
  return row;
}

function toPicture(db: DB, row: PictureRow): Picture {
  const current = recipeRow(db, row.current_recipe_id);
  return {
    id: row.id,
    editionId: row.edition_id,
    articleId: row.article_id,
    width: row.width,
    height: row.height,
    format: row.original_format,
    state: row.state,
    captions: readPerLang(row.captions),
    credits: readPerLang(row.credits),
    consentNote: row.consent_note,
    recipe: readRecipe(current.recipe),
    recipeId: current.id,
    canUndo: current.parent_id !== null,
    canRedo: newestChild(db, current.id) !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stored recipes were validated when saved; parsing again guards against a hand-edited database. */
function readRecipe(json: string): Recipe {
  return recipeSchema.parse(JSON.parse(json));
}

function readPerLang(json: string): PerLang {
  const value = JSON.parse(json) as Partial<PerLang>;
  return { en: value.en ?? '', es: value.es ?? '' };
}
