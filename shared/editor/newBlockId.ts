/**
 * Block ids on their own, without ProseMirror: the server makes them when it
 * starts a translation, and importing blockId.ts (Tiptap and ProseMirror,
 * about 0.5 MB of code) just for this would slow every server start.
 */
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const ID_LENGTH = 10;

/** A fresh block id: 10 characters, from Web Crypto (present in browsers and Node). */
export function newBlockId(): string {
  const bytes = new Uint8Array(ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}
