import { Router } from 'express';
import type { AppContext } from '../context';
import { apiNotFound } from '../errors';
import { loadMember } from '../auth/middleware';
import { sessionRouter } from './session/router';
import { accessRouter } from './access/router';
import { membersRouter } from './members/router';
import { collectivesRouter } from './collectives/router';
import { editionsRouter } from './editions/router';
import { articlesRouter } from './articles/router';
import { workRouter } from '../work/router';
import { picturesRouter } from '../pictures/routes';
import { layoutRouter } from '../layout/router';
import { translationRouter } from '../translation/router';

/** The JSON API, mounted at /api. Each area adds its router here. */
export function createApiRouter(ctx: AppContext): Router {
  const api = Router();
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  // Every router below sees res.locals.member (null when logged out).
  api.use(loadMember(ctx.db));
  api.use(sessionRouter(ctx));
  api.use(accessRouter(ctx));
  api.use(membersRouter(ctx));
  api.use(collectivesRouter(ctx));
  api.use(editionsRouter(ctx));
  api.use(articlesRouter(ctx));
  api.use(picturesRouter(ctx));
  api.use(workRouter(ctx));
  api.use(layoutRouter(ctx));
  api.use(translationRouter(ctx));
  api.use(apiNotFound);
  return api;
}
