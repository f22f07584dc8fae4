import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { picturesApi } from './api';
import { usePicturesText } from './messages';
import { PictureCard } from './PictureDeskPage';
import { Uploader } from './Uploader';
import './pictures.css';

/**
 * Pictures from inside an article: drop them here and they belong to the
 * article (and its issue); each opens in the picture editor.
 */
export default function ArticlePictures({ articleId, editionId }: { articleId: string; editionId?: string | null }) {
  const { t, lang } = usePicturesText();
  const pictures = useLoad(() => picturesApi.list({ articleId }), `article-pictures:${articleId}`);
  return (
    <section className="article-pictures">
      <h2>{t('p.article.title')}</h2>
      <Uploader articleId={articleId} editionId={editionId ?? undefined} onUploaded={() => pictures.reload()} />
      {pictures.status === 'error' && <ErrorNotice error={pictures.error} />}
      {pictures.status === 'ready' &&
        (pictures.value.length === 0 ? (
          <p className="muted">{t('p.article.none')}</p>
        ) : (
          <ul className="picture-grid">
            {pictures.value.map((p) => (
              <PictureCard key={p.id} picture={p} lang={lang} />
            ))}
          </ul>
        ))}
    </section>
  );
}
