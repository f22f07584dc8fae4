import type { Member } from '../api';

/** Colours dark enough for white label text, distinct from one another. */
const PALETTE = ['#b3261e', '#1b6e3a', '#1f4fa3', '#8a3ea8', '#a35a00', '#00707a', '#9c2a6b', '#4a5a14'];

/** The same member gets the same colour in every tab and on every screen. */
export function memberColour(memberId: string): string {
  let hash = 0;
  for (const ch of memberId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export interface PresenceUser {
  name: string;
  color: string;
}

export function presenceUser(member: Member): PresenceUser {
  return { name: member.displayName, color: memberColour(member.id) };
}

/** The caret another member leaves in the text: a coloured bar with their name on it. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' ? user.name : '?';
  const color = typeof user.color === 'string' ? user.color : '#555';
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}
