import type { DB } from '../db/database';
import type { Lang } from '../../shared/languages';

export const ROLES = ['admin', 'member', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/** A member as the server works with it (never carries the password hash). */
export interface Member {
  id: string;
  login: string;
  displayName: string;
  defaultByline: string;
  role: Role;
  uiLang: Lang;
}

export interface MemberRow {
  id: string;
  login: string;
  display_name: string;
  default_byline: string;
  role: Role;
  ui_lang: Lang;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

export function memberFromRow(row: MemberRow): Member {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    defaultByline: row.default_byline,
    role: row.role,
    uiLang: row.ui_lang,
  };
}

export function findMemberRow(db: DB, id: string): MemberRow | undefined {
  return db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
}

export function findMemberRowByLogin(db: DB, login: string): MemberRow | undefined {
  return db.prepare('SELECT * FROM members WHERE login = ?').get(login) as MemberRow | undefined;
}

export function findMember(db: DB, id: string): Member | null {
  const row = findMemberRow(db, id);
  return row ? memberFromRow(row) : null;
}
