import { useState } from 'react';
import { api, ApiError } from '../api';
import { explainError } from '../components/errors';
import { Field, Notice, useAction } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function LoginPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const explain = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return t('login.wrong');
    if (err instanceof ApiError && err.status === 429) return t('login.tooMany');
    return explainError(err, t);
  };
  const submit = run(async () => {
    const { member } = await api.login(login.trim(), password);
    signedIn(member);
  }, explain);

  return (
    <main className="narrow">
      <h1>{t('login.title')}</h1>
      <form className="stack" onSubmit={submit}>
        <Field label={t('login.login')}>
          {(p) => (
            <input {...p} name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
          )}
        </Field>
        <Field label={t('login.password')}>
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {error && <Notice kind="error">{error}</Notice>}
        <button className="primary" type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
