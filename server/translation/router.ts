import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { currentMember, requireMember } from '../auth/middleware';
import { forbidden, notFound, parseBody } from '../errors';
import { canRead } from '../policies/access';
import { articleAccess } from '../policies/articles';
import { findArticleRow, presentArticles } from '../routes/articles/store';
import { id, lang, param } from '../routes/fields';
import { docsFor } from './docs';
import { startTranslation } from './start';
import { translationStatuses } from './status';

const startBody = z.strictObject({
  from: lang,
  to: lang,
  mode: z.enum(['empty', 'copy'], 'must be "empty" or "copy"').default('empty'),
});

/** At most this many articles per progress request (a list page's worth). */
const MAX_PROGRESS_ARTICLES = 200;

const progressQuery = z.object({
  articleIds: z
    .string('must list article ids separated by commas')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(id).max(MAX_PROGRESS_ARTICLES, `must list at most ${MAX_PROGRESS_ARTICLES} articles`)),
});

/**
 * Translations: start one (POST /articles/:id/translations), and their
 * progress (GET /articles/:id/translation-status, and for a list of articles
 * GET /translation-progress?articleIds=a,b,c).
 */
export function translationRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.post('/articles/:id/translations', requireMember, (req, res) => {
    const member = currentMember(res);
    const articleId = param(req, 'id');
    const access = articleAccess(db, member, articleId);
    // A contributor who is not on the article learns nothing of it.
    if (!canRead(access)) throw notFound('No such article.');
    if (access !== 'write') throw forbidden('This article is archived: take it out of the archive to translate it.');
    const body = parseBody(startBody, req.body);
    const article = findArticleRow(db, articleId)!;
    startTranslation(db, docsFor(req, db), {
      articleId,
      editionId: article.edition_id,
      from: body.from,
      to: body.to,
      mode: body.mode,
    });
    res.status(201).json(presentArticles(db, [findArticleRow(db, articleId)!])[0]);
  });

  router.get('/articles/:id/translation-status', requireMember, (req, res) => {
    const articleId = param(req, 'id');
    if (!canRead(articleAccess(db, currentMember(res), articleId))) throw notFound('No such article.');
    res.json({ translations: translationStatuses(db, [articleId]).get(articleId) ?? [] });
  });

  router.get('/translation-progress', requireMember, (req, res) => {
    const { articleIds } = parseBody(progressQuery, req.query);
    const member = currentMember(res);
    const visible = articleIds.filter((a) => canRead(articleAccess(db, member, a)));
    const statuses = translationStatuses(db, visible);
    res.json({ progress: Object.fromEntries(visible.map((a) => [a, statuses.get(a) ?? []])) });
  });

  return router;
}
