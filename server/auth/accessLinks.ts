import type { DB } from '../db/database';
import { newId, newToken } from '../db/ids';
import { LIMITS } from '../../shared/limits';
import type { Role } from './members';
import { hashToken } from './sessions';

/**
 * One-time links. 'setup' sets the password of an existing account (the
 * first admin); 'invite' lets someone create their own account with a role
 * an admin chose. Only a hash of the token is stored; a link works once.
 */
export interface AccessLink {
  tokenHash: string;
  kind: 'setup' | 'invite';
  memberId: string | null;
  role: Role;
  collectiveIds: string[];
  expiresAt: string;
}

interface LinkRow {
  token_hash: string;
  kind: 'setup' | 'invite';
  member_id: string | null;
  role: Role;
  collective_ids: string;
  expires_at: string;
}

export function setupPath(token: string): string {
  return `/setup/${token}`;
}

function insertLink(
  db: DB,
  link: { kind: 'setup' | 'invite'; memberId: string | null; role: Role; createdBy: string | null; collectiveIds?: string[] },
  now: Date,
): { token: string; expiresAt: Date } {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LIMITS.accessLinkDays * 24 * 3600 * 1000);
  db.prepare(
    `INSERT INTO access_links (token_hash, kind, member_id, role, created_by, expires_at, collective_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    hashToken(token),
    link.kind,
    link.memberId,
    link.role,
    link.createdBy,
    expiresAt.toISOString(),
    JSON.stringify(link.collectiveIds ?? []),
  );
  return { token, expiresAt };
}

export function createSetupLink(db: DB, memberId: string, createdBy: string | null = null, now = new Date()) {
  const row = db.prepare('SELECT role FROM members WHERE id = ?').get(memberId) as { role: Role } | undefined;
  if (!row) throw new Error(`No member ${memberId}`);
  return insertLink(db, { kind: 'setup', memberId, role: row.role, createdBy }, now);
}

export function createInvite(db: DB, role: Role, createdBy: string, collectiveIds: string[], now = new Date()) {
  return insertLink(db, { kind: 'invite', memberId: null, role, createdBy, collectiveIds }, now);
}

/** The link behind a token while it is usable (not used, not expired), else null. */
export function findUsableLink(db: DB, token: string, now = new Date()): AccessLink | null {
  const row = db
    .prepare('SELECT * FROM access_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?')
    .get(hashToken(token), now.toISOString()) as LinkRow | undefined;
  if (!row) return null;
  return {
    tokenHash: row.token_hash,
    kind: row.kind,
    memberId: row.member_id,
    role: row.role,
    collectiveIds: JSON.parse(row.collective_ids) as string[],
    expiresAt: row.expires_at,
  };
}

/**
 * Marks a link used; false when someone else used it first. Call inside the
 * transaction that acts on the link, so a link is never acted on twice.
 */
export function claimLink(db: DB, tokenHash: string, now = new Date()): boolean {
  const result = db
    .prepare('UPDATE access_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?')
    .run(now.toISOString(), tokenHash, now.toISOString());
  return result.changes === 1;
}

export interface NewAccount {
  login: string;
  displayName: string;
  passwordHash: string;
}

/** Accepts an invite: the account is created and put into the invite's collectives, once. */
export function acceptInvite(db: DB, link: AccessLink, account: NewAccount): string | null {
  return db.transaction(() => {
    if (!claimLink(db, link.tokenHash)) return null;
    const id = newId();
    db.prepare(
      'INSERT INTO members (id, login, display_name, role, password_hash) VALUES (?, ?, ?, ?, ?)',
    ).run(id, account.login, account.displayName, link.role, account.passwordHash);
    const join = db.prepare(
      `INSERT OR IGNORE INTO collective_members (collective_id, member_id)
       SELECT id, ? FROM collectives WHERE id = ?`,
    );
    for (const collectiveId of link.collectiveIds) join.run(id, collectiveId);
    return id;
  })();
}

/** Accepts a set-up link: the existing account gets its password (and display name), once. */
export function acceptSetup(db: DB, link: AccessLink, passwordHash: string, displayName?: string): boolean {
  return db.transaction(() => {
    if (!link.memberId || !claimLink(db, link.tokenHash)) return false;
    db.prepare('UPDATE members SET password_hash = ?, display_name = COALESCE(?, display_name) WHERE id = ?').run(
      passwordHash,
      displayName ?? null,
      link.memberId,
    );
    // A new password ends the sessions made with the old one (a reset after a lost laptop).
    db.prepare('DELETE FROM sessions WHERE member_id = ?').run(link.memberId);
    // Other set-up links of this account (printed at earlier starts) must not reset the new password.
    db.prepare("UPDATE access_links SET used_at = ? WHERE member_id = ? AND kind = 'setup' AND used_at IS NULL").run(
      new Date().toISOString(),
      link.memberId,
    );
    return true;
  })();
}
