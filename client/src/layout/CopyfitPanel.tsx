import type { Lang } from '../../../shared/languages';
import type { LayoutSetting } from '../../../shared/layout/setting';
import { useLayoutText } from './messages';

/** Lines over or under each placed story's space, per language side by side. */
export function CopyfitPanel({ settings, titles }: { settings: Map<Lang, LayoutSetting>; titles: Map<string, string> }) {
  const { t } = useLayoutText();
  const langName = (l: Lang) => t(l === 'es' ? 'l.lang.es' : 'l.lang.en');
  return (
    <section aria-label={t('l.copyfit')}>
      <h2>{t('l.copyfit')}</h2>
      {[...settings].map(([l, s]) => (
        <ul key={l} className="copyfit" data-lang={l} aria-label={langName(l)}>
          <li className="copyfit-lang">{langName(l)}</li>
          {s.articles.map((a) => (
            <CopyfitRow key={a.articleId} lang={l} title={titles.get(a.articleId) ?? t('l.untitled')} fit={a} />
          ))}
        </ul>
      ))}
    </section>
  );
}

function CopyfitRow({ lang, title, fit }: { lang: Lang; title: string; fit: LayoutSetting['articles'][number] }) {
  const { t } = useLayoutText();
  const c = fit.copyfit;
  const under = c.linesAvailable - c.linesUsed;
  const state = c.overMatterLines > 0 ? 'over' : under > 8 ? 'under' : 'fits';
  const text = state === 'over' ? t('l.over', { n: c.overMatterLines }) : state === 'under' ? t('l.under', { n: under }) : t('l.fits', { used: c.linesUsed, available: c.linesAvailable });
  return (
    <li className={`copyfit-row ${state}`} data-testid="copyfit" data-article={fit.articleId} data-lang={lang} data-over={c.overMatterLines} data-lines={fit.lineTexts.length}>
      <strong>{title}</strong> <span>{text}</span>
    </li>
  );
}
