import fs from 'node:fs';
import path from 'node:path';
import type { FontRole, FontSet } from '../../shared/typeset/index';
import { fontName } from '../../shared/layout/templateFile';
import type { LayoutTemplate } from '../../shared/layout/types';
import { readTemplateFile, templateFontPath, templateNames } from '../print/templates';

/**
 * The font files layouts name, by file name: the npm fonts of Galley's page
 * templates (templates/*.json) and, for the imported reference edition,
 * Debian's fonts-liberation2. The same files are embedded in the PDF and
 * served to the desk (GET /api/fonts/<name>), so both measure with the same
 * metrics.
 */
export const FONT_DIR = process.env.GALLEY_FONT_DIR ?? '/usr/share/fonts/truetype/liberation2';

const FONT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*\.(ttf|otf)$/;

let templateFonts_: Map<string, string> | null = null;

/** Every template's fonts, name -> installed file; read once (templates ship with the code). */
function templateFontFilesByName(): Map<string, string> {
  if (!templateFonts_) {
    const map = new Map<string, string>();
    for (const name of templateNames()) {
      for (const ref of Object.values(readTemplateFile(name).fonts)) map.set(fontName(ref), templateFontPath(ref));
    }
    templateFonts_ = map;
  }
  return templateFonts_;
}

/** The file of a font name, or null when it is not a font we serve (never a path outside the known fonts). */
export function fontFile(name: string): string | null {
  if (!FONT_NAME.test(name)) return null;
  const file = templateFontFilesByName().get(name) ?? path.join(FONT_DIR, name);
  return fs.existsSync(file) ? file : null;
}

export function templateFontFiles(t: LayoutTemplate): Record<FontRole, string> {
  const out = {} as Record<FontRole, string>;
  for (const [role, name] of Object.entries(t.fonts) as [FontRole, string][]) {
    const file = fontFile(name);
    if (!file) throw new Error(`font "${name}" (${role}) of template "${t.name}" is not installed (looked in the page templates' npm packages and ${FONT_DIR})`);
    out[role] = file;
  }
  return out;
}

/**
 * Loaded on first use: the print font module brings fontkit, whose import
 * (about 250 ms, unpacking its Unicode tables) would otherwise delay every
 * server start, while only setting a layout needs it.
 */
export async function templateFonts(t: LayoutTemplate): Promise<FontSet> {
  const { loadFonts } = await import('../print/fonts');
  return loadFonts(templateFontFiles(t));
}
