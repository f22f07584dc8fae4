import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { createMember, loginCookie } from '../helpers/factories';
import { api } from '../helpers/http';

describe('logging in and out', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('logs in with the right password, sets an HttpOnly cookie and answers /api/me', async () => {
    const m = await createMember(server.db, { login: 'rosa', displayName: 'Rosa' });
    const res = await api(server.url, 'POST', '/session', { body: { login: 'rosa', password: m.password } });
    expect(res.status).toBe(200);
    expect(res.body.member).toEqual({
      id: m.id,
      login: 'rosa',
      displayName: 'Rosa',
      defaultByline: '',
      role: 'member',
      uiLang: 'en',
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^galley_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = setCookie.split(';')[0]!;
    const me = await api(server.url, 'GET', '/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.member.login).toBe('rosa');
    expect(JSON.stringify(me.body)).not.toMatch(/scrypt|password/i);
  });

  it('stores only a hash of the session token', async () => {
    const m = await createMember(server.db);
    const cookie = await loginCookie(server.url, m.login, m.password);
    const token = cookie.split('=')[1]!;
    const rows = server.db.prepare('SELECT token_hash FROM sessions WHERE member_id = ?').all(m.id) as { token_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password and an unknown login with 401 and the same message', async () => {
    const m = await createMember(server.db);
    const wrong = await api(server.url, 'POST', '/session', { body: { login: m.login, password: 'not the password' } });
    const unknown = await api(server.url, 'POST', '/session', { body: { login: 'nobody-here', password: 'whatever it is' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toMatch(/Wrong login name or password/);
    expect(unknown.body.error).toBe(wrong.body.error);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('logs out: the cookie stops working', async () => {
    const m = await createMember(server.db);
    const cookie = await loginCookie(server.url, m.login, m.password);
    const out = await api(server.url, 'DELETE', '/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/galley_session=;.*Expires=Thu, 01 Jan 1970/);
    const me = await api(server.url, 'GET', '/me', { cookie });
    expect(me.status).toBe(401);
    expect(me.body.error).toMatch(/log in/);
  });

  it('answers /api/me with 401 without a cookie or with a made-up one', async () => {
    expect((await api(server.url, 'GET', '/me')).status).toBe(401);
    const fake = await api(server.url, 'GET', '/me', { cookie: 'galley_session=' + 'A'.repeat(43) });
    expect(fake.status).toBe(401);
  });

  it('changes display name, byline and interface language with PATCH /api/me', async () => {
    const m = await createMember(server.db);
    const cookie = await loginCookie(server.url, m.login, m.password);
    const res = await api(server.url, 'PATCH', '/me', {
      cookie,
      body: { displayName: 'Ana Gómez', defaultByline: 'Comrade in Managua', uiLang: 'es' },
    });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ displayName: 'Ana Gómez', defaultByline: 'Comrade in Managua', uiLang: 'es' });
    const me = await api(server.url, 'GET', '/me', { cookie });
    expect(me.body.member.uiLang).toBe('es');
    const bad = await api(server.url, 'PATCH', '/me', { cookie, body: { uiLang: 'fr' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/uiLang/);
    const sneaky = await api(server.url, 'PATCH', '/me', { cookie, body: { role: 'admin' } });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error).toMatch(/role/);
    expect((await api(server.url, 'GET', '/me', { cookie })).body.member.role).toBe('member');
  });

  it('changes the password: old one stops working, other sessions end', async () => {
    const m = await createMember(server.db);
    const other = await loginCookie(server.url, m.login, m.password);
    const cookie = await loginCookie(server.url, m.login, m.password);
    const weak = await api(server.url, 'POST', '/me/password', { cookie, body: { currentPassword: m.password, newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatch(/newPassword: .*at least 10/);
    const res = await api(server.url, 'POST', '/me/password', {
      cookie,
      body: { currentPassword: m.password, newPassword: 'a much better secret 42' },
    });
    expect(res.status).toBe(204);
    expect((await api(server.url, 'GET', '/me', { cookie: other })).status).toBe(401);
    const fresh = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await api(server.url, 'GET', '/me', { cookie: fresh })).status).toBe(200);
    expect((await api(server.url, 'POST', '/session', { body: { login: m.login, password: m.password } })).status).toBe(401);
    await loginCookie(server.url, m.login, 'a much better secret 42');
  });
});

describe('session lifetime', () => {
  it('extends a session that is past half its life and ends an expired one', async () => {
    const server = await startTestServer();
    try {
      const m = await createMember(server.db);
      const cookie = await loginCookie(server.url, m.login, m.password);
      const inDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();
      const setExpiry = (iso: string) => server.db.prepare('UPDATE sessions SET expires_at = ? WHERE member_id = ?').run(iso, m.id);
      const expiry = () => Date.parse((server.db.prepare('SELECT expires_at FROM sessions WHERE member_id = ?').get(m.id) as { expires_at: string }).expires_at);

      // Fresh sessions are left alone: no write, no new cookie.
      const fresh = await api(server.url, 'GET', '/me', { cookie });
      expect(fresh.headers.get('set-cookie')).toBeNull();

      setExpiry(inDays(3));
      const renewed = await api(server.url, 'GET', '/me', { cookie });
      expect(renewed.status).toBe(200);
      expect(renewed.headers.get('set-cookie')).toContain(cookie);
      expect(expiry()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

      setExpiry(inDays(-1));
      expect((await api(server.url, 'GET', '/me', { cookie })).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('sessions survive a restart', () => {
  it('a cookie from one server process works in the next one on the same data folder', async () => {
    const first = await startTestServer();
    const m = await createMember(first.db);
    const cookie = await loginCookie(first.url, m.login, m.password);
    await first.close();
    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const me = await api(second.url, 'GET', '/me', { cookie });
      expect(me.status).toBe(200);
      expect(me.body.member.id).toBe(m.id);
    } finally {
      await second.close();
    }
  });
});
