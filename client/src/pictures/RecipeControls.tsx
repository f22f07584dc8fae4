import { useId } from 'react';
import { coverRect, viewSize } from '../../../shared/pictures/geometry';
import { GRID, frameWidthPt } from '../../../shared/pictures/limits';
import type { Recipe } from '../../../shared/pictures/recipe';
import { usePicturesText } from './messages';
import type { Tool } from './RecipeCanvas';

const TOOLS: { tool: Tool; key: 'p.editor.toolCrop' | 'p.editor.toolBlurRect' | 'p.editor.toolBlurEllipse' | 'p.editor.toolFocal' }[] = [
  { tool: 'crop', key: 'p.editor.toolCrop' },
  { tool: 'blur-rect', key: 'p.editor.toolBlurRect' },
  { tool: 'blur-ellipse', key: 'p.editor.toolBlurEllipse' },
  { tool: 'focal', key: 'p.editor.toolFocal' },
];
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const fmtPt = (pt: number) => (Math.round(pt * 10) / 10).toString();

/** The recipe's settings as form controls; every change is handed up (and saved there as one undoable step). */
export function RecipeControls(props: {
  recipe: Recipe;
  original: { width: number; height: number };
  tool: Tool;
  onTool: (tool: Tool) => void;
  onChange: (recipe: Recipe) => void;
}) {
  const { recipe, original, tool, onTool, onChange } = props;
  const { t } = usePicturesText();
  const ids = { columns: useId(), height: useId(), dotGain: useId(), sharpen: useId() };
  const set = (change: Partial<Recipe>) => onChange({ ...recipe, ...change });

  /** The largest crop of the frame's shape, around the current crop's middle (or the picture's). */
  const cropToFrame = (frame: Recipe['frame']) => {
    if (frame.heightPt === null) return;
    const view = viewSize(original.width, original.height, recipe.rotate);
    const whole = { left: 0, top: 0, width: view.width, height: view.height };
    const centre = recipe.crop
      ? { x: recipe.crop.x + recipe.crop.w / 2, y: recipe.crop.y + recipe.crop.h / 2 }
      : { x: 0.5, y: 0.5 };
    const r = coverRect(whole, frameWidthPt(frame.columns) / frame.heightPt, centre);
    set({
      frame,
      crop: { x: round4(r.left / view.width), y: round4(r.top / view.height), w: round4(r.width / view.width), h: round4(r.height / view.height) },
      focal: { x: 0.5, y: 0.5 },
    });
  };

  return (
    <div className="recipe-controls">
      <fieldset className="recipe-tools">
        <legend>{t('p.editor.tools')}</legend>
        {TOOLS.map(({ tool: value, key }) => (
          <label key={value} className="check">
            <input type="radio" name="recipe-tool" checked={tool === value} onChange={() => onTool(value)} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{t('p.editor.canvasHelp')}</p>

      <div className="actions">
        <button type="button" onClick={() => onChange(turnView(recipe, -1))}>
          {t('p.editor.rotateLeft')}
        </button>
        <button type="button" onClick={() => onChange(turnView(recipe, 1))}>
          {t('p.editor.rotateRight')}
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={recipe.flipH} onChange={() => onChange(mirrorView(recipe, 'h'))} />
        {t('p.editor.flipH')}
      </label>
      <label className="check">
        <input type="checkbox" checked={recipe.flipV} onChange={() => onChange(mirrorView(recipe, 'v'))} />
        {t('p.editor.flipV')}
      </label>
      <label className="check">
        <input type="checkbox" checked={recipe.grayscale} onChange={(e) => set({ grayscale: e.target.checked })} />
        {t('p.editor.grayscale')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={recipe.tone.enabled}
          onChange={(e) => set({ tone: { ...recipe.tone, enabled: e.target.checked } })}
        />
        {t('p.editor.tone')}
      </label>
      <div className="field">
        <label className="field-label" htmlFor={ids.dotGain}>
          {t('p.editor.dotGain', { value: recipe.tone.dotGain })}
        </label>
        <input
          id={ids.dotGain}
          type="range"
          min={0}
          max={40}
          defaultValue={recipe.tone.dotGain}
          key={`gain-${recipe.tone.dotGain}`}
          disabled={!recipe.tone.enabled}
          onPointerUp={(e) => set({ tone: { ...recipe.tone, dotGain: Number(e.currentTarget.value) } })}
          onKeyUp={(e) => set({ tone: { ...recipe.tone, dotGain: Number(e.currentTarget.value) } })}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={ids.sharpen}>
          {t('p.editor.sharpen', { value: recipe.sharpen })}
        </label>
        <input
          id={ids.sharpen}
          type="range"
          min={0}
          max={3}
          step={0.1}
          defaultValue={recipe.sharpen}
          key={`sharpen-${recipe.sharpen}`}
          onPointerUp={(e) => set({ sharpen: Number(e.currentTarget.value) })}
          onKeyUp={(e) => set({ sharpen: Number(e.currentTarget.value) })}
        />
      </div>

      <fieldset>
        <legend>{t('p.editor.frame')}</legend>
        <div className="field">
          <label className="field-label" htmlFor={ids.columns}>
            {t('p.editor.columns')}
          </label>
          <select
            id={ids.columns}
            value={recipe.frame.columns}
            onChange={(e) => set({ frame: { ...recipe.frame, columns: Number(e.target.value) } })}
          >
            {Array.from({ length: GRID.columns }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n === 1
                  ? t('p.editor.column1', { pt: fmtPt(frameWidthPt(1)) })
                  : t('p.editor.columnsN', { count: n, pt: fmtPt(frameWidthPt(n)) })}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={recipe.frame.heightPt === null}
            onChange={(e) => set({ frame: { ...recipe.frame, heightPt: e.target.checked ? null : Math.round((frameWidthPt(recipe.frame.columns) * 2) / 3) } })}
          />
          {t('p.editor.heightFree')}
        </label>
        {recipe.frame.heightPt !== null && (
          <div className="field">
            <label className="field-label" htmlFor={ids.height}>
              {t('p.editor.height')}
            </label>
            <input
              id={ids.height}
              type="number"
              min={GRID.minFrameHeightPt}
              max={GRID.maxFrameHeightPt}
              defaultValue={recipe.frame.heightPt}
              key={`h-${recipe.frame.heightPt}`}
              onBlur={(e) => {
                const value = Number(e.target.value);
                if (value >= GRID.minFrameHeightPt && value <= GRID.maxFrameHeightPt && value !== recipe.frame.heightPt) {
                  set({ frame: { ...recipe.frame, heightPt: value } });
                }
              }}
            />
          </div>
        )}
        <div className="actions">
          <button type="button" disabled={recipe.frame.heightPt === null} onClick={() => cropToFrame(recipe.frame)}>
            {t('p.editor.fitCrop')}
          </button>
          <button type="button" disabled={recipe.crop === null} onClick={() => set({ crop: null, focal: { x: 0.5, y: 0.5 } })}>
            {t('p.editor.clearCrop')}
          </button>
        </div>
      </fieldset>

      <h3>{t('p.editor.blurList')}</h3>
      {recipe.blur.length === 0 ? (
        <p className="field-hint">{t('p.editor.blurNone')}</p>
      ) : (
        <ul className="recipe-blur-list">
          {recipe.blur.map((region, i) => {
            const name = t('p.editor.blurItem', {
              shape: t(region.shape === 'rect' ? 'p.editor.shapeRect' : 'p.editor.shapeEllipse'),
              n: i + 1,
            });
            return (
              <li key={i}>
                {name}{' '}
                <button type="button" className="quiet" onClick={() => set({ blur: recipe.blur.filter((_, j) => j !== i) })}>
                  {t('p.editor.removeBlur', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

type Box = { x: number; y: number; w: number; h: number };

/**
 * Turns the picture as seen a quarter clockwise (1) or anticlockwise (-1),
 * carrying the crop, blur regions and focal point along so they stay on the
 * same faces. Mirrors apply after the turn, so with exactly one mirror on,
 * the stored turn goes the other way for the picture to turn as asked.
 */
export function turnView(recipe: Recipe, direction: 1 | -1): Recipe {
  const oddMirrors = recipe.flipH !== recipe.flipV;
  const step = oddMirrors ? -direction : direction;
  const rotate = (((recipe.rotate + 90 * step) % 360) + 360) % 360;
  const box = <T extends Box>(r: T): T =>
    direction === 1
      ? { ...r, x: round4(1 - r.y - r.h), y: round4(r.x), w: r.h, h: r.w }
      : { ...r, x: round4(r.y), y: round4(1 - r.x - r.w), w: r.h, h: r.w };
  const focal = direction === 1 ? { x: round4(1 - recipe.focal.y), y: recipe.focal.x } : { x: recipe.focal.y, y: round4(1 - recipe.focal.x) };
  return {
    ...recipe,
    rotate: rotate as Recipe['rotate'],
    crop: recipe.crop && box(recipe.crop),
    blur: recipe.blur.map(box),
    focal,
  };
}

/** Mirrors the picture as seen, carrying crop, blur regions and focal point along. */
export function mirrorView(recipe: Recipe, axis: 'h' | 'v'): Recipe {
  const box = <T extends Box>(r: T): T => (axis === 'h' ? { ...r, x: round4(1 - r.x - r.w) } : { ...r, y: round4(1 - r.y - r.h) });
  return {
    ...recipe,
    flipH: axis === 'h' ? !recipe.flipH : recipe.flipH,
    flipV: axis === 'v' ? !recipe.flipV : recipe.flipV,
    crop: recipe.crop && box(recipe.crop),
    blur: recipe.blur.map(box),
    focal: axis === 'h' ? { ...recipe.focal, x: round4(1 - recipe.focal.x) } : { ...recipe.focal, y: round4(1 - recipe.focal.y) },
  };
}
