import type { BlurRegion, Recipe } from './recipe';

/** A rectangle in whole pixels. */
export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Size of the picture as the desk shows it: the original after the recipe's quarter turns. */
export function viewSize(width: number, height: number, rotate: Recipe['rotate']): { width: number; height: number } {
  return rotate === 90 || rotate === 270 ? { width: height, height: width } : { width, height };
}

/** The recipe's crop in view pixels (the whole view when there is none); never empty, never outside. */
export function cropPixels(view: { width: number; height: number }, crop: Recipe['crop']): PixelRect {
  if (!crop) return { left: 0, top: 0, width: view.width, height: view.height };
  const left = clamp(Math.round(crop.x * view.width), 0, view.width - 1);
  const top = clamp(Math.round(crop.y * view.height), 0, view.height - 1);
  const right = clamp(Math.round((crop.x + crop.w) * view.width), left + 1, view.width);
  const bottom = clamp(Math.round((crop.y + crop.h) * view.height), top + 1, view.height);
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * The largest rectangle of the given proportions (width / height) inside
 * `area`, placed so that the focal point (a fraction of `area`) stays as near
 * its middle as the edges allow. This is how a rendition is cut when its
 * shape differs from the crop: a square thumbnail, a frame of another shape.
 */
export function coverRect(area: PixelRect, aspect: number, focal: { x: number; y: number }): PixelRect {
  let width = area.width;
  let height = Math.round(width / aspect);
  if (height > area.height) {
    height = area.height;
    width = Math.max(1, Math.min(area.width, Math.round(height * aspect)));
  }
  height = Math.max(1, height);
  const fx = area.left + focal.x * area.width;
  const fy = area.top + focal.y * area.height;
  const left = clamp(Math.round(fx - width / 2), area.left, area.left + area.width - width);
  const top = clamp(Math.round(fy - height / 2), area.top, area.top + area.height - height);
  return { left, top, width, height };
}

/** A blur region in view pixels, at least one pixel, inside the view. */
export function regionPixels(view: { width: number; height: number }, region: BlurRegion): PixelRect {
  return cropPixels(view, { x: region.x, y: region.y, w: region.w, h: region.h });
}

/**
 * Where a view-pixel rectangle lands in an output made from `source` scaled
 * to outWidth x outHeight. The result may reach outside the output (a region
 * partly cropped away); callers clip.
 */
export function mapToOutput(rect: PixelRect, source: PixelRect, outWidth: number, outHeight: number): PixelRect {
  const sx = outWidth / source.width;
  const sy = outHeight / source.height;
  const left = Math.floor((rect.left - source.left) * sx);
  const top = Math.floor((rect.top - source.top) * sy);
  const right = Math.ceil((rect.left + rect.width - source.left) * sx);
  const bottom = Math.ceil((rect.top + rect.height - source.top) * sy);
  return { left, top, width: right - left, height: bottom - top };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
