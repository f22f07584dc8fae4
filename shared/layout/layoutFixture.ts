/**
 * For the layout unit tests: a live layout document of two pages (front and
 * an inside "News" page) on the tabloid template, with no frames.
 */
import * as Y from 'yjs';
import { writeLayout } from './doc';
import { TABLOID, editionStrings } from './templates';
import type { LayoutData } from './types';

const strings = editionStrings('en', { title: 'The Paper', number: 1, date: null, pageCount: 2 });

export function freshLayout(): Y.Doc {
  const doc = new Y.Doc();
  const data: LayoutData = { lang: 'en', template: TABLOID, strings, pages: [{ id: 'p1', kind: 'front', section: '' }, { id: 'p2', kind: 'inside', section: 'News' }], frames: [] };
  writeLayout(doc, data);
  return doc;
}
