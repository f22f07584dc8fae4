/**
 * `npm run render` runs the bundled command line (dist/print/render.mjs) when
 * it is fresh and the TypeScript source otherwise. Checked on the real
 * bundle (built here, run by plain node: bad input, a good render) and on a
 * copy of the launcher in a small tree whose "bundle" and "source" say which
 * one ran.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../server/print/buildCli';
import { REFERENCE, smallEdition, tempDir, writeJson } from './fixtures';

const ROOT = process.cwd();
const dir = tempDir('bundle');
// Inside the project (tmp/ is not committed), so the launcher copy finds tsx
// in node_modules; not under node_modules, where tsx leaves files untranspiled.
fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const tree = fs.mkdtempSync(path.join(ROOT, 'tmp', 'galley-launcher-test-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(tree, { recursive: true, force: true });
});

function node(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bundled render command line', () => {
  it('builds, refuses bad input with the field named and no PDF, and renders a small edition', async () => {
    const { inputs } = await buildCli();
    expect(inputs).toContain('server/print/cli.ts');
    expect(inputs.some((f) => f.startsWith('shared/typeset/'))).toBe(true);

    const bad = JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));
    bad.typography.body.sizePt = 'large';
    const badFile = writeJson(dir, 'bad.json', bad);
    const out = path.join(dir, 'bad.pdf');
    const r = node(['dist/print/render.mjs', '--edition', badFile, '--lang', 'en', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('typography.body.sizePt');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('bad.pdf'))).toEqual([]);

    const file = writeJson(dir, 'edition.json', smallEdition());
    const ok = node(['server/print/renderCommand.mjs', '--edition', file, '--lang', 'es', '--out', path.join(dir, 'ok.pdf')]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('1 pages');
    const info = spawnSync('pdfinfo', [path.join(dir, 'ok.pdf')], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Pages:\s+1/);
  }, 120_000);

  it('runs the bundle only while every file it was built from is older', () => {
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
      fs.writeFileSync(path.join(tree, rel), text);
    };
    write('server/print/renderCommand.mjs', fs.readFileSync(path.join(ROOT, 'server/print/renderCommand.mjs'), 'utf8'));
    write('server/print/cli.ts', "const from: string = 'source';\nconsole.log(from);\n");
    write('dist/print/render.mjs', "console.log('bundle');\n");
    write('dist/print/render.inputs.json', JSON.stringify(['server/print/cli.ts']));
    const setAge = (rel: string, secondsAgo: number) => {
      const t = new Date(Date.now() - secondsAgo * 1000);
      fs.utimesSync(path.join(tree, rel), t, t);
    };
    const launch = () => node([path.join(tree, 'server/print/renderCommand.mjs')], tree).stdout.trim();

    setAge('server/print/cli.ts', 60);
    setAge('dist/print/render.mjs', 30);
    expect(launch()).toBe('bundle');

    setAge('server/print/cli.ts', 10); // edited after the build
    expect(launch()).toBe('source');

    setAge('server/print/cli.ts', 60);
    fs.rmSync(path.join(tree, 'dist/print/render.inputs.json')); // a build that did not finish
    expect(launch()).toBe('source');
  }, 60_000);
});
