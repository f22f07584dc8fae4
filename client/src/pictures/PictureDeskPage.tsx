import { useId, useState } from 'react';
import { api } from '../api';
import { ErrorNotice } from '../components/errors';
import { Loading } from '../components/ui';
import { useLoad } from '../components/useLoad';
import { Link } from '../router';
import type { Picture } from '../../../shared/pictures/picture';
import { picturesApi, renditionUrl } from './api';
import { usePicturesText } from './messages';
import { Uploader } from './Uploader';
import './pictures.css';

/**
 * The picture desk: the pictures of an issue (or all of them) with their
 * state, and the place to drop new ones. The issue shown comes from ?edition=.
 */
export default function PictureDeskPage() {
  const { t, lang } = usePicturesText();
  const [editionId, setEditionId] = useState(() => new URLSearchParams(location.search).get('edition') ?? undefined);
  const chooseEdition = (id: string) => {
    setEditionId(id || undefined);
    // The address keeps the choice (for reload and links) without a new history entry.
    history.replaceState(null, '', id ? `/pictures?edition=${encodeURIComponent(id)}` : '/pictures');
  };
  const selectId = useId();
  const editions = useLoad(() => api.editions(), 'editions');
  const pictures = useLoad(() => picturesApi.list({ editionId }), `pictures:${editionId ?? ''}`);

  return (
    <main className="picture-desk">
      <h1>{t('p.desk.title')}</h1>
      <div className="field picture-desk-edition">
        <label className="field-label" htmlFor={selectId}>
          {t('p.desk.edition')}
        </label>
        <select
          id={selectId}
          value={editionId ?? ''}
          onChange={(event) => chooseEdition(event.target.value)}
        >
          <option value="">{t('p.desk.allEditions')}</option>
          {editions.status === 'ready' &&
            editions.value.map((e) => (
              <option key={e.id} value={e.id}>
                {e.number} · {e.title}
              </option>
            ))}
        </select>
      </div>

      <Uploader editionId={editionId} onUploaded={() => pictures.reload()} />

      {pictures.status === 'loading' && <Loading />}
      {pictures.status === 'error' && <ErrorNotice error={pictures.error} />}
      {pictures.status === 'ready' &&
        (pictures.value.length === 0 ? (
          <p className="muted">{t('p.desk.empty')}</p>
        ) : (
          <ul className="picture-grid">
            {pictures.value.map((p) => (
              <PictureCard key={p.id} picture={p} lang={lang} />
            ))}
          </ul>
        ))}
    </main>
  );
}

export function PictureCard({ picture, lang }: { picture: Picture; lang: 'en' | 'es' }) {
  const { t } = usePicturesText();
  const caption = picture.captions[lang] || picture.captions[lang === 'en' ? 'es' : 'en'];
  const name = caption || t('p.desk.noCaption');
  return (
    <li className="picture-card" data-picture-id={picture.id}>
      <Link href={`/pictures/${picture.id}`} aria-label={t('p.desk.open', { name })}>
        <img src={renditionUrl(picture, 'thumb')} alt="" width={160} height={160} loading="lazy" />
      </Link>
      <span className={`picture-state picture-state-${picture.state}`}>{t(`p.state.${picture.state}`)}</span>
      <span className={caption ? 'picture-caption' : 'picture-caption muted'}>{name}</span>
    </li>
  );
}
