import { useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from '../components/errors';
import { explainError } from '../components/explainError';
import { Loading, Notice } from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { PICTURE_STATES, type Picture, type PictureState } from '../../../shared/pictures/picture';
import { frameWidthPt } from '../../../shared/pictures/limits';
import type { Recipe } from '../../../shared/pictures/recipe';
import { picturesApi, renditionUrl } from './api';
import { usePicturesText } from './messages';
import { RecipeCanvas, type Tool } from './RecipeCanvas';
import { RecipeControls } from './RecipeControls';
import { PictureTasks } from './PictureTasks';
import { DeletePicture } from './DeletePicture';
import './pictures.css';

/**
 * Formatting one picture: the live preview with crop and blur, the recipe's
 * settings, undo and redo (each saved change is a step in the server's
 * history), captions and credits in both languages, and the print rendition.
 */
export default function PictureEditorPage({ id }: { id: string }) {
  const { t } = usePicturesText();
  const { t: appT } = useI18n();
  const [picture, setPicture] = useState<Picture | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [tool, setTool] = useState<Tool>('crop');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Saves go out one after another in the order made, so the last change wins.
  const queue = useRef(Promise.resolve());

  useEffect(() => {
    picturesApi.get(id).then(setPicture, setLoadError);
  }, [id]);

  if (loadError) return <main><ErrorNotice error={loadError} /></main>;
  if (!picture) return <main><Loading /></main>;

  const apply = (step: () => Promise<Picture>) => {
    setSaving(true);
    setError(null);
    queue.current = queue.current
      .then(step)
      .then(setPicture, (err: unknown) => setError(explainError(err, appT)))
      .finally(() => setSaving(false));
  };
  const changeRecipe = (recipe: Recipe) => {
    setPicture({ ...picture, recipe }); // show it at once; the server's answer follows
    apply(() => picturesApi.saveRecipe(picture.id, recipe));
  };

  return (
    <main className="picture-editor">
      <Link href={picture.editionId ? `/pictures?edition=${picture.editionId}` : '/pictures'} className="back">
        {t('p.editor.back')}
      </Link>
      <h1>{t('p.editor.title')}</h1>
      <div className="actions picture-editor-bar">
        <button type="button" disabled={!picture.canUndo || saving} onClick={() => apply(() => picturesApi.undo(picture.id))}>
          {t('p.editor.undo')}
        </button>
        <button type="button" disabled={!picture.canRedo || saving} onClick={() => apply(() => picturesApi.redo(picture.id))}>
          {t('p.editor.redo')}
        </button>
        <span className="muted" role="status">
          {saving ? t('p.editor.saving') : t('p.editor.saved')}
        </span>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="picture-editor-body">
        <RecipeCanvas
          src={`/api/pictures/${picture.id}/original`}
          original={picture}
          recipe={picture.recipe}
          tool={tool}
          onChange={changeRecipe}
        />
        <RecipeControls recipe={picture.recipe} original={picture} tool={tool} onTool={setTool} onChange={changeRecipe} />
      </div>
      <PictureTasks pictureId={picture.id} editionId={picture.editionId} />
      <PictureTexts key={picture.id} picture={picture} onSaved={setPicture} />
      <PrintPreview picture={picture} saving={saving} />
      <DeletePicture picture={picture} />
    </main>
  );
}

function PictureTexts({ picture, onSaved }: { picture: Picture; onSaved: (p: Picture) => void }) {
  const { t } = usePicturesText();
  const { t: appT } = useI18n();
  const ids = { capEn: useId(), capEs: useId(), credEn: useId(), credEs: useId(), consent: useId(), state: useId() };
  const [captions, setCaptions] = useState(picture.captions);
  const [credits, setCredits] = useState(picture.credits);
  const [consentNote, setConsentNote] = useState(picture.consentNote);
  const [state, setState] = useState<PictureState>(picture.state);
  const [status, setStatus] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  useEffect(() => setState(picture.state), [picture.state]);

  const save = async () => {
    setStatus(null);
    try {
      onSaved(await picturesApi.patch(picture.id, { captions, credits, consentNote, state }));
      setStatus({ kind: 'info', text: t('p.texts.saved') });
    } catch (err) {
      setStatus({ kind: 'error', text: explainError(err, appT) });
    }
  };

  return (
    <section className="picture-texts">
      <h2>{t('p.texts.title')}</h2>
      <div className="picture-texts-grid">
        <div className="field">
          <label className="field-label" htmlFor={ids.capEn}>{t('p.texts.captionEn')}</label>
          <textarea id={ids.capEn} lang="en" rows={3} value={captions.en} onChange={(e) => setCaptions({ ...captions, en: e.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.capEs}>{t('p.texts.captionEs')}</label>
          <textarea id={ids.capEs} lang="es" rows={3} value={captions.es} onChange={(e) => setCaptions({ ...captions, es: e.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.credEn}>{t('p.texts.creditEn')}</label>
          <input id={ids.credEn} lang="en" value={credits.en} onChange={(e) => setCredits({ ...credits, en: e.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.credEs}>{t('p.texts.creditEs')}</label>
          <input id={ids.credEs} lang="es" value={credits.es} onChange={(e) => setCredits({ ...credits, es: e.target.value })} />
        </div>
      </div>
      <p className="field-hint">{t('p.texts.creditHint')}</p>
      <div className="field">
        <label className="field-label" htmlFor={ids.consent}>{t('p.texts.consent')}</label>
        <textarea id={ids.consent} rows={2} value={consentNote} onChange={(e) => setConsentNote(e.target.value)} aria-describedby={`${ids.consent}-hint`} />
        <span id={`${ids.consent}-hint`} className="field-hint">{t('p.texts.consentHint')}</span>
      </div>
      <div className="field picture-state-field">
        <label className="field-label" htmlFor={ids.state}>{t('p.texts.state')}</label>
        <select id={ids.state} value={state} onChange={(e) => setState(e.target.value as PictureState)}>
          {PICTURE_STATES.map((s) => (
            <option key={s} value={s}>{t(`p.state.${s}`)}</option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>{t('p.texts.save')}</button>
      </div>
      {status && <Notice kind={status.kind}>{status.text}</Notice>}
    </section>
  );
}

function PrintPreview({ picture, saving }: { picture: Picture; saving: boolean }) {
  const { t } = usePicturesText();
  const [shown, setShown] = useState(false);
  const [color, setColor] = useState(false);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const pt = (px: number) => Math.round((px * 72 * 10) / 300) / 10;
  const widthPt = frameWidthPt(picture.recipe.frame.columns);
  return (
    <section className="picture-print">
      <h2>{t('p.print.title')}</h2>
      <div className="actions">
        <button type="button" onClick={() => setShown(true)} disabled={shown}>{t('p.print.show')}</button>
        <label className="check">
          <input type="checkbox" checked={!color} onChange={(e) => setColor(!e.target.checked)} />
          {t('p.print.ink')}
        </label>
      </div>
      {shown && !saving && (
        <figure>
          <img
            src={renditionUrl(picture, 'print', color ? 'ink=color' : '')}
            alt={t('p.print.alt')}
            data-testid="print-rendition"
            onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          />
          {size && (
            <figcaption data-testid="print-size" data-frame-width-pt={widthPt}>
              {t('p.print.size', { width: size.width, height: size.height, wpt: pt(size.width), hpt: pt(size.height) })}
            </figcaption>
          )}
        </figure>
      )}
    </section>
  );
}
