import { Router } from 'express';
import type { AppContext } from '../context';
import { commentsRouter } from './comments/router';
import { historyRouter } from './history/router';
import { sweepCheckpoints } from './history/checkpoints';
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
  router.use(historyRouter(ctx));
  router.use(commentsRouter(ctx));
  startCheckpointSweep(ctx);
  return router;
}

/**
 * Automatic checkpoints are taken by a sweep over the update log once a
 * minute. The timer is unref'd (it never keeps the process alive) and stops
 * by itself once the database is closed at shutdown.
 */
function startCheckpointSweep(ctx: AppContext): void {
  const timer = setInterval(() => {
    if (!ctx.db.open) {
      clearInterval(timer);
      return;
    }
    try {
      sweepCheckpoints(ctx.db);
    } catch (err) {
      ctx.config.log(`history: automatic checkpoints failed this time: ${String(err)}`);
    }
  }, 60_000);
  timer.unref();
}
