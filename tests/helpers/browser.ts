import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './server';
import { CLIENT_DIST } from '../../server/app';

/**
 * Chromium from the system (never a downloaded browser), headless, with
 * everything that would phone home turned off.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The browser tests run against the built client (npm test runs `vite build`
 * first). Fails with a clear message instead of testing a stale or missing page.
 */
export function assertClientBuilt(): void {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`${index} is missing: run "npm run build" (npm test does it) before the browser tests`);
  }
}

export interface ContextOptions {
  /** The browser's preferred language (Accept-Language and navigator.languages). */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A fresh, logged-out browser context (its own cookies and IndexedDB). */
export async function newContext(browser: Browser, opts: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: opts.locale ?? 'en-US',
    viewport: opts.viewport ?? { width: 1200, height: 900 },
  });
}

/**
 * A browser context logged in as a member: logs in through the API (as the
 * login form would) and hands the session cookie to the context.
 */
export async function newMemberContext(
  browser: Browser,
  serverUrl: string,
  login: string,
  password: string,
  opts: ContextOptions = {},
): Promise<BrowserContext> {
  const res = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map(parseCookie).find((c) => c.name === 'galley_session');
  if (!cookie) throw new Error('the login answer set no galley_session cookie');
  const context = await newContext(browser, opts);
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: serverUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

function parseCookie(header: string): { name: string; value: string } {
  const pair = header.split(';')[0] ?? '';
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
}

/** Everything a page logs to its console and every uncaught error, for failure messages. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/**
 * A real Galley and a Chromium for the tests of one describe block: started
 * before its first test, closed after its last. Read `server` and `browser`
 * inside the tests (they exist once beforeAll has run).
 */
export function browserAndServer(): { readonly server: TestServer; readonly browser: Browser } {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    assertClientBuilt();
    env.server = await startTestServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
