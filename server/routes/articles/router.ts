import { Router } from 'express';
import type { AppContext } from '../../context';
import type { DB } from '../../db/database';
import { badRequest, conflict, forbidden, notFound, parseBody } from '../../errors';
import { param } from '../fields';
import { findMemberRow, type Member } from '../../auth/members';
import { currentMember, requireMember } from '../../auth/middleware';
import { canRead } from '../../policies/access';
import { articleAccess, canManageArticles } from '../../policies/articles';
import { editionAccess, editionLanguages } from '../../policies/editions';
import type { ArticleRow } from '../../presenters/article';
import {
  addArticleMember,
  findArticleRow,
  insertArticle,
  listArticleRows,
  presentArticles,
  removeArticleMember,
  updateArticle,
} from './store';
import { createArticleBody, listArticlesQuery, patchArticleBody } from './schema';

/** The article if this member may see it; 404 hides articles a contributor is not on. */
function visibleArticle(db: DB, member: Member, id: string): ArticleRow {
  const access = articleAccess(db, member, id);
  if (!canRead(access)) throw notFound('No such article.');
  return findArticleRow(db, id)!;
}

function checkEdition(db: DB, member: Member, editionId: string): void {
  const access = editionAccess(db, member, editionId);
  if (access === 'missing') throw badRequest(`editionId: no edition ${editionId}`);
  if (access !== 'write') throw forbidden('You cannot place articles in this edition.');
}

function checkCollective(db: DB, collectiveId: string): void {
  if (!db.prepare('SELECT 1 FROM collectives WHERE id = ?').get(collectiveId)) {
    throw badRequest(`collectiveId: no collective ${collectiveId}`);
  }
}

/** /api/articles: list, create, read, change, archive, and who is on an article. */
export function articlesRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const present = (row: ArticleRow) => presentArticles(db, [row])[0]!;

  router.get('/articles', requireMember, (req, res) => {
    const query = parseBody(listArticlesQuery, req.query);
    const editionId = query.editionId === 'none' ? null : query.editionId;
    const rows = listArticleRows(db, currentMember(res), { editionId, includeArchived: query.archived === '1' });
    res.json({ articles: presentArticles(db, rows) });
  });

  router.post('/articles', requireMember, (req, res) => {
    const member = currentMember(res);
    const body = parseBody(createArticleBody, req.body);
    const editionId = body.editionId ?? null;
    if (editionId) checkEdition(db, member, editionId);
    if (body.collectiveId) checkCollective(db, body.collectiveId);
    const languages = body.languages ?? (editionId ? editionLanguages(db, editionId) : null) ?? ['en', 'es'];
    const id = insertArticle(db, {
      title: body.title,
      editionId,
      languages,
      section: body.section ?? '',
      collectiveId: body.collectiveId ?? null,
      createdBy: member.id,
    });
    res.status(201).json(present(findArticleRow(db, id)!));
  });

  router.get('/articles/:id', requireMember, (req, res) => {
    res.json(present(visibleArticle(db, currentMember(res), param(req, 'id'))));
  });

  router.patch('/articles/:id', requireMember, (req, res) => {
    const member = currentMember(res);
    const row = visibleArticle(db, member, param(req, 'id'));
    const body = parseBody(patchArticleBody, req.body);
    const managing = body.editionId !== undefined || body.collectiveId !== undefined || body.archived !== undefined;
    if (managing && !canManageArticles(member)) {
      throw forbidden('Only members and admins move, archive or assign articles.');
    }
    // An archived article is read-only: the one change it takes is leaving the archive.
    if (row.archived_at && body.archived !== false) {
      throw conflict('This article is archived. Take it out of the archive to change it.');
    }
    if (body.editionId) checkEdition(db, member, body.editionId);
    if (body.collectiveId) checkCollective(db, body.collectiveId);
    updateArticle(db, row, body);
    res.json(present(findArticleRow(db, row.id)!));
  });

  router.put('/articles/:id/members/:memberId', requireMember, (req, res) => {
    const member = currentMember(res);
    const row = visibleArticle(db, member, param(req, 'id'));
    if (!canManageArticles(member)) throw forbidden('Only members and admins choose who is on an article.');
    if (!findMemberRow(db, param(req, 'memberId'))) throw notFound('No such member.');
    addArticleMember(db, row.id, param(req, 'memberId'));
    res.json(present(row));
  });

  router.delete('/articles/:id/members/:memberId', requireMember, (req, res) => {
    const member = currentMember(res);
    const row = visibleArticle(db, member, param(req, 'id'));
    if (!canManageArticles(member)) throw forbidden('Only members and admins choose who is on an article.');
    removeArticleMember(db, row.id, param(req, 'memberId'));
    res.json(present(row));
  });

  return router;
}
