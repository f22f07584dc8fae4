import * as fontkit from 'fontkit';
import { fastFont, type FontRole, type FontSet } from '../../../shared/typeset/index';
import type { LayoutTemplate } from '../../../shared/layout/types';

/**
 * The template's font files, fetched from the server (the same TTF files the
 * PDF embeds) and parsed with fontkit, so the desk measures exactly as the
 * server does. Each file is also registered as a web font so the SVG page
 * draws with it: family "galley-<role>".
 */
const cache = new Map<string, Promise<FontSet>>();

export const families: Record<FontRole, string> = {
  serif: 'galley-serif',
  serifBold: 'galley-serifBold',
  sans: 'galley-sans',
  sansBold: 'galley-sansBold',
  sansItalic: 'galley-sansItalic',
};

export function templateFonts(t: LayoutTemplate): Promise<FontSet> {
  const key = JSON.stringify(t.fonts);
  let pending = cache.get(key);
  if (!pending) {
    pending = load(t);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function load(t: LayoutTemplate): Promise<FontSet> {
  const entries = await Promise.all(
    (Object.entries(t.fonts) as [FontRole, string][]).map(async ([role, name]) => {
      const res = await fetch(`/api/fonts/${encodeURIComponent(name)}`);
      if (!res.ok) throw new Error(`font ${name}: ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const face = new FontFace(families[role], bytes);
      document.fonts.add(await face.load());
      // The engine's fast shaper where it is exact, as the server's renderer uses it.
      const font = fastFont(fontkit.create(bytes as never) as never) as unknown as FontSet[FontRole];
      return [role, font] as const;
    }),
  );
  return Object.fromEntries(entries) as FontSet;
}
