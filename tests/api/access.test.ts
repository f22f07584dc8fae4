import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { createMember, loginCookie, memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { createSetupLink } from '../../server/auth/accessLinks';
import { newId } from '../../server/db/ids';

describe('invites, set-up links and members', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = (await memberWithCookie(server.db, server.url, { role: 'admin' })).cookie;
  });
  afterAll(async () => {
    await server?.close();
  });

  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

  it('an admin invites; the invitee picks a login and password, joins the collectives and is logged in', async () => {
    const coll = await api(server.url, 'POST', '/collectives', { cookie: admin, body: { name: 'Translators' } });
    expect(coll.status).toBe(201);
    const invite = await api(server.url, 'POST', '/invites', {
      cookie: admin,
      body: { role: 'contributor', collectiveIds: [coll.body.collective.id] },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toMatch(new RegExp(`^${server.url}/setup/[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(invite.body.expiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    const token = tokenOf(invite.body.url);

    const info = await api(server.url, 'GET', `/access-links/${token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ kind: 'invite', role: 'contributor' });

    const weak = await api(server.url, 'POST', `/access-links/${token}`, { body: { login: 'lucia', password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatch(/^password: .*at least 10 characters/);

    const noLogin = await api(server.url, 'POST', `/access-links/${token}`, { body: { password: 'a long enough secret' } });
    expect(noLogin.status).toBe(400);
    expect(noLogin.body.error).toMatch(/^login:/);

    const ok = await api(server.url, 'POST', `/access-links/${token}`, {
      body: { login: 'lucia', displayName: 'Lucía', password: 'a long enough secret' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.member).toMatchObject({ login: 'lucia', displayName: 'Lucía', role: 'contributor' });
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    expect((await api(server.url, 'GET', '/me', { cookie })).body.member.login).toBe('lucia');

    const collectives = await api(server.url, 'GET', '/collectives', { cookie: admin });
    const translators = collectives.body.collectives.find((c: { name: string }) => c.name === 'Translators');
    expect(translators.memberIds).toContain(ok.body.member.id);

    // Single use: the same link is refused now, both to read and to use.
    const again = await api(server.url, 'POST', `/access-links/${token}`, {
      body: { login: 'lucia2', password: 'a long enough secret' },
    });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatch(/used already or has expired/);
    expect((await api(server.url, 'GET', `/access-links/${token}`)).status).toBe(404);
  });

  it('refuses an invite for a login that is taken, and keeps the link usable', async () => {
    await createMember(server.db, { login: 'taken' });
    const invite = await api(server.url, 'POST', '/invites', { cookie: admin, body: { role: 'member' } });
    const token = tokenOf(invite.body.url);
    const res = await api(server.url, 'POST', `/access-links/${token}`, { body: { login: 'TAKEN', password: 'a long enough secret' } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/login: .*taken/);
    expect((await api(server.url, 'GET', `/access-links/${token}`)).status).toBe(200);
  });

  it('only admins invite', async () => {
    const { cookie } = await memberWithCookie(server.db, server.url, { role: 'member' });
    const res = await api(server.url, 'POST', '/invites', { cookie, body: { role: 'admin' } });
    expect(res.status).toBe(403);
    expect((await api(server.url, 'POST', '/invites', { body: { role: 'member' } })).status).toBe(401);
    const noSuchCollective = await api(server.url, 'POST', '/invites', { cookie: admin, body: { role: 'member', collectiveIds: ['zzzzzzzzzzzz'] } });
    expect(noSuchCollective.status).toBe(400);
    expect(noSuchCollective.body.error).toMatch(/^collectiveIds: no collective/);
    const badRole = await api(server.url, 'POST', '/invites', { cookie: admin, body: { role: 'editor-in-chief' } });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error).toMatch(/^role:/);
  });

  it('a set-up link sets the password of an account that has none, once; older links die with it', async () => {
    const id = newId();
    server.db.prepare("INSERT INTO members (id, login, display_name, role) VALUES (?, 'firstadmin', 'Admin', 'admin')").run(id);
    const older = createSetupLink(server.db, id);
    const link = createSetupLink(server.db, id);
    const info = await api(server.url, 'GET', `/access-links/${link.token}`);
    expect(info.body).toMatchObject({ kind: 'setup', role: 'admin', login: 'firstadmin' });
    // Nobody can log in before the password is set.
    expect((await api(server.url, 'POST', '/session', { body: { login: 'firstadmin', password: 'anything at all' } })).status).toBe(401);
    const set = await api(server.url, 'POST', `/access-links/${link.token}`, {
      body: { displayName: 'Marta', password: 'the first admin secret' },
    });
    expect(set.status).toBe(200);
    expect(set.body.member).toMatchObject({ login: 'firstadmin', displayName: 'Marta', role: 'admin' });
    await loginCookie(server.url, 'firstadmin', 'the first admin secret');
    expect((await api(server.url, 'POST', `/access-links/${link.token}`, { body: { password: 'another admin secret' } })).status).toBe(404);
    expect((await api(server.url, 'POST', `/access-links/${older.token}`, { body: { password: 'another admin secret' } })).status).toBe(404);
    await loginCookie(server.url, 'firstadmin', 'the first admin secret');
  });

  it('an admin gives a member who forgot their password a set-up link; the old password and sessions stop working', async () => {
    const m = await createMember(server.db, { role: 'member' });
    const oldCookie = await loginCookie(server.url, m.login, m.password);
    expect((await api(server.url, 'POST', `/members/${m.id}/setup-link`, { cookie: oldCookie })).status).toBe(403);
    const link = await api(server.url, 'POST', `/members/${m.id}/setup-link`, { cookie: admin });
    expect(link.status).toBe(201);
    const token = tokenOf(link.body.url);
    expect((await api(server.url, 'GET', `/access-links/${token}`)).body).toMatchObject({ kind: 'setup', login: m.login });
    const set = await api(server.url, 'POST', `/access-links/${token}`, { body: { password: 'remembered this time' } });
    expect(set.status).toBe(200);
    expect((await api(server.url, 'GET', '/me', { cookie: oldCookie })).status).toBe(401);
    expect((await api(server.url, 'POST', '/session', { body: { login: m.login, password: m.password } })).status).toBe(401);
    await loginCookie(server.url, m.login, 'remembered this time');
  });

  it('refuses a made-up link', async () => {
    const res = await api(server.url, 'GET', '/access-links/not-a-real-token');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/link/);
  });

  it('lists members without password hashes; admins change roles and disable accounts', async () => {
    const m = await createMember(server.db, { role: 'member' });
    const cookie = await loginCookie(server.url, m.login, m.password);
    const list = await api(server.url, 'GET', '/members', { cookie });
    expect(list.status).toBe(200);
    expect(list.body.members.map((x: { id: string }) => x.id)).toContain(m.id);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password_hash|passwordHash/);

    expect((await api(server.url, 'PATCH', `/members/${m.id}`, { cookie, body: { role: 'admin' } })).status).toBe(403);
    const promoted = await api(server.url, 'PATCH', `/members/${m.id}`, { cookie: admin, body: { role: 'contributor' } });
    expect(promoted.body.member.role).toBe('contributor');
    expect((await api(server.url, 'GET', '/me', { cookie })).body.member.role).toBe('contributor');

    const disabled = await api(server.url, 'PATCH', `/members/${m.id}`, { cookie: admin, body: { disabled: true } });
    expect(disabled.body.member.disabled).toBe(true);
    expect((await api(server.url, 'GET', '/me', { cookie })).status).toBe(401);
    expect((await api(server.url, 'POST', '/session', { body: { login: m.login, password: m.password } })).status).toBe(401);
  });

  it('keeps at least one admin', async () => {
    const solo = await startTestServer();
    try {
      const a = await createMember(solo.db, { role: 'admin' });
      const cookie = await loginCookie(solo.url, a.login, a.password);
      const res = await api(solo.url, 'PATCH', `/members/${a.id}`, { cookie, body: { role: 'member' } });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatch(/last admin/);
    } finally {
      await solo.close();
    }
  });
});
