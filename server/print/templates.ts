/**
 * Page templates (templates/<name>.json): page format, grid, fonts and
 * styles as data. Fonts are named by npm package and file, resolved here to
 * the installed TTF so the renderer and the browser read the same bytes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { referenceEditionSchema } from '../../shared/typeset/index';
import { PrintError } from './errors';

export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

const fontRef = z.object({ package: z.string(), file: z.string(), family: z.string(), weight: z.number(), style: z.string() });
const editionShape = referenceEditionSchema.shape;
export const templateSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  page: editionShape.page,
  fonts: z.object({ serif: fontRef, serifBold: fontRef, sans: fontRef, sansBold: fontRef, sansItalic: fontRef }),
  typography: editionShape.typography.omit({ fonts: true }),
});

export type PageTemplate = z.infer<typeof templateSchema>;
/** A template with its fonts resolved to files, in the reference edition's typography shape. */
export type ResolvedTemplate = Omit<PageTemplate, 'typography'> & { typography: z.infer<typeof editionShape.typography> };

const require = createRequire(import.meta.url);

export function loadTemplate(name: string): ResolvedTemplate {
  if (!/^[a-z0-9-]+$/.test(name)) throw new PrintError(`template name "${name}" is not valid`);
  const file = path.join(TEMPLATES_DIR, `${name}.json`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PrintError(`template ${name} cannot be read: ${(err as Error).message}`);
  }
  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PrintError(`template ${name}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const t = parsed.data;
  const fonts = Object.fromEntries(
    Object.entries(t.fonts).map(([role, f]) => {
      const root = path.dirname(require.resolve(`${f.package}/package.json`));
      return [role, { family: f.family, weight: f.weight, style: f.style, file: path.join(root, f.file) }];
    }),
  ) as ResolvedTemplate['typography']['fonts'];
  return { ...t, typography: { ...t.typography, fonts } };
}
