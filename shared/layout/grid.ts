/**
 * The column grid: frames sit on whole columns across and on the template's
 * row step down. A frame reaching past the page is clamped back into the
 * page's body area (with a message saying what moved); one with no part on
 * the page, or no size, is refused. Overlaps are allowed but warned.
 */
import type { FrameBox, LayoutFrame, LayoutIssue, LayoutPage, LayoutTemplate, PageKind } from './types';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const EPS = 1e-6;

/** The page area frames may use: inside the margins, below the header. */
export function bodyArea(t: LayoutTemplate, kind: PageKind): Rect {
  const top = t.marginPt.top + t.headerPt[kind] + t.headerGapPt;
  return {
    x: t.marginPt.left,
    y: top,
    w: t.widthPt - t.marginPt.left - t.marginPt.right,
    h: t.heightPt - t.marginPt.bottom - top,
  };
}

export function headerArea(t: LayoutTemplate, kind: PageKind): Rect {
  return { x: t.marginPt.left, y: t.marginPt.top, w: t.widthPt - t.marginPt.left - t.marginPt.right, h: t.headerPt[kind] };
}

export function columnX(t: LayoutTemplate, col: number): number {
  return t.marginPt.left + col * (t.columnWidthPt + t.gutterPt);
}

export function spanWidth(t: LayoutTemplate, span: number): number {
  return span * t.columnWidthPt + (span - 1) * t.gutterPt;
}

// Rounded to a millionth of a point: 36 + 3 * 146.4 is 475.20000000000005 in
// floating point, and a column must have the same width wherever it is computed.
const exact = (v: number) => Math.round(v * 1e6) / 1e6;

export function frameRect(t: LayoutTemplate, b: FrameBox): Rect {
  return { x: exact(columnX(t, b.col)), y: b.y, w: exact(spanWidth(t, b.span)), h: b.h };
}

export type BoxCheck =
  | { ok: true; box: FrameBox; clamped: LayoutIssue | null }
  | { ok: false; issue: LayoutIssue };

const msg = (en: string, es: string) => ({ en, es });

/**
 * Snaps a box to the grid and keeps it on the page. Columns are whole
 * numbers inside the grid; y and h snap to the row step from the body top.
 * Without snapping (checking a stored layout, such as the imported reference
 * edition whose modules sit off the row step) the box is only kept on the page.
 */
export function checkBox(t: LayoutTemplate, kind: PageKind, box: FrameBox, frameId?: string, opts: { snap: boolean } = { snap: true }): BoxCheck {
  const area = bodyArea(t, kind);
  const values = [box.col, box.span, box.y, box.h];
  if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    return { ok: false, issue: { level: 'error', frameId, message: msg('A frame needs a position and a size in numbers.', 'Un marco necesita posición y tamaño en números.') } };
  }
  if (box.span < 0.5 || box.h < t.rowPt / 2) {
    return { ok: false, issue: { level: 'error', frameId, message: msg('A frame must be at least one column wide and one row high.', 'Un marco debe tener al menos una columna de ancho y una fila de alto.') } };
  }
  const col = Math.round(box.col);
  const span = Math.max(1, Math.round(box.span));
  const bottom = area.y + area.h;
  if (col >= t.columns || col + span <= 0 || box.y >= bottom - EPS || box.y + box.h <= area.y + EPS) {
    return { ok: false, issue: { level: 'error', frameId, message: msg('That frame would be entirely off the page; it was not placed.', 'Ese marco quedaría fuera de la página; no se ha colocado.') } };
  }
  const snap = (v: number) => (opts.snap ? area.y + Math.round((v - area.y) / t.rowPt) * t.rowPt : v);
  let y = snap(box.y);
  let h = Math.max(opts.snap ? t.rowPt : 0, snap(box.y + box.h) - y);
  let c = opts.snap ? col : box.col;
  let s = opts.snap ? span : box.span;
  const moved: string[] = [];
  if (c < 0) {
    s += c;
    c = 0;
    moved.push('left');
  }
  if (c + s > t.columns) {
    s = t.columns - c;
    moved.push('right');
  }
  if (y < area.y - EPS) {
    h -= area.y - y;
    y = area.y;
    moved.push('top');
  }
  if (y + h > bottom + EPS) {
    h = bottom - y;
    moved.push('bottom');
  }
  const result: FrameBox = { col: c, span: s, y, h };
  if (moved.length === 0) return { ok: true, box: result, clamped: null };
  const en = { left: 'left', right: 'right', top: 'top', bottom: 'bottom' };
  const es = { left: 'izquierdo', right: 'derecho', top: 'superior', bottom: 'inferior' };
  const edgesEn = moved.map((m) => en[m as keyof typeof en]).join(', ');
  const edgesEs = moved.map((m) => es[m as keyof typeof es]).join(', ');
  return {
    ok: true,
    box: result,
    clamped: {
      level: 'warning',
      frameId,
      message: msg(`The frame reached past the page's ${edgesEn} edge; it was trimmed to fit the page.`, `El marco se salía por el borde ${edgesEs} de la página; se ha recortado para que quepa.`),
    },
  };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

/** Rules and boxes are drawn over or under other frames on purpose: they do not count as overlaps. */
const OVERLAYS = new Set(['rule', 'box']);

/** A warning for every pair of frames on one page that overlap. */
export function overlapWarnings(t: LayoutTemplate, pages: LayoutPage[], frames: LayoutFrame[]): LayoutIssue[] {
  const issues: LayoutIssue[] = [];
  pages.forEach((page, index) => {
    const on = frames.filter((f) => f.pageId === page.id && !OVERLAYS.has(f.kind));
    for (let i = 0; i < on.length; i++) {
      for (let j = i + 1; j < on.length; j++) {
        const a = on[i]!;
        const b = on[j]!;
        if (!intersects(frameRect(t, a), frameRect(t, b))) continue;
        const n = index + 1;
        issues.push({
          level: 'warning',
          frameId: b.id,
          pageId: page.id,
          message: msg(`Two frames overlap on page ${n}: text or pictures may print over each other.`, `Dos marcos se solapan en la página ${n}: el texto o las fotos pueden imprimirse uno encima del otro.`),
        });
      }
    }
  });
  return issues;
}
