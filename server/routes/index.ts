import { Router } from 'express';
import type { AppContext } from '../context';
import { apiNotFound } from '../errors';

/** The JSON API, mounted at /api. Each area adds its router here. */
export function createApiRouter(_ctx: AppContext): Router {
  const api = Router();
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.use(apiNotFound);
  return api;
}
