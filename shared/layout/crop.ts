/**
 * Crop geometry of a picture in its frame, shared by the desk's SVG and the
 * server's PDF so both show the same part of the picture. Everything is in
 * the frame's units (points) relative to the frame's top-left corner.
 */
import type { LayoutIssue, PictureCrop } from './types';

export const CENTRED: PictureCrop = { x: 0.5, y: 0.5, zoom: 1 };
/** Past four times the covering size a newspaper picture is only grain. */
export const MAX_ZOOM = 4;

export interface Size {
  w: number;
  h: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Where the whole picture is drawn so that it covers the frame: its size
 * (cover scale times zoom) and its offset, which may be negative (the part
 * outside the frame is clipped). The focal point goes to the frame's centre
 * unless that would uncover an edge of the frame.
 */
export function cropPlacement(aspect: number, frame: Size, crop: PictureCrop = CENTRED): { x: number; y: number; w: number; h: number } {
  const zoom = clamp(crop.zoom, 1, MAX_ZOOM);
  const wide = aspect > frame.w / frame.h;
  const h = wide ? frame.h * zoom : (frame.w * zoom) / aspect;
  const w = wide ? h * aspect : frame.w * zoom;
  const x = clamp(frame.w / 2 - clamp(crop.x, 0, 1) * w, frame.w - w, 0);
  const y = clamp(frame.h / 2 - clamp(crop.y, 0, 1) * h, frame.h - h, 0);
  return { x, y, w, h };
}

/** The part of an image (in its pixels) the frame shows: what a cutter extracts. */
export function cropSource(image: Size, frame: Size, crop: PictureCrop = CENTRED): { left: number; top: number; width: number; height: number } {
  const p = cropPlacement(image.w / image.h, frame, crop);
  const s = image.w / p.w;
  const left = clamp(Math.round(-p.x * s), 0, image.w - 1);
  const top = clamp(Math.round(-p.y * s), 0, image.h - 1);
  return { left, top, width: clamp(Math.round(frame.w * s), 1, image.w - left), height: clamp(Math.round(frame.h * s), 1, image.h - top) };
}

/** The focal point after dragging the picture by (dx, dy) frame units: the picture follows the pointer. */
export function dragCrop(aspect: number, frame: Size, crop: PictureCrop, dx: number, dy: number): PictureCrop {
  const p = cropPlacement(aspect, frame, crop);
  // The point now at the frame's centre, moved against the drag.
  const cx = (frame.w / 2 - p.x - dx) / p.w;
  const cy = (frame.h / 2 - p.y - dy) / p.h;
  const round = (v: number) => Math.round(clamp(v, 0, 1) * 1000) / 1000;
  return { x: round(cx), y: round(cy), zoom: crop.zoom };
}

/** Null when the crop can be stored; otherwise what is wrong with it. */
export function cropProblem(crop: PictureCrop): LayoutIssue | null {
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!ok(crop.x) || !ok(crop.y) || !ok(crop.zoom)) {
    return { level: 'error', message: { en: 'A crop needs a focal point and a zoom in numbers.', es: 'Un recorte necesita un punto focal y un zoom en números.' } };
  }
  if (crop.x < 0 || crop.x > 1 || crop.y < 0 || crop.y > 1) {
    return { level: 'error', message: { en: 'The focal point must lie on the picture: across and down between 0 and 1.', es: 'El punto focal debe estar en la foto: horizontal y vertical entre 0 y 1.' } };
  }
  if (crop.zoom < 1 || crop.zoom > MAX_ZOOM) {
    return { level: 'error', message: { en: `The zoom must be between 1 (the picture just covers the frame) and ${MAX_ZOOM}.`, es: `El zoom debe estar entre 1 (la foto cubre justo el marco) y ${MAX_ZOOM}.` } };
  }
  return null;
}
