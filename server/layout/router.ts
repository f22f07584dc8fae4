import fs from 'node:fs';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { currentMember, requireMember } from '../auth/middleware';
import { editionAccess } from '../policies/editions';
import { articleAccess } from '../policies/articles';
import { canRead } from '../policies/access';
import { badRequest, forbidden, HttpError, notFound, parseBody } from '../errors';
import { lang as langField } from '../routes/fields';
import { param } from '../routes/fields';
import type { Lang } from '../../shared/languages';
import type { LayoutData } from '../../shared/layout/types';
import { pagePlan, placedArticleIds } from '../../shared/layout/plan';
import { fontFile, templateFontFiles } from './fonts';
import { RenderJobs, type RenderJob } from './renders';
import { articleCopies, articlePlacement, createLayout, editionArticles, findEdition, loadLayout, requireEditionLang } from './store';
import { LayoutTypesetter } from './typesetWorkerClient';

const createBody = z.object({
  lang: langField,
  template: z.string().max(40).optional(),
  copyFrom: langField.optional(),
  place: z.boolean().optional(),
}).strict();

const renderBody = z.object({
  lang: langField,
  pages: z.array(z.number().int('must be whole page numbers').min(1)).max(96).optional(),
  blackOnly: z.boolean().optional(),
  bleed: z.boolean().optional(),
}).strict();

/** Bleed around the trim when asked for: 1/8 inch, the usual. */
const BLEED_PT = 9;

function presentJob(job: RenderJob) {
  return {
    id: job.id, editionId: job.editionId, lang: job.lang, status: job.status, done: job.done, total: job.total,
    error: job.error, report: job.report, createdAt: job.createdAt, pdfUrl: job.status === 'done' ? `/api/renders/${job.id}/pdf` : null,
  };
}

/**
 * The layout desk's API: create a layout (from a template or copied from the
 * other language), its copyfit and page plan, renders to PDF with progress,
 * and the template font files the desk measures with.
 */
export function layoutRouter(ctx: AppContext): Router {
  const router = Router();
  const renders = new RenderJobs(ctx);
  const typesetter = new LayoutTypesetter();
  ctx.onClose(() => {
    typesetter.stop();
    renders.stop();
  });

  const checkEdition = (res: Response, editionId: string, need: 'read' | 'write') => {
    const access = editionAccess(ctx.db, currentMember(res), editionId);
    if (access === 'missing') throw notFound('No such edition.');
    if (access === 'none') throw forbidden('Layouts belong to the collective’s members; contributors work on single articles.');
    if (need === 'write' && access !== 'write') throw forbidden('This edition is archived; its layout can only be read.');
  };
  /**
   * The layout set in the typesetting worker (one setter per layout there, so
   * unchanged stories are not set again). Here only the cheap reads: the
   * layout and its articles' text.
   */
  const setOffThread = (editionId: string, layout: LayoutData) =>
    typesetter.set(`${editionId}.${layout.lang}`, layout, articleCopies(ctx, placedArticleIds(layout.frames), layout.lang), templateFontFiles(layout.template));
  const langParam = (value: string): Lang => {
    if (value !== 'en' && value !== 'es') throw badRequest('lang: must be "en" or "es"');
    return value;
  };

  router.get('/fonts/:name', (req, res) => {
    const file = fontFile(param(req, 'name'));
    if (!file) throw notFound('No such font.');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type(file.endsWith('.otf') ? 'font/otf' : 'font/ttf');
    fs.createReadStream(file).pipe(res);
  });

  router.post('/editions/:id/layouts', requireMember, (req, res) => {
    const editionId = param(req, 'id');
    checkEdition(res, editionId, 'write');
    const body = parseBody(createBody, req.body);
    const layout = createLayout(ctx, editionId, body.lang, body);
    res.status(201).json({ lang: layout.lang, pages: layout.pages.length, frames: layout.frames.length, docName: `layout.${editionId}.${layout.lang}` });
  });

  /** The layout as the server sets it: copyfit per article, problems, the page plan. */
  router.get('/editions/:id/layouts/:lang', requireMember, async (req, res) => {
    const editionId = param(req, 'id');
    checkEdition(res, editionId, 'read');
    const lang = langParam(param(req, 'lang'));
    requireEditionLang(findEdition(ctx, editionId), lang);
    const layout = loadLayout(ctx, editionId, lang);
    if (!layout) throw notFound(`There is no ${lang === 'es' ? 'Spanish' : 'English'} layout of this edition yet.`);
    const setting = await setOffThread(editionId, layout);
    res.json({
      layout,
      articles: setting.articles,
      issues: setting.issues,
      // The plan reads copyfit per article only; the pages' lines stay in the worker.
      plan: pagePlan(layout, { ...setting, pages: [] }, editionArticles(ctx, editionId)),
    });
  });

  /** Where an article is placed and how it fits, for the writer's editor ("12 lines too long for its space on page 3"). */
  router.get('/articles/:id/copyfit', requireMember, async (req, res) => {
    const articleId = param(req, 'id');
    if (!canRead(articleAccess(ctx.db, currentMember(res), articleId))) throw notFound('No such article.');
    const lang = langParam(String(req.query.lang ?? ''));
    const row = ctx.db.prepare('SELECT edition_id FROM articles WHERE id = ?').get(articleId) as { edition_id: string | null } | undefined;
    const layout = row?.edition_id ? loadLayout(ctx, row.edition_id, lang) : null;
    if (!row?.edition_id || !layout || !placedArticleIds(layout.frames).includes(articleId)) return void res.json({ placed: false });
    const setting = await setOffThread(row.edition_id, layout);
    const fit = setting.articles.find((a) => a.articleId === articleId);
    res.json(fit ? { placed: true, pages: fit.pages, ...fit.copyfit, overMatterText: undefined } : { placed: false });
  });

  /**
   * Where an article is placed, for the writer's editor to set it live in
   * the browser as anyone types: its own frames, the template and the
   * pages, never the other stories. Nothing is typeset here. Writers who
   * are contributors may ask for their own articles (they see no layouts).
   */
  router.get('/articles/:id/placement', requireMember, (req, res) => {
    const articleId = param(req, 'id');
    const access = articleAccess(ctx.db, currentMember(res), articleId);
    if (access === 'missing') throw notFound('No such article.');
    if (access === 'none') throw forbidden('You are not on this article, so you cannot see where it is placed; ask a member to add you to it.');
    const lang = langParam(String(req.query.lang ?? ''));
    const row = ctx.db.prepare('SELECT edition_id, archived_at FROM articles WHERE id = ?').get(articleId) as { edition_id: string | null; archived_at: string | null };
    if (row.archived_at) throw new HttpError(410, 'This article is deleted (in the archive): layouts leave its space empty until it is restored.');
    const version = ctx.db.prepare('SELECT 1 FROM versions WHERE article_id = ? AND lang = ?').get(articleId, lang);
    if (!version) throw notFound(`This article has no ${lang === 'es' ? 'Spanish' : 'English'} version.`);
    const layout = row.edition_id ? articlePlacement(ctx, row.edition_id, articleId, lang) : null;
    // Cheap to ask again: the editor does on focus and now and then, for moves on the desk.
    res.setHeader('Cache-Control', 'no-store');
    res.json(layout ? { placed: true, layout } : { placed: false });
  });

  router.post('/editions/:id/renders', requireMember, (req, res) => {
    const editionId = param(req, 'id');
    checkEdition(res, editionId, 'read');
    const body = parseBody(renderBody, req.body);
    const job = renders.start(editionId, { lang: body.lang, pages: body.pages, blackOnly: !!body.blackOnly, bleedPt: body.bleed ? BLEED_PT : 0 });
    res.status(202).json(presentJob(job));
  });

  router.get('/renders/:id', requireMember, (req, res) => {
    const job = renders.get(param(req, 'id'));
    checkEdition(res, job.editionId, 'read');
    res.json(presentJob(job));
  });

  router.get('/renders/:id/pdf', requireMember, (req, res) => {
    const job = renders.get(param(req, 'id'));
    checkEdition(res, job.editionId, 'read');
    if (job.status !== 'done') throw notFound(job.status === 'failed' ? `This render failed: ${job.error}` : 'This render is not finished yet.');
    res.type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="edition-${job.lang}.pdf"`);
    fs.createReadStream(job.file).pipe(res);
  });

  return router;
}
