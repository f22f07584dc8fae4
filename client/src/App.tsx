import { lazy, Suspense, type ReactNode } from 'react';
import { isLang } from '../../shared/languages';
import { Shell } from './components/Shell';
import { Loading } from './components/ui';
import { browserLang, I18nProvider, useI18n } from './i18n';
import { EditionPage } from './pages/EditionPage';
import { EditionsPage } from './pages/EditionsPage';
import { LoginPage } from './pages/LoginPage';
import { MembersPage } from './pages/MembersPage';
import { SettingsPage } from './pages/SettingsPage';
import { SetupPage } from './pages/SetupPage';
import { Link, match, navigate, usePath } from './router';
import { SessionProvider, useSession } from './session';
import { picturesScreen } from './pictures/routes';
import { workScreen } from './work/routes';
import { translationScreen } from './translation/routes';
import { layoutScreen } from './layout/routes';

// The editor (Tiptap, ProseMirror, Yjs) is most of the client's weight: it
// loads only when someone opens an article, so the first screen stays light.
const ArticleEditorPage = lazy(() => import('./editor/ArticleEditorPage'));

export function App() {
  return (
    <SessionProvider>
      <LanguageFromSession>
        <Routes />
      </LanguageFromSession>
    </SessionProvider>
  );
}

/** The member's own choice once logged in; the browser's before. */
function LanguageFromSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const lang = state.status === 'member' ? state.member.uiLang : browserLang();
  return <I18nProvider lang={lang}>{children}</I18nProvider>;
}

function Routes() {
  const path = usePath();
  const { state } = useSession();

  const setup = match('/setup/:token', path);
  if (setup) return <SetupPage token={setup.token!} />;
  if (state.status === 'loading') return <Loading />;
  // Any address asked for without a session shows the login in its place, so
  // that after logging in the person is where they meant to go.
  if (state.status === 'anonymous') return <LoginPage />;
  if (path === '/login') {
    navigate('/', { replace: true });
    return null;
  }
  return <Shell>{screenFor(path)}</Shell>;
}

function screenFor(path: string): ReactNode {
  if (path === '/') return <EditionsPage />;
  const pictures = picturesScreen(path);
  if (pictures) return pictures;
  const work = workScreen(path);
  if (work) return work;
  const translation = translationScreen(path);
  if (translation) return translation;
  const layout = layoutScreen(path);
  if (layout) return layout;
  let m = match('/editions/:id', path);
  if (m) return <EditionPage key={m.id} id={m.id!} />;
  m = match('/articles/:id/:lang', path);
  if (m && isLang(m.lang)) {
    return (
      <Suspense fallback={<Loading />}>
        <ArticleEditorPage key={path} articleId={m.id!} lang={m.lang} />
      </Suspense>
    );
  }
  if (path === '/members') return <MembersPage />;
  if (path === '/settings') return <SettingsPage />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <main>
      <h1>{t('notFound.title')}</h1>
      <Link href="/">{t('notFound.home')}</Link>
    </main>
  );
}
