/**
 * What a member may do with one thing:
 *   write   read and change it
 *   read    see it, not change it (archived things, read-only roles)
 *   none    it exists, but not for this member
 *   missing no such thing
 * HTTP routes and the collaboration WebSocket ask the same functions.
 */
export type Access = 'write' | 'read' | 'none' | 'missing';

export function canRead(access: Access): boolean {
  return access === 'write' || access === 'read';
}
