/**
 * The fingerprint of a source block's text, stored on each translated block
 * when it is translated (or marked current). Spacing differences do not count
 * as a change: a double space fixed in the source should not send the
 * translator back to a paragraph.
 */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when a text has something other than spacing. */
export function hasText(text: string): boolean {
  return /\S/.test(text);
}

/** The characters JavaScript's \s matches, by code: what normalizeText folds. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * 53 bits of a fast string hash (two 32-bit multiply-xorshift lanes) plus
 * the length, in base 36, of the normalized text. Not cryptographic: it only
 * has to tell a changed paragraph from an unchanged one, and it runs on every
 * keystroke of the source while a translator watches, so it folds spacing as
 * it goes instead of building the normalized string first.
 */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = length > 0; // leading spaces vanish
      continue;
    }
    if (pendingSpace) {
      // A run of spaces counts as one space, and only between words.
      pendingSpace = false;
      h1 = Math.imul(h1 ^ 32, 2654435761);
      h2 = Math.imul(h2 ^ 32, 1597334677);
      length++;
    }
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    length++;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${length.toString(36)}.${hash.toString(36)}`;
}
