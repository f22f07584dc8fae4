import { Router } from 'express';
import type { AppContext } from '../../context';
import type { Member } from '../../auth/members';
import { currentMember, requireMember } from '../../auth/middleware';
import type { DB } from '../../db/database';
import { forbidden, notFound, parseBody } from '../../errors';
import { param } from '../../routes/fields';
import { canRead, type Access } from '../../policies/access';
import { articleAccess } from '../../policies/articles';
import {
  canChangeVersionStatus,
  canGiveVerdict,
  findVersionFacts,
  versionAccess,
  type VersionFacts,
} from '../../policies/reviews';
import { verdictSchema, versionStatusSchema } from '../../../shared/work/schemas';
import { versionTasks } from '../tasks/board';
import { articleDecisions } from './decisions';
import { giveVerdict, reviewView, setVersionStatus, withdrawVerdict } from './verdicts';

/** The version and the member's access to it; a version they cannot see is "not found". */
export function visibleVersion(db: DB, member: Member, id: string): { version: VersionFacts; access: Access } {
  const access = versionAccess(db, member, id);
  if (!canRead(access)) throw notFound(`There is no article version ${id}.`);
  return { version: findVersionFacts(db, id)!, access };
}

/**
 * /api/versions/:id/review (verdicts, the rule, what changed since),
 * /api/versions/:id/verdicts (give, withdraw), /api/versions/:id/status,
 * /api/versions/:id/tasks and /api/articles/:id/decisions.
 */
export function reviewsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get('/versions/:id/review', requireMember, (req, res) => {
    const { version } = visibleVersion(db, currentMember(res), param(req, 'id'));
    res.json({ review: reviewView(db, version) });
  });

  router.post('/versions/:id/verdicts', requireMember, (req, res) => {
    const member = currentMember(res);
    const { version, access } = visibleVersion(db, member, param(req, 'id'));
    if (!canGiveVerdict(access)) throw forbidden('This article is archived: nobody approves or objects to it.');
    const body = parseBody(verdictSchema, req.body);
    giveVerdict(db, member, version, body.verdict, body.reason ?? '');
    res.json({ review: reviewView(db, findVersionFacts(db, version.id)!) });
  });

  router.delete('/versions/:id/verdicts/mine', requireMember, (req, res) => {
    const member = currentMember(res);
    const { version, access } = visibleVersion(db, member, param(req, 'id'));
    if (!canGiveVerdict(access)) throw forbidden('This article is archived: nobody approves or objects to it.');
    withdrawVerdict(db, member, version);
    res.json({ review: reviewView(db, findVersionFacts(db, version.id)!) });
  });

  router.put('/versions/:id/status', requireMember, (req, res) => {
    const member = currentMember(res);
    const { version, access } = visibleVersion(db, member, param(req, 'id'));
    if (!canChangeVersionStatus(access)) throw forbidden('This article is archived; its status does not change.');
    setVersionStatus(db, member, version, parseBody(versionStatusSchema, req.body).status);
    res.json({ review: reviewView(db, findVersionFacts(db, version.id)!) });
  });

  router.get('/versions/:id/tasks', requireMember, (req, res) => {
    const member = currentMember(res);
    const { version } = visibleVersion(db, member, param(req, 'id'));
    res.json({ tasks: versionTasks(db, member, version.id) });
  });

  router.get('/articles/:id/decisions', requireMember, (req, res) => {
    const articleId = param(req, 'id');
    if (!canRead(articleAccess(db, currentMember(res), articleId))) throw notFound(`There is no article ${articleId}.`);
    res.json({ decisions: articleDecisions(db, articleId) });
  });

  return router;
}
