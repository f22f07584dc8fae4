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
import { bodyArea, checkBox } from './grid';
import { cropProblem } from './crop';
import type { FrameBox, LayoutData, LayoutFrame, LayoutIssue, LayoutPage, LayoutStrings, LayoutTemplate, PictureCrop, StoryFrame } from './types';

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
const gone = (frameId: string): LayoutIssue => ({ level: 'error', frameId, message: { en: 'That frame is no longer in the layout.', es: 'Ese marco ya no está en la maqueta.' } });

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
  if (!template || !frame) return { ok: false, issue: gone(id) };
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

export type PageResult = { ok: true; id: string } | { ok: false; issue: LayoutIssue };

const issue = (en: string, es: string, ids: { pageId?: string; frameId?: string } = {}): LayoutIssue => ({ level: 'error', ...ids, message: { en, es } });
const pageIndex = (doc: Y.Doc, pageId: string) => pagesOf(doc).toArray().findIndex((p) => p.get('id') === pageId);
const framesOn = (doc: Y.Doc, pageId: string) => [...framesOf(doc).values()].filter((f) => f.get('pageId') === pageId).length;

/**
 * Adds a page at `index` (0-based; at the end without one). The same id in
 * every language's layout makes it the same page there.
 */
export function addPage(doc: Y.Doc, page: Omit<LayoutPage, 'id'>, index?: number, id = layoutId()): PageResult {
  const pages = pagesOf(doc);
  const at = index ?? pages.length;
  if (!Number.isInteger(at) || at < 0 || at > pages.length) {
    return { ok: false, issue: issue(`A new page can go from position 1 to ${pages.length + 1}; ${at + 1} is not one of them.`, `Una página nueva puede ir de la posición 1 a la ${pages.length + 1}; la ${at + 1} no es una de ellas.`) };
  }
  if (page.kind !== 'front' && page.kind !== 'inside') return { ok: false, issue: issue('A page is a front page or an inside page.', 'Una página es portada o página interior.') };
  if (typeof page.section !== 'string' || page.section.length > LAYOUT_SECTION_MAX) {
    return { ok: false, issue: issue(`A section name has at most ${LAYOUT_SECTION_MAX} characters.`, `El nombre de sección tiene como mucho ${LAYOUT_SECTION_MAX} caracteres.`) };
  }
  if (pageIndex(doc, id) >= 0) return { ok: true, id };
  doc.transact(() => {
    pages.insert(at, [toYMap({ kind: page.kind, section: page.section.trim(), id })]);
    recountDateline(doc);
  });
  return { ok: true, id };
}

export const LAYOUT_SECTION_MAX = 60;

/**
 * The masthead's dateline ends with the page count ("· 8 pages", "· 8
 * páginas", templates.ts); a page added or removed changes it. A dateline
 * someone rewrote without a count is left alone.
 */
function recountDateline(doc: Y.Doc): void {
  const strings = metaOf(doc).get('strings') as LayoutStrings | undefined;
  if (!strings) return;
  const dateline = strings.dateline.replace(/\d+ (pages|páginas)$/, `${pagesOf(doc).length} $1`);
  if (dateline !== strings.dateline) metaOf(doc).set('strings', { ...strings, dateline });
}

/**
 * Removes an empty page. A page that still holds frames is refused, with
 * how many, so nothing placed is lost by a slip: move or remove them first.
 * The last page is refused too (a layout has at least one page).
 */
export function removePage(doc: Y.Doc, pageId: string): PageResult {
  const pages = pagesOf(doc);
  const index = pageIndex(doc, pageId);
  if (index < 0) return { ok: false, issue: noPage() };
  if (pages.length === 1) return { ok: false, issue: issue('This is the only page of the layout; a layout needs at least one page.', 'Es la única página de la maqueta; una maqueta necesita al menos una página.', { pageId }) };
  const held = framesOn(doc, pageId);
  if (held > 0) {
    return {
      ok: false,
      issue: issue(
        `Page ${index + 1} still holds ${held} frame${held === 1 ? '' : 's'}; move them to another page or remove them first, so nothing is lost.`,
        `La página ${index + 1} aún tiene ${held} marco${held === 1 ? '' : 's'}; muévelos a otra página o quítalos antes, para no perder nada.`,
        { pageId },
      ),
    };
  }
  doc.transact(() => {
    pages.delete(index, 1);
    recountDateline(doc);
  });
  return { ok: true, id: pageId };
}

/** Moves a page to position `to` (0-based); its frames go with it. */
export function movePage(doc: Y.Doc, pageId: string, to: number): PageResult {
  const pages = pagesOf(doc);
  const from = pageIndex(doc, pageId);
  if (from < 0) return { ok: false, issue: noPage() };
  if (!Number.isInteger(to) || to < 0 || to >= pages.length) {
    return { ok: false, issue: issue(`There is no page ${to + 1}: the layout has ${pages.length} pages.`, `No hay página ${to + 1}: la maqueta tiene ${pages.length} páginas.`, { pageId }) };
  }
  if (from === to) return { ok: true, id: pageId };
  doc.transact(() => {
    const plain = pages.get(from).toJSON() as LayoutPage;
    pages.delete(from, 1);
    pages.insert(to, [toYMap(plain)]);
  });
  return { ok: true, id: pageId };
}

/** Changes a page's kind (front/inside) or section name; its frames are kept on the page's new body area. */
export function setPageFields(doc: Y.Doc, pageId: string, fields: Partial<Omit<LayoutPage, 'id'>>): PageResult {
  const index = pageIndex(doc, pageId);
  if (index < 0) return { ok: false, issue: noPage() };
  if (fields.kind !== undefined && fields.kind !== 'front' && fields.kind !== 'inside') return { ok: false, issue: issue('A page is a front page or an inside page.', 'Una página es portada o página interior.', { pageId }) };
  if (fields.section !== undefined && (typeof fields.section !== 'string' || fields.section.length > LAYOUT_SECTION_MAX)) {
    return { ok: false, issue: issue(`A section name has at most ${LAYOUT_SECTION_MAX} characters.`, `El nombre de sección tiene como mucho ${LAYOUT_SECTION_MAX} caracteres.`, { pageId }) };
  }
  const page = pagesOf(doc).get(index);
  doc.transact(() => {
    if (fields.kind) page.set('kind', fields.kind);
    if (fields.section !== undefined) page.set('section', fields.section.trim());
  });
  return { ok: true, id: pageId };
}

/**
 * Moves a frame to another page at the same place (kept inside that page's
 * body area: a front page's masthead is taller than an inside folio).
 */
export function moveFrameToPage(doc: Y.Doc, frameId: string, pageId: string): ChangeResult {
  const frame = framesOf(doc).get(frameId);
  if (!frame) return { ok: false, issue: gone(frameId) };
  if (pageIndex(doc, pageId) < 0) return { ok: false, issue: noPage() };
  const template = metaOf(doc).get('template') as LayoutTemplate;
  const area = bodyArea(template, pageKindOf(doc, pageId)!);
  // Same size, pushed inside the new page's body area rather than trimmed.
  const h = Math.min(frame.get('h') as number, area.h);
  const y = Math.min(Math.max(frame.get('y') as number, area.y), area.y + area.h - h);
  return moveFrame(doc, frameId, { col: frame.get('col') as number, span: frame.get('span') as number, y, h }, pageId);
}

/** Sets (or with null, resets to centred) the crop of a picture frame or of a story's picture. */
export function setCrop(doc: Y.Doc, frameId: string, crop: PictureCrop | null): ChangeResult {
  const frame = framesOf(doc).get(frameId);
  if (!frame) return { ok: false, issue: gone(frameId) };
  if (crop) {
    const problem = cropProblem(crop);
    if (problem) return { ok: false, issue: { ...problem, frameId } };
  }
  const value = crop ? { x: crop.x, y: crop.y, zoom: crop.zoom } : undefined;
  if (frame.get('kind') === 'picture') {
    if (value) frame.set('crop', value);
    else frame.delete('crop');
    return { ok: true, id: frameId, issue: null };
  }
  const picture = frame.get('picture') as StoryFrame['picture'] | undefined;
  if (frame.get('kind') === 'story' && picture) {
    const { crop: _old, ...rest } = picture;
    frame.set('picture', value ? { ...rest, crop: value } : rest);
    return { ok: true, id: frameId, issue: null };
  }
  return { ok: false, issue: issue('Only a picture, or a story with a picture, can be cropped.', 'Solo se puede recortar una foto o un artículo con foto.', { frameId }) };
}

export const FRAME_TEXT_MAX = 2000;

/** The text of a caption or pull quote frame (in this language's layout). */
export function setFrameText(doc: Y.Doc, frameId: string, text: string): ChangeResult {
  const frame = framesOf(doc).get(frameId);
  if (!frame) return { ok: false, issue: gone(frameId) };
  const kind = frame.get('kind');
  if (kind !== 'caption' && kind !== 'pullquote') return { ok: false, issue: issue('Only captions and pull quotes carry their own text.', 'Solo los pies de foto y las citas destacadas llevan texto propio.', { frameId }) };
  if (typeof text !== 'string' || text.length > FRAME_TEXT_MAX) {
    return { ok: false, issue: issue(`A caption or pull quote has at most ${FRAME_TEXT_MAX} characters.`, `Un pie de foto o una cita destacada tiene como mucho ${FRAME_TEXT_MAX} caracteres.`, { frameId }) };
  }
  if (frame.get('text') !== text) frame.set('text', text);
  return { ok: true, id: frameId, issue: null };
}

export const HEADLINE_SIZE_PT = { min: 10, max: 96 } as const;

/** A story frame's opening: headline size, body columns, rule on top, picture with caption. */
export function setStoryFields(doc: Y.Doc, frameId: string, fields: Partial<Pick<StoryFrame, 'headlineSizePt' | 'columns' | 'ruleTop' | 'picture'>>): ChangeResult {
  const frame = framesOf(doc).get(frameId);
  if (!frame) return { ok: false, issue: gone(frameId) };
  if (frame.get('kind') !== 'story') return { ok: false, issue: issue('Only a story opening has a headline, columns and a picture.', 'Solo la apertura de un artículo tiene titular, columnas y foto.', { frameId }) };
  const { headlineSizePt: size, columns, picture } = fields;
  if (size !== undefined && (!Number.isFinite(size) || size < HEADLINE_SIZE_PT.min || size > HEADLINE_SIZE_PT.max)) {
    return { ok: false, issue: issue(`A headline size is between ${HEADLINE_SIZE_PT.min} and ${HEADLINE_SIZE_PT.max} points.`, `El tamaño del titular va de ${HEADLINE_SIZE_PT.min} a ${HEADLINE_SIZE_PT.max} puntos.`, { frameId }) };
  }
  const span = frame.get('span') as number;
  if (columns !== undefined && (!Number.isInteger(columns) || columns < 1 || columns > span)) {
    return { ok: false, issue: issue(`This frame is ${span} grid columns wide: its text can have 1 to ${span} columns.`, `Este marco ocupa ${span} columnas de la retícula: su texto puede tener de 1 a ${span} columnas.`, { frameId }) };
  }
  if (picture && (!picture.pictureId || !Number.isFinite(picture.heightPt) || picture.heightPt <= 0 || picture.heightPt >= (frame.get('h') as number))) {
    return { ok: false, issue: issue('The picture must be lower than the story frame, so the story has room.', 'La foto debe ser más baja que el marco del artículo, para que el texto tenga sitio.', { frameId }) };
  }
  if (picture && picture.caption.length > FRAME_TEXT_MAX) {
    return { ok: false, issue: issue(`A caption has at most ${FRAME_TEXT_MAX} characters.`, `Un pie de foto tiene como mucho ${FRAME_TEXT_MAX} caracteres.`, { frameId }) };
  }
  doc.transact(() => {
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) frame.set(k, v);
  });
  return { ok: true, id: frameId, issue: null };
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
