import type { DB } from '../../db/database';
import type { Member, MemberRow, Role } from '../../auth/members';
import { deleteMemberSessions } from '../../auth/sessions';
import { updateRow } from '../update';

export function collectiveIdsByMember(db: DB): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const rows = db.prepare('SELECT member_id, collective_id FROM collective_members ORDER BY joined_at').all() as {
    member_id: string;
    collective_id: string;
  }[];
  for (const r of rows) map.set(r.member_id, [...(map.get(r.member_id) ?? []), r.collective_id]);
  return map;
}

/**
 * Members and admins see everyone; a contributor sees themselves and the
 * people on the articles they are on (whom they work with), nobody else.
 */
export function visibleMemberRows(db: DB, viewer: Member): MemberRow[] {
  if (viewer.role !== 'contributor') {
    return db.prepare('SELECT * FROM members ORDER BY display_name COLLATE NOCASE').all() as MemberRow[];
  }
  return db
    .prepare(
      `SELECT * FROM members WHERE id = ? OR id IN (
         SELECT am.member_id FROM article_members am
         JOIN article_members mine ON mine.article_id = am.article_id AND mine.member_id = ?)
       ORDER BY display_name COLLATE NOCASE`,
    )
    .all(viewer.id, viewer.id) as MemberRow[];
}

export function activeAdminCount(db: DB): number {
  return (
    db.prepare("SELECT COUNT(*) AS n FROM members WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }
  ).n;
}

export interface MemberPatch {
  role?: Role;
  displayName?: string;
  defaultByline?: string;
  disabled?: boolean;
}

/** Disabling an account also ends its sessions, so it is logged out everywhere at once. */
export function updateMember(db: DB, row: MemberRow, patch: MemberPatch): void {
  db.transaction(() => {
    let disabledAt: string | null | undefined;
    if (patch.disabled === true) disabledAt = row.disabled_at ?? new Date().toISOString();
    if (patch.disabled === false) disabledAt = null;
    updateRow(db, 'members', row.id, {
      role: patch.role,
      display_name: patch.displayName,
      default_byline: patch.defaultByline,
      disabled_at: disabledAt,
    });
    if (patch.disabled) deleteMemberSessions(db, row.id);
  })();
}
