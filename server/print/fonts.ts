import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { fastFont, type FontRole, type FontSet } from '../../shared/typeset/index';
import { PrintError } from './errors';

export type FontFiles = Record<FontRole, string>;

// Parsed once per process and reused by every render (the worker renders many).
const parsed = new Map<string, fontkit.Font>();

/** Reads and parses one TTF/OTF file, with an error that names the file and role. */
export function loadFont(file: string, role: string): fontkit.Font {
  const hit = parsed.get(file);
  if (hit) return hit;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new PrintError(`font file not found: ${file} (font "${role}")`);
  }
  let font: fontkit.Font;
  try {
    font = fontkit.create(bytes);
  } catch (err) {
    throw new PrintError(`font file ${file} (font "${role}") is not a TrueType/OpenType font: ${(err as Error).message}`);
  }
  if (!font || typeof font.layout !== 'function' || !font.unitsPerEm) {
    throw new PrintError(`font file ${file} (font "${role}") is not a single TrueType/OpenType font`);
  }
  // Shaping through the fast path (when exact) serves the engine and pdfkit alike.
  font = fastFont(font as never) as unknown as fontkit.Font;
  parsed.set(file, font);
  return font;
}

export function loadFonts(files: FontFiles): FontSet {
  const roles = Object.keys(files) as FontRole[];
  return Object.fromEntries(roles.map((role) => [role, loadFont(files[role], role)])) as unknown as FontSet;
}
