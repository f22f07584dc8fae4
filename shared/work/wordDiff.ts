/**
 * A word diff of two plain texts: what was inserted and deleted between the
 * text someone judged (or a checkpoint) and the text now. Myers' O(ND)
 * algorithm over word and whitespace tokens, after trimming the common
 * start and end. Past a bound on the edit distance (two very different
 * texts) the middle is reported as one deletion and one insertion, which is
 * true and keeps time and memory bounded.
 */
export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

export interface WordDiff {
  parts: DiffPart[];
  insertedWords: number;
  deletedWords: number;
}

const MAX_EDIT_DISTANCE = 4000;

/** Words with the whitespace before them, so that spaces never match on their own. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

export function diffWords(before: string, after: string): WordDiff {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: [DiffOp, string][] = [];
  for (let i = 0; i < start; i++) ops.push(['equal', a[i]!]);
  const middle = myers(a.slice(start, endA), b.slice(start, endB), MAX_EDIT_DISTANCE);
  if (middle) ops.push(...middle);
  else {
    for (let i = start; i < endA; i++) ops.push(['delete', a[i]!]);
    for (let i = start; i < endB; i++) ops.push(['insert', b[i]!]);
  }
  for (let i = endA; i < a.length; i++) ops.push(['equal', a[i]!]);
  return summarize(ops);
}

function summarize(ops: [DiffOp, string][]): WordDiff {
  const parts: DiffPart[] = [];
  let insertedWords = 0;
  let deletedWords = 0;
  for (const [op, token] of ops) {
    const isWord = /\S/.test(token);
    if (op === 'insert' && isWord) insertedWords++;
    if (op === 'delete' && isWord) deletedWords++;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += token;
    else parts.push({ op, text: token });
  }
  return { parts, insertedWords, deletedWords };
}

/** Myers' shortest edit script; null when it needs more than maxD edits. */
function myers(a: string[], b: string[], maxD: number): [DiffOp, string][] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ['insert', t]);
  if (m === 0) return a.map((t) => ['delete', t]);
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] is v before step d, covering diagonals -d-1..d+1.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack(a: string[], b: string[], trace: Int32Array[], finalD: number): [DiffOp, string][] {
  const out: [DiffOp, string][] = [];
  let x = a.length;
  let y = b.length;
  for (let d = finalD; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push(['equal', a[x - 1]!]);
      x--;
      y--;
    }
    if (prevK === k + 1) out.push(['insert', b[prevY]!]);
    else out.push(['delete', a[prevX]!]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    out.push(['equal', a[x - 1]!]);
    x--;
    y--;
  }
  return out.reverse();
}
