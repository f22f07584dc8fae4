import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { createMember, loginCookie, memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { LIMITS } from '../../shared/limits';

describe('bad input gets a clear refusal and changes nothing', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await memberWithCookie(server.db, server.url, { role: 'admin' })).cookie;
  });
  afterAll(async () => {
    await server?.close();
  });

  const count = (table: string) => (server.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('refuses bodies that are not JSON, or JSON of the wrong shape', async () => {
    const before = count('articles');
    const broken = await api(server.url, 'POST', '/articles', { cookie, rawBody: '{"title": "unterminated' });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatch(/not valid JSON/);
    const array = await api(server.url, 'POST', '/articles', { cookie, body: ['title'] });
    expect(array.status).toBe(400);
    const wrongType = await api(server.url, 'POST', '/articles', { cookie, body: { title: 42 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toMatch(/^title:/);
    const missing = await api(server.url, 'POST', '/articles', { cookie, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/^title:/);
    const unknown = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'ok', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/colour/);
    const lang = await api(server.url, 'POST', '/articles', { cookie, body: { title: 'ok', languages: ['fr'] } });
    expect(lang.status).toBe(400);
    expect(lang.body.error).toMatch(/^languages\.0:/);
    const login = await api(server.url, 'POST', '/session', { body: { login: ['a'], password: 'x' } });
    expect(login.status).toBe(400);
    expect(login.body.error).toMatch(/^login:/);
    const badDate = await api(server.url, 'POST', '/editions', { cookie, body: { number: 3, title: 'x', date: '2026-13-45' } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error).toMatch(/^date:/);
    const badQuery = await api(server.url, 'GET', '/articles?editionId=../../etc', { cookie });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error).toMatch(/^editionId:/);
    expect(count('articles')).toBe(before);
    expect((await api(server.url, 'GET', '/health')).status).toBe(200);
  });

  it('refuses over-long fields, naming the field', async () => {
    const cases: [string, string, Record<string, unknown>, RegExp][] = [
      ['POST', '/articles', { title: 'x'.repeat(LIMITS.titleChars + 1) }, /^title: must have at most 200 characters/],
      ['POST', '/articles', { title: 'ok', section: 's'.repeat(LIMITS.sectionChars + 1) }, /^section:/],
      ['POST', '/editions', { number: 5, title: 'x'.repeat(LIMITS.titleChars + 1) }, /^title:/],
      ['POST', '/collectives', { name: 'n'.repeat(LIMITS.collectiveNameChars + 1) }, /^name:/],
      ['PATCH', '/me', { displayName: 'd'.repeat(LIMITS.displayNameChars + 1) }, /^displayName:/],
      ['PATCH', '/me', { defaultByline: 'b'.repeat(LIMITS.bylineChars + 1) }, /^defaultByline:/],
      ['POST', '/session', { login: 'l'.repeat(LIMITS.loginChars + 1), password: 'whatever it is' }, /^login:/],
      ['POST', '/session', { login: 'someone', password: 'p'.repeat(LIMITS.passwordMaxChars + 1) }, /^password:/],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await api(server.url, method, path, { cookie, body });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error, `${method} ${path}`).toMatch(message);
    }
    const me = await api(server.url, 'GET', '/me', { cookie });
    expect(me.body.member.displayName).not.toMatch(/^d+$/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await api(server.url, 'POST', '/articles', { cookie, rawBody: JSON.stringify({ title: 'x'.repeat(LIMITS.jsonBodyBytes + 10) }) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/too large/);
  });
});

describe('a wrong password many times', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is rate-limited with 429 for that login, even with the right password, while others log in normally', async () => {
    const victim = await createMember(server.db, { login: 'victim' });
    const other = await createMember(server.db, { login: 'bystander' });
    for (let i = 0; i < LIMITS.loginFailuresPerWindow; i++) {
      const res = await api(server.url, 'POST', '/session', { body: { login: 'victim', password: `guess number ${i}` } });
      expect(res.status).toBe(401);
    }
    const limited = await api(server.url, 'POST', '/session', { body: { login: 'victim', password: `guess number 99` } });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatch(/Too many failed logins\. Please wait 15 minutes/);
    const right = await api(server.url, 'POST', '/session', { body: { login: 'VICTIM', password: victim.password } });
    expect(right.status).toBe(429);
    // Another member from the same address is not affected.
    await loginCookie(server.url, other.login, other.password);
  });

  // Fifty scrypt checks: seconds of CPU on a busy machine.
  it('limits failures per client address too, across many login names', { timeout: 90_000 }, async () => {
    const own = await startTestServer();
    try {
      // Sent side by side, as a guessing script would (and so the test is quick).
      const guesses = Array.from({ length: LIMITS.loginFailuresPerAddressPerWindow }, (_, i) =>
        api(own.url, 'POST', '/session', { body: { login: `name${i}`, password: 'some guess here' } }),
      );
      for (const res of await Promise.all(guesses)) expect(res.status).toBe(401);
      const res = await api(own.url, 'POST', '/session', { body: { login: 'fresh-name', password: 'some guess here' } });
      expect(res.status).toBe(429);
    } finally {
      await own.close();
    }
  });
});
