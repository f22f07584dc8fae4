import { useState } from 'react';
import { ApiError } from '../api';
import { explainError } from '../components/explainError';
import { Notice } from '../components/ui';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import type { Picture } from '../../../shared/pictures/picture';
import { picturesApi, type PicturePlacement } from './api';
import { usePicturesText, type PicturesText } from './messages';

/**
 * Deleting a picture, in two steps: the first button only asks, the second
 * deletes. The question is part of the page (not window.confirm) so it reads
 * the same on a phone and can be answered by keyboard. While a layout frame
 * places the picture the server refuses; the refusal names the pages and the
 * picture stays as it was.
 */
export function DeletePicture({ picture }: { picture: Picture }) {
  const { t } = usePicturesText();
  const { t: appT } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await picturesApi.remove(picture.id);
      // Replace, so Back does not lead to the picture that no longer exists.
      navigate(picture.editionId ? `/pictures?edition=${encodeURIComponent(picture.editionId)}` : '/pictures', { replace: true });
    } catch (err) {
      setRefusal(await explainRefusal(err, picture.id, t, (e) => explainError(e, appT)));
      setAsking(false);
      setBusy(false);
    }
  };

  return (
    <section className="picture-delete" aria-labelledby={`picture-delete-${picture.id}`}>
      <h2 id={`picture-delete-${picture.id}`}>{t('p.delete.title')}</h2>
      {asking ? (
        <div className="picture-delete-ask" role="group" aria-label={t('p.delete.start')}>
          <p>{t('p.delete.ask')}</p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              {busy ? t('p.delete.deleting') : t('p.delete.confirm')}
            </button>
            {/* Focus lands on the safe answer first. */}
            <button type="button" disabled={busy} onClick={() => setAsking(false)} autoFocus>
              {t('p.delete.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              setRefusal(null);
              setAsking(true);
            }}
          >
            {t('p.delete.start')}
          </button>
        </div>
      )}
      {refusal && <Notice kind="error">{refusal}</Notice>}
    </section>
  );
}

/**
 * A 409 means a layout places the picture: the pages are asked for and worded
 * in the reader's language. Anything else (or a failed look-up) keeps the
 * app's usual explanation, which carries the server's own message.
 */
async function explainRefusal(
  err: unknown,
  pictureId: string,
  t: PicturesText,
  explain: (err: unknown) => string,
): Promise<string> {
  if (err instanceof ApiError && err.status === 409) {
    const placements = await picturesApi.placements(pictureId).catch((): PicturePlacement[] => []);
    if (placements.length > 0) {
      const where = placements
        .map((p) => t('p.delete.placement', { page: p.page, layout: t(`p.delete.layout.${p.lang}`), number: p.editionNumber ?? '?' }))
        .join('; ');
      return t('p.delete.placed', { where });
    }
  }
  return t('p.delete.refused', { reason: explain(err) });
}
