import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Lang } from '../../../shared/languages';
import type { FontSet } from '../../../shared/typeset/index';
import { addFrame, moveFrame, removeFrame } from '../../../shared/layout/doc';
import { bodyArea } from '../../../shared/layout/grid';
import { LayoutSetter, type LayoutSetting } from '../../../shared/layout/setting';
import type { LayoutData, LayoutFrame, LayoutIssue } from '../../../shared/layout/types';
import { api, type ArticleSummary, type Edition } from '../api';
import { useMember } from '../session';
import { templateFonts } from './fonts';
import { useLayoutText, type LayoutKey } from './messages';
import { PageView } from './PageView';
import { RenderPanel } from './RenderPanel';
import { LayoutTasks } from './LayoutTasks';
import { DeskSession } from './session';
import './layout.css';

const pictureUrl = (id: string) => `/api/pictures/${id}/renditions/thumb`;

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
  const { t } = useLayoutText();
  const me = useMember();
  const langs = edition.languages;
  const session = useMemo(() => new DeskSession(edition.id, langs, { id: me.id, name: me.displayName }), [edition.id, langs, me.id, me.displayName]);
  useEffect(() => () => session.destroy(), [session]);
  useSyncExternalStore(session.subscribe, session.getVersion);
  const setters = useRef(new Map<Lang, LayoutSetter>());
  const [fonts, setFonts] = useState<FontSet | null>(null);
  const [pageNo, setPageNo] = useState(1);
  const [selected, setSelected] = useState<{ lang: Lang; id: string } | null>(null);
  const [notice, setNotice] = useState<LayoutIssue | null>(null);
  const [pictures, setPictures] = useState<{ id: string; captions: { en: string; es: string } }[]>([]);
  const { lang: uiLang } = useLayoutText();

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
    fetch(`/api/pictures?editionId=${edition.id}`).then((r) => (r.ok ? r.json() : { pictures: [] })).then((b: { pictures: typeof pictures }) => setPictures(b.pictures ?? []), () => undefined);
  }, [edition.id]);

  const settings = new Map<Lang, LayoutSetting>();
  if (fonts) {
    for (const [l, data] of layouts) {
      const setter = setters.current.get(l) ?? new LayoutSetter();
      setters.current.set(l, setter);
      settings.set(l, setter.set({ layout: data, copies: session.copies(data), fonts }));
    }
  }
  const others = session.others();
  const titles = new Map((edition.articles ?? []).map((a) => [a.id, a.title]));
  const langName = (l: Lang) => t(l === 'es' ? 'l.lang.es' : 'l.lang.en');

  const create = async (lang: Lang, copyFrom?: Lang) => {
    const res = await fetch(`/api/editions/${edition.id}/layouts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ lang, place: !copyFrom, copyFrom }) });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      setNotice({ level: 'error', message: { en: body.error ?? res.statusText, es: body.error ?? res.statusText } });
    }
  };
  const report = (r: { ok: boolean; issue: LayoutIssue | null } | { ok: false; issue: LayoutIssue }) => setNotice(r.issue ?? null);

  const freeSpot = (data: LayoutData, pageId: string, rows: number) => {
    const page = data.pages.find((p) => p.id === pageId)!;
    const area = bodyArea(data.template, page.kind);
    const bottom = Math.max(area.y, ...data.frames.filter((f) => f.pageId === pageId).map((f) => f.y + f.h + data.template.rowPt));
    const room = area.y + area.h - bottom;
    return room >= rows * data.template.rowPt ? { y: bottom, h: rows * data.template.rowPt } : { y: area.y, h: rows * data.template.rowPt };
  };
  const placeArticle = (articleId: string) => {
    for (const [l, data] of layouts) {
      const page = data.pages[pageNo - 1];
      if (!page) continue;
      const spot = freeSpot(data, page.id, 40);
      report(addFrame(session.doc(l), { kind: 'story', pageId: page.id, col: 0, span: 3, ...spot, articleId, columns: 3, headlineSizePt: 24, ruleTop: false, picture: null }, `a${articleId}`));
    }
  };
  const placePicture = (pictureId: string) => {
    for (const [l, data] of layouts) {
      const page = data.pages[pageNo - 1];
      if (!page) continue;
      const spot = freeSpot(data, page.id, 14);
      report(addFrame(session.doc(l), { kind: 'picture', pageId: page.id, col: 3, span: 2, ...spot, pictureId }, `i${pictureId}`));
    }
  };
  /** A frame moved on one language's page moves in every language: the frames are the same. */
  const move = (frameId: string, box: { col: number; span: number; y: number; h: number }) => {
    for (const l of layouts.keys()) {
      const r = moveFrame(session.doc(l), frameId, box);
      if (l === selected?.lang || !selected) report(r);
    }
  };
  const select = (lang: Lang, id: string | null) => {
    setSelected(id ? { lang, id } : null);
    session.select(lang, id);
  };
  /** Adds a text frame to the selected story's chain on the next page: the story jumps there. */
  const continueOnNextPage = (f: LayoutFrame) => {
    if (f.kind !== 'story' && f.kind !== 'text') return;
    for (const [l, data] of layouts) {
      const index = data.pages.findIndex((p) => p.id === f.pageId);
      const next = data.pages[index + 1];
      if (!next) continue;
      const chain = Math.max(0, ...data.frames.filter((x): x is Extract<LayoutFrame, { kind: 'text' }> => x.kind === 'text' && x.articleId === f.articleId).map((x) => x.chain)) + 1;
      const spot = freeSpot(data, next.id, 30);
      report(addFrame(session.doc(l), { kind: 'text', pageId: next.id, col: 0, span: 2, ...spot, articleId: f.articleId, chain, columns: 2 }, `${f.articleId.slice(0, 6)}c${chain}`));
    }
  };
  const selectedFrame = selected ? layouts.get(selected.lang)?.frames.find((f) => f.id === selected.id) : undefined;
  const nudge = (f: LayoutFrame, change: Partial<{ span: number; h: number }>) => move(f.id, { col: f.col, span: change.span ?? f.span, y: f.y, h: change.h ?? f.h });

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
          <nav className="thumbs" aria-label={t('l.pages')}>
            {settings.get(first.lang)!.pages.map((p) => (
              <button key={p.pageId} type="button" className={p.number === pageNo ? 'current' : ''} onClick={() => setPageNo(p.number)} aria-label={t('l.page', { n: p.number })}>
                <PageView page={p} frames={[]} template={first.template} fonts={fonts} scale={0.12} greek />
                <span>{p.number}</span>
              </button>
            ))}
          </nav>
          <div className="spreads">
            {[...settings].map(([l, s]) => {
              const page = s.pages[pageNo - 1];
              const data = layouts.get(l)!;
              if (!page) return null;
              return (
                <figure key={l} className="page-column" data-lang={l}>
                  <figcaption>{langName(l)} · {t('l.page', { n: pageNo })}</figcaption>
                  <PageView page={page} frames={data.frames.filter((f) => f.pageId === page.pageId)} template={data.template} fonts={fonts} scale={0.5} selected={selected?.lang === l ? selected.id : null} others={others.filter((o) => o.selection?.lang === l)} onSelect={(id) => select(l, id)} onMove={move} pictureUrl={pictureUrl} />
                </figure>
              );
            })}
          </div>
          <aside className="side">
            {selectedFrame && (
              <section aria-label={t('l.frame.selected')} className="frame-tools">
                <h2>{t('l.frame.selected')}</h2>
                <button type="button" onClick={() => nudge(selectedFrame, { span: selectedFrame.span + 1 })}>{t('l.frame.wider')}</button>
                <button type="button" onClick={() => nudge(selectedFrame, { span: selectedFrame.span - 1 })}>{t('l.frame.narrower')}</button>
                <button type="button" onClick={() => nudge(selectedFrame, { h: selectedFrame.h + 5 * first.template.rowPt })}>{t('l.frame.taller')}</button>
                <button type="button" onClick={() => nudge(selectedFrame, { h: selectedFrame.h - 5 * first.template.rowPt })}>{t('l.frame.shorter')}</button>
                {(selectedFrame.kind === 'story' || selectedFrame.kind === 'text') && (
                  <button type="button" onClick={() => continueOnNextPage(selectedFrame)}>{t('l.frame.continue')}</button>
                )}
                <button type="button" onClick={() => { for (const l of layouts.keys()) removeFrame(session.doc(l), selectedFrame.id); select(selected!.lang, null); }}>{t('l.frame.remove')}</button>
              </section>
            )}
            <section aria-label={t('l.copyfit')}>
              <h2>{t('l.copyfit')}</h2>
              {[...settings].map(([l, s]) => (
                <ul key={l} className="copyfit" data-lang={l} aria-label={langName(l)}>
                  <li className="copyfit-lang">{langName(l)}</li>
                  {s.articles.map((a) => (
                    <CopyfitRow key={a.articleId} lang={l} title={titles.get(a.articleId) ?? t('l.untitled')} fit={a} label={(k, v) => t(k, v)} />
                  ))}
                </ul>
              ))}
            </section>
            <section aria-label={t('l.unplaced')}>
              <h2>{t('l.unplaced')}</h2>
              {unplaced.length === 0 && <p>{t('l.noUnplaced')}</p>}
              <ul>
                {unplaced.map((a) => (
                  <li key={a.id} data-testid="unplaced" data-article={a.id}>
                    {a.title} <button type="button" onClick={() => placeArticle(a.id)}>{t('l.place', { n: pageNo })}</button>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label={t('l.pictures')}>
              <h2>{t('l.pictures')}</h2>
              <ul>
                {pictures.map((p) => (
                  <li key={p.id} data-testid="picture" data-picture={p.id}>
                    <img src={pictureUrl(p.id)} alt={p.captions[uiLang] || p.id} width={60} />
                    <button type="button" onClick={() => placePicture(p.id)}>{t('l.placePicture', { n: pageNo })}</button>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label={t('l.plan')}>
              <h2>{t('l.plan')}</h2>
              <ol className="plan">
                {first.pages.map((p, i) => (
                  <li key={p.id}>
                    {t('l.page', { n: i + 1 })}: {first.frames.filter((f) => f.pageId === p.id && f.kind === 'story').map((f) => titles.get((f as { articleId: string }).articleId) ?? t('l.untitled')).join(' · ')}
                  </li>
                ))}
              </ol>
            </section>
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

function CopyfitRow({ lang, title, fit, label }: { lang: Lang; title: string; fit: LayoutSetting['articles'][number]; label: (k: LayoutKey, v?: Record<string, string | number>) => string }) {
  const c = fit.copyfit;
  const under = c.linesAvailable - c.linesUsed;
  const state = c.overMatterLines > 0 ? 'over' : under > 8 ? 'under' : 'fits';
  const text = state === 'over' ? label('l.over', { n: c.overMatterLines }) : state === 'under' ? label('l.under', { n: under }) : label('l.fits', { used: c.linesUsed, available: c.linesAvailable });
  return (
    <li className={`copyfit-row ${state}`} data-testid="copyfit" data-article={fit.articleId} data-lang={lang} data-over={c.overMatterLines} data-lines={fit.lineTexts.length}>
      <strong>{title}</strong> <span>{text}</span>
    </li>
  );
}
