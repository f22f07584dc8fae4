import { Router } from 'express';
import type { AppContext } from '../context';
import { currentMember, requireMember } from '../auth/middleware';
import { forbidden } from '../errors';
import { canSeeWhoDoesWhat } from '../policies/tasks';
import { whoDoesWhat, type MemberInfo, type RoleRecord } from '../../shared/work/whoDoesWhat';

/** GET /api/who-does-what: the role history of every task, summarised per kind (shared/work/whoDoesWhat). */
export function whoDoesWhatRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  router.get('/who-does-what', requireMember, (_req, res) => {
    if (!canSeeWhoDoesWhat(currentMember(res))) throw forbidden('"Who does what" is for members and admins.');
    const records = (
      db
        .prepare(
          `SELECT r.task_id, t.kind, r.member_id, r.role, r.started_at, r.ended_at
           FROM task_roles r JOIN tasks t ON t.id = r.task_id`,
        )
        .all() as {
        task_id: string;
        kind: RoleRecord['kind'];
        member_id: string;
        role: RoleRecord['role'];
        started_at: string;
        ended_at: string | null;
      }[]
    ).map((r) => ({
      taskId: r.task_id,
      kind: r.kind,
      memberId: r.member_id,
      role: r.role,
      startedAt: r.started_at,
      endedAt: r.ended_at,
    }));
    const members = (
      db
        .prepare('SELECT id, display_name FROM members WHERE disabled_at IS NULL ORDER BY display_name')
        .all() as { id: string; display_name: string }[]
    ).map((m): MemberInfo => ({ id: m.id, displayName: m.display_name }));
    res.json({ kinds: whoDoesWhat(records, members, { now: new Date().toISOString() }) });
  });
  return router;
}
