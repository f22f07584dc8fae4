import type { RequestHandler, Response } from 'express';
import type { DB } from '../db/database';
import { forbidden, HttpError, unauthorized } from '../errors';
import type { Member, Role } from './members';
import { lookupSession, renewSessionIfOld, sessionCookieValue, sessionTokenFromCookieHeader } from './sessions';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Set by loadMember: the logged-in member, or null. */
      member?: Member | null;
      /** The raw session token of this request, when it carried one. */
      sessionToken?: string | null;
    }
  }
}

/**
 * Runs first on the API: finds the member of the session cookie once per
 * request, so the checks below are cheap and every router sees the same member.
 */
export function loadMember(db: DB): RequestHandler {
  return (req, res, next) => {
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    const member = token ? lookupSession(db, token) : null;
    res.locals.sessionToken = token;
    res.locals.member = member;
    if (member && token) {
      const renewed = renewSessionIfOld(db, token);
      if (renewed) res.append('Set-Cookie', sessionCookieValue(token, renewed, req.secure));
    }
    next();
  };
}

function memberOf(res: Response): Member | null {
  if (res.locals.member === undefined) {
    throw new HttpError(500, 'loadMember(db) must run before requireMember (server set-up error).');
  }
  return res.locals.member;
}

/** Refuses with 401 unless someone is logged in; sets res.locals.member. */
export const requireMember: RequestHandler = (_req, res, next) => {
  if (!memberOf(res)) throw unauthorized();
  next();
};

/** Refuses with 401 when logged out and 403 when the member's role is not one of these. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const member = memberOf(res);
    if (!member) throw unauthorized();
    if (!roles.includes(member.role)) throw forbidden('Your role does not allow this.');
    next();
  };
}

/** The logged-in member inside a handler behind requireMember. */
export function currentMember(res: Response): Member {
  const member = memberOf(res);
  if (!member) throw unauthorized();
  return member;
}
