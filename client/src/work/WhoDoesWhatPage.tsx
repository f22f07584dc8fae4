import { Loading, Notice } from '../components/ui';
import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { workApi } from './api';
import { useWorkText } from './messages';

/** For each kind of task: who has held it, how often and how recently, who is learning it, and pairings to suggest. */
export function WhoDoesWhatPage() {
  const { t, date } = useWorkText();
  const loaded = useLoad(() => workApi.whoDoesWhat(), 'who');
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  return (
    <main>
      <h1>{t('w.who.title')}</h1>
      <p className="muted">{t('w.who.intro')}</p>
      <div className="who-grid">
        {loaded.value.map((k) => (
          <section key={k.kind} className="card" aria-label={t(`w.kind.${k.kind}`)}>
            <h2>{t(`w.kind.${k.kind}`)}</h2>
            {k.risk === 'nobody' && <p className="badge badge-warn">{t('w.who.nobody')}</p>}
            {k.risk === 'few' && <p className="badge badge-warn">{t('w.who.few')}</p>}
            <ul>
              {k.holders.map((h) => (
                <li key={h.memberId}>
                  {h.displayName}: {h.now ? t('w.who.timesNow', { count: h.count }) : t('w.who.times', { count: h.count, date: date(h.lastAt) })}
                </li>
              ))}
            </ul>
            {k.learners.length > 0 && <p>{t('w.who.learning', { names: k.learners.map((l) => l.displayName).join(', ') })}</p>}
            {k.suggestions.map((s) => (
              <p key={s.learner.id} className="suggestion">
                {t('w.who.suggest', { learner: s.learner.displayName, mentor: s.mentor.displayName })}
              </p>
            ))}
          </section>
        ))}
      </div>
    </main>
  );
}
