/**
 * The fingerprint of a source block's text, stored on each translated block
 * when it is translated (or marked current). Spacing differences do not count
 * as a change: a double space fixed in the source should not send the
 * translator back to a paragraph.
 */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * 53 bits of a fast string hash (two 32-bit multiply-xorshift lanes) plus
 * the length, in base 36. Not cryptographic: it only has to tell a changed
 * paragraph from an unchanged one, and it runs on every keystroke of the
 * source while a translator watches.
 */
export function fingerprint(text: string): string {
  const s = normalizeText(text);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${s.length.toString(36)}.${hash.toString(36)}`;
}
