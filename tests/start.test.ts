import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `npm start` as a user runs it (server/start.mjs: the esbuild bundle in
 * dist/server, rebuilt first when a source is newer). Everything else tests
 * the TypeScript source in-process; this checks that the bundle finds what
 * the source finds relative to its own files (migrations, dist/client) and
 * shuts down cleanly.
 */
describe('npm start', () => {
  it('comes up on an empty data dir from a fresh bundle, serves API and client, stops on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-start-'));
    const child = spawn(process.execPath, ['server/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      let url: string | undefined;
      while (!url) {
        if (child.exitCode !== null) throw new Error(`npm start exited: ${out}`);
        if (Date.now() - started > 60_000) throw new Error(`npm start did not come up: ${out}`);
        url = /Galley is running at (http:\/\/\S+)/.exec(out)?.[1];
        await new Promise((r) => setTimeout(r, 20));
      }

      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      // First run: the database was created from the migrations and the admin set-up link printed.
      expect(out).toMatch(/one-time link to set it up[^\n]*\n\s+http:\/\/\S+\/setup\/\S+/);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);

      // What ran is the bundle, at least as new as every file it was built from.
      const bundle = path.join(ROOT, 'dist/server/main.mjs');
      const inputs = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/server/main.inputs.json'), 'utf8')) as string[];
      expect(inputs).toContain('server/main.ts');
      const built = fs.statSync(bundle).mtimeMs;
      expect(inputs.filter((f) => fs.statSync(path.join(ROOT, f)).mtimeMs > built)).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toMatch(/SIGTERM: finishing writes and closing the database/);
  }, 90_000);
});
