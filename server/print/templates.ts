/**
 * Page templates (templates/<name>.json, format in shared/layout/templateFile.ts):
 * page format, grid, fonts and styles as data. Fonts are named by npm package
 * and file, resolved here to the installed TTF so the renderer and the
 * browser read the same bytes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateFileSchema, type TemplateFile } from '../../shared/layout/templateFile';
import type { ReferenceEdition } from '../../shared/typeset/index';
import { PrintError } from './errors';

export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** A template with its fonts resolved to files, its typography in the reference edition's shape. */
export type ResolvedTemplate = Omit<TemplateFile, 'typography'> & { typography: ReferenceEdition['typography'] & { pullQuote: TemplateFile['typography']['pullQuote'] } };

const require = createRequire(import.meta.url);

/** The template files there are (their names, without .json). */
export function templateNames(): string[] {
  return fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

export function readTemplateFile(name: string): TemplateFile {
  if (!/^[a-z0-9-]+$/.test(name)) throw new PrintError(`template name "${name}" is not valid`);
  const file = path.join(TEMPLATES_DIR, `${name}.json`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PrintError(`template ${name} cannot be read: ${(err as Error).message}`);
  }
  const parsed = templateFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PrintError(`template ${name}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The installed file of one of a template's fonts. */
export function templateFontPath(ref: TemplateFile['fonts']['serif']): string {
  const root = path.dirname(require.resolve(`${ref.package}/package.json`));
  return path.join(root, ref.file);
}

export function loadTemplate(name: string): ResolvedTemplate {
  const t = readTemplateFile(name);
  const fonts = Object.fromEntries(
    Object.entries(t.fonts).map(([role, f]) => [role, { family: f.family, weight: f.weight, style: f.style, file: templateFontPath(f) }]),
  ) as ResolvedTemplate['typography']['fonts'];
  return { ...t, typography: { ...t.typography, fonts } };
}
