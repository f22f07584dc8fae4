import { useEffect, useState } from 'react';
import type { Lang } from '../../../shared/languages';
import { useLayoutText } from './messages';

interface Job {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error: string | null;
  pdfUrl: string | null;
  report: { articles: { articleId: string; overMatterLines: number }[] } | null;
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? res.statusText);
  return body;
}

/** Render to PDF on the server (in a worker), with a progress bar and the PDF shown in the page. */
export function RenderPanel({ editionId, langs, page }: { editionId: string; langs: Lang[]; page: number }) {
  const { t } = useLayoutText();
  const [lang, setLang] = useState<Lang>(langs[0] ?? 'en');
  const [blackOnly, setBlackOnly] = useState(false);
  const [bleed, setBleed] = useState(false);
  const [onePage, setOnePage] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const timer = setTimeout(async () => {
      try {
        setJob(await json<Job>(await fetch(`/api/renders/${job.id}`)));
      } catch (e) {
        setError((e as Error).message);
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    setError(null);
    setJob(null);
    try {
      const res = await fetch(`/api/editions/${editionId}/renders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lang, blackOnly, bleed, ...(onePage ? { pages: [page] } : {}) }),
      });
      setJob(await json<Job>(res));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="render-panel" aria-label={t('l.render')}>
      <label>
        {t('l.render.lang')}{' '}
        <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          {langs.map((l) => (
            <option key={l} value={l}>
              {t(l === 'es' ? 'l.lang.es' : 'l.lang.en')}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={blackOnly} onChange={(e) => setBlackOnly(e.target.checked)} /> {t('l.render.blackOnly')}
      </label>
      <label>
        <input type="checkbox" checked={bleed} onChange={(e) => setBleed(e.target.checked)} /> {t('l.render.bleed')}
      </label>
      <label>
        <input type="checkbox" checked={onePage} onChange={(e) => setOnePage(e.target.checked)} /> {t('l.render.thisPage')}
      </label>
      <button type="button" onClick={start} disabled={job !== null && (job.status === 'queued' || job.status === 'running')}>
        {t('l.render')}
      </button>
      {job && job.status !== 'done' && job.status !== 'failed' && (
        <div className="render-progress">
          <progress data-testid="render-progress" value={job.done} max={job.total} />
          <span>{t('l.render.progress', { done: job.done, total: job.total })}</span>
        </div>
      )}
      {job?.status === 'failed' && <p role="alert">{t('l.render.failed', { error: job.error ?? '' })}</p>}
      {error && <p role="alert">{error}</p>}
      {job?.status === 'done' && job.pdfUrl && (
        <div className="render-done">
          <progress value={job.total} max={job.total} />
          <p>
            {t('l.render.done')} <a href={job.pdfUrl} download data-testid="pdf-link">{t('l.render.open')}</a>
          </p>
          <iframe title="PDF" src={job.pdfUrl} className="pdf-preview" />
        </div>
      )}
    </section>
  );
}
