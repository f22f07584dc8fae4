/**
 * Knuth–Plass optimum-fit line breaking (Knuth & Plass, "Breaking Paragraphs
 * into Lines", 1981) over boxes, glue and penalties. Boxes may carry stretch
 * and shrink too, which is how letter-spacing tolerance enters the model.
 * Extended with a hard limit on hyphenated line ends in a row (kept in the
 * active-node state) and a final emergency pass that always finds a break,
 * so no text can make it loop or throw.
 */

export const INFINITE_PENALTY = 10000;

export interface KpItem {
  type: 'box' | 'glue' | 'penalty';
  width: number;
  stretch: number;
  shrink: number;
  /** Penalties only: cost of breaking here (>= INFINITE_PENALTY forbids, <= -INFINITE_PENALTY forces). */
  penalty: number;
  /** Penalties only: a hyphenated break. */
  flagged: boolean;
}

export interface KpOptions {
  /** Width of line number `line` (0-based). */
  lineWidth: (line: number) => number;
  tolerance: number;
  linePenalty: number;
  consecutiveFlaggedDemerits: number;
  fitnessDemerits: number;
  maxFlaggedRun: number;
  /** Extra demerits for the paragraph's last line starting at item `start`. */
  lastLineDemerits?: (start: number) => number;
}

interface Node {
  pos: number;
  start: number;
  line: number;
  fitness: number;
  run: number;
  demerits: number;
  prev: Node | null;
}

export interface KpBreak {
  /** Index of the item where the line ends (glue or penalty). */
  at: number;
  /** Index of the first item of the line. */
  start: number;
  flagged: boolean;
}

/** Breaks items into lines; the last item must be a forced penalty. */
export function breakLines(items: KpItem[], opts: KpOptions): KpBreak[] {
  const first = tryBreak(items, opts, opts.tolerance, false);
  return first ?? tryBreak(items, opts, Infinity, true)!;
}

const BOX = 0;
const GLUE = 1;
const PENALTY = 2;

function tryBreak(items: KpItem[], opts: KpOptions, tolerance: number, emergency: boolean): KpBreak[] | null {
  const n = items.length;
  // Flat arrays: the inner loop runs for every breakpoint and active node.
  const kind = new Uint8Array(n);
  const W = new Float64Array(n + 1);
  const Y = new Float64Array(n + 1);
  const Z = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    kind[i] = it.type === 'box' ? BOX : it.type === 'glue' ? GLUE : PENALTY;
    const isPenalty = kind[i] === PENALTY;
    W[i + 1] = W[i]! + (isPenalty ? 0 : it.width);
    Y[i + 1] = Y[i]! + (isPenalty ? 0 : it.stretch);
    Z[i + 1] = Z[i]! + (isPenalty ? 0 : it.shrink);
  }
  const startAfter = (b: number): number => {
    let j = b + 1;
    while (j < n && kind[j] !== BOX && items[j]!.penalty > -INFINITE_PENALTY) j++;
    return j;
  };
  const widths: number[] = [];
  const lineWidth = (line: number): number => {
    let w = widths[line];
    if (w === undefined) widths[line] = w = opts.lineWidth(line);
    return w;
  };
  let active: Node[] = [{ pos: -1, start: startAfter(-1), line: 0, fitness: 1, run: 0, demerits: 0, prev: null }];
  const runs = opts.maxFlaggedRun + 1;
  const classes = 4 * runs;
  // Best candidate per (fitness class, hyphen run) at the current breakpoint,
  // kept as numbers: a node is allocated only for the winners.
  const bestD = new Float64Array(classes);
  const bestFrom: (Node | null)[] = new Array<Node | null>(classes).fill(null);
  const linePenalty = opts.linePenalty;
  const fitnessDemerits = opts.fitnessDemerits;
  const flaggedDemerits = opts.consecutiveFlaggedDemerits;

  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (k === BOX) continue;
    const it = items[i]!;
    if (k === GLUE ? i === 0 || kind[i - 1] !== BOX : it.penalty >= INFINITE_PENALTY) continue;
    const isPenalty = k === PENALTY;
    const forced = isPenalty && it.penalty <= -INFINITE_PENALTY;
    const flagged = isPenalty && it.flagged;
    const extra = isPenalty ? it.width : 0;
    const penaltyDemerits = isPenalty && !forced ? (it.penalty >= 0 ? it.penalty * it.penalty : -(it.penalty * it.penalty)) : 0;
    let lastDropped: Node | null = null;
    let found = false;
    let keep = 0;
    for (let ai = 0; ai < active.length; ai++) {
      const a = active[ai]!;
      if (a.start > i) {
        active[keep++] = a;
        continue;
      }
      const lw = lineWidth(a.line);
      const L = W[i]! - W[a.start]! + extra;
      let r: number;
      if (L < lw) {
        const y = Y[i]! - Y[a.start]!;
        r = y > 0 ? (lw - L) / y : Infinity;
      } else if (L > lw) {
        const z = Z[i]! - Z[a.start]!;
        r = z > 0 ? (lw - L) / z : -Infinity;
      } else r = 0;
      if (r < -1 || forced) lastDropped = a;
      else active[keep++] = a;
      if (r < -1 || r > tolerance) continue;
      const run = flagged ? a.run + 1 : 0;
      if (run > opts.maxFlaggedRun) continue;
      const ar = r < 0 ? -r : r;
      const badness = Math.min(100 * ar * ar * ar, 1e6);
      const base = linePenalty + badness;
      let d = base * base + penaltyDemerits;
      if (flagged && a.run > 0) d += flaggedDemerits;
      const fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
      if (fitness - a.fitness > 1 || a.fitness - fitness > 1) d += fitnessDemerits;
      if (forced && opts.lastLineDemerits) d += opts.lastLineDemerits(a.start);
      d += a.demerits;
      const key = fitness * runs + run;
      if (!bestFrom[key] || d < bestD[key]!) {
        bestFrom[key] = a;
        bestD[key] = d;
        found = true;
      }
    }
    active.length = keep;
    if (found) {
      const start = startAfter(i);
      let minD = Infinity;
      for (let key = 0; key < classes; key++) if (bestFrom[key] && bestD[key]! < minD) minD = bestD[key]!;
      // Knuth and Plass's pruning: a break whose demerits exceed the best one
      // here by more than any later saving could recover is never optimal.
      const limit = minD + fitnessDemerits + flaggedDemerits;
      for (let key = 0; key < classes; key++) {
        const from = bestFrom[key];
        if (!from) continue;
        bestFrom[key] = null;
        if (bestD[key]! > limit) continue;
        active.push({ pos: i, start, line: from.line + 1, fitness: (key / runs) | 0, run: key % runs, demerits: bestD[key]!, prev: from });
      }
    } else if (emergency && active.length === 0 && lastDropped) {
      // Nothing can end a line here legally: force an overfull break so the
      // paragraph still finishes (only reachable with pathological text).
      const node = makeNode(lastDropped, i, -1, it, flagged, flagged ? lastDropped.run + 1 : 0, forced, opts);
      node.start = startAfter(i);
      active.push(node);
    }
    if (active.length === 0) return null;
  }
  let end: Node | null = null;
  for (const a of active) if (a.pos === n - 1 && (!end || a.demerits < end.demerits)) end = a;
  if (!end) return null;
  const breaks: KpBreak[] = [];
  for (let node: Node | null = end; node && node.prev; node = node.prev) {
    breaks.push({ at: node.pos, start: node.prev.start, flagged: items[node.pos]!.flagged });
  }
  return breaks.reverse();
}

function makeNode(a: Node, i: number, r: number, it: KpItem, flagged: boolean, run: number, forced: boolean, opts: KpOptions): Node {
  const ar = Math.abs(r);
  const badness = Math.min(100 * ar * ar * ar, 1e6);
  const base = opts.linePenalty + badness;
  let d = base * base;
  if (it.type === 'penalty' && !forced) d += it.penalty >= 0 ? it.penalty * it.penalty : -(it.penalty * it.penalty);
  if (flagged && a.run > 0) d += opts.consecutiveFlaggedDemerits;
  const fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
  if (Math.abs(fitness - a.fitness) > 1) d += opts.fitnessDemerits;
  if (forced && opts.lastLineDemerits) d += opts.lastLineDemerits(a.start);
  return { pos: i, start: 0, line: a.line + 1, fitness, run, demerits: a.demerits + d, prev: a };
}
