import fs from 'node:fs';
import path from 'node:path';
import type { FontRole, FontSet } from '../../shared/typeset/index';
import type { LayoutTemplate } from '../../shared/layout/types';

/**
 * The font files of page templates: Debian's fonts-liberation2 (TTF, every
 * Spanish glyph). The same files are embedded in the PDF and served to the
 * desk (GET /api/fonts/<name>), so both measure with the same metrics.
 */
export const FONT_DIR = process.env.GALLEY_FONT_DIR ?? '/usr/share/fonts/truetype/liberation2';

const FONT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*\.(ttf|otf)$/;

/** The file of a font name, or null when it is not a font we serve (never a path outside FONT_DIR). */
export function fontFile(name: string): string | null {
  if (!FONT_NAME.test(name)) return null;
  const file = path.join(FONT_DIR, name);
  return fs.existsSync(file) ? file : null;
}

export function templateFontFiles(t: LayoutTemplate): Record<FontRole, string> {
  const out = {} as Record<FontRole, string>;
  for (const [role, name] of Object.entries(t.fonts) as [FontRole, string][]) {
    const file = fontFile(name);
    if (!file) throw new Error(`font "${name}" (${role}) of template "${t.name}" is not installed in ${FONT_DIR}`);
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
