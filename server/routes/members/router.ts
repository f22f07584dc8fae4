import { Router } from 'express';
import type { AppContext } from '../../context';
import type { DB } from '../../db/database';
import { conflict, notFound, parseBody } from '../../errors';
import { param } from '../fields';
import { findMemberRow, type Member, type MemberRow } from '../../auth/members';
import { currentMember, requireMember, requireRole } from '../../auth/middleware';
import { deleteMemberSessions } from '../../auth/sessions';
import { presentMemberRow } from '../../presenters/member';
import { patchMemberBody } from './schema';

function collectiveIdsByMember(db: DB): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const rows = db.prepare('SELECT member_id, collective_id FROM collective_members ORDER BY joined_at').all() as {
    member_id: string;
    collective_id: string;
  }[];
  for (const r of rows) map.set(r.member_id, [...(map.get(r.member_id) ?? []), r.collective_id]);
  return map;
}

/**
 * Members and admins see everyone; a contributor sees themselves and the
 * people on the articles they are on (whom they work with), nobody else.
 */
function visibleMemberRows(db: DB, viewer: Member): MemberRow[] {
  if (viewer.role !== 'contributor') {
    return db.prepare('SELECT * FROM members ORDER BY display_name COLLATE NOCASE').all() as MemberRow[];
  }
  return db
    .prepare(
      `SELECT * FROM members WHERE id = ? OR id IN (
         SELECT am.member_id FROM article_members am
         JOIN article_members mine ON mine.article_id = am.article_id AND mine.member_id = ?)
       ORDER BY display_name COLLATE NOCASE`,
    )
    .all(viewer.id, viewer.id) as MemberRow[];
}

function activeAdminCount(db: DB): number {
  return (
    db.prepare("SELECT COUNT(*) AS n FROM members WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }
  ).n;
}

/** GET /api/members, PATCH /api/members/:id (admin). */
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
    db.transaction(() => {
      if (body.role) db.prepare('UPDATE members SET role = ? WHERE id = ?').run(body.role, row.id);
      if (body.displayName) db.prepare('UPDATE members SET display_name = ? WHERE id = ?').run(body.displayName, row.id);
      if (body.defaultByline !== undefined) {
        db.prepare('UPDATE members SET default_byline = ? WHERE id = ?').run(body.defaultByline, row.id);
      }
      if (body.disabled === true && !row.disabled_at) {
        db.prepare('UPDATE members SET disabled_at = ? WHERE id = ?').run(new Date().toISOString(), row.id);
        deleteMemberSessions(db, row.id);
      }
      if (body.disabled === false) db.prepare('UPDATE members SET disabled_at = NULL WHERE id = ?').run(row.id);
    })();
    const collectives = collectiveIdsByMember(db);
    res.json({ member: presentMemberRow(findMemberRow(db, row.id)!, collectives.get(row.id) ?? []) });
  });

  return router;
}
