import { useI18n } from '../i18n';
import { explainError } from './explainError';
import { Notice } from './ui';

export { explainError };

/** An error from the server or the network, explained in the interface language. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  return <Notice kind="error">{explainError(error, t)}</Notice>;
}
