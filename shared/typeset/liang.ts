/**
 * Liang's hyphenation patterns applied to one word, over the `hyphen`
 * package's compiled patterns (hyphen/patterns/<lang>: a table of level
 * lists, a trie of pattern letters, and the exception words with their
 * break positions). The package's own hyphenateSync gives the same breaks
 * for a word of letters, but it reads its input as running text (HTML tags,
 * soft hyphens, word boundaries, all checked character by character through
 * closures and regular expressions), which cost most of the time the engine
 * spent hyphenating. The engine only ever hands it a single word of letters,
 * so this reads the patterns directly; tests/typeset/liang.test.ts checks
 * it against hyphenateSync on both languages' words.
 */

/** A trie node: children by letter; a leaf index into the level table; or both. */
type TrieNode = { [letter: string]: TrieEntry };
type TrieEntry = TrieNode | [TrieNode, number] | number;

/** hyphen/patterns/<lang>: [level lists, pattern trie, exceptions (word -> break positions)]. */
export type CompiledPatterns = readonly [readonly (readonly number[])[], TrieNode, Record<string, number[]>?];

const EMPTY: TrieNode = {};

/**
 * Positions in the word where a hyphen may go, from the patterns alone.
 * Follows the package's reading of the patterns exactly: the word framed by
 * dots, every suffix of three characters or more walked down the trie, the
 * levels of every pattern met raised into place (suffixes 0 and 1 both
 * align with position 0), and the two positions at either end cleared.
 */
function patternMarkers(length: number, lower: string, levelsTable: CompiledPatterns[0], trie: TrieNode): number[] {
  const framed = `.${lower}.`;
  // A plain array, as the package uses: a pattern may raise positions past
  // the word's end, which lengthens the array (and moves the cleared end).
  const levels: number[] = new Array<number>(length + 1).fill(0);
  for (let s = 0; framed.length - s >= 3; s++) {
    const at = s === 0 ? 0 : s - 1;
    let node: TrieNode = trie;
    for (let c = s; c < framed.length; c++) {
      const entry: TrieEntry | undefined = node[framed[c]!];
      if (entry === undefined) break;
      let index = -1;
      if (typeof entry === 'number') {
        node = EMPTY;
        index = entry;
      } else if (Array.isArray(entry)) {
        node = entry[0];
        index = entry[1];
      } else node = entry;
      if (index < 0) continue;
      const pattern = levelsTable[index]!;
      for (let k = 0; k < pattern.length; k++) levels[at + k] = Math.max(pattern[k]!, levels[at + k]!);
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const markers: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) markers.push(i);
  return markers;
}

/**
 * Splits a word of letters (five or more) at its hyphenation points: the
 * same pieces as the package's hyphenateSync(word).split(softHyphen). An
 * exception word takes its listed breaks.
 */
export function syllablesByPatterns(patterns: CompiledPatterns, word: string): string[] {
  const lower = word.toLocaleLowerCase();
  const exceptions = patterns[2];
  const markers = exceptions && Object.prototype.hasOwnProperty.call(exceptions, lower) ? exceptions[lower]! : patternMarkers(word.length, lower, patterns[0], patterns[1]);
  if (markers.length === 0) return [word];
  const parts = [word.slice(0, markers[0])];
  for (let i = 1; i < markers.length; i++) parts.push(word.slice(markers[i - 1], markers[i]));
  parts.push(word.slice(markers[markers.length - 1]));
  return parts;
}
