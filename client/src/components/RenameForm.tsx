import { useState } from 'react';
import { LIMITS } from '../../../shared/limits';
import { useI18n } from '../i18n';
import { Field, Notice, useAction } from './ui';

/** A "Rename" button that opens a one-field form in place. */
export function RenameForm({
  current,
  buttonLabel,
  buttonName,
  fieldLabel,
  onSave,
}: {
  current: string;
  buttonLabel: string;
  /** The button's accessible name when the visible label alone is ambiguous (one "Rename" per row). */
  buttonName?: string;
  fieldLabel: string;
  onSave: (title: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(current);
  const { busy, error, run } = useAction();

  if (!open) {
    return (
      <button
        type="button"
        className="quiet"
        aria-label={buttonName}
        onClick={() => {
          setTitle(current);
          setOpen(true);
        }}
      >
        {buttonLabel}
      </button>
    );
  }
  const submit = run(async () => {
    await onSave(title.trim());
    setOpen(false);
  });
  return (
    <form className="row-form" onSubmit={submit}>
      <Field label={fieldLabel}>
        {(p) => (
          <input {...p} autoFocus required maxLength={LIMITS.titleChars} value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <button className="primary" type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      <button type="button" className="quiet" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}
