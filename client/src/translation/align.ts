import type { EditorView } from '@tiptap/pm/view';
import type { PartState } from '../../../shared/translation/state';
import { NO_PADS, type BodyPads } from './marks';

/**
 * Row alignment of the two body editors: each source paragraph starts level
 * with the block that translates it (or with the row saying it is missing).
 * Space is added above whichever side of a row is higher, as padding (which
 * does not collapse with paragraph margins).
 *
 * The pads now in place are known, so one measurement gives every anchor's
 * natural position (its top minus the pads added above it); the new pads
 * follow row by row from those, and applying them changes no natural
 * position, so one pass settles.
 */
interface Anchor {
  el: HTMLElement;
  pad: number;
  /** Order in its document (for the pads above it). */
  order: number;
  natural: number;
}

function blockElements(view: EditorView): (HTMLElement | null)[] {
  const out: (HTMLElement | null)[] = [];
  view.state.doc.forEach((_node, offset) => {
    const dom = view.nodeDOM(offset);
    out.push(dom instanceof HTMLElement ? dom : null);
  });
  return out;
}

/** Sets `natural` on anchors: top minus the pads of the anchors above (same document). */
function settle(anchors: Anchor[]): void {
  const sorted = [...anchors].sort((a, b) => a.order - b.order);
  let above = 0;
  for (const a of sorted) {
    a.natural = a.el.getBoundingClientRect().top - above;
    above += a.pad;
  }
}

export function computeBodyPads(part: PartState, source: EditorView, target: EditorView, current: BodyPads): BodyPads | null {
  // On a narrow screen the translation sits under the source: no rows to level.
  if (target.dom.getBoundingClientRect().left < source.dom.getBoundingClientRect().right) {
    return samePads(NO_PADS, current) ? null : NO_PADS;
  }
  const sourceEls = blockElements(source);
  const targetEls = blockElements(target);
  if (sourceEls.length !== part.source.length || targetEls.length !== part.target.length) return null; // mid-update

  const rows: { s: Anchor; t: Anchor; srcId: string | null; targetIndex: number | null }[] = [];
  part.source.forEach((s, i) => {
    const sEl = sourceEls[i];
    if (!sEl) return;
    const targetIndex = s.targets[0] ?? null;
    let tEl: HTMLElement | null = null;
    let order = 0;
    let pad = 0;
    if (targetIndex !== null) {
      tEl = targetEls[targetIndex] ?? null;
      order = targetIndex;
      pad = current.target[targetIndex] ?? 0;
    } else if (s.id) {
      tEl = target.dom.querySelector<HTMLElement>(`[data-missing-for="${CSS.escape(s.id)}"]`);
      // A missing row sits after the block it follows: half a step later.
      const after = [...part.source.slice(0, i)].reverse().find((x) => x.targets.length)?.targets;
      order = (after ? Math.max(...after) : -1) + 0.5;
      pad = current.missing[s.id] ?? 0;
    }
    if (!tEl) return;
    rows.push({
      s: { el: sEl, pad: current.source[i] ?? 0, order: i, natural: 0 },
      t: { el: tEl, pad, order, natural: 0 },
      srcId: targetIndex === null ? s.id : null,
      targetIndex,
    });
  });
  settle(rows.map((r) => r.s));
  settle(rows.map((r) => r.t));

  const next: BodyPads = { source: [], target: [], missing: {} };
  let shiftS = 0;
  let shiftT = 0;
  let lastOrder = -Infinity;
  for (const row of rows) {
    // A translation in another order than its source (paragraphs moved) cannot
    // be level everywhere; such rows are left where they fall.
    if (row.t.order < lastOrder) continue;
    lastOrder = row.t.order;
    const a = row.s.natural + shiftS;
    const b = row.t.natural + shiftT;
    const padS = Math.max(0, Math.round(b - a));
    const padT = Math.max(0, Math.round(a - b));
    shiftS += padS;
    shiftT += padT;
    next.source[row.s.order] = padS;
    if (row.targetIndex !== null) next.target[row.targetIndex] = padT;
    else if (row.srcId) next.missing[row.srcId] = padT;
  }
  return samePads(next, current) ? null : next;
}

function samePads(a: BodyPads, b: BodyPads): boolean {
  const close = (x: (number | undefined)[], y: (number | undefined)[]) => {
    const n = Math.max(x.length, y.length);
    for (let i = 0; i < n; i++) if (Math.abs((x[i] ?? 0) - (y[i] ?? 0)) > 1) return false;
    return true;
  };
  const keys = new Set([...Object.keys(a.missing), ...Object.keys(b.missing)]);
  for (const k of keys) if (Math.abs((a.missing[k] ?? 0) - (b.missing[k] ?? 0)) > 1) return false;
  return close(a.source, b.source) && close(a.target, b.target);
}
