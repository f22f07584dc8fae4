import { lazy, Suspense, type ReactNode } from 'react';
import { isLang } from '../../../shared/languages';
import { Loading } from '../components/ui';
import { match } from '../router';

// The side-by-side view carries two editors: loaded only when opened.
const TranslatePage = lazy(() => import('./TranslatePage'));

/** /articles/<id>/translate/<lang>: the translation screen, or null for other paths. */
export function translationScreen(path: string): ReactNode | null {
  const m = match('/articles/:id/translate/:lang', path);
  if (!m || !isLang(m.lang)) return null;
  return (
    <Suspense fallback={<Loading />}>
      <TranslatePage key={path} articleId={m.id!} lang={m.lang} />
    </Suspense>
  );
}
