import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { Lang } from '../../../shared/languages';
import type { ArticleFit } from '../../../shared/layout/setting';
import type { LayoutData } from '../../../shared/layout/types';
import { useLayoutText } from './messages';
import './layout.css';

/**
 * The placement is asked for again now and then and when the writer comes
 * back to the tab, for frames moved on the desk meanwhile. The text needs
 * no asking: it is set here, from the live document, on every change.
 */
const PLACEMENT_REFRESH_MS = 30_000;

type Placement = { placed: false } | { placed: true; layout: LayoutData };

/** The article's placement in the layout of `lang`, kept while offline or when the server says no. */
function usePlacement(articleId: string, lang: Lang): LayoutData | null {
  const [layout, setLayout] = useState<LayoutData | null>(null);
  useEffect(() => {
    let stopped = false;
    let last = '';
    const ask = async () => {
      if (!navigator.onLine) return;
      try {
        const res = await fetch(`/api/articles/${articleId}/placement?lang=${lang}`);
        // 403/404/410 (not on the article, no such version, deleted): no note.
        if (stopped || (!res.ok && res.status >= 500)) return;
        const body = res.ok ? ((await res.json()) as Placement) : ({ placed: false } as const);
        const next = body.placed ? body.layout : null;
        const key = JSON.stringify(next);
        // An unchanged placement keeps its setter (and its cached line breaks).
        if (!stopped && key !== last) {
          last = key;
          setLayout(next);
        }
      } catch {
        // The network dropped mid-request: keep the placement we have.
      }
    };
    void ask();
    const timer = setInterval(ask, PLACEMENT_REFRESH_MS);
    window.addEventListener('focus', ask);
    window.addEventListener('online', ask);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', ask);
      window.removeEventListener('online', ask);
    };
  }, [articleId, lang]);
  return layout;
}

/** How the live text fits the placement, set again (once per frame at most) on every change to the document. */
function useLiveFit(articleId: string, placement: LayoutData | null, doc: Y.Doc): ArticleFit | null {
  const [fit, setFit] = useState<ArticleFit | null>(null);
  useEffect(() => {
    setFit(null);
    if (!placement) return;
    let stopped = false;
    let frame = 0;
    let onUpdate: (() => void) | null = null;
    // The engine (and fonts, patterns) load on first need, not with the editor.
    void import('./copyfitLive')
      .then(({ articleFitter }) => articleFitter(articleId, placement))
      .then((fitter) => {
        if (stopped) return;
        const refit = () => {
          frame = 0;
          if (!stopped) setFit(fitter(doc));
        };
        onUpdate = () => {
          // Keystrokes (anyone's) coalesce into one setting per drawn frame.
          if (!frame) frame = requestAnimationFrame(refit);
        };
        doc.on('update', onUpdate);
        refit();
      })
      .catch(() => {
        // The fonts could not be fetched: no note, rather than a wrong one.
      });
    return () => {
      stopped = true;
      if (frame) cancelAnimationFrame(frame);
      if (onUpdate) doc.off('update', onUpdate);
    };
  }, [articleId, placement, doc]);
  return fit;
}

/**
 * For the article editor: how the article fits its space in the layout
 * ("12 lines too long for its space on page 3"), or nothing when it is not
 * placed. Set in the browser from the live document by the same engine and
 * fonts as the PDF, so it follows every keystroke (anyone's), offline too.
 */
export function CopyfitNote({ articleId, lang, doc }: { articleId: string; lang: Lang; doc: Y.Doc }) {
  const { t } = useLayoutText();
  const placement = usePlacement(articleId, lang);
  const fit = useLiveFit(articleId, placement, doc);
  if (!fit) return null;
  const { linesUsed, linesAvailable, overMatterLines: over } = fit.copyfit;
  const page = fit.pages[0] ?? 1;
  const short = linesAvailable - linesUsed;
  const text = over > 0 ? t('l.note.over', { n: over, page }) : short > 0 ? t('l.note.short', { n: short, page }) : t('l.note.fits', { page });
  return (
    <p className={`copyfit-note ${over > 0 ? 'over' : 'fits'}`} data-testid="copyfit-note" data-over={over} role="status">
      {text}
    </p>
  );
}
