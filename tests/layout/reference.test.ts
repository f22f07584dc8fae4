import { REFERENCE_EDITION } from '../helpers/reference';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReferenceEdition, typesetEdition } from '../../shared/typeset/index';
import { referenceCopies, referenceLayout } from '../../shared/layout/reference';
import { LayoutSetter } from '../../shared/layout/setting';
import { templateFonts } from './fonts';

const edition = parseReferenceEdition(JSON.parse(fs.readFileSync(REFERENCE_EDITION, 'utf8')));

describe('the reference edition as a layout', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`sets every module's lines exactly as the print engine's own edition setter (${lang})`, () => {
      const layout = referenceLayout(edition, lang);
      const fonts = templateFonts(layout.template);
      const setting = new LayoutSetter().set({ layout, copies: referenceCopies(edition, lang), fonts });
      const engine = typesetEdition(edition, lang, fonts);
      let compared = 0;
      for (const page of engine.pages) {
        for (const m of page.modules) {
          const frame = setting.pages[page.number - 1]!.frames.find((f) => f.frameId === m.moduleId)!;
          expect(frame.lines.map((l) => [l.text, l.x, l.baseline])).toEqual(m.result.lines.map((l) => [l.text, l.x, l.baseline]));
          const fit = setting.articles.find((a) => a.articleId === m.articleId)!;
          expect(fit.copyfit).toEqual(m.result.copyfit);
          compared += m.result.lines.length;
        }
      }
      expect(compared).toBeGreaterThan(2000);
      expect(setting.pages).toHaveLength(8);
      // The reference is laid out cleanly: no overlapping frames.
      expect(setting.issues.filter((i) => i.message.en.includes('overlap'))).toEqual([]);
    });
  }
});
