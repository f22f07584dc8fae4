import { Router } from 'express';
import type { AppContext } from '../context';
import { notificationsRouter } from './notifications/router';
import { reviewsRouter } from './reviews/router';
import { tasksRouter } from './tasks/router';
import { whoDoesWhatRouter } from './whoDoesWhatRouter';

/**
 * Collective work, mounted on /api with one line in routes/index.ts:
 * tasks and their board, who does what, notifications, the review of a
 * version (approvals, objections, decision log) and version history.
 */
export function workRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(tasksRouter(ctx));
  router.use(whoDoesWhatRouter(ctx));
  router.use(notificationsRouter(ctx));
  router.use(reviewsRouter(ctx));
  return router;
}
