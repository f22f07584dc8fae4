import type { ArticleSummary } from '../api';
import type { DeskActions, Furniture } from './deskActions';
import type { DeskPicture } from './FrameTools';
import { useLayoutText } from './messages';

/**
 * What can go on the page on show: the stories not placed yet, the
 * edition's pictures, and captions, pull quotes, boxes and rules.
 */
export function Pool({ unplaced, pictures, pictureUrl, pageNo, actions, onPlaced }: { unplaced: ArticleSummary[]; pictures: DeskPicture[]; pictureUrl: (id: string) => string; pageNo: number; actions: DeskActions; onPlaced: (frameId: string) => void }) {
  const { t, lang } = useLayoutText();
  const furniture: { kind: Furniture; label: string }[] = [
    { kind: 'caption', label: t('l.add.caption') },
    { kind: 'pullquote', label: t('l.add.pullquote') },
    { kind: 'box', label: t('l.add.box') },
    { kind: 'rule', label: t('l.add.rule') },
  ];
  return (
    <>
      <section aria-label={t('l.add', { n: pageNo })}>
        <h2>{t('l.add', { n: pageNo })}</h2>
        <div className="tool-row">
          {furniture.map((f) => (
            <button
              key={f.kind}
              type="button"
              data-testid={`add-${f.kind}`}
              onClick={() => {
                const id = actions.placeFurniture(f.kind);
                if (id) onPlaced(id);
              }}
            >
              {f.label}
            </button>
          ))}
        </div>
      </section>
      <section aria-label={t('l.unplaced')}>
        <h2>{t('l.unplaced')}</h2>
        {unplaced.length === 0 && <p>{t('l.noUnplaced')}</p>}
        <ul>
          {unplaced.map((a) => (
            <li key={a.id} data-testid="unplaced" data-article={a.id}>
              {a.title} <button type="button" onClick={() => actions.placeArticle(a.id)}>{t('l.place', { n: pageNo })}</button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t('l.pictures')}>
        <h2>{t('l.pictures')}</h2>
        <ul>
          {pictures.map((p) => (
            <li key={p.id} data-testid="picture" data-picture={p.id}>
              <img src={pictureUrl(p.id)} alt={p.captions[lang] || p.id} width={60} />
              <button type="button" onClick={() => actions.placePicture(p.id)}>{t('l.placePicture', { n: pageNo })}</button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
