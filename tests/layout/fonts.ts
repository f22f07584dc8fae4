import { loadFonts } from '../../server/print/fonts';
import { templateFontFiles } from '../../server/layout/fonts';
import type { FontSet } from '../../shared/typeset/index';
import type { LayoutTemplate } from '../../shared/layout/types';

/** The template's fonts parsed with fontkit from the files the server serves and embeds. */
export function templateFonts(t: LayoutTemplate): FontSet {
  return loadFonts(templateFontFiles(t));
}
