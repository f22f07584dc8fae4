import { describe, expect, it } from 'vitest';
import { diffWords } from './wordDiff';

/** Rebuilds both sides from the parts: a diff must lose nothing. */
function sides(parts: { op: string; text: string }[]) {
  return {
    before: parts.filter((p) => p.op !== 'insert').map((p) => p.text).join(''),
    after: parts.filter((p) => p.op !== 'delete').map((p) => p.text).join(''),
  };
}

describe('word diff', () => {
  it('marks one replaced word as a deletion and an insertion', () => {
    const d = diffWords('The drivers stopped at dawn.', 'The drivers stopped at noon.');
    expect(d.parts).toEqual([
      { op: 'equal', text: 'The drivers stopped at' },
      { op: 'delete', text: ' dawn.' },
      { op: 'insert', text: ' noon.' },
    ]);
    expect(d).toMatchObject({ insertedWords: 1, deletedWords: 1 });
  });

  it('finds insertions and deletions in the middle of a text', () => {
    const before = 'one two three four five six seven';
    const after = 'one two three and a half four six seven eight';
    const d = diffWords(before, after);
    expect(sides(d.parts)).toEqual({ before, after });
    expect(d.insertedWords).toBe(4);
    expect(d.deletedWords).toBe(1);
    expect(d.parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual(['five']);
  });

  it('reports identical texts as one equal part', () => {
    expect(diffWords('same text', 'same text')).toEqual({
      parts: [{ op: 'equal', text: 'same text' }],
      insertedWords: 0,
      deletedWords: 0,
    });
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'new words').insertedWords).toBe(2);
    expect(diffWords('old words', '').deletedWords).toBe(2);
  });

  it('stays exact on long texts with scattered edits', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i % 97}x${i}`);
    const changed = words.map((w, i) => (i % 150 === 0 ? `${w}-edited` : w));
    changed.splice(1000, 0, 'inserted', 'words');
    const d = diffWords(words.join(' '), changed.join(' '));
    expect(sides(d.parts)).toEqual({ before: words.join(' '), after: changed.join(' ') });
    expect(d.deletedWords).toBe(20);
    expect(d.insertedWords).toBe(22);
  });

  it('falls back to a whole replacement for two unrelated long texts, still exact', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const d = diffWords(a, b);
    expect(sides(d.parts)).toEqual({ before: a, after: b });
  });
});
