import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Link, usePath } from '../router';
import { useMember, useSession } from '../session';
import { unsavedDocs } from '../editor/localCopies';
import { PicturesNav } from '../pictures/routes';
import { WorkNav } from '../work/routes';

/** The frame around every screen after login: the name of the app and the main navigation. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const member = useMember();
  const { logout } = useSession();
  const path = usePath();
  const onLogout = () => {
    const unsaved = unsavedDocs().length;
    if (unsaved > 0 && !window.confirm(t('nav.logoutUnsaved', { count: unsaved }))) return;
    void logout();
  };
  const current = (href: string) =>
    (href === '/' ? path === '/' || path.startsWith('/editions') : path.startsWith(href)) ? 'page' : undefined;

  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <Link href="/" aria-current={current('/')}>
            {t('nav.editions')}
          </Link>
          <WorkNav />
          <PicturesNav />
          <Link href="/members" aria-current={current('/members')}>
            {t('nav.members')}
          </Link>
          <Link href="/settings" aria-current={current('/settings')}>
            {t('nav.settings')}
          </Link>
        </nav>
        <span className="who">{member.displayName}</span>
        <button type="button" className="quiet" onClick={onLogout}>
          {t('nav.logout')}
        </button>
      </header>
      {children}
    </>
  );
}
