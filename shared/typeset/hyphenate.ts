import patternsEn from 'hyphen/patterns/en-us';
import patternsEs from 'hyphen/patterns/es';
import type { Lang } from '../languages';
import { syllablesByPatterns, type CompiledPatterns } from './liang';

/**
 * How a line may break after a piece of a word:
 * 'hyphen' adds a hyphen (a syllable break), 'free' adds nothing (after a
 * dash or hard hyphen, or after / . @ - in an address), 'end' is the word's end.
 */
export type PieceBreak = 'hyphen' | 'free' | 'end';

export interface Piece {
  text: string;
  after: PieceBreak;
  /** Letters in the piece (for runt detection). */
  letters: number;
}

export function countLetters(text: string): number {
  return text.replace(/[^\p{L}]/gu, '').length;
}

/** The `hyphen` package's patterns per language (applied by liang.ts: the same breaks as its hyphenateSync). */
const PATTERNS: Record<Lang, CompiledPatterns> = { en: patternsEn, es: patternsEs };

/** Letters a hyphen may not leave behind: never the word's last two letters. */
const MIN_BEFORE = 2;
const MIN_AFTER = 3;

const ADDRESS = /^[(\[“"'«¿¡]*(?:(?:https?:\/\/|www\.)\S+|[^\s@()]+@[^\s@()]+\.[^\s@()]+)/i;
const DASHES = /([\-–—\/])/;
const CORE = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u;

const caches: Record<Lang, Map<string, Piece[]>> = { en: new Map(), es: new Map() };

/** True for URLs and e-mail addresses, which are never hyphenated. */
export function isAddress(token: string): boolean {
  return ADDRESS.test(token);
}

/**
 * Splits one whitespace-free token into pieces with the breaks allowed
 * between them. Cached per language, since a paper repeats its words.
 */
export function splitToken(token: string, lang: Lang, hyphenate: boolean): Piece[] {
  const cache = caches[lang];
  const key = hyphenate ? token : `\u0000${token}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const split = isAddress(token) ? splitAddress(token) : splitWord(token, lang, hyphenate);
  const pieces = split.map((p) => ({ ...p, letters: countLetters(p.text) }));
  cache.set(key, pieces);
  return pieces;
}

type RawPiece = Omit<Piece, 'letters'>;

function splitAddress(token: string): RawPiece[] {
  const pieces: RawPiece[] = [];
  let start = 0;
  for (let i = 0; i < token.length - 1; i++) {
    const c = token[i];
    if (c === '/' || c === '.' || c === '@' || c === '-') {
      // Keep runs like "//" together: break only after the last of them.
      if (token[i + 1] === c) continue;
      pieces.push({ text: token.slice(start, i + 1), after: 'free' });
      start = i + 1;
    }
  }
  pieces.push({ text: token.slice(start), after: 'end' });
  return pieces;
}

function splitWord(token: string, lang: Lang, hyphenate: boolean): RawPiece[] {
  const segments = token.split(DASHES).filter((s) => s.length > 0);
  // Re-join each dash onto the segment before it: "long-term" -> "long-", "term".
  const joined: string[] = [];
  for (const s of segments) {
    if (DASHES.test(s) && s.length === 1 && joined.length > 0) joined[joined.length - 1] += s;
    else joined.push(s);
  }
  const pieces: RawPiece[] = [];
  joined.forEach((segment, i) => {
    const syllables = hyphenate ? syllablesOf(segment, lang) : [segment];
    syllables.forEach((text, j) => pieces.push({ text, after: j < syllables.length - 1 ? 'hyphen' : 'free' }));
    if (i === joined.length - 1) pieces[pieces.length - 1]!.after = 'end';
  });
  // A segment that is only punctuation (a dash at the start) can't stand alone on a line end.
  return pieces.length ? pieces : [{ text: token, after: 'end' }];
}

function syllablesOf(segment: string, lang: Lang): string[] {
  const m = CORE.exec(segment);
  if (!m || m[2]!.length < MIN_BEFORE + MIN_AFTER) return [segment];
  const [, lead, core, trail] = m as unknown as [string, string, string, string];
  const parts = syllablesByPatterns(PATTERNS[lang], core);
  if (parts.length < 2) return [segment];
  // Merge parts so no break leaves fewer than MIN_BEFORE / MIN_AFTER letters.
  const out: string[] = [];
  let done = 0;
  for (const part of parts) {
    const last = out.length - 1;
    if (out.length === 0 || done < MIN_BEFORE) {
      if (out.length === 0) out.push(part);
      else out[last] += part;
    } else out.push(part);
    done += part.length;
  }
  while (out.length > 1 && out[out.length - 1]!.length < MIN_AFTER) {
    const tail = out.pop()!;
    out[out.length - 1] += tail;
  }
  if (out.length < 2) return [segment];
  out[0] = lead + out[0];
  out[out.length - 1] += trail;
  return out;
}
