import type { DB } from '../../server/db/database';
import { newId } from '../../server/db/ids';
import { hashPassword } from '../../server/auth/passwords';
import type { Member, Role } from '../../server/auth/members';
import { findMember } from '../../server/auth/members';

export const TEST_PASSWORD = 'correct horse battery';

let counter = 0;

/** Puts a member with a password straight into the database (tests only). */
export async function createMember(
  db: DB,
  opts: { login?: string; role?: Role; password?: string; displayName?: string; uiLang?: 'en' | 'es' } = {},
): Promise<Member & { password: string }> {
  const id = newId();
  const login = opts.login ?? `member${++counter}${id.slice(0, 4)}`;
  const password = opts.password ?? TEST_PASSWORD;
  db.prepare(
    'INSERT INTO members (id, login, display_name, role, ui_lang, password_hash) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, login, opts.displayName ?? `Test ${login}`, opts.role ?? 'member', opts.uiLang ?? 'en', await hashPassword(password));
  return { ...findMember(db, id)!, password };
}

/** Logs in over HTTP and returns the value for a Cookie header. */
export async function loginCookie(serverUrl: string, login: string, password: string = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${login} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error('login answered without a cookie');
  return setCookie.split(';')[0]!;
}

/** A member and their logged-in cookie in one step. */
export async function memberWithCookie(
  db: DB,
  serverUrl: string,
  opts: { login?: string; role?: Role; displayName?: string } = {},
): Promise<{ member: Member; cookie: string }> {
  const member = await createMember(db, opts);
  return { member, cookie: await loginCookie(serverUrl, member.login, member.password) };
}
