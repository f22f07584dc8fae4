import type { Member } from '../auth/members';

/** Invites, roles and collectives are an admin's work. */
export function canAdminister(member: Member): boolean {
  return member.role === 'admin';
}
