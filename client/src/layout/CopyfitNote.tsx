import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readArticle } from '../../../shared/editor/content';
import type { Lang } from '../../../shared/languages';
import type { ArticleFit } from '../../../shared/layout/setting';
import type { ArticleCopy, LayoutData } from '../../../shared/layout/types';
import type { CopyfitAnswer, CopyfitPlacement, CopyfitText } from './copyfitWorker';
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

/**
 * How the live text fits the placement, set in a worker on every change to
 * the document: at most one text in flight, and changes made meanwhile are
 * sent as one (the latest) when it answers, so fast typing never queues up.
 */
function useLiveFit(articleId: string, placement: LayoutData | null, doc: Y.Doc): ArticleFit | null {
  const [fit, setFit] = useState<ArticleFit | null>(null);
  useEffect(() => {
    setFit(null);
    if (!placement) return;
    // Vite bundles the worker on its own: the engine is not in the editor's chunks.
    const worker = new Worker(new URL('./copyfitWorker.ts', import.meta.url), { type: 'module' });
    let busy = false;
    let changed = false;
    let frame = 0;
    const send = () => {
      frame = 0;
      busy = true;
      changed = false;
      worker.postMessage({ type: 'text', copy: articleCopy(doc) } satisfies CopyfitText);
    };
    worker.onmessage = (event: MessageEvent<CopyfitAnswer>) => {
      busy = false;
      // The fonts could not be fetched: no note, rather than a wrong one.
      if (event.data.type === 'error') return worker.terminate();
      setFit(event.data.fit);
      if (changed) send();
    };
    const onUpdate = () => {
      changed = true;
      // Keystrokes (anyone's) coalesce into one setting per drawn frame at most.
      if (!busy && !frame) frame = requestAnimationFrame(send);
    };
    worker.postMessage({ type: 'placement', articleId, layout: placement } satisfies CopyfitPlacement);
    send();
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (frame) cancelAnimationFrame(frame);
      worker.terminate();
    };
  }, [articleId, placement, doc]);
  return fit;
}

/** The article's text as the layout sets it (the deck is not printed). */
function articleCopy(doc: Y.Doc): ArticleCopy {
  const text = readArticle(doc);
  return { headline: text.headline, byline: text.byline, blocks: text.body.map((b) => ({ type: b.type, text: b.text })) };
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
