import { useEffect, useState } from 'react';
import type { Lang } from '../../../shared/languages';
import { useLayoutText } from './messages';
import './layout.css';

interface Fit {
  placed: boolean;
  pages?: number[];
  linesUsed?: number;
  linesAvailable?: number;
  overMatterLines?: number;
}

/** How often the writer's note asks again while they type (the server sets the live text). */
const POLL_MS = 2000;

/**
 * For the article editor: how the article fits its space in the layout
 * ("12 lines too long for its space on page 3"), or nothing when it is not
 * placed. The layout desk computes the same in the browser, live.
 */
export function CopyfitNote({ articleId, lang }: { articleId: string; lang: Lang }) {
  const { t } = useLayoutText();
  const [fit, setFit] = useState<Fit | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        // Offline the writer keeps typing; the note keeps its last figure until the server is back.
        if (navigator.onLine) {
          const res = await fetch(`/api/articles/${articleId}/copyfit?lang=${lang}`);
          if (res.ok && !stopped) setFit((await res.json()) as Fit);
        }
      } catch {
        // The network dropped mid-request: the same, ask again at the next turn.
      } finally {
        if (!stopped) timer = setTimeout(ask, POLL_MS);
      }
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [articleId, lang]);
  if (!fit?.placed || fit.linesAvailable === undefined) return null;
  const page = fit.pages?.[0] ?? 1;
  const over = fit.overMatterLines ?? 0;
  const short = fit.linesAvailable - (fit.linesUsed ?? 0);
  const text = over > 0 ? t('l.note.over', { n: over, page }) : short > 0 ? t('l.note.short', { n: short, page }) : t('l.note.fits', { page });
  return (
    <p className={`copyfit-note ${over > 0 ? 'over' : 'fits'}`} data-testid="copyfit-note" data-over={over} role="status">
      {text}
    </p>
  );
}
