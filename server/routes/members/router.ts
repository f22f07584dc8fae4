import { Router } from 'express';
import type { AppContext } from '../../context';
import { conflict, notFound, parseBody } from '../../errors';
import { param, requestOrigin } from '../fields';
import { createSetupLink, setupPath } from '../../auth/accessLinks';
import { findMemberRow } from '../../auth/members';
import { currentMember, requireMember, requireRole } from '../../auth/middleware';
import { presentMemberRow } from '../../presenters/member';
import { patchMemberBody } from './schema';
import { activeAdminCount, collectiveIdsByMember, updateMember, visibleMemberRows } from './store';

/** GET /api/members, PATCH /api/members/:id and POST /api/members/:id/setup-link (admin). */
export function membersRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get('/members', requireMember, (_req, res) => {
    const collectives = collectiveIdsByMember(db);
    const rows = visibleMemberRows(db, currentMember(res));
    res.json({ members: rows.map((r) => presentMemberRow(r, collectives.get(r.id) ?? [])) });
  });

  router.patch('/members/:id', requireRole('admin'), (req, res) => {
    const row = findMemberRow(db, param(req, 'id'));
    if (!row) throw notFound('No such member.');
    const body = parseBody(patchMemberBody, req.body);
    const losesAdmin =
      row.role === 'admin' && !row.disabled_at && ((body.role && body.role !== 'admin') || body.disabled === true);
    // Somebody must always be able to administer the paper.
    if (losesAdmin && activeAdminCount(db) <= 1) {
      throw conflict('This is the last admin: make someone else admin first.');
    }
    updateMember(db, row, body);
    const collectives = collectiveIdsByMember(db);
    res.json({ member: presentMemberRow(findMemberRow(db, row.id)!, collectives.get(row.id) ?? []) });
  });

  // A fresh set-up link for an existing account: how a member who forgot
  // their password gets back in (the admin passes the link on in person).
  router.post('/members/:id/setup-link', requireRole('admin'), (req, res) => {
    const row = findMemberRow(db, param(req, 'id'));
    if (!row) throw notFound('No such member.');
    if (row.disabled_at) throw conflict('This account is disabled. Enable it first.');
    const link = createSetupLink(db, row.id, currentMember(res).id);
    res.status(201).json({ url: requestOrigin(req) + setupPath(link.token), expiresAt: link.expiresAt.toISOString() });
  });

  return router;
}
