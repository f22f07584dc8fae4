import { ApiError } from '../api';
import type { Translate } from '../i18n';

/**
 * Says in the interface language what went wrong. The server's own message
 * is kept where it names the problem precisely (a refused field, a taken name).
 */
export function explainError(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return t('error.session');
    if (err.status === 403) return t('error.forbidden');
    if (err.status === 404) return t('error.notFound');
    if (err.status === 429) return t('error.tooMany');
    if (err.status >= 500) return t('error.server');
    return t('error.refused', { detail: err.message });
  }
  // fetch rejects with a TypeError when the request never reached the server.
  if (err instanceof TypeError) return t('error.network');
  return t('app.error', { message: err instanceof Error ? err.message : String(err) });
}
