/** Galley's own page template: npm fonts with every Spanish glyph, embedded and extracted exactly. */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, expect, it } from 'vitest';
import { renderEdition } from '../../server/print/render';
import { loadTemplate, readTemplateFile } from '../../server/print/templates';
import { layoutTemplate } from '../../shared/layout/templateFile';
import { smallEdition, tempDir, writeJson } from './fixtures';
import { fonts, pdfText } from './poppler';

const dir = tempDir('templates');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('the tabloid template names installed TTF fonts that cover Spanish', () => {
  const t = loadTemplate('tabloid');
  expect(t.page).toMatchObject({ widthPt: 792, heightPt: 1224, columns: 5 });
  for (const f of Object.values(t.typography.fonts)) {
    const font = fontkit.create(fs.readFileSync(f.file));
    for (const ch of 'áéíóúüñÁÉÍÓÚÑ¿¡«»—“”’') expect(font.characterSet, `${path.basename(f.file)} lacks ${ch}`).toContain(ch.codePointAt(0));
  }
});

it('renders a Spanish page with the template fonts embedded and its accents extracted exactly', async () => {
  const t = loadTemplate('tabloid');
  const text = '¿Quién reparte el periódico? ¡Todas las compañeras! La reunión del miércoles decidió la organización de la distribución en el barrio.';
  const e = smallEdition({ paragraphs: [text] });
  e.articles[0]!.es.paragraphs = [{ type: 'p', text }, { type: 'p', text }];
  const edition = { ...e, page: t.page, typography: t.typography };
  const out = path.join(dir, 'es.pdf');
  await renderEdition({ editionFile: writeJson(dir, 'edition.json', edition), lang: 'es', out });
  const names = fonts(out);
  expect(names.every((f) => f.embedded)).toBe(true);
  expect(names.map((f) => f.name.split('+')[1]).sort()).toEqual(expect.arrayContaining(['SourceSerif4-Regular', 'SourceSans3-Bold']));
  const extracted = pdfText(out).replace(/-\n/g, '').replace(/\s+/g, ' ');
  for (const word of ['¿Quién', 'periódico?', '¡Todas', 'compañeras!', 'reunión', 'miércoles', 'Número']) expect(extracted).toContain(word);
}, 60_000);

it('gives the layout desk the same template, and names the field of a malformed one', () => {
  const file = readTemplateFile('tabloid');
  const t = layoutTemplate(file);
  expect(t).toMatchObject({ widthPt: 792, columns: 5, rowPt: file.grid.rowPt });
  expect(t.fonts.serif).toBe('SourceSerif4_400Regular.ttf');
  expect(t.typography.body).toEqual(file.typography.body);
  expect(() => layoutTemplate({ ...file, grid: { ...file.grid, rowPt: -2 } })).toThrow(/grid\.rowPt/);
  expect(() => layoutTemplate({ ...file, fonts: { ...file.fonts, serif: { ...file.fonts.serif, file: '../../etc/passwd' } } })).toThrow(/fonts\.serif\.file: must be a \.ttf or \.otf file/);
  expect(() => readTemplateFile('../secrets')).toThrow(/not valid/);
});
