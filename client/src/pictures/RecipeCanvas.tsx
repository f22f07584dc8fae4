import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { clamp, viewSize } from '../../../shared/pictures/geometry';
import { BLUR_CELLS, frameWidthPt } from '../../../shared/pictures/limits';
import type { BlurRegion, Rect, Recipe } from '../../../shared/pictures/recipe';
import { usePicturesText } from './messages';

export type Tool = 'crop' | 'blur-rect' | 'blur-ellipse' | 'focal';

/** The largest size the preview is drawn at (CSS scales it down on narrow screens); tall pictures stay on screen. */
const PREVIEW_WIDTH = 720;
const PREVIEW_HEIGHT = 640;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * A live preview of the recipe over the cleaned original: turned, mirrored,
 * grey and blurred on a canvas the way the server will do it (blur regions
 * reduced to a few cells and smoothed, so what the desk sees is what prints),
 * with the crop, blur regions and focal point drawn over it. Dragging draws
 * a crop or a blur region; a click sets the focal point.
 */
export function RecipeCanvas(props: {
  src: string;
  original: { width: number; height: number };
  recipe: Recipe;
  tool: Tool;
  onChange: (recipe: Recipe) => void;
}) {
  const { src, original, recipe, tool, onChange } = props;
  const { t } = usePicturesText();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [draft, setDraft] = useState<{ start: { x: number; y: number }; rect: Rect } | null>(null);

  const view = viewSize(original.width, original.height, recipe.rotate);
  const scale = Math.min(1, PREVIEW_WIDTH / view.width, PREVIEW_HEIGHT / view.height);
  const width = Math.max(1, Math.round(view.width * scale));
  const height = Math.max(1, Math.round(view.height * scale));

  useEffect(() => {
    const img = new Image();
    img.onload = () => setImage(img);
    img.src = src;
  }, [src]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !image) return;
    drawView(ctx, image, recipe, width, height);
    for (const region of recipe.blur) drawBlur(ctx, region, width, height);
  }, [image, recipe, width, height]);

  const frameAspect = recipe.frame.heightPt === null ? null : frameWidthPt(recipe.frame.columns) / recipe.frame.heightPt;

  const pointAt = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: clamp((event.clientX - box.left) / box.width, 0, 1), y: clamp((event.clientY - box.top) / box.height, 0, 1) };
  };
  const rectFrom = (a: { x: number; y: number }, b: { x: number; y: number }): Rect => {
    let w = Math.abs(b.x - a.x);
    let h = Math.abs(b.y - a.y);
    if (tool === 'crop' && frameAspect !== null) {
      // Locked to the frame: the height follows the width, shrunk if it would leave the picture.
      h = (w * view.width) / (view.height * frameAspect);
      const roomY = b.y >= a.y ? 1 - a.y : a.y;
      if (h > roomY) {
        h = roomY;
        w = (h * view.height * frameAspect) / view.width;
      }
    }
    const x = b.x >= a.x ? a.x : a.x - w;
    const y = b.y >= a.y ? a.y : a.y - h;
    return fitInside({ x, y, w, h });
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (tool === 'focal') return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const start = pointAt(event);
    setDraft({ start, rect: { x: start.x, y: start.y, w: 0, h: 0 } });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (draft) setDraft({ ...draft, rect: rectFrom(draft.start, pointAt(event)) });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (tool === 'focal') {
      const p = pointAt(event);
      const crop = recipe.crop ?? { x: 0, y: 0, w: 1, h: 1 };
      onChange({ ...recipe, focal: { x: round4(clamp((p.x - crop.x) / crop.w, 0, 1)), y: round4(clamp((p.y - crop.y) / crop.h, 0, 1)) } });
      return;
    }
    if (!draft) return;
    const rect = rectFrom(draft.start, pointAt(event));
    setDraft(null);
    if (rect.w * width < 4 || rect.h * height < 4) return; // a click, not a drag
    if (tool === 'crop') onChange({ ...recipe, crop: rect, focal: { x: 0.5, y: 0.5 } });
    else onChange({ ...recipe, blur: [...recipe.blur, { shape: tool === 'blur-rect' ? 'rect' : 'ellipse', ...rect }] });
  };

  const crop = draft && tool === 'crop' ? draft.rect : recipe.crop;
  const focal = recipe.crop
    ? { x: recipe.crop.x + recipe.focal.x * recipe.crop.w, y: recipe.crop.y + recipe.focal.y * recipe.crop.h }
    : recipe.focal;
  const pct = (r: Rect) => ({ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` });

  return (
    <div className="recipe-canvas" style={{ maxWidth: width, aspectRatio: `${width} / ${height}` }}>
      <canvas ref={canvas} width={width} height={height} role="img" aria-label={t('p.editor.preview')} />
      <div
        className={`recipe-overlay recipe-tool-${tool}`}
        data-testid="recipe-overlay"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        {crop && <div className="recipe-crop" style={pct(crop)} data-testid="recipe-crop" />}
        {recipe.blur.map((region, i) => (
          <div key={i} className={`recipe-blur recipe-blur-${region.shape}`} style={pct(region)} data-testid="recipe-blur" />
        ))}
        {draft && tool !== 'crop' && (
          <div className={`recipe-blur recipe-blur-${tool === 'blur-rect' ? 'rect' : 'ellipse'}`} style={pct(draft.rect)} />
        )}
        <div className="recipe-focal" style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }} />
      </div>
    </div>
  );
}

function fitInside(r: Rect): Rect {
  const x = clamp(r.x, 0, 1);
  const y = clamp(r.y, 0, 1);
  return { x: round4(x), y: round4(y), w: round4(Math.min(r.w, 1 - x)), h: round4(Math.min(r.h, 1 - y)) };
}

/** The original as the recipe turns and mirrors it (mirrors apply to the turned picture, as on the server). */
function drawView(ctx: CanvasRenderingContext2D, image: HTMLImageElement, recipe: Recipe, width: number, height: number) {
  const sideways = recipe.rotate === 90 || recipe.rotate === 270;
  ctx.save();
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.filter = recipe.grayscale ? 'grayscale(1)' : 'none';
  ctx.translate(width / 2, height / 2);
  ctx.scale(recipe.flipH ? -1 : 1, recipe.flipV ? -1 : 1);
  ctx.rotate((recipe.rotate * Math.PI) / 180);
  const w = sideways ? height : width;
  const h = sideways ? width : height;
  ctx.drawImage(image, -w / 2, -h / 2, w, h);
  ctx.restore();
}

/** The server's blur, approximately: a few averaged cells, enlarged smoothly and blurred, inside the shape. */
function drawBlur(ctx: CanvasRenderingContext2D, region: BlurRegion, width: number, height: number) {
  const rx = region.x * width;
  const ry = region.y * height;
  const rw = Math.max(1, region.w * width);
  const rh = Math.max(1, region.h * height);
  const longest = Math.max(rw, rh);
  const cells = document.createElement('canvas');
  cells.width = Math.max(1, Math.round((BLUR_CELLS * rw) / longest));
  cells.height = Math.max(1, Math.round((BLUR_CELLS * rh) / longest));
  const cellsCtx = cells.getContext('2d');
  if (!cellsCtx) return;
  cellsCtx.imageSmoothingQuality = 'high';
  cellsCtx.drawImage(ctx.canvas, rx, ry, rw, rh, 0, 0, cells.width, cells.height);
  ctx.save();
  ctx.beginPath();
  if (region.shape === 'ellipse') ctx.ellipse(rx + rw / 2, ry + rh / 2, rw / 2, rh / 2, 0, 0, Math.PI * 2);
  else ctx.rect(rx, ry, rw, rh);
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  ctx.filter = `blur(${Math.max(1, longest / BLUR_CELLS / 2)}px)`;
  ctx.drawImage(cells, 0, 0, cells.width, cells.height, rx, ry, rw, rh);
  ctx.restore();
}
