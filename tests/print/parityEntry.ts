/**
 * The engine as the browser preview runs it: fonts fetched as bytes and
 * parsed with fontkit, then the same pure typesetting as the server. Bundled
 * for Chromium by parity.test.ts; also imported by Node for the comparison.
 */
import * as fontkit from 'fontkit';
import { fastFont, parseReferenceEdition, typesetEdition, type EditionSetting, type FontRole, type FontSet } from '../../shared/typeset/index';

/** Every body paragraph's line breaks, per module: the texts of its lines. */
export function lineBreaks(setting: EditionSetting): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const page of setting.pages) {
    for (const m of page.modules) out[m.moduleId] = m.result.lines.map((l) => `${l.kind}|${l.block ?? ''}|${l.text}`);
  }
  return out;
}

export function fontsFromBytes(bytes: Record<FontRole, Uint8Array>): FontSet {
  const roles = Object.keys(bytes) as FontRole[];
  return Object.fromEntries(roles.map((r) => [r, fastFont(fontkit.create(bytes[r]) as never)])) as unknown as FontSet;
}

/** Fetches the edition and fonts from URLs and typesets both languages. */
export async function typesetFromUrls(editionUrl: string, fontUrls: Record<FontRole, string>): Promise<Record<string, Record<string, string[]>>> {
  const edition = parseReferenceEdition(await (await fetch(editionUrl)).json());
  const bytes = {} as Record<FontRole, Uint8Array>;
  for (const [role, url] of Object.entries(fontUrls)) bytes[role as FontRole] = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const fonts = fontsFromBytes(bytes);
  return { en: lineBreaks(typesetEdition(edition, 'en', fonts)), es: lineBreaks(typesetEdition(edition, 'es', fonts)) };
}
