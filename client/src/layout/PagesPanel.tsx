import { useState } from 'react';
import type { FontSet } from '../../../shared/typeset/index';
import type { LayoutSetting } from '../../../shared/layout/setting';
import type { LayoutData, PageKind } from '../../../shared/layout/types';
import type { DeskActions } from './deskActions';
import { useLayoutText } from './messages';
import { PageView } from './PageView';

/**
 * The edition's pages as thumbnails down the side: click one to show it,
 * drop a frame dragged from the page view on one to move the frame there
 * (PageView finds the thumbnail under the pointer by `data-page-drop`).
 */
export function PageThumbs({ layout, setting, fonts, pageNo, onPage }: { layout: LayoutData; setting: LayoutSetting; fonts: FontSet; pageNo: number; onPage: (n: number) => void }) {
  const { t } = useLayoutText();
  return (
    <nav className="thumbs" aria-label={t('l.pages')} title={t('l.pages.dropHint')}>
      {setting.pages.map((p) => (
        <button key={p.pageId} type="button" data-page-drop={p.pageId} data-page-number={p.number} className={p.number === pageNo ? 'current' : ''} onClick={() => onPage(p.number)} aria-label={t('l.page', { n: p.number })}>
          <PageView page={p} frames={[]} template={layout.template} fonts={fonts} scale={0.12} greek />
          <span>
            {p.number}
            {layout.pages[p.number - 1]?.section ? ` · ${layout.pages[p.number - 1]!.section}` : ''}
          </span>
        </button>
      ))}
    </nav>
  );
}

/** Adding, removing and reordering pages (in every language at once), and the page plan. */
export function PagesPanel({ layout, pageNo, titles, actions, onPage }: { layout: LayoutData; pageNo: number; titles: Map<string, string>; actions: DeskActions; onPage: (n: number) => void }) {
  const { t } = useLayoutText();
  const [kind, setKind] = useState<PageKind>('inside');
  const [section, setSection] = useState('');
  const page = layout.pages[pageNo - 1];
  const count = layout.pages.length;
  return (
    <>
      <section aria-label={t('l.pages')} className="pages-panel">
        <h2>{t('l.pages.manage', { n: pageNo })}</h2>
        <div className="tool-row">
          <button type="button" disabled={pageNo <= 1} onClick={() => page && actions.movePage(page.id, pageNo - 2) && onPage(pageNo - 1)}>{t('l.pages.up', { n: pageNo })}</button>
          <button type="button" disabled={pageNo >= count} onClick={() => page && actions.movePage(page.id, pageNo) && onPage(pageNo + 1)}>{t('l.pages.down', { n: pageNo })}</button>
          <button type="button" onClick={() => page && actions.removePage(page.id) && onPage(Math.max(1, Math.min(pageNo, count - 1)))}>{t('l.pages.remove', { n: pageNo })}</button>
        </div>
        <form
          className="add-page"
          onSubmit={(e) => {
            e.preventDefault();
            if (actions.addPageAfter(kind, section)) {
              setSection('');
              onPage(pageNo + 1);
            }
          }}
        >
          <label>
            {t('l.pages.kind')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as PageKind)} data-testid="new-page-kind">
              <option value="inside">{t('l.pages.inside')}</option>
              <option value="front">{t('l.pages.front')}</option>
            </select>
          </label>
          <label>
            {t('l.pages.section')} <input value={section} maxLength={60} onChange={(e) => setSection(e.target.value)} data-testid="new-page-section" />
          </label>
          <button type="submit">{t('l.pages.add', { n: pageNo })}</button>
        </form>
      </section>
      <section aria-label={t('l.plan')}>
        <h2>{t('l.plan')}</h2>
        <ol className="plan">
          {layout.pages.map((p, i) => (
            <li key={p.id}>
              {t('l.page', { n: i + 1 })}
              {p.section ? ` (${p.section})` : ''}:{' '}
              {layout.frames
                .filter((f) => f.pageId === p.id && f.kind === 'story')
                .map((f) => titles.get((f as { articleId: string }).articleId) ?? t('l.untitled'))
                .join(' · ')}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
