/**
 * The same edition typeset in Node and in Chromium gives identical line
 * breaks: the engine is bundled for the browser (esbuild), served with the
 * font files from a local HTTP server, and run in a page.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseReferenceEdition, typesetEdition, type FontRole } from '../../shared/typeset/index';
import { launchBrowser } from '../helpers/browser';
import { FONT_FILES, REFERENCE } from './fixtures';
import { fontsFromBytes, lineBreaks } from './parityEntry';

let server: http.Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [new URL('./parityEntry.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'galleyParity',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.contents;
  const files: Record<string, { body: Uint8Array | string; type: string }> = {
    '/': { body: '<!doctype html><meta charset="utf-8"><script src="/engine.js"></script>', type: 'text/html' },
    '/engine.js': { body: js, type: 'text/javascript' },
    '/edition.json': { body: fs.readFileSync(REFERENCE), type: 'application/json' },
  };
  for (const [role, file] of Object.entries(FONT_FILES)) files[`/fonts/${role}.ttf`] = { body: fs.readFileSync(file), type: 'font/ttf' };
  server = http.createServer((req, res) => {
    const f = files[req.url ?? ''];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f.type }).end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('breaks every line of the reference edition identically in Node and Chromium', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const fontUrls = Object.fromEntries(Object.keys(FONT_FILES).map((r) => [r, `${base}/fonts/${r}.ttf`]));
  const inBrowser = await page.evaluate(
    ([editionUrl, urls]) => (window as unknown as { galleyParity: { typesetFromUrls: (e: string, u: unknown) => Promise<unknown> } }).galleyParity.typesetFromUrls(editionUrl as string, urls),
    [`${base}/edition.json`, fontUrls] as const,
  );
  const edition = parseReferenceEdition(JSON.parse(fs.readFileSync(REFERENCE, 'utf8')));
  const bytes = Object.fromEntries(Object.entries(FONT_FILES).map(([r, f]) => [r, new Uint8Array(fs.readFileSync(f))])) as Record<FontRole, Uint8Array>;
  const fonts = fontsFromBytes(bytes);
  const inNode = { en: lineBreaks(typesetEdition(edition, 'en', fonts)), es: lineBreaks(typesetEdition(edition, 'es', fonts)) };
  expect(Object.keys(inNode.en)).toHaveLength(22);
  expect(inNode.en.p1m1!.length).toBeGreaterThan(30);
  expect(inBrowser).toEqual(inNode);
}, 120_000);
