import type { DB } from '../db/database';
import { tooMany, unauthorized } from '../errors';
import { LIMITS } from '../../shared/limits';
import { findMemberRowByLogin, memberFromRow, type Member } from './members';
import { hashForTimingOnly, verifyPassword } from './passwords';
import { FailureCounter } from './rateLimit';

/**
 * Checks a login name and password, with failed attempts limited per login
 * name and per client address, so guessing is slow while everyone else
 * keeps logging in normally.
 */
export class LoginGuard {
  private readonly byLogin = new FailureCounter(LIMITS.loginFailuresPerWindow, LIMITS.loginWindowMs);
  private readonly byAddress = new FailureCounter(LIMITS.loginFailuresPerAddressPerWindow, LIMITS.loginWindowMs);

  constructor(private readonly db: DB) {}

  async check(login: string, password: string, address: string): Promise<Member> {
    const loginKey = login.toLowerCase();
    const wait = Math.max(this.byLogin.retryAfterMs(loginKey), this.byAddress.retryAfterMs(address));
    if (wait > 0) {
      const minutes = Math.max(1, Math.ceil(wait / 60_000));
      throw tooMany(
        `Too many failed logins. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again. / ` +
          `Demasiados intentos fallidos. Espera ${minutes} minuto${minutes === 1 ? '' : 's'} y vuelve a intentarlo.`,
      );
    }
    // Counted as a failure before the (slow) check, so that many attempts sent
    // at once cannot all slip past the limit; taken back if it succeeds.
    const at = Date.now();
    this.byLogin.recordFailure(loginKey, at);
    this.byAddress.recordFailure(address, at);
    const row = findMemberRowByLogin(this.db, login);
    const usable = row && row.password_hash && !row.disabled_at;
    // Unknown logins cost the same time as known ones, so timing reveals no names.
    const ok = await verifyPassword(password, usable ? row.password_hash! : await hashForTimingOnly());
    if (!ok || !usable) throw unauthorized('Wrong login name or password. / Usuario o contraseña incorrectos.');
    this.byLogin.clear(loginKey);
    this.byAddress.forgive(address, at);
    return memberFromRow(row);
  }
}
