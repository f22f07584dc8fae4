import { Router } from 'express';
import { currentMember, requireMember } from '../auth/middleware';
import type { AppContext } from '../context';
import { badRequest, conflict, parseBody, unauthorized } from '../errors';
import { RENDITION_KINDS, picturePatchSchema, type Picture, type RenditionKind } from '../../shared/pictures/picture';
import { recipeSchema } from '../../shared/pictures/recipe';
import { assertCanAttach, assertCanDelete, assertCanSeePicture, visiblePicturesFilter } from './access';
import { releasePictureFiles } from './garbage';
import { picturePlacements } from './placements';
import { cleanUpload } from './imaging';
import {
  currentRecipe,
  deletePicture,
  findPictureRow,
  getPicture,
  insertPicture,
  listPictures,
  patchPicture,
  pictureSource,
  recipeHistory,
  saveRecipe,
  stepRecipe,
} from './records';
import { RenditionCache, specFromQuery } from './renditions';
import { PictureFiles, recipeSha } from './storage';
import { discardBody, receiveUpload } from './upload';

/** /api/pictures: upload, texts, recipe with history, the cleaned original and renditions. Members only. */
export function picturesRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const files = new PictureFiles(ctx.config.dataDir);
  const renditions = new RenditionCache(files);
  const router = Router();

  // Before the members-only gate below: a refused upload must still be read
  // to its end, or the sender sees a reset connection instead of the refusal.
  router.post('/pictures', async (req, res) => {
    if (!res.locals.member) {
      await discardBody(req);
      throw unauthorized();
    }
    const member = currentMember(res);
    const upload = await receiveUpload(req);
    const articleId = upload.fields.articleId || null;
    // A picture from inside an article belongs to the article's issue too.
    const articleEdition = articleId
      ? ((db.prepare('SELECT edition_id FROM articles WHERE id = ?').get(articleId) as { edition_id: string | null } | undefined)
          ?.edition_id ?? null)
      : null;
    const editionId = upload.fields.editionId || (member.role === 'contributor' ? null : articleEdition);
    if (editionId && !db.prepare('SELECT 1 FROM editions WHERE id = ?').get(editionId)) {
      throw badRequest('editionId: there is no such edition.');
    }
    assertCanAttach(db, member, { editionId: upload.fields.editionId || null, articleId });
    // Everything is checked and cleaned in memory; only the clean result reaches the disk.
    const cleaned = await cleanUpload(upload.file);
    const { sha } = files.saveOriginal(cleaned.data, cleaned.format);
    const id = insertPicture(db, {
      sha,
      format: cleaned.format,
      width: cleaned.width,
      height: cleaned.height,
      bytes: cleaned.data.length,
      createdBy: member.id,
      editionId,
      articleId,
    });
    res.status(201).json(getPicture(db, id));
  });

  router.use('/pictures', requireMember);

  router.get('/pictures', (req, res) => {
    const editionId = typeof req.query.editionId === 'string' ? req.query.editionId : undefined;
    const articleId = typeof req.query.articleId === 'string' ? req.query.articleId : undefined;
    const visible = visiblePicturesFilter(currentMember(res));
    res.json({ pictures: listPictures(db, { editionId, articleId, visible }) });
  });

  // Every route on one picture checks first that this member may reach it.
  router.use('/pictures/:id', (req, res, next) => {
    assertCanSeePicture(db, currentMember(res), req.params.id);
    next();
  });

  router.get('/pictures/:id', (req, res) => {
    res.json(getPicture(db, req.params.id));
  });

  router.patch('/pictures/:id', (req, res) => {
    const patch = parseBody(picturePatchSchema, req.body);
    assertCanAttach(db, currentMember(res), { editionId: patch.editionId, articleId: patch.articleId });
    res.json(patchPicture(db, req.params.id, patch));
  });

  /**
   * A recipe change (save, undo, redo) leaves the renditions of the recipe
   * it replaced unused unless another picture shares them: they are removed
   * at once (an undo makes them again).
   */
  const changingRecipe = (id: string, change: () => Picture): Picture => {
    const before = pictureSource(db, id);
    const picture = change();
    if (recipeSha(pictureSource(db, id).recipe) !== recipeSha(before.recipe)) releasePictureFiles(db, files, before);
    return picture;
  };

  router.put('/pictures/:id/recipe', (req, res) => {
    const recipe = parseBody(recipeSchema, req.body);
    res.json(changingRecipe(req.params.id, () => saveRecipe(db, req.params.id, recipe, currentMember(res).id)));
  });
  router.post('/pictures/:id/recipe/undo', (req, res) => {
    res.json(changingRecipe(req.params.id, () => stepRecipe(db, req.params.id, 'undo')));
  });
  router.post('/pictures/:id/recipe/redo', (req, res) => {
    res.json(changingRecipe(req.params.id, () => stepRecipe(db, req.params.id, 'redo')));
  });
  router.get('/pictures/:id/recipes', (req, res) => {
    res.json({ history: recipeHistory(db, req.params.id) });
  });

  /** Where the picture is placed, so the desk can name the pages in the reader's language when a delete is refused. */
  router.get('/pictures/:id/placements', (req, res) => {
    res.json({ placements: picturePlacements(ctx, req.params.id) });
  });

  /** Refused while the picture is on a page: its frame would print nothing. */
  router.delete('/pictures/:id', (req, res) => {
    const id = req.params.id;
    assertCanDelete(db, currentMember(res), id);
    const placed = picturePlacements(ctx, id);
    if (placed.length) {
      const where = placed
        .map((p) => `page ${p.page} of the ${p.lang === 'es' ? 'Spanish' : 'English'} layout of issue ${p.editionNumber ?? '?'}`)
        .join('; ');
      throw conflict(`This picture is placed on ${where}. Take it off the page first.`);
    }
    const before = pictureSource(db, id);
    deletePicture(db, id);
    releasePictureFiles(db, files, before);
    res.status(204).end();
  });

  router.get('/pictures/:id/original', (req, res) => {
    const row = findPictureRow(db, req.params.id);
    res.set('Cache-Control', 'private, max-age=31536000, immutable');
    res.sendFile(files.originalPath(row.original_sha256, row.original_format));
  });

  router.get('/pictures/:id/renditions/:kind', async (req, res) => {
    const kind = req.params.kind;
    if (!(RENDITION_KINDS as readonly string[]).includes(kind)) {
      throw badRequest(`There is no "${kind}" rendition; ask for print, web or thumb.`);
    }
    const row = findPictureRow(db, req.params.id);
    const recipe = currentRecipe(db, row);
    const spec = specFromQuery(kind as RenditionKind, req.query, recipe);
    const original = { sha: row.original_sha256, format: row.original_format, width: row.width, height: row.height };
    const made = await renditions.get(original, recipe, spec);
    // The URL stays the same when the recipe changes: browsers must ask again (the ETag makes that cheap).
    res.set('Cache-Control', 'private, no-cache');
    res.type(made.contentType).sendFile(made.file);
  });

  return router;
}
