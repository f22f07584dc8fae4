/**
 * The layout as a live Yjs document (layout.<editionId>.<lang>):
 *   meta    Y.Map   lang, template (plain object), strings (plain object)
 *   pages   Y.Array of Y.Map {id, kind, section}
 *   frames  Y.Map   frame id -> Y.Map of the frame's fields
 * One Y.Map per frame, so two members changing different frames (or a
 * frame's size and its article) merge without losing either change.
 * Every change goes through the functions below, which keep frames on the
 * grid and on the page.
 */
import * as Y from 'yjs';
import type { Lang } from '../languages';
import { checkBox } from './grid';
import type { FrameBox, LayoutData, LayoutFrame, LayoutIssue, LayoutPage, LayoutStrings, LayoutTemplate } from './types';

const ID_CHARS = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A short random id (Web Crypto, present in Node and browsers). */
export function layoutId(): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ID_CHARS[b % ID_CHARS.length]).join('');
}

const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const pagesOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('pages');
const framesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('frames');

function toYMap(value: object): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(value)) if (v !== undefined) map.set(k, v);
  return map;
}

/** Writes a whole layout into an empty document (creating or copying a layout). */
export function writeLayout(doc: Y.Doc, data: LayoutData): void {
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('lang', data.lang);
    meta.set('template', data.template);
    meta.set('strings', data.strings);
    pagesOf(doc).push(data.pages.map((p) => toYMap(p)));
    const frames = framesOf(doc);
    for (const f of data.frames) frames.set(f.id, toYMap(f));
  });
}

export function hasLayout(doc: Y.Doc): boolean {
  return metaOf(doc).has('template');
}

/** The plain form of the document; null while it holds no layout yet. */
export function readLayout(doc: Y.Doc): LayoutData | null {
  const meta = metaOf(doc);
  const template = meta.get('template') as LayoutTemplate | undefined;
  if (!template) return null;
  const pages = pagesOf(doc).toArray().map((m) => m.toJSON() as LayoutPage);
  const pageIds = new Set(pages.map((p) => p.id));
  const frames: LayoutFrame[] = [];
  // Sorted by id so every client sees the same order (Y.Map iteration order is not shared).
  const ids = [...framesOf(doc).keys()].sort();
  for (const id of ids) {
    const f = framesOf(doc).get(id)!.toJSON() as LayoutFrame;
    // A frame whose page was removed concurrently is not shown; it stays in the doc.
    if (pageIds.has(f.pageId)) frames.push(f);
  }
  return { lang: meta.get('lang') as Lang, template, strings: meta.get('strings') as LayoutStrings, pages, frames };
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type FrameInput = WithoutId<LayoutFrame>;

export type ChangeResult = { ok: true; id: string; issue: LayoutIssue | null } | { ok: false; issue: LayoutIssue };

function pageKindOf(doc: Y.Doc, pageId: string): LayoutPage['kind'] | null {
  for (const p of pagesOf(doc)) if (p.get('id') === pageId) return p.get('kind') as LayoutPage['kind'];
  return null;
}

const noPage = (): LayoutIssue => ({ level: 'error', message: { en: 'That page is not in the layout.', es: 'Esa página no está en la maqueta.' } });

/** Places a new frame, snapped to the grid and kept on the page. */
export function addFrame(doc: Y.Doc, input: FrameInput, id = layoutId()): ChangeResult {
  const template = metaOf(doc).get('template') as LayoutTemplate | undefined;
  const kind = pageKindOf(doc, input.pageId);
  if (!template || !kind) return { ok: false, issue: noPage() };
  const checked = checkBox(template, kind, input, id);
  if (!checked.ok) return checked;
  framesOf(doc).set(id, toYMap({ ...input, ...checked.box, id }));
  return { ok: true, id, issue: checked.clamped };
}

/** Moves or resizes a frame (optionally onto another page). */
export function moveFrame(doc: Y.Doc, id: string, box: FrameBox, pageId?: string): ChangeResult {
  const template = metaOf(doc).get('template') as LayoutTemplate | undefined;
  const frame = framesOf(doc).get(id);
  if (!template || !frame) return { ok: false, issue: { level: 'error', frameId: id, message: { en: 'That frame is no longer in the layout.', es: 'Ese marco ya no está en la maqueta.' } } };
  const target = pageId ?? (frame.get('pageId') as string);
  const kind = pageKindOf(doc, target);
  if (!kind) return { ok: false, issue: noPage() };
  const checked = checkBox(template, kind, box, id);
  if (!checked.ok) return checked;
  doc.transact(() => {
    if (pageId) frame.set('pageId', pageId);
    for (const [k, v] of Object.entries(checked.box)) if (frame.get(k) !== v) frame.set(k, v);
  });
  return { ok: true, id, issue: checked.clamped };
}

/** Changes a frame's other fields (article, picture, columns, text). */
export function setFrameFields(doc: Y.Doc, id: string, fields: Record<string, unknown>): boolean {
  const frame = framesOf(doc).get(id);
  if (!frame) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(fields)) {
      if (['id', 'kind', 'pageId', 'col', 'span', 'y', 'h'].includes(k)) continue;
      frame.set(k, v);
    }
  });
  return true;
}

export function removeFrame(doc: Y.Doc, id: string): void {
  framesOf(doc).delete(id);
}

export function addPage(doc: Y.Doc, page: Omit<LayoutPage, 'id'>, index?: number, id = layoutId()): string {
  const pages = pagesOf(doc);
  pages.insert(Math.min(index ?? pages.length, pages.length), [toYMap({ ...page, id })]);
  return id;
}

/** Removes a page and its frames. */
export function removePage(doc: Y.Doc, pageId: string): void {
  doc.transact(() => {
    const pages = pagesOf(doc);
    const index = pages.toArray().findIndex((p) => p.get('id') === pageId);
    if (index >= 0) pages.delete(index, 1);
    const frames = framesOf(doc);
    for (const [id, f] of [...frames.entries()]) if (f.get('pageId') === pageId) frames.delete(id);
  });
}

/**
 * The layout for the other language: the same pages and frames (same ids,
 * so a frame is "the same frame" in both languages), the other language's
 * strings. Story frames keep their article: the text comes from the other
 * version. Captions and pull quotes keep their text until someone translates it.
 */
export function copyLayout(from: LayoutData, lang: Lang, strings: LayoutStrings): LayoutData {
  return structuredClone({ ...from, lang, strings });
}
