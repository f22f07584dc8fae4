import { createHash } from 'node:crypto';
import type { DB } from '../db/database';
import { newToken } from '../db/ids';
import { LIMITS } from '../../shared/limits';
import { memberFromRow, type Member, type MemberRow } from './members';

export const SESSION_COOKIE = 'galley_session';

/** Tokens are stored only as SHA-256 hashes: a copy of the database logs no one in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export function createSession(db: DB, memberId: string, now = new Date()): NewSession {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LIMITS.sessionDays * 24 * 3600 * 1000);
  db.transaction(() => {
    // Expired sessions are swept here, where a write happens anyway.
    db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
    db.prepare('INSERT INTO sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)').run(
      hashToken(token),
      memberId,
      expiresAt.toISOString(),
    );
  })();
  return { token, expiresAt };
}

/** The member a session token belongs to, or null (unknown, expired, or the member is disabled). */
export function lookupSession(db: DB, token: string, now = new Date()): Member | null {
  const row = db
    .prepare(
      `SELECT m.* FROM sessions s JOIN members m ON m.id = s.member_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND m.disabled_at IS NULL`,
    )
    .get(hashToken(token), now.toISOString()) as MemberRow | undefined;
  return row ? memberFromRow(row) : null;
}

/**
 * Sessions slide: once less than half of a session's life is left, it is
 * extended to a full term again, so someone who works every week is never
 * logged out, while an abandoned session still ends. Returns the new expiry
 * (for a fresh cookie) or null when nothing changed.
 */
export function renewSessionIfOld(db: DB, token: string, now = new Date()): Date | null {
  const lifetimeMs = LIMITS.sessionDays * 24 * 3600 * 1000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  const halfway = new Date(now.getTime() + lifetimeMs / 2);
  const result = db
    .prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ? AND expires_at > ? AND expires_at < ?')
    .run(expiresAt.toISOString(), hashToken(token), now.toISOString(), halfway.toISOString());
  return result.changes === 1 ? expiresAt : null;
}

export function deleteSession(db: DB, token: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
}

export function deleteMemberSessions(db: DB, memberId: string): void {
  db.prepare('DELETE FROM sessions WHERE member_id = ?').run(memberId);
}

/** Reads one cookie out of a Cookie header (no dependency for a few lines). */
export function readCookie(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}

export function sessionTokenFromCookieHeader(cookieHeader: string | undefined): string | null {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  // Tokens are 43 base64url characters; anything else cannot be ours.
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

/** The logged-in member of an HTTP request or WebSocket upgrade, from its Cookie header. */
export function memberFromCookieHeader(db: DB, cookieHeader: string | undefined): Member | null {
  const token = sessionTokenFromCookieHeader(cookieHeader);
  return token ? lookupSession(db, token) : null;
}

export function sessionCookieValue(token: string, expiresAt: Date, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
