import { useState } from 'react';
import { LIMITS } from '../../../shared/limits';
import { LANGS, type Lang } from '../../../shared/languages';
import { api } from '../api';
import { Field, Notice, useAction } from '../components/ui';
import { useI18n } from '../i18n';
import { useMember, useSession } from '../session';

export function SettingsPage() {
  const { t } = useI18n();
  const member = useMember();
  const { signedIn } = useSession();
  const [displayName, setDisplayName] = useState(member.displayName);
  const [byline, setByline] = useState(member.defaultByline);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  const save = run(async () => {
    const { member: updated } = await api.updateMe({ displayName: displayName.trim(), defaultByline: byline.trim() });
    signedIn(updated);
    setSaved(true);
  });
  // The language applies at once: the whole interface re-renders in it.
  const pickLang = (uiLang: Lang) =>
    void run(async () => {
      const { member: updated } = await api.updateMe({ uiLang });
      signedIn(updated);
    })();

  return (
    <main className="narrow">
      <h1>{t('settings.title')}</h1>
      <Field label={t('settings.uiLang')}>
        {(p) => (
          <select {...p} value={member.uiLang} disabled={busy} onChange={(e) => pickLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {/* Each language is named in itself, so it can be found whatever the current one. */}
                {l === 'en' ? 'English' : 'Español'}
              </option>
            ))}
          </select>
        )}
      </Field>
      <form
        className="stack"
        onSubmit={(e) => {
          setSaved(false);
          void save(e);
        }}
      >
        <Field label={t('settings.displayName')}>
          {(p) => (
            <input
              {...p}
              required
              maxLength={LIMITS.displayNameChars}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('settings.byline')} hint={t('settings.bylineHint')}>
          {(p) => <input {...p} maxLength={LIMITS.bylineChars} value={byline} onChange={(e) => setByline(e.target.value)} />}
        </Field>
        {error && <Notice kind="error">{error}</Notice>}
        {saved && <Notice kind="info">{t('common.saved')}</Notice>}
        <button className="primary" type="submit" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </main>
  );
}
