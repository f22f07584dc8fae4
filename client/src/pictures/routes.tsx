import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../components/ui';
import { Link, match, usePath } from '../router';
import { usePicturesText } from './messages';

// The desk and the editor load when someone opens them.
const PictureDeskPage = lazy(() => import('./PictureDeskPage'));
const PictureEditorPage = lazy(() => import('./PictureEditorPage'));

/** The picture desk's screens: /pictures (the grid, ?edition= for one issue) and /pictures/:id (the editor). */
export function picturesScreen(path: string): ReactNode | null {
  if (path === '/pictures') {
    return (
      <Suspense fallback={<Loading />}>
        <PictureDeskPage />
      </Suspense>
    );
  }
  const m = match('/pictures/:id', path);
  if (m) {
    return (
      <Suspense fallback={<Loading />}>
        <PictureEditorPage key={m.id} id={m.id!} />
      </Suspense>
    );
  }
  return null;
}

export function PicturesNav() {
  const { t } = usePicturesText();
  const path = usePath();
  return (
    <Link href="/pictures" aria-current={path.startsWith('/pictures') ? 'page' : undefined}>
      {t('p.nav')}
    </Link>
  );
}
