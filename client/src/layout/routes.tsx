import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../components/ui';
import { Link, match } from '../router';
import { useLayoutText } from './messages';

// The desk (the print engine, fontkit, hyphenation patterns, Yjs) loads only when someone opens it.
const LayoutDeskPage = lazy(() => import('./LayoutDeskPage'));

/** The layout desk: /editions/:id/layout. */
export function layoutScreen(path: string): ReactNode | null {
  const m = match('/editions/:id/layout', path);
  if (!m) return null;
  return (
    <Suspense fallback={<Loading />}>
      <LayoutDeskPage key={m.id} editionId={m.id!} />
    </Suspense>
  );
}

/** The way to the desk from an edition's page. */
export function LayoutDeskLink({ editionId }: { editionId: string }) {
  const { t } = useLayoutText();
  return <Link href={`/editions/${editionId}/layout`}>{t('l.open')}</Link>;
}
