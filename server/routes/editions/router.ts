import { Router, type RequestHandler } from 'express';
import type { AppContext } from '../../context';
import type { DB } from '../../db/database';
import { conflict, forbidden, notFound, parseBody } from '../../errors';
import { param } from '../fields';
import type { Member } from '../../auth/members';
import { currentMember, requireMember } from '../../auth/middleware';
import { canRead } from '../../policies/access';
import { canManageEditions, editionAccess } from '../../policies/editions';
import { presentEdition, type EditionRow } from '../../presenters/edition';
import { listArticleRows, presentArticles } from '../articles/store';
import { createEditionBody, listEditionsQuery, patchEditionBody } from './schema';
import { editionNumberTaken, findEditionRow, insertEdition, listEditionRows, updateEdition } from './store';

function visibleEdition(db: DB, member: Member, id: string): EditionRow {
  if (!canRead(editionAccess(db, member, id))) throw notFound('No such edition.');
  return findEditionRow(db, id)!;
}

/** The edition with the articles this member may see in it. */
function presentWithArticles(db: DB, member: Member, row: EditionRow) {
  const articles = presentArticles(db, listArticleRows(db, member, { editionId: row.id, includeArchived: false }));
  return { ...presentEdition(row), articles };
}

/** /api/editions: list, create, read with its articles, rename, change status, archive. */
export function editionsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  /** Planning editions is editorial work: members and admins, not contributors. */
  const managers: RequestHandler = (_req, res, next) => {
    if (!canManageEditions(currentMember(res))) throw forbidden('Only members and admins plan editions.');
    next();
  };

  router.get('/editions', requireMember, (req, res) => {
    const query = parseBody(listEditionsQuery, req.query);
    // Contributors work on single articles, not on editions.
    const rows = currentMember(res).role === 'contributor' ? [] : listEditionRows(db, query.archived === '1');
    res.json({ editions: rows.map(presentEdition) });
  });

  router.post('/editions', requireMember, managers, (req, res) => {
    const body = parseBody(createEditionBody, req.body);
    if (editionNumberTaken(db, body.number)) throw conflict(`number: issue ${body.number} exists already`);
    const id = insertEdition(db, {
      number: body.number,
      title: body.title,
      date: body.date ?? null,
      languages: body.languages ?? ['en', 'es'],
      pageCount: body.pageCount ?? 8,
    });
    res.status(201).json(presentWithArticles(db, currentMember(res), findEditionRow(db, id)!));
  });

  router.get('/editions/:id', requireMember, (req, res) => {
    const member = currentMember(res);
    res.json(presentWithArticles(db, member, visibleEdition(db, member, param(req, 'id'))));
  });

  router.patch('/editions/:id', requireMember, managers, (req, res) => {
    const member = currentMember(res);
    const row = visibleEdition(db, member, param(req, 'id'));
    const body = parseBody(patchEditionBody, req.body);
    // An archived edition is read-only: the one change it takes is leaving the archive.
    if (row.archived_at && body.archived !== false) {
      throw conflict('This edition is archived. Take it out of the archive to change it.');
    }
    if (body.number !== undefined && editionNumberTaken(db, body.number, row.id)) {
      throw conflict(`number: issue ${body.number} exists already`);
    }
    updateEdition(db, row, body);
    res.json(presentWithArticles(db, member, findEditionRow(db, row.id)!));
  });

  return router;
}
