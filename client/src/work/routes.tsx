import type { ReactNode } from 'react';
import type { ArticleSummary } from '../api';
import { Link, match, usePath } from '../router';
import { useMember } from '../session';
import { BoardPage } from './BoardPage';
import { HistoryPage } from './HistoryPage';
import { useWorkText } from './messages';
import { MyTasksPage } from './MyTasksPage';
import { NotificationsLink, NotificationsPage } from './NotificationsPage';
import { ReviewPage } from './ReviewPage';
import { TaskPage } from './TaskPage';
import { WhoDoesWhatPage } from './WhoDoesWhatPage';
import './work.css';

/**
 * The screens of collective work, for the app's router (App.tsx asks here
 * first): /editions/:id/board, /tasks/:id, /my-tasks, /who-does-what,
 * /notifications, /versions/:id/review, /versions/:id/history.
 */
export function workScreen(path: string): ReactNode | null {
  let m = match('/editions/:id/board', path);
  if (m) return <BoardPage key={m.id} editionId={m.id!} />;
  m = match('/tasks/:id', path);
  if (m) return <TaskPage key={m.id} id={m.id!} />;
  m = match('/versions/:id/review', path);
  if (m) return <ReviewPage key={m.id} versionId={m.id!} />;
  m = match('/versions/:id/history', path);
  if (m) return <HistoryPage key={m.id} versionId={m.id!} />;
  if (path === '/my-tasks') return <MyTasksPage />;
  if (path === '/who-does-what') return <WhoDoesWhatPage />;
  if (path === '/notifications') return <NotificationsPage />;
  return null;
}

/** Links in the top bar: my responsibilities, who does what (not for contributors), notifications. */
export function WorkNav() {
  const { t } = useWorkText();
  const path = usePath();
  const member = useMember();
  const current = (href: string) => (path === href ? 'page' : undefined);
  return (
    <>
      <Link href="/my-tasks" aria-current={current('/my-tasks')}>
        {t('w.nav.mine')}
      </Link>
      {member.role !== 'contributor' && (
        <Link href="/who-does-what" aria-current={current('/who-does-what')}>
          {t('w.nav.who')}
        </Link>
      )}
      <NotificationsLink />
    </>
  );
}

/** On an issue's page: the way to its board. */
export function BoardLink({ editionId }: { editionId: string }) {
  const { t } = useWorkText();
  return <Link href={`/editions/${editionId}/board`}>{t('w.nav.board')}</Link>;
}

/** In the article editor's header: review and history of the version being edited. */
export function VersionWorkLinks({ article, lang }: { article: ArticleSummary; lang: string }) {
  const { t } = useWorkText();
  const version = article.versions.find((v) => v.lang === lang);
  if (!version) return null;
  return (
    <span className="work-links">
      <Link href={`/versions/${version.id}/review`}>{t('w.review.title')}</Link>{' '}
      <Link href={`/versions/${version.id}/history`}>{t('w.review.history')}</Link>
    </span>
  );
}
