import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: ids get read aloud

/** A 12-character random id (60 bits), safe in URLs and document names. */
export function newId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}

/** A 32-byte random secret for session cookies and one-time links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
