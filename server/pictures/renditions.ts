import fs from 'node:fs';
import { z } from 'zod';
import { badRequest, describeZodError } from '../errors';
import { GRID, WEB_WIDTHS, frameWidthPt, type WebWidth } from '../../shared/pictures/limits';
import type { RenditionKind } from '../../shared/pictures/picture';
import type { Recipe } from '../../shared/pictures/recipe';
import { renderRendition, type RenditionSpec } from './imaging';
import { renditionKey, writeAtomically, type PictureFiles } from './storage';

/**
 * Renditions are made on first request and kept under DATA_DIR/files,
 * named by what they are made from: a changed recipe names a new file (so
 * it is rebuilt), going back to an earlier recipe finds the old one again.
 */

const formatParam = z.enum(['webp', 'jpeg']).default('webp');
const printQuery = z.object({
  widthPt: z.coerce.number().min(GRID.minFrameHeightPt).max(frameWidthPt(GRID.columns)).optional(),
  heightPt: z.union([z.literal('auto'), z.coerce.number().min(GRID.minFrameHeightPt).max(GRID.maxFrameHeightPt)]).optional(),
  ink: z.enum(['black', 'color']).default('black'),
});
const webQuery = z.object({
  width: z.coerce
    .number()
    .refine((w) => (WEB_WIDTHS as readonly number[]).includes(w), `width must be one of ${WEB_WIDTHS.join(', ')}`)
    .default(960),
  format: formatParam,
});
const thumbQuery = z.object({ format: formatParam });

/** The rendition a request asks for; the print frame defaults to the recipe's. */
export function specFromQuery(kind: RenditionKind, query: unknown, recipe: Recipe): RenditionSpec {
  const parse = <T extends z.ZodType>(schema: T): z.infer<T> => {
    const result = schema.safeParse(query ?? {});
    if (!result.success) throw badRequest(describeZodError(result.error));
    return result.data;
  };
  if (kind === 'web') {
    const q = parse(webQuery);
    // The refine above admits only the offered widths.
    return { kind, width: q.width as WebWidth, format: q.format };
  }
  if (kind === 'thumb') return { kind, format: parse(thumbQuery).format };
  const q = parse(printQuery);
  const heightPt = q.heightPt === undefined ? recipe.frame.heightPt : q.heightPt === 'auto' ? null : q.heightPt;
  return { kind, widthPt: q.widthPt ?? frameWidthPt(recipe.frame.columns), heightPt, ink: q.ink };
}

export class RenditionCache {
  private readonly inFlight = new Map<string, Promise<{ file: string; contentType: string }>>();

  constructor(private readonly files: PictureFiles) {}

  /** The file holding this rendition, made now if it is not on disk yet. */
  async get(
    original: { sha: string; format: 'jpeg' | 'png'; width: number; height: number },
    recipe: Recipe,
    spec: RenditionSpec,
  ): Promise<{ file: string; contentType: string }> {
    const key = renditionKey(original.sha, recipe, spec);
    const contentType = spec.kind === 'print' ? 'image/jpeg' : `image/${spec.format}`;
    const file = this.files.renditionPath(original.sha, recipe, key, contentType);
    if (fs.existsSync(file)) return { file, contentType };
    // Two requests for the same new rendition share one render.
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = (async () => {
        const source = this.files.readOriginal(original.sha, original.format);
        const made = await renderRendition(source, original, recipe, spec);
        writeAtomically(file, made.data);
        return { file, contentType };
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }
}
