import { useEffect, useState } from 'react';
import { Loading, Notice, useAction } from '../components/ui';
import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { Link, usePath } from '../router';
import type { AppNotification } from '../../../shared/work/types';
import { workApi } from './api';
import { useWorkText } from './messages';

/** Where a notification leads: its task, or the review of its article version. */
function target(n: AppNotification): string | null {
  if (n.taskId) return `/tasks/${n.taskId}`;
  if (n.versionId && n.articleId) return `/versions/${n.versionId}/review`;
  return null;
}

export function NotificationsPage() {
  const { t, date } = useWorkText();
  const loaded = useLoad(() => workApi.notifications(), 'notes');
  const { busy, error, run } = useAction();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const { notifications } = loaded.value;
  const act = (fn: () => Promise<unknown>) => run(async () => {
    await fn();
    loaded.reload();
  });
  return (
    <main>
      <h1>{t('w.notes.title')}</h1>
      {notifications.some((n) => !n.readAt) && (
        <button type="button" disabled={busy} onClick={() => void act(() => workApi.markAllRead())()}>
          {t('w.notes.markAll')}
        </button>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {notifications.length === 0 ? (
        <p className="muted">{t('w.notes.none')}</p>
      ) : (
        <ul className="cards">
          {notifications.map((n) => {
            const href = target(n);
            return (
              <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`}>
                <span>{t(`w.notes.${n.kind}`, { actor: n.actor?.displayName ?? '' })}</span>
                {n.body && n.kind === 'mention' && <q>{n.body}</q>}
                <span className="muted">{date(n.createdAt)}</span>
                <span className="actions">
                  {href && <Link href={href}>{t('w.notes.open')}</Link>}
                  {!n.readAt && (
                    <button type="button" className="quiet" disabled={busy} onClick={() => void act(() => workApi.markRead(n.id))()}>
                      {t('w.notes.markRead')}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

/** The notifications link in the top bar, with the unread count (checked on every screen change and each minute). */
export function NotificationsLink() {
  const { t } = useWorkText();
  const path = usePath();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const check = () => workApi.unread().then((n) => live && setUnread(n), () => {});
    void check();
    const timer = setInterval(check, 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [path]);
  return (
    <Link
      href="/notifications"
      aria-current={path === '/notifications' ? 'page' : undefined}
      aria-label={unread ? t('w.nav.notificationsCount', { count: unread }) : t('w.nav.notifications')}
    >
      {t('w.nav.notifications')}
      {unread > 0 && <span className="count-badge">{unread}</span>}
    </Link>
  );
}
