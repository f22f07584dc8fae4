import { useState } from 'react';
import { otherLang, type Lang } from '../../../shared/languages';
import { api, type ArticleSummary } from '../api';
import { ErrorNotice } from '../components/errors';
import { Loading, Notice, useAction } from '../components/ui';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { translationApi } from './api';
import { useTranslationText } from './messages';
import { SideBySide } from './SideBySide';
import './translation.css';

/**
 * /articles/<id>/translate/<lang>: the translation into <lang> beside its
 * source, or, when there is none yet, the form that starts it.
 */
export default function TranslatePage({ articleId, lang }: { articleId: string; lang: Lang }) {
  const { t: appT } = useI18n();
  const { t, langName } = useTranslationText();
  const article = useLoad(() => api.article(articleId), articleId);
  if (article.status === 'loading') return <Loading />;
  if (article.status === 'error') {
    return (
      <main>
        <ErrorNotice error={article.error} />
      </main>
    );
  }
  const a = article.value;
  const target = a.versions.find((v) => v.lang === lang && v.sourceVersionId);
  const source = target ? a.versions.find((v) => v.id === target.sourceVersionId) : undefined;
  return (
    <main className="tr-page">
      {a.editionId && (
        <Link href={`/editions/${a.editionId}`} className="back">
          ← {appT('editor.back')}
        </Link>
      )}
      <h1>{t('tr.title', { title: a.title })}</h1>
      {target && source ? (
        <>
          <Link href={`/articles/${a.id}/${source.lang}`}>{t('tr.back', { lang: langName(source.lang) })}</Link>
          <SideBySide key={target.docName} sourceDoc={source.docName} targetDoc={target.docName} sourceLang={source.lang} targetLang={target.lang} />
        </>
      ) : (
        <StartTranslation article={a} to={lang} started={article.reload} />
      )}
    </main>
  );
}

function StartTranslation({ article, to, started }: { article: ArticleSummary; to: Lang; started: () => void }) {
  const { t, langName } = useTranslationText();
  const from = otherLang(to);
  const [mode, setMode] = useState<'empty' | 'copy'>('empty');
  const { busy, error, run } = useAction();
  if (!article.versions.some((v) => v.lang === from)) return <Notice kind="error">{t('tr.start.noSource', { lang: langName(from) })}</Notice>;
  const submit = run(async () => {
    await translationApi.start(article.id, { from, to, mode });
    started();
  });
  return (
    <form className="stack tr-start" onSubmit={submit}>
      <h2>{t('tr.start.title', { lang: langName(to) })}</h2>
      <p>{t('tr.start.intro', { lang: langName(from) })}</p>
      <fieldset className="tr-modes">
        {(['empty', 'copy'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(m === 'empty' ? 'tr.start.empty' : 'tr.start.copy')}
          </label>
        ))}
      </fieldset>
      <div>
        <button className="primary" type="submit" disabled={busy}>
          {t('tr.start.submit')}
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}
