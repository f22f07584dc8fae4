import { useEffect, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/limits';
import { api, type AccessLinkInfo } from '../api';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';

/** /setup/<token>: a one-time link to choose a password (and, for an invite, a login). */
export function SetupPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [link, setLink] = useState<AccessLinkInfo | 'invalid' | null>(null);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    api.accessLink(token).then(
      (info) => {
        setLink(info);
        setDisplayName(info.displayName ?? '');
      },
      () => setLink('invalid'),
    );
  }, [token]);

  if (link === null) return <Loading />;
  if (link === 'invalid') {
    return (
      <main className="narrow">
        <h1>{t('setup.title')}</h1>
        <Notice kind="error">{t('setup.invalid')}</Notice>
      </main>
    );
  }

  const invite = link.kind === 'invite';
  const min = LIMITS.passwordMinChars;
  const submit = run(async () => {
    const { member } = await api.useAccessLink(token, {
      ...(invite ? { login: login.trim() } : {}),
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      password,
    });
    signedIn(member);
    navigate('/', { replace: true });
  });
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < min) setError(t('setup.tooShort', { min }));
    else if (password !== repeat) setError(t('setup.mismatch'));
    else void submit();
  };

  return (
    <main className="narrow">
      <h1>{invite ? t('setup.inviteTitle') : t('setup.title')}</h1>
      <p>
        {invite
          ? t('setup.inviteIntro', { role: t(`role.${link.role}`) })
          : t('setup.intro', { login: link.login ?? '' })}
      </p>
      <form className="stack" onSubmit={check}>
        {invite && (
          <Field label={t('setup.login')}>
            {(p) => (
              <input
                {...p}
                autoComplete="username"
                required
                maxLength={LIMITS.loginChars}
                value={login}
                onChange={(e) => setLogin(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field label={t('setup.displayName')}>
          {(p) => (
            <input
              {...p}
              autoComplete="name"
              maxLength={LIMITS.displayNameChars}
              required={invite}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('setup.password')} hint={t('setup.passwordHint', { min })}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              required
              maxLength={LIMITS.passwordMaxChars}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('setup.passwordRepeat')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </Field>
        {error && <Notice kind="error">{error}</Notice>}
        <button className="primary" type="submit" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
