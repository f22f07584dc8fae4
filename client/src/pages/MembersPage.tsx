import { useState } from 'react';
import { api, type Role } from '../api';
import { ErrorNotice } from '../components/errors';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { useMember } from '../session';

const ROLES: Role[] = ['member', 'contributor', 'admin'];

export function MembersPage() {
  const { t } = useI18n();
  const me = useMember();
  const members = useLoad(() => api.members(), 'members');
  return (
    <main>
      <h1>{t('members.title')}</h1>
      {me.role === 'admin' ? <InviteForm /> : <p className="muted">{t('members.adminsOnly')}</p>}
      <h2>{t('members.list')}</h2>
      {members.status === 'loading' && <Loading />}
      {members.status === 'error' && <ErrorNotice error={members.error} />}
      {members.status === 'ready' && (
        <ul className="cards">
          {members.value.map((m) => (
            <li key={m.id} className="card">
              <span className="card-title">{m.displayName}</span>
              <span className="muted">
                {m.login} · {t(`role.${m.role}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function InviteForm() {
  const { t, lang } = useI18n();
  const [role, setRole] = useState<Role>('member');
  const [invite, setInvite] = useState<{ url: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, error, run } = useAction();
  const submit = run(async () => {
    setCopied(false);
    setInvite(await api.invite(role));
  });
  const copy = () => {
    if (!invite) return;
    navigator.clipboard?.writeText(invite.url).then(() => setCopied(true), () => undefined);
  };
  return (
    <section>
      <h2>{t('members.inviteTitle')}</h2>
      <form className="row-form" onSubmit={submit}>
        <Field label={t('members.inviteRole')}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button className="primary" type="submit" disabled={busy}>
          {t('members.createInvite')}
        </button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {invite && (
        <div className="invite">
          <p>{t('members.inviteLink', { date: new Date(invite.expiresAt).toLocaleDateString(lang) })}</p>
          <input readOnly aria-label={t('members.inviteTitle')} value={invite.url} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={copy}>
            {t('members.copy')}
          </button>
          {copied && <span role="status">{t('members.copied')}</span>}
        </div>
      )}
    </section>
  );
}
