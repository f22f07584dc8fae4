/**
 * Bad input to `npm run render`: a clear error naming the problem, a
 * non-zero exit, and no PDF (nor temporary file) left behind.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderEdition } from '../../server/print/render';
import { REFERENCE, smallEdition, tempDir, writeJson } from './fixtures';

const dir = tempDir('bad');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/print/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** Only the inputs remain in a case's folder: no PDF, no temp file. */
function leftovers(caseDir: string): string[] {
  return fs.readdirSync(caseDir).filter((f) => !f.endsWith('.json') && !f.endsWith('.jpg'));
}

function caseDir(name: string): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d);
  return d;
}

describe('render command line', () => {
  it('names the field of an edition that does not match the format', () => {
    const d = caseDir('format');
    const e = JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));
    delete e.pages[2].modules[1].w;
    e.typography.body.sizePt = 'large';
    const file = writeJson(d, 'edition.json', e);
    const r = cli(['--edition', file, '--lang', 'en', '--out', path.join(d, 'out.pdf')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('typography.body.sizePt');
    expect(r.stderr).toContain('pages.2.modules.1.w');
    expect(leftovers(d)).toEqual([]);
  }, 60_000);

  it('refuses missing arguments and an unknown language with usage', () => {
    const r = cli(['--edition', REFERENCE, '--lang', 'fr', '--out', path.join(dir, 'x.pdf')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('language must be en or es');
    expect(cli([]).stderr).toContain('usage:');
  }, 60_000);

  it('renders a small edition and writes the report', () => {
    const d = caseDir('ok');
    const file = writeJson(d, 'edition.json', smallEdition());
    const r = cli(['--edition', file, '--lang', 'es', '--out', path.join(d, 'ok.pdf'), '--report', path.join(d, 'report.json')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(d, 'ok.pdf'))).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(d, 'report.json'), 'utf8'));
    expect(report.articles[0]).toMatchObject({ articleId: 'a1', overMatterLines: 0 });
  }, 60_000);
});

describe('render errors', () => {
  const attempt = async (name: string, edition: object) => {
    const d = caseDir(name);
    const file = writeJson(d, 'edition.json', edition);
    const error = await renderEdition({ editionFile: file, lang: 'en', out: path.join(d, 'out.pdf') }).then(
      () => null,
      (e: Error) => e,
    );
    return { error, d };
  };

  it('names a missing picture file', async () => {
    const { error, d } = await attempt('nopicture', smallEdition({ imageFile: 'missing/photo.jpg' }));
    expect(error?.message).toMatch(/picture file not found: .*missing\/photo\.jpg/);
    expect(leftovers(d)).toEqual([]);
  });

  it('names a picture that is not an image', async () => {
    const d0 = caseDir('notimage-src');
    fs.writeFileSync(path.join(d0, 'photo.jpg'), 'this is a note, not a photograph\n');
    const { error, d } = await attempt('notimage', smallEdition({ imageFile: path.join(d0, 'photo.jpg') }));
    expect(error?.message).toMatch(/picture .*photo\.jpg is not an image/);
    expect(leftovers(d)).toEqual([]);
  });

  it('names a missing font file', async () => {
    const { error, d } = await attempt('nofont', smallEdition({ fontFile: '/usr/share/fonts/none/Missing.ttf' }));
    expect(error?.message).toBe('font file not found: /usr/share/fonts/none/Missing.ttf (font "serif")');
    expect(leftovers(d)).toEqual([]);
  });

  it('names a font file that is not a font', async () => {
    const d0 = caseDir('notfont-src');
    fs.writeFileSync(path.join(d0, 'Fake.ttf'), 'not a font');
    const { error } = await attempt('notfont', smallEdition({ fontFile: path.join(d0, 'Fake.ttf') }));
    expect(error?.message).toMatch(/Fake\.ttf \(font "serif"\) is not a/);
  });

  it('finishes quickly with over-matter for a 200-letter word and for 10,000 words in a small box', async () => {
    const long = 'Solidarity '.concat('x'.repeat(200), ' forever.');
    const start = performance.now();
    const d = caseDir('impossible');
    const file = writeJson(d, 'edition.json', smallEdition({ paragraphs: [long, ...Array.from({ length: 100 }, () => 'word '.repeat(99) + 'end.')], moduleH: 150 }));
    const result = await renderEdition({ editionFile: file, lang: 'en', out: path.join(d, 'out.pdf') });
    expect(performance.now() - start).toBeLessThan(10_000);
    const a = result.report.articles[0]!;
    expect(a.overMatterLines).toBeGreaterThan(500);
    expect(a.linesUsed).toBeLessThanOrEqual(a.linesAvailable);
    expect(a.overMatterText).toContain('word word');
    expect(fs.existsSync(path.join(d, 'out.pdf'))).toBe(true);
  });
});
