import { parseDocName } from '../../../shared/docNames';

/**
 * The browser keeps an IndexedDB copy of every article opened here (so that
 * writing goes on offline). Drafts are for members only: on a shared or
 * borrowed computer those copies must go when the member logs out, but never
 * while they hold edits the server has not confirmed, or the writer's work
 * would be lost. This module keeps the list of such documents and clears the
 * copies on logout.
 */
const UNSAVED_KEY = 'galley.unsavedDocs';

function readList(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(UNSAVED_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

function writeList(list: string[]): void {
  try {
    if (list.length) localStorage.setItem(UNSAVED_KEY, JSON.stringify(list));
    else localStorage.removeItem(UNSAVED_KEY);
  } catch {
    // Storage refused (private mode, quota): the logout warning is then unavailable, nothing else breaks.
  }
}

export function markUnsaved(docName: string): void {
  const list = readList();
  if (!list.includes(docName)) writeList([...list, docName]);
}

export function markSaved(docName: string): void {
  const list = readList();
  if (list.includes(docName)) writeList(list.filter((name) => name !== docName));
}

/** Documents with edits in this browser that the server has not confirmed yet. */
export function unsavedDocs(): string[] {
  return readList();
}

/** Deletes every local document copy (y-indexeddb names its databases after the document). */
export async function clearLocalCopies(): Promise<void> {
  writeList([]);
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => typeof name === 'string' && parseDocName(name) !== null)
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
