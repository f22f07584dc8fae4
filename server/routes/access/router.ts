import { Router } from 'express';
import type { AppContext } from '../../context';
import { badRequest, conflict, notFound, parseBody } from '../../errors';
import { param, requestOrigin } from '../fields';
import { acceptInvite, acceptSetup, createInvite, findUsableLink, setupPath } from '../../auth/accessLinks';
import { findMember, findMemberRowByLogin } from '../../auth/members';
import { currentMember, requireRole } from '../../auth/middleware';
import { hashPassword, passwordProblem } from '../../auth/passwords';
import { presentMember } from '../../presenters/member';
import { startSession } from '../session/router';
import { acceptLinkBody, createInviteBody } from './schema';

const LINK_GONE = 'This link does not work any more: it was used already or has expired. Ask an admin for a new one.';

/** GET/POST /api/access-links/:token (set-up and invite links), POST /api/invites. */
export function accessRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get('/access-links/:token', (req, res) => {
    const link = findUsableLink(db, param(req, 'token'));
    if (!link) throw notFound(LINK_GONE);
    const member = link.memberId ? findMember(db, link.memberId) : null;
    res.json({
      kind: link.kind,
      role: link.role,
      ...(member ? { login: member.login, displayName: member.displayName } : {}),
      expiresAt: link.expiresAt,
    });
  });

  router.post('/access-links/:token', async (req, res) => {
    const link = findUsableLink(db, param(req, 'token'));
    if (!link) throw notFound(LINK_GONE);
    const body = parseBody(acceptLinkBody, req.body);
    let memberId: string;
    if (link.kind === 'invite') {
      if (!body.login) throw badRequest('login: please choose a login name');
      if (findMemberRowByLogin(db, body.login)) throw conflict(`login: the login name "${body.login}" is taken`);
      const problem = passwordProblem(body.password, body.login);
      if (problem) throw badRequest(`password: ${problem}`);
      const passwordHash = await hashPassword(body.password);
      let id: string | null;
      try {
        id = acceptInvite(db, link, { login: body.login, displayName: body.displayName ?? body.login, passwordHash });
      } catch (err) {
        // Someone took the same name while the password was being hashed.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw conflict(`login: the login name "${body.login}" is taken`);
        }
        throw err;
      }
      if (!id) throw notFound(LINK_GONE);
      memberId = id;
    } else {
      const member = findMember(db, link.memberId!)!;
      if (body.login && body.login.toLowerCase() !== member.login.toLowerCase()) {
        throw badRequest(`login: this link sets up the account "${member.login}"; its login name cannot change here`);
      }
      const problem = passwordProblem(body.password, member.login);
      if (problem) throw badRequest(`password: ${problem}`);
      const passwordHash = await hashPassword(body.password);
      if (!acceptSetup(db, link, passwordHash, body.displayName)) throw notFound(LINK_GONE);
      memberId = member.id;
    }
    startSession(ctx, req, res, memberId);
    res.json({ member: presentMember(findMember(db, memberId)!) });
  });

  router.post('/invites', requireRole('admin'), (req, res) => {
    const body = parseBody(createInviteBody, req.body);
    const ids = [...new Set(body.collectiveIds ?? [])];
    for (const id of ids) {
      if (!db.prepare('SELECT 1 FROM collectives WHERE id = ?').get(id)) throw badRequest(`collectiveIds: no collective ${id}`);
    }
    const invite = createInvite(db, body.role, currentMember(res).id, ids);
    res.status(201).json({ url: requestOrigin(req) + setupPath(invite.token), expiresAt: invite.expiresAt.toISOString() });
  });

  return router;
}
