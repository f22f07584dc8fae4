import { useState } from 'react';
import { LIMITS } from '../../../shared/limits';
import { api, type ArticleSummary, type Edition } from '../api';
import { RenameForm } from '../components/RenameForm';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { BoardLink } from '../work/routes';
import { LayoutDeskLink } from '../layout/routes';
import type { TranslationStatus } from '../translation/api';
import { TranslationLinks, useTranslationProgress } from '../translation/ProgressBadge';

export function EditionPage({ id }: { id: string }) {
  const { t } = useI18n();
  const edition = useLoad(() => api.edition(id), id);
  if (edition.status === 'loading') return <Loading />;
  if (edition.status === 'error') {
    return (
      <main>
        <Notice kind="error">{t('edition.notFound')}</Notice>
        <Link href="/">{t('edition.back')}</Link>
      </main>
    );
  }
  return <EditionView edition={edition.value} reload={edition.reload} />;
}

function EditionView({ edition, reload }: { edition: Edition; reload: () => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const articles = (edition.articles ?? []).filter((a) => !a.archivedAt);
  const translationProgress = useTranslationProgress(articles.map((a) => a.id));
  const toggleArchive = run(async () => {
    await api.updateEdition(edition.id, { archived: !edition.archivedAt });
    if (edition.archivedAt) reload();
    else navigate('/');
  });

  return (
    <main>
      <Link href="/" className="back">
        ← {t('edition.back')}
      </Link>
      <h1>
        {t('editions.issueN', { number: edition.number })}: {edition.title}
      </h1>
      <p className="muted">
        {[edition.date, t(`status.${edition.status}`), edition.archivedAt ? t('editions.archived') : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="actions">
        <BoardLink editionId={edition.id} />
        <LayoutDeskLink editionId={edition.id} />
        <RenameForm
          current={edition.title}
          buttonLabel={t('edition.rename')}
          fieldLabel={t('edition.renameLabel')}
          onSave={async (title) => {
            await api.updateEdition(edition.id, { title });
            reload();
          }}
        />
        <button type="button" className="quiet" disabled={busy} onClick={() => void toggleArchive()}>
          {edition.archivedAt ? t('edition.unarchive') : t('edition.archive')}
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}

      <h2>{t('edition.articles')}</h2>
      {articles.length === 0 ? (
        <p className="muted">{t('edition.noArticles')}</p>
      ) : (
        <ul className="cards">
          {articles.map((article) => (
            <ArticleRow key={article.id} article={article} reload={reload} translation={translationProgress[article.id]} />
          ))}
        </ul>
      )}
      <CreateArticle edition={edition} created={reload} />
    </main>
  );
}

function ArticleRow({
  article,
  reload,
  translation,
}: {
  article: ArticleSummary;
  reload: () => void;
  translation?: TranslationStatus[];
}) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const archive = run(async () => {
    await api.updateArticle(article.id, { archived: true });
    reload();
  });
  return (
    <li className="card">
      <span className="card-title">{article.title}</span>
      {article.section && <span className="muted">{article.section}</span>}
      <span className="langs">
        {article.versions.map((v) => (
          <Link
            key={v.lang}
            className="lang-link"
            href={`/articles/${article.id}/${v.lang}`}
            aria-label={t('article.open', { lang: t(`lang.${v.lang}`), title: article.title })}
          >
            {v.lang.toUpperCase()}
          </Link>
        ))}
      </span>
      <TranslationLinks article={article} statuses={translation} />
      <span className="actions">
        <RenameForm
          current={article.title}
          buttonLabel={t('article.rename')}
          buttonName={t('article.renameButton', { title: article.title })}
          fieldLabel={t('article.renameLabel', { title: article.title })}
          onSave={async (title) => {
            await api.updateArticle(article.id, { title });
            reload();
          }}
        />
        <button
          type="button"
          className="quiet"
          disabled={busy}
          aria-label={t('article.archiveLabel', { title: article.title })}
          onClick={() => void archive()}
        >
          {t('article.archive')}
        </button>
      </span>
      {error && <Notice kind="error">{error}</Notice>}
    </li>
  );
}

function CreateArticle({ edition, created }: { edition: Edition; created: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const { busy, error, run } = useAction();
  const submit = run(async () => {
    const submitted = title;
    await api.createArticle({
      title: submitted.trim(),
      editionId: edition.id,
      ...(edition.languages?.length ? { languages: edition.languages } : {}),
    });
    // Keep whatever was typed meanwhile for the next article.
    setTitle((current) => (current === submitted ? '' : current));
    created();
  });
  return (
    <form className="row-form" onSubmit={submit}>
      <Field label={t('edition.newArticle')}>
        {(p) => <input {...p} required maxLength={LIMITS.titleChars} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <button className="primary" type="submit" disabled={busy}>
        {t('edition.createArticle')}
      </button>
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}
