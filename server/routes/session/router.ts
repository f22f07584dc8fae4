import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context';
import { badRequest, parseBody, unauthorized } from '../../errors';
import { LoginGuard } from '../../auth/login';
import { currentMember, requireMember } from '../../auth/middleware';
import { findMember, findMemberRow } from '../../auth/members';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/passwords';
import {
  clearedSessionCookie,
  createSession,
  deleteMemberSessions,
  deleteSession,
  sessionCookieValue,
} from '../../auth/sessions';
import { presentMember } from '../../presenters/member';
import { changePasswordBody, loginBody, patchMeBody } from './schema';
import { updateRow } from '../update';

/** Starts a session for a member and sets the cookie (login and accepted access links). */
export function startSession(ctx: AppContext, req: Request, res: Response, memberId: string): void {
  const session = createSession(ctx.db, memberId);
  res.setHeader('Set-Cookie', sessionCookieValue(session.token, session.expiresAt, req.secure));
}

/** POST/DELETE /api/session, GET/PATCH /api/me. */
export function sessionRouter(ctx: AppContext): Router {
  const router = Router();
  const guard = new LoginGuard(ctx.db);

  router.post('/session', async (req, res) => {
    const body = parseBody(loginBody, req.body);
    const member = await guard.check(body.login, body.password, req.ip ?? 'unknown');
    startSession(ctx, req, res, member.id);
    res.json({ member: presentMember(member) });
  });

  router.delete('/session', (req, res) => {
    if (res.locals.sessionToken) deleteSession(ctx.db, res.locals.sessionToken);
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  router.get('/me', requireMember, (_req, res) => {
    res.json({ member: presentMember(currentMember(res)) });
  });

  router.patch('/me', requireMember, (req, res) => {
    const me = currentMember(res);
    const body = parseBody(patchMeBody, req.body);
    updateRow(ctx.db, 'members', me.id, {
      display_name: body.displayName,
      default_byline: body.defaultByline,
      ui_lang: body.uiLang,
    });
    res.json({ member: presentMember(findMember(ctx.db, me.id)!) });
  });

  // Changing one's password ends every other session of that member.
  router.post('/me/password', requireMember, async (req, res) => {
    const me = currentMember(res);
    const body = parseBody(changePasswordBody, req.body);
    const row = findMemberRow(ctx.db, me.id)!;
    if (!row.password_hash || !(await verifyPassword(body.currentPassword, row.password_hash))) {
      throw unauthorized('The current password is wrong.');
    }
    const problem = passwordProblem(body.newPassword, me.login);
    if (problem) throw badRequest(`newPassword: ${problem}`);
    const hash = await hashPassword(body.newPassword);
    ctx.db.transaction(() => {
      ctx.db.prepare('UPDATE members SET password_hash = ? WHERE id = ?').run(hash, me.id);
      deleteMemberSessions(ctx.db, me.id);
    })();
    startSession(ctx, req, res, me.id);
    res.status(204).end();
  });

  return router;
}
