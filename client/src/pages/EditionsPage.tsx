import { useState } from 'react';
import { LIMITS } from '../../../shared/limits';
import { api, type Edition } from '../api';
import { ErrorNotice } from '../components/errors';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';

export function EditionsPage() {
  const { t } = useI18n();
  const [archived, setArchived] = useState(false);
  const editions = useLoad(() => api.editions(archived), String(archived));

  return (
    <main>
      <h1>{t('editions.title')}</h1>
      <label className="check">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
        {t('editions.showArchived')}
      </label>
      {editions.status === 'loading' && <Loading />}
      {editions.status === 'error' && <ErrorNotice error={editions.error} />}
      {editions.status === 'ready' && <EditionList editions={editions.value} />}
      <CreateEdition next={nextNumber(editions.status === 'ready' ? editions.value : [])} />
    </main>
  );
}

function nextNumber(editions: Edition[]): number {
  return editions.reduce((max, e) => Math.max(max, e.number), 0) + 1;
}

function EditionList({ editions }: { editions: Edition[] }) {
  const { t } = useI18n();
  if (editions.length === 0) return <p className="muted">{t('editions.empty')}</p>;
  const sorted = [...editions].sort((a, b) => b.number - a.number);
  return (
    <ul className="cards">
      {sorted.map((edition) => (
        <li key={edition.id} className="card">
          <Link href={`/editions/${edition.id}`} className="card-title">
            {t('editions.issueN', { number: edition.number })}: {edition.title}
          </Link>
          <span className="muted">
            {[edition.date, t(`status.${edition.status}`), edition.archivedAt ? t('editions.archived') : null]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}

function CreateEdition({ next }: { next: number }) {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const { busy, error, run } = useAction();
  const submit = run(async () => {
    const edition = await api.createEdition({
      number: Number(number || next),
      title: title.trim(),
      ...(date ? { date } : {}),
    });
    navigate(`/editions/${edition.id}`);
  });
  return (
    <section>
      <h2>{t('editions.create')}</h2>
      <form className="row-form" onSubmit={submit}>
        <Field label={t('editions.number')}>
          {(p) => (
            <input {...p} type="number" min={1} inputMode="numeric" placeholder={String(next)} value={number} onChange={(e) => setNumber(e.target.value)} />
          )}
        </Field>
        <Field label={t('editions.name')}>
          {(p) => <input {...p} required maxLength={LIMITS.titleChars} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('editions.date')}>
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <button className="primary" type="submit" disabled={busy}>
          {t('editions.create')}
        </button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}
