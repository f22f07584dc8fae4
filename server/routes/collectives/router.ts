import { Router } from 'express';
import type { AppContext } from '../../context';
import type { DB } from '../../db/database';
import { conflict, notFound, parseBody } from '../../errors';
import { param } from '../fields';
import { findMemberRow } from '../../auth/members';
import { requireMember, requireRole } from '../../auth/middleware';
import { presentCollective, type CollectiveRow } from '../../presenters/collective';
import { createCollectiveBody, patchCollectiveBody } from './schema';
import {
  addCollectiveMember,
  collectiveMemberIds,
  collectiveNameTaken,
  findCollectiveRow,
  insertCollective,
  listCollectiveRows,
  removeCollectiveMember,
  updateCollective,
} from './store';

function existingCollective(db: DB, id: string): CollectiveRow {
  const row = findCollectiveRow(db, id);
  if (!row) throw notFound('No such collective.');
  return row;
}

/** GET/POST /api/collectives, PATCH /api/collectives/:id, PUT/DELETE /api/collectives/:id/members/:memberId. */
export function collectivesRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const present = (id: string) => ({ collective: presentCollective(findCollectiveRow(db, id)!, collectiveMemberIds(db, id)) });
  const admins = requireRole('admin');

  router.get('/collectives', requireMember, (_req, res) => {
    const rows = listCollectiveRows(db);
    res.json({ collectives: rows.map((row) => presentCollective(row, collectiveMemberIds(db, row.id))) });
  });

  router.post('/collectives', admins, (req, res) => {
    const body = parseBody(createCollectiveBody, req.body);
    if (collectiveNameTaken(db, body.name)) throw conflict(`name: a collective called "${body.name}" exists already`);
    res.status(201).json(present(insertCollective(db, body)));
  });

  router.patch('/collectives/:id', admins, (req, res) => {
    const row = existingCollective(db, param(req, 'id'));
    const body = parseBody(patchCollectiveBody, req.body);
    if (body.name && collectiveNameTaken(db, body.name, row.id)) {
      throw conflict(`name: a collective called "${body.name}" exists already`);
    }
    updateCollective(db, row.id, body);
    res.json(present(row.id));
  });

  router.put('/collectives/:id/members/:memberId', admins, (req, res) => {
    const row = existingCollective(db, param(req, 'id'));
    if (!findMemberRow(db, param(req, 'memberId'))) throw notFound('No such member.');
    addCollectiveMember(db, row.id, param(req, 'memberId'));
    res.json(present(row.id));
  });

  router.delete('/collectives/:id/members/:memberId', admins, (req, res) => {
    const row = existingCollective(db, param(req, 'id'));
    removeCollectiveMember(db, row.id, param(req, 'memberId'));
    res.json(present(row.id));
  });

  return router;
}
