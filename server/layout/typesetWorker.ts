/**
 * The typesetting worker: sets layouts for the server's requests (the
 * desk's GET of a layout with its copyfit and page plan) off the main
 * thread, so a cold setting (the engine and hyphenation patterns loading,
 * fonts parsed, eight pages set) never holds up the collaboration relay.
 *
 * It keeps one LayoutSetter per layout (edition and language), so a story
 * nobody touched is not set again, and its paragraphs' breaks are reused.
 * Messages: TypesetRequest in, TypesetAnswer out, matched by id.
 */
import { parentPort } from 'node:worker_threads';
import { LayoutSetter } from '../../shared/layout/setting';
import { loadFonts } from '../print/fonts';
import type { TypesetAnswer, TypesetRequest } from './typesetWorkerClient';

/** Layouts whose setters are kept; the least recently set beyond this are forgotten. */
const KEEP_SETTERS = 16;
const setters = new Map<string, LayoutSetter>();

function setterFor(key: string): LayoutSetter {
  const setter = setters.get(key) ?? new LayoutSetter();
  // Re-inserted so the Map's order is least recently used first.
  setters.delete(key);
  setters.set(key, setter);
  for (const old of setters.keys()) {
    if (setters.size <= KEEP_SETTERS) break;
    setters.delete(old);
  }
  return setter;
}

function answer(request: TypesetRequest): TypesetAnswer {
  try {
    const fonts = loadFonts(request.fontFiles);
    const setting = setterFor(request.key).set({ layout: request.layout, copies: new Map(request.copies), fonts });
    // The pages' lines stay here: the requests need copyfit and problems only.
    return { id: request.id, ok: true, articles: setting.articles, issues: setting.issues };
  } catch (err) {
    return { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

const port = parentPort!;
port.on('message', (request: TypesetRequest) => port.postMessage(answer(request)));
