import type { Member, MemberRow } from '../auth/members';
import { memberFromRow } from '../auth/members';

/** The member as the API shows it: a whitelist, so a new column never leaks by accident. */
export function presentMember(member: Member): Member {
  return {
    id: member.id,
    login: member.login,
    displayName: member.displayName,
    defaultByline: member.defaultByline,
    role: member.role,
    uiLang: member.uiLang,
  };
}

export interface MemberListEntry extends Member {
  /** True while the account has no password yet (a pending set-up link). */
  pending: boolean;
  disabled: boolean;
  collectiveIds: string[];
}

export function presentMemberRow(row: MemberRow, collectiveIds: string[]): MemberListEntry {
  return {
    ...presentMember(memberFromRow(row)),
    pending: row.password_hash === null,
    disabled: row.disabled_at !== null,
    collectiveIds,
  };
}
