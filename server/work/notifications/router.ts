import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { currentMember, requireMember } from '../../auth/middleware';
import { notFound, parseBody } from '../../errors';
import { param } from '../../routes/fields';
import { todayIso } from '../tasks/store';
import { listNotifications, markAllRead, markRead, noticeOverdueTasks, unreadCount } from './store';

const listQuery = z.object({
  unread: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** /api/notifications: one's own notifications only; there is no way to name someone else's. */
export function notificationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get('/notifications', requireMember, (req, res) => {
    const member = currentMember(res);
    const query = parseBody(listQuery, req.query);
    noticeOverdueTasks(db, member.id, todayIso());
    res.json({
      notifications: listNotifications(db, member.id, { unreadOnly: query.unread === '1', limit: query.limit ?? 50 }),
      unread: unreadCount(db, member.id),
    });
  });

  router.get('/notifications/unread-count', requireMember, (_req, res) => {
    const member = currentMember(res);
    noticeOverdueTasks(db, member.id, todayIso());
    res.json({ unread: unreadCount(db, member.id) });
  });

  router.post('/notifications/read-all', requireMember, (_req, res) => {
    const member = currentMember(res);
    markAllRead(db, member.id);
    res.json({ unread: 0 });
  });

  router.post('/notifications/:id/read', requireMember, (req, res) => {
    const member = currentMember(res);
    if (!markRead(db, member.id, param(req, 'id'))) throw notFound('There is no such notification for you.');
    res.json({ unread: unreadCount(db, member.id) });
  });

  return router;
}
