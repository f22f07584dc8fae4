import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { explainError } from './explainError';

/** A message the person should read: errors are announced to screen readers at once. */
export function Notice({ kind, children }: { kind: 'error' | 'info'; children: ReactNode }) {
  return (
    <p className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t('app.loading')}</p>;
}

/**
 * Runs a form's async action, keeping the button disabled meanwhile and the
 * server's refusal on screen until the next attempt.
 */
export function useAction() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<void>, explain: (err: unknown) => string = (err) => explainError(err, t)) =>
    async (event?: FormEvent) => {
      event?.preventDefault();
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (err) {
        setError(explain(err));
      } finally {
        setBusy(false);
      }
    };
  return { busy, error, setError, run };
}

/**
 * A label above its input, tied by id (not by nesting, so the label's
 * accessible name stays exactly its text); the hint is read as a description.
 */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}
