import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Lang } from '../../../shared/languages';
import type { FontSet } from '../../../shared/typeset/index';
import { CENTRED, dragCrop } from '../../../shared/layout/crop';
import { LayoutSetter, type LayoutSetting } from '../../../shared/layout/setting';
import type { LayoutData, LayoutIssue } from '../../../shared/layout/types';
import { api, type ArticleSummary, type Edition } from '../api';
import { useMember } from '../session';
import { CopyfitPanel } from './CopyfitPanel';
import { DeskActions } from './deskActions';
import { templateFonts } from './fonts';
import { FrameTools, type DeskPicture } from './FrameTools';
import { LayoutTasks } from './LayoutTasks';
import { useLayoutText } from './messages';
import { PagesPanel, PageThumbs } from './PagesPanel';
import { PageView } from './PageView';
import { Pool } from './Pool';
import { RenderPanel } from './RenderPanel';
import { DeskSession } from './session';
import { usePictureAspects } from './usePictureAspects';
import './layout.css';

const thumbUrl = (id: string) => `/api/pictures/${id}/renditions/thumb`;
/** The whole picture (the picture desk's crop at its own proportions): what a desk crop places. */
export const wholePictureUrl = (id: string) => `/api/pictures/${id}/renditions/web?width=960&format=jpeg`;
const pictureUrl = (id: string, cropped: boolean) => (cropped ? wholePictureUrl(id) : thumbUrl(id));

export default function LayoutDeskPage({ editionId }: { editionId: string }) {
  const { t } = useLayoutText();
  const [edition, setEdition] = useState<(Edition & { articles?: ArticleSummary[] }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.edition(editionId).then(setEdition, (e: Error) => setError(e.message));
  }, [editionId]);
  if (error) return <p role="alert">{error}</p>;
  if (!edition) return <p>{t('l.loading')}</p>;
  return <Desk edition={edition} />;
}

function Desk({ edition }: { edition: Edition & { articles?: ArticleSummary[] } }) {
  const { t, lang: uiLang } = useLayoutText();
  const me = useMember();
  const langs = edition.languages;
  const session = useMemo(() => new DeskSession(edition.id, langs, { id: me.id, name: me.displayName }), [edition.id, langs, me.id, me.displayName]);
  useEffect(() => () => session.destroy(), [session]);
  useSyncExternalStore(session.subscribe, session.getVersion);
  const setters = useRef(new Map<Lang, LayoutSetter>());
  const [fonts, setFonts] = useState<FontSet | null>(null);
  const [pageNo, setPageNo] = useState(1);
  const [selected, setSelected] = useState<{ lang: Lang; id: string } | null>(null);
  const [cropping, setCropping] = useState<string | null>(null);
  const [notice, setNotice] = useState<LayoutIssue | null>(null);
  const [pictures, setPictures] = useState<DeskPicture[]>([]);

  const layouts = new Map<Lang, LayoutData>();
  for (const l of langs) {
    const data = session.layout(l);
    if (data) layouts.set(l, data);
  }
  const first = layouts.values().next().value as LayoutData | undefined;
  useEffect(() => {
    if (first && !fonts) templateFonts(first.template).then(setFonts, (e: Error) => setNotice({ level: 'error', message: { en: e.message, es: e.message } }));
  }, [first, fonts]);
  useEffect(() => {
    fetch(`/api/pictures?editionId=${edition.id}`).then((r) => (r.ok ? r.json() : { pictures: [] })).then((b: { pictures: DeskPicture[] }) => setPictures(b.pictures ?? []), () => undefined);
  }, [edition.id]);
  const aspect = usePictureAspects(first?.frames ?? [], wholePictureUrl);

  const settings = new Map<Lang, LayoutSetting>();
  if (fonts) {
    for (const [l, data] of layouts) {
      const setter = setters.current.get(l) ?? new LayoutSetter();
      setters.current.set(l, setter);
      settings.set(l, setter.set({ layout: data, copies: session.copies(data), fonts }));
    }
  }
  // A page removed by someone else: show the last page there is.
  const pageCount = first?.pages.length ?? 0;
  useEffect(() => {
    if (pageCount > 0 && pageNo > pageCount) setPageNo(pageCount);
  }, [pageCount, pageNo]);
  // The edition's page count follows its layout: the work board offers a task for every page, and a
  // layout made later in another language starts with them all. Every open desk writes the same number.
  const storedPageCount = useRef(edition.pageCount);
  useEffect(() => {
    if (pageCount < 1 || pageCount === storedPageCount.current) return;
    storedPageCount.current = pageCount;
    api.updateEdition(edition.id, { pageCount }).catch((e: Error) => setNotice({ level: 'warning', message: { en: e.message, es: e.message } }));
  }, [edition.id, pageCount]);

  const others = session.others();
  const titles = new Map((edition.articles ?? []).map((a) => [a.id, a.title]));
  const langName = (l: Lang) => t(l === 'es' ? 'l.lang.es' : 'l.lang.en');
  const actions = new DeskActions(session, layouts, pageNo, setNotice);

  const create = async (lang: Lang, copyFrom?: Lang) => {
    const res = await fetch(`/api/editions/${edition.id}/layouts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ lang, place: !copyFrom, copyFrom }) });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      setNotice({ level: 'error', message: { en: body.error ?? res.statusText, es: body.error ?? res.statusText } });
    }
  };
  const select = (lang: Lang, id: string | null) => {
    setSelected(id ? { lang, id } : null);
    if (id !== cropping) setCropping(null);
    session.select(lang, id);
  };
  const goToPage = (n: number) => {
    setPageNo(n);
    setCropping(null);
  };
  const movedTo = (n: number) => {
    goToPage(n);
    setNotice({ level: 'warning', message: { en: `The frame is now on page ${n}.`, es: `El marco está ahora en la página ${n}.` } });
  };
  const dropOnPage = (frameId: string, pageId: string) => {
    const n = (first?.pages.findIndex((p) => p.id === pageId) ?? -1) + 1;
    if (n > 0 && n !== pageNo && actions.moveToPage(frameId, pageId)) movedTo(n);
  };
  /** A drag inside a frame in crop mode: the picture follows the pointer. */
  const cropDrag = (lang: Lang) => (frameId: string, dx: number, dy: number) => {
    const frame = layouts.get(lang)?.frames.find((f) => f.id === frameId);
    const set = settings.get(lang)?.pages[pageNo - 1]?.frames.find((f) => f.frameId === frameId);
    const pictureId = frame?.kind === 'picture' ? frame.pictureId : frame?.kind === 'story' ? frame.picture?.pictureId : undefined;
    const ratio = pictureId ? aspect(pictureId) : null;
    if (!frame || !set?.picture || !ratio) return;
    actions.setCrop(frameId, dragCrop(ratio, set.picture, set.crop ?? CENTRED, dx, dy));
  };
  const pictureAspect = useCallback((id: string) => aspect(id), [aspect]);
  const selectedFrame = selected ? layouts.get(selected.lang)?.frames.find((f) => f.id === selected.id) : undefined;
  const placed = new Set(first ? first.frames.flatMap((f) => (f.kind === 'story' || f.kind === 'text' ? [f.articleId] : [])) : []);
  const unplaced = (edition.articles ?? []).filter((a) => !placed.has(a.id));
  const issues = [...settings.values()].flatMap((s) => s.issues);

  return (
    <div className="layout-desk">
      <header>
        <h1>{t('l.title', { edition: edition.title })}</h1>
        {others.length > 0 && <p className="others">{t('l.others', { names: others.map((o) => o.name).join(', ') })}</p>}
        {notice && <p role="status" className={`notice ${notice.level}`} data-testid="desk-notice">{notice.message[uiLang]}</p>}
      </header>
      {langs.map((l) =>
        layouts.has(l) || !session.synced(l) ? null : (
          <p key={l} className="no-layout">
            {t('l.none', { lang: langName(l) })}{' '}
            {[...layouts.keys()].length === 0 ? (
              <button type="button" onClick={() => create(l)}>{t('l.create', { lang: langName(l) })}</button>
            ) : (
              <button type="button" onClick={() => create(l, [...layouts.keys()][0])}>{t('l.copy', { from: langName([...layouts.keys()][0]!), lang: langName(l) })}</button>
            )}
          </p>
        ),
      )}
      {first && fonts && (
        <div className="desk-body">
          <PageThumbs layout={first} setting={settings.get(first.lang)!} fonts={fonts} pageNo={pageNo} onPage={goToPage} />
          <div className="spreads">
            {[...settings].map(([l, s]) => {
              const page = s.pages[pageNo - 1];
              const data = layouts.get(l)!;
              if (!page) return null;
              return (
                <figure key={l} className="page-column" data-lang={l}>
                  <figcaption>
                    {langName(l)} · {t('l.page', { n: pageNo })}
                    {cropping && selected?.lang === l ? ` · ${t('l.crop.modeOn')}` : ''}
                  </figcaption>
                  <PageView
                    page={page}
                    frames={data.frames.filter((f) => f.pageId === page.pageId)}
                    template={data.template}
                    fonts={fonts}
                    scale={0.5}
                    selected={selected?.lang === l ? selected.id : null}
                    others={others.filter((o) => o.selection?.lang === l)}
                    onSelect={(id) => select(l, id)}
                    onMove={(id, box) => actions.move(id, box)}
                    onDropOnPage={dropOnPage}
                    cropping={cropping}
                    onCrop={cropDrag(l)}
                    pictureUrl={pictureUrl}
                    pictureAspect={pictureAspect}
                  />
                </figure>
              );
            })}
          </div>
          <aside className="side">
            {selectedFrame && (
              <FrameTools
                key={`${selectedFrame.id}.${pageNo}`}
                frame={selectedFrame}
                layouts={layouts}
                pageNo={pageNo}
                pictures={pictures}
                actions={actions}
                cropping={cropping === selectedFrame.id}
                onCropping={(on) => setCropping(on ? selectedFrame.id : null)}
                onMovedTo={movedTo}
                onRemoved={() => select(selected!.lang, null)}
              />
            )}
            <Pool unplaced={unplaced} pictures={pictures} pictureUrl={thumbUrl} pageNo={pageNo} actions={actions} onPlaced={(id) => select(first.lang, id)} />
            <CopyfitPanel settings={settings} titles={titles} />
            <PagesPanel layout={first} pageNo={pageNo} titles={titles} actions={actions} onPage={goToPage} />
            <LayoutTasks editionId={edition.id} page={pageNo} />
            <RenderPanel editionId={edition.id} langs={[...layouts.keys()]} page={pageNo} />
            {issues.length > 0 && (
              <section aria-label={t('l.issues')}>
                <h2>{t('l.issues')}</h2>
                <ul className="issues">
                  {issues.map((i, k) => (
                    <li key={k} className={i.level}>{i.message[uiLang]}</li>
                  ))}
                </ul>
              </section>
            )}
            <p className="help">{t('l.frame.help')}</p>
          </aside>
        </div>
      )}
    </div>
  );
}
