/** Matching a module's expected words with the words poppler reads back from it. */
import type { WordBox } from './poppler';

const count = (tokens: string[]) => {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

/**
 * Rejoins words the typesetter broke across lines (at a hyphen it added, or
 * after a dash, slash or dot), preferring joins that give an expected word.
 */
export function rejoin(words: string[], expected: string[]): string[] {
  const remaining = count(expected);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    while (i + 1 < words.length && !(remaining.get(w) ?? 0)) {
      const next = words[i + 1]!;
      const dehyphen = w.endsWith('-') ? w.slice(0, -1) + next : null;
      const plain = w + next;
      const pick = dehyphen && remaining.get(dehyphen) ? dehyphen : remaining.get(plain) ? plain : isPrefix(remaining, plain) ? plain : dehyphen && isPrefix(remaining, dehyphen) ? dehyphen : null;
      if (!pick) break;
      w = pick;
      i++;
    }
    if (remaining.get(w)) remaining.set(w, remaining.get(w)! - 1);
    out.push(w);
  }
  return out;
}

function isPrefix(remaining: Map<string, number>, s: string): boolean {
  for (const [k, n] of remaining) if (n > 0 && k.length > s.length && k.startsWith(s)) return true;
  return false;
}

/** Words expected but not found, and words found but not expected. */
export function difference(expected: string[], found: string[]): { missing: string[]; extra: string[] } {
  const e = count(expected);
  const extra: string[] = [];
  for (const w of found) {
    const n = e.get(w) ?? 0;
    if (n > 0) e.set(w, n - 1);
    else extra.push(w);
  }
  const missing = [...e].flatMap(([w, n]) => Array<string>(n).fill(w));
  return { missing, extra };
}

export function inside(w: WordBox, box: { x: number; y: number; w: number; h: number }, tolerance: number): boolean {
  return w.xMin >= box.x - tolerance && w.xMax <= box.x + box.w + tolerance && w.yMin >= box.y - tolerance && w.yMax <= box.y + box.h + tolerance;
}
