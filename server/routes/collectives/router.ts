import { Router } from 'express';
import type { AppContext } from '../../context';
import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import { conflict, notFound, parseBody } from '../../errors';
import { param } from '../fields';
import { requireMember, requireRole } from '../../auth/middleware';
import { presentCollective, type CollectiveRow } from '../../presenters/collective';
import { createCollectiveBody, patchCollectiveBody } from './schema';

function memberIdsOf(db: DB, collectiveId: string): string[] {
  return (
    db.prepare('SELECT member_id FROM collective_members WHERE collective_id = ? ORDER BY joined_at').all(collectiveId) as {
      member_id: string;
    }[]
  ).map((r) => r.member_id);
}

function findCollective(db: DB, id: string): CollectiveRow {
  const row = db.prepare('SELECT * FROM collectives WHERE id = ?').get(id) as CollectiveRow | undefined;
  if (!row) throw notFound('No such collective.');
  return row;
}

function nameTaken(db: DB, name: string, exceptId = ''): boolean {
  return !!db.prepare('SELECT 1 FROM collectives WHERE name = ? COLLATE NOCASE AND id <> ?').get(name, exceptId);
}

/** GET/POST /api/collectives, PATCH /api/collectives/:id, PUT/DELETE /api/collectives/:id/members/:memberId. */
export function collectivesRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const present = (row: CollectiveRow) => presentCollective(row, memberIdsOf(db, row.id));

  router.get('/collectives', requireMember, (_req, res) => {
    const rows = db.prepare('SELECT * FROM collectives ORDER BY name COLLATE NOCASE').all() as CollectiveRow[];
    res.json({ collectives: rows.map(present) });
  });

  router.post('/collectives', requireRole('admin'), (req, res) => {
    const body = parseBody(createCollectiveBody, req.body);
    if (nameTaken(db, body.name)) throw conflict(`name: a collective called "${body.name}" exists already`);
    const id = newId();
    db.prepare('INSERT INTO collectives (id, name, min_approvals, objection_blocks) VALUES (?, ?, ?, ?)').run(
      id,
      body.name,
      body.minApprovals ?? 2,
      body.objectionBlocks === false ? 0 : 1,
    );
    res.status(201).json({ collective: present(findCollective(db, id)) });
  });

  router.patch('/collectives/:id', requireRole('admin'), (req, res) => {
    const row = findCollective(db, param(req, 'id'));
    const body = parseBody(patchCollectiveBody, req.body);
    if (body.name && nameTaken(db, body.name, row.id)) throw conflict(`name: a collective called "${body.name}" exists already`);
    db.prepare(
      `UPDATE collectives SET name = COALESCE(?, name), min_approvals = COALESCE(?, min_approvals),
       objection_blocks = COALESCE(?, objection_blocks) WHERE id = ?`,
    ).run(body.name ?? null, body.minApprovals ?? null, body.objectionBlocks === undefined ? null : Number(body.objectionBlocks), row.id);
    res.json({ collective: present(findCollective(db, row.id)) });
  });

  router.put('/collectives/:id/members/:memberId', requireRole('admin'), (req, res) => {
    const row = findCollective(db, param(req, 'id'));
    if (!db.prepare('SELECT 1 FROM members WHERE id = ?').get(param(req, 'memberId'))) throw notFound('No such member.');
    db.prepare('INSERT OR IGNORE INTO collective_members (collective_id, member_id) VALUES (?, ?)').run(row.id, param(req, 'memberId'));
    res.json({ collective: present(row) });
  });

  router.delete('/collectives/:id/members/:memberId', requireRole('admin'), (req, res) => {
    const row = findCollective(db, param(req, 'id'));
    db.prepare('DELETE FROM collective_members WHERE collective_id = ? AND member_id = ?').run(row.id, param(req, 'memberId'));
    res.json({ collective: present(row) });
  });

  return router;
}
