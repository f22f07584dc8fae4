import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { LIMITS } from '../../shared/limits';

/**
 * Password hashing with scrypt. The stored string carries its own parameters
 * (`scrypt$N$r$p$salt$hash`, salt and hash in base64url) so they can be raised
 * later without breaking existing accounts.
 */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  // 128 * N * r bytes is what scrypt needs; leave headroom over Node's 32 MB default.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS.N, PARAMS.r, PARAMS.p);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await derive(password, salt, N, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that matches no password: verifying against it costs the same time as a real check. */
let dummyHash: Promise<string> | null = null;
export function hashForTimingOnly(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}

/**
 * Why a new password is refused, in words a person understands, or null when it
 * is acceptable. The rules are few on purpose: length, and not something trivially guessed.
 */
export function passwordProblem(password: string, login?: string): string | null {
  if (password.length < LIMITS.passwordMinChars) {
    return `The password must have at least ${LIMITS.passwordMinChars} characters.`;
  }
  if (password.length > LIMITS.passwordMaxChars) {
    return `The password must have at most ${LIMITS.passwordMaxChars} characters.`;
  }
  if (new Set(password).size < 4) return 'The password repeats too few different characters.';
  const lower = password.toLowerCase();
  if (login && login.length >= 4 && lower.includes(login.toLowerCase())) return 'The password must not contain the login name.';
  if (COMMON.some((w) => lower.startsWith(w))) return 'The password is too easy to guess.';
  return null;
}

const COMMON = ['password', '1234567890', '0123456789', 'qwertyuiop', 'letmein', 'galleygalley', 'contraseña'];
