import path from 'node:path';
import { loadFonts } from '../../server/print/fonts';
import type { FontSet } from '../../shared/typeset/index';
import type { LayoutTemplate } from '../../shared/layout/types';

/** Where the template font files live on this machine (Debian fonts-liberation2). */
export const FONT_DIR = '/usr/share/fonts/truetype/liberation2';

/** The template's fonts parsed with fontkit, as the server's renderer parses them. */
export function templateFonts(t: LayoutTemplate): FontSet {
  const f = t.fonts;
  const at = (name: string) => path.join(FONT_DIR, name);
  return loadFonts({ serif: at(f.serif), serifBold: at(f.serifBold), sans: at(f.sans), sansBold: at(f.sansBold), sansItalic: at(f.sansItalic) });
}
