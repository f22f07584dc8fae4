import { Router } from 'express';
import type { AppContext } from '../../context';
import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import { conflict, notFound, parseBody } from '../../errors';
import { param } from '../fields';
import type { Member } from '../../auth/members';
import { currentMember, requireMember, requireRole } from '../../auth/middleware';
import { canRead } from '../../policies/access';
import { editionAccess } from '../../policies/editions';
import { presentEdition, type EditionRow } from '../../presenters/edition';
import { listArticleRows, presentArticles } from '../articles/store';
import { createEditionBody, listEditionsQuery, patchEditionBody } from './schema';

function visibleEdition(db: DB, member: Member, id: string): EditionRow {
  if (!canRead(editionAccess(db, member, id))) throw notFound('No such edition.');
  return db.prepare('SELECT * FROM editions WHERE id = ?').get(id) as EditionRow;
}

function numberTaken(db: DB, number: number, exceptId = ''): boolean {
  return !!db.prepare('SELECT 1 FROM editions WHERE number = ? AND id <> ?').get(number, exceptId);
}

/** /api/editions: list, create, read with its articles, rename, change status, archive. */
export function editionsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const managers = requireRole('admin', 'member');

  router.get('/editions', requireMember, (req, res) => {
    const query = parseBody(listEditionsQuery, req.query);
    // Contributors work on single articles, not on editions.
    if (currentMember(res).role === 'contributor') {
      res.json({ editions: [] });
      return;
    }
    const rows = db
      .prepare(`SELECT * FROM editions ${query.archived === '1' ? '' : 'WHERE archived_at IS NULL'} ORDER BY number DESC`)
      .all() as EditionRow[];
    res.json({ editions: rows.map(presentEdition) });
  });

  router.post('/editions', managers, (req, res) => {
    const body = parseBody(createEditionBody, req.body);
    if (numberTaken(db, body.number)) throw conflict(`number: issue ${body.number} exists already`);
    const id = newId();
    db.prepare('INSERT INTO editions (id, number, title, date, languages, page_count) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      body.number,
      body.title,
      body.date ?? null,
      JSON.stringify(body.languages ?? ['en', 'es']),
      body.pageCount ?? 8,
    );
    const row = db.prepare('SELECT * FROM editions WHERE id = ?').get(id) as EditionRow;
    res.status(201).json({ ...presentEdition(row), articles: [] });
  });

  router.get('/editions/:id', requireMember, (req, res) => {
    const member = currentMember(res);
    const row = visibleEdition(db, member, param(req, 'id'));
    const articles = presentArticles(db, listArticleRows(db, member, { editionId: row.id, includeArchived: false }));
    res.json({ ...presentEdition(row), articles });
  });

  router.patch('/editions/:id', managers, (req, res) => {
    const member = currentMember(res);
    const row = visibleEdition(db, member, param(req, 'id'));
    const body = parseBody(patchEditionBody, req.body);
    if (row.archived_at && body.archived !== false) {
      throw conflict('This edition is archived. Take it out of the archive to change it.');
    }
    if (body.number !== undefined && numberTaken(db, body.number, row.id)) {
      throw conflict(`number: issue ${body.number} exists already`);
    }
    const sets: string[] = [];
    const values: (string | number | null)[] = [];
    if (body.number !== undefined) sets.push('number = ?'), values.push(body.number);
    if (body.title !== undefined) sets.push('title = ?'), values.push(body.title);
    if (body.date !== undefined) sets.push('date = ?'), values.push(body.date);
    if (body.pageCount !== undefined) sets.push('page_count = ?'), values.push(body.pageCount);
    if (body.status !== undefined) sets.push('status = ?'), values.push(body.status);
    if (body.archived !== undefined) {
      sets.push('archived_at = ?');
      values.push(body.archived ? (row.archived_at ?? new Date().toISOString()) : null);
    }
    if (sets.length) db.prepare(`UPDATE editions SET ${sets.join(', ')} WHERE id = ?`).run(...values, row.id);
    const updated = db.prepare('SELECT * FROM editions WHERE id = ?').get(row.id) as EditionRow;
    const articles = presentArticles(db, listArticleRows(db, member, { editionId: row.id, includeArchived: false }));
    res.json({ ...presentEdition(updated), articles });
  });

  return router;
}
