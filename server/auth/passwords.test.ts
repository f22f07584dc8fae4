import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with a fresh salt and the parameters in the string, and verifies', async () => {
    const a = await hashPassword('a long enough secret');
    const b = await hashPassword('a long enough secret');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('a long enough secret', a)).toBe(true);
    expect(await verifyPassword('a long enough secreT', a)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('refuses short, trivial and login-based passwords', () => {
    expect(passwordProblem('')).toMatch(/at least 10/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/different characters/);
    expect(passwordProblem('password123456')).toMatch(/easy to guess/);
    expect(passwordProblem('rosa-luxemburg-1919', 'rosa')).toMatch(/login/);
    expect(passwordProblem('solidarity forever 9')).toBeNull();
  });
});
