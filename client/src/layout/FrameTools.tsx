import { useState } from 'react';
import type { Lang } from '../../../shared/languages';
import { CENTRED, MAX_ZOOM } from '../../../shared/layout/crop';
import type { LayoutData, LayoutFrame, StoryFrame } from '../../../shared/layout/types';
import type { DeskActions } from './deskActions';
import { LiveTextArea, NumberField } from './fields';
import { useLayoutText, type LayoutKey } from './messages';

export interface DeskPicture {
  id: string;
  captions: { en: string; es: string };
}

interface Props {
  frame: LayoutFrame;
  layouts: Map<Lang, LayoutData>;
  pageNo: number;
  pictures: DeskPicture[];
  actions: DeskActions;
  cropping: boolean;
  onCropping: (on: boolean) => void;
  /** After the frame moved to page `n` (1-based), to follow it there. */
  onMovedTo: (n: number) => void;
  onRemoved: () => void;
}

const KIND_KEYS: Record<LayoutFrame['kind'], LayoutKey> = {
  story: 'l.kind.story', text: 'l.kind.text', picture: 'l.kind.picture', caption: 'l.kind.caption', pullquote: 'l.kind.pullquote', box: 'l.kind.box', rule: 'l.kind.rule',
};

/** The selected frame's tools: size, page, its text in each language, a story's opening, a picture's crop. */
export function FrameTools({ frame, layouts, pageNo, pictures, actions, cropping, onCropping, onMovedTo, onRemoved }: Props) {
  const { t } = useLayoutText();
  const first = layouts.values().next().value as LayoutData;
  const rowPt = first.template.rowPt;
  const langName = (l: Lang) => t(l === 'es' ? 'l.lang.es' : 'l.lang.en');
  const nudge = (change: Partial<{ span: number; h: number }>) => actions.move(frame.id, { col: frame.col, span: change.span ?? frame.span, y: frame.y, h: change.h ?? frame.h });
  const otherPages = first.pages.map((p, i) => ({ id: p.id, n: i + 1 })).filter((p) => p.n !== pageNo);
  const [target, setTarget] = useState(otherPages[0]?.id ?? '');
  const moveTo = () => {
    const page = otherPages.find((p) => p.id === target) ?? otherPages[0];
    if (page && actions.moveToPage(frame.id, page.id)) onMovedTo(page.n);
  };
  // The frame as each language's layout has it (texts differ, geometry is the same).
  const perLang = [...layouts].flatMap(([l, data]) => {
    const f = data.frames.find((x) => x.id === frame.id);
    return f ? [{ lang: l, frame: f }] : [];
  });
  const crop = frame.kind === 'picture' ? frame.crop : frame.kind === 'story' ? frame.picture?.crop : undefined;
  const croppable = frame.kind === 'picture' || (frame.kind === 'story' && frame.picture !== null);

  return (
    <section aria-label={t('l.frame.selected')} className="frame-tools" data-frame={frame.id}>
      <h2>
        {t('l.frame.selected')}: {t(KIND_KEYS[frame.kind])}
      </h2>
      <div className="tool-row">
        <button type="button" onClick={() => nudge({ span: frame.span + 1 })}>{t('l.frame.wider')}</button>
        <button type="button" onClick={() => nudge({ span: frame.span - 1 })}>{t('l.frame.narrower')}</button>
        <button type="button" onClick={() => nudge({ h: frame.h + 5 * rowPt })}>{t('l.frame.taller')}</button>
        <button type="button" onClick={() => nudge({ h: frame.h - 5 * rowPt })}>{t('l.frame.shorter')}</button>
      </div>
      {otherPages.length > 0 && (
        <div className="tool-row">
          <label>
            {t('l.frame.moveTo')}{' '}
            <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="move-to-page">
              {otherPages.map((p) => (
                <option key={p.id} value={p.id}>{p.n}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={moveTo}>{t('l.frame.move')}</button>
        </div>
      )}
      {(frame.kind === 'caption' || frame.kind === 'pullquote') && (
        <div className="per-lang">
          {perLang.map(({ lang, frame: f }) => (
            <LiveTextArea key={lang} lang={lang} label={t('l.frame.text', { kind: t(KIND_KEYS[frame.kind]), lang: langName(lang) })} value={'text' in f ? f.text : ''} onChange={(text) => actions.setText(lang, frame.id, text)} testId={`frame-text-${lang}`} />
          ))}
        </div>
      )}
      {frame.kind === 'story' && <StoryOpening frame={frame} perLang={perLang} pictures={pictures} actions={actions} langName={langName} />}
      {(frame.kind === 'story' || frame.kind === 'text') && (
        <button type="button" onClick={() => actions.continueOnNextPage(frame)}>{t('l.frame.continue')}</button>
      )}
      {croppable && (
        <fieldset className="crop-tools">
          <legend>{t('l.crop')}</legend>
          <label>
            <input type="checkbox" checked={cropping} onChange={(e) => onCropping(e.target.checked)} data-testid="crop-mode" /> {t('l.crop.mode')}
          </label>
          <NumberField label={t('l.crop.x')} value={crop?.x ?? CENTRED.x} step={0.05} min={0} max={1} onCommit={(x) => actions.setCrop(frame.id, { ...CENTRED, ...crop, x })} testId="crop-x" />
          <NumberField label={t('l.crop.y')} value={crop?.y ?? CENTRED.y} step={0.05} min={0} max={1} onCommit={(y) => actions.setCrop(frame.id, { ...CENTRED, ...crop, y })} testId="crop-y" />
          <NumberField label={t('l.crop.zoom')} value={crop?.zoom ?? CENTRED.zoom} step={0.1} min={1} max={MAX_ZOOM} onCommit={(zoom) => actions.setCrop(frame.id, { ...CENTRED, ...crop, zoom })} testId="crop-zoom" />
          <button type="button" onClick={() => actions.setCrop(frame.id, null)}>{t('l.crop.reset')}</button>
        </fieldset>
      )}
      <button
        type="button"
        onClick={() => {
          actions.remove(frame.id);
          onRemoved();
        }}
      >
        {t('l.frame.remove')}
      </button>
    </section>
  );
}

function StoryOpening({ frame, perLang, pictures, actions, langName }: { frame: StoryFrame; perLang: { lang: Lang; frame: LayoutFrame }[]; pictures: DeskPicture[]; actions: DeskActions; langName: (l: Lang) => string }) {
  const { t } = useLayoutText();
  return (
    <fieldset className="story-opening">
      <legend>{t('l.kind.story')}</legend>
      <NumberField label={t('l.frame.headline')} value={frame.headlineSizePt} step={1} onCommit={(v) => actions.setStory(frame.id, { headlineSizePt: v })} testId="headline-size" />
      <NumberField label={t('l.frame.columns')} value={frame.columns} step={1} min={1} max={frame.span} onCommit={(v) => actions.setStory(frame.id, { columns: v })} testId="story-columns" />
      <label>
        <input type="checkbox" checked={frame.ruleTop} onChange={(e) => actions.setStory(frame.id, { ruleTop: e.target.checked })} /> {t('l.frame.ruleTop')}
      </label>
      <label>
        {t('l.frame.picture')}{' '}
        <select value={frame.picture?.pictureId ?? ''} data-testid="story-picture" onChange={(e) => actions.setStoryPicture(frame.id, e.target.value ? { pictureId: e.target.value, heightPt: frame.picture?.heightPt ?? Math.round(frame.h / 3) } : null)}>
          <option value="">{t('l.frame.noPicture')}</option>
          {pictures.map((p) => (
            <option key={p.id} value={p.id}>{p.captions.en || p.captions.es || p.id}</option>
          ))}
        </select>
      </label>
      {frame.picture && (
        <>
          <NumberField label={t('l.frame.pictureHeight')} value={frame.picture.heightPt} step={12} onCommit={(v) => actions.setStoryPicture(frame.id, { pictureId: frame.picture!.pictureId, heightPt: v })} />
          <div className="per-lang">
            {perLang.map(({ lang, frame: f }) => (
              <LiveTextArea key={lang} lang={lang} label={t('l.frame.caption', { lang: langName(lang) })} value={f.kind === 'story' ? (f.picture?.caption ?? '') : ''} onChange={(text) => actions.setStoryCaption(lang, frame.id, text)} testId={`story-caption-${lang}`} />
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
