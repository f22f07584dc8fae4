import { useMemo, useRef, useState, type PointerEvent } from 'react';
import type { FontSet } from '../../../shared/typeset/index';
import type { PageSetting } from '../../../shared/layout/setting';
import { pageSvg } from '../../../shared/layout/svg';
import type { FrameBox, LayoutFrame, LayoutTemplate } from '../../../shared/layout/types';
import { families } from './fonts';
import type { Presence } from './session';

interface Props {
  page: PageSetting;
  frames: LayoutFrame[];
  template: LayoutTemplate;
  fonts: FontSet;
  scale: number;
  greek?: boolean;
  selected?: string | null;
  others?: Presence[];
  onSelect?: (frameId: string | null) => void;
  onMove?: (frameId: string, box: FrameBox) => void;
  pictureUrl?: (pictureId: string, cropped: boolean) => string | null;
  pictureAspect?: (pictureId: string) => number | null;
  /** The frame in crop mode: dragging inside it moves the picture, not the frame. */
  cropping?: string | null;
  /** A crop drag ended, by (dx, dy) points. */
  onCrop?: (frameId: string, dx: number, dy: number) => void;
  /** A frame dragged onto a page thumbnail (an element with data-page-drop). */
  onDropOnPage?: (frameId: string, pageId: string) => void;
}

interface Drag {
  frameId: string;
  mode: 'move' | 'resize' | 'crop';
  startX: number;
  startY: number;
  box: FrameBox;
}

/**
 * One page drawn by the layout engine (SVG, the PDF's lines), with a frame
 * overlay to select, move and resize frames on the column grid. Other
 * members' selections show in their colour with their name.
 */
export function PageView({ page, frames, template: t, fonts, scale, greek = false, selected, others = [], onSelect, onMove, pictureUrl, pictureAspect, cropping, onCrop, onDropOnPage }: Props) {
  const outlines = useMemo(() => {
    const m = new Map<string, string>();
    for (const o of others) if (o.selection) m.set(o.selection.frameId, o.color);
    return m;
  }, [others]);
  const svg = useMemo(() => pageSvg(page, t, fonts, { scale, greek, families, pictureUrl, pictureAspect, outlines }), [page, t, fonts, scale, greek, pictureUrl, pictureAspect, outlines]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [offset, setOffset] = useState({ dx: 0, dy: 0 });
  const ref = useRef<HTMLDivElement>(null);
  const step = t.columnWidthPt + t.gutterPt;

  const boxAfter = (d: Drag, dx: number, dy: number): FrameBox => {
    const cols = Math.round(dx / scale / step);
    if (d.mode === 'crop') return d.box;
    if (d.mode === 'move') return { ...d.box, col: d.box.col + cols, y: d.box.y + dy / scale };
    return { ...d.box, span: Math.max(1, d.box.span + cols), h: Math.max(t.rowPt, d.box.h + dy / scale) };
  };
  const down = (e: PointerEvent, f: LayoutFrame, mode: Drag['mode']) => {
    if (!onMove) return;
    e.stopPropagation();
    (e.target as Element).setPointerCapture(e.pointerId);
    onSelect?.(f.id);
    setDrag({ frameId: f.id, mode: mode === 'move' && cropping === f.id ? 'crop' : mode, startX: e.clientX, startY: e.clientY, box: { col: f.col, span: f.span, y: f.y, h: f.h } });
    setOffset({ dx: 0, dy: 0 });
  };
  /** While cropping, the picture itself follows the pointer (the crop is stored on release). */
  const previewCrop = (frameId: string, dx: number, dy: number) => {
    const image = ref.current?.querySelector(`g[data-frame="${CSS.escape(frameId)}"] image`);
    if (!image) return;
    if (dx === 0 && dy === 0) image.removeAttribute('transform');
    else image.setAttribute('transform', `translate(${dx / scale} ${dy / scale})`);
  };
  const move = (e: PointerEvent) => {
    if (!drag) return;
    setOffset({ dx: e.clientX - drag.startX, dy: e.clientY - drag.startY });
    if (drag.mode === 'crop') previewCrop(drag.frameId, e.clientX - drag.startX, e.clientY - drag.startY);
  };
  const up = (e: PointerEvent) => {
    if (!drag) return;
    if (drag.mode === 'crop') previewCrop(drag.frameId, 0, 0);
    const dx = e.clientX - drag.startX;
    const dy = e.clientY - drag.startY;
    setDrag(null);
    if (Math.abs(dx) + Math.abs(dy) <= 2) return;
    if (drag.mode === 'crop') return onCrop?.(drag.frameId, dx / scale, dy / scale);
    // Dropped on a page thumbnail: the frame goes to that page. (The dragged
    // frame itself is under the pointer, so look through everything there.)
    const under = drag.mode === 'move' ? document.elementsFromPoint(e.clientX, e.clientY) : [];
    const target = under.map((el) => el.closest<HTMLElement>('[data-page-drop]')).find((el) => el !== null);
    if (target?.dataset.pageDrop && onDropOnPage) return onDropOnPage(drag.frameId, target.dataset.pageDrop);
    onMove?.(drag.frameId, boxAfter(drag, dx, dy));
  };

  return (
    <div className="page-view" ref={ref} data-page={page.number} style={{ width: t.widthPt * scale, height: t.heightPt * scale }} onPointerMove={move} onPointerUp={up} onPointerDown={() => onSelect?.(null)}>
      <div className="page-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      {!greek &&
        frames.map((f) => {
          const d = drag?.frameId === f.id ? drag : null;
          const box = d ? boxAfter(d, offset.dx, offset.dy) : f;
          const x = (t.marginPt.left + box.col * step) * scale;
          const w = (box.span * t.columnWidthPt + (box.span - 1) * t.gutterPt) * scale;
          const other = others.find((o) => o.selection?.frameId === f.id);
          return (
            <div
              key={f.id}
              className={`frame-handle${selected === f.id ? ' selected' : ''}${cropping === f.id ? ' cropping' : ''}`}
              data-frame={f.id}
              data-kind={f.kind}
              style={{ left: x, top: box.y * scale, width: w, height: box.h * scale, borderColor: other?.color }}
              onPointerDown={(e) => down(e, f, 'move')}
              // Frames can be selected from the keyboard too (then moved with the frame tools).
              tabIndex={onSelect ? 0 : undefined}
              onFocus={() => onSelect?.(f.id)}
            >
              {other && (
                <span className="remote-selection" data-testid="remote-selection" style={{ background: other.color }}>
                  {other.name}
                </span>
              )}
              {onMove && <span className="resize" onPointerDown={(e) => down(e, f, 'resize')} />}
            </div>
          );
        })}
    </div>
  );
}
