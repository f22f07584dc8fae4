import * as Y from 'yjs';
import type { AppContext } from '../../context';
import { appendUpdates, loadDoc } from '../../collab/storage';
import { collabOfContext } from '../../collab/server';
import { HttpError } from '../../errors';

/**
 * Applies a change made by the server (a restore) to a document the way a
 * writer's edit is applied. When the document is live (in the collaboration
 * hub's memory), the change is made to the live Y.Doc and committed at
 * once: the hub stores it, then relays it to every connected editor. When
 * nobody has it open, the update goes straight into the stored log, where
 * the next editor to open the document finds it.
 *
 * The change is first tried on a copy from storage: a change that changes
 * nothing is not applied at all (opening an idle document in the hub for
 * nothing would keep it in memory). Returns whether anything changed.
 */
const NOT_SAVED = 'The change could not be saved, so nothing was changed. Please try again.';

export function applyServerChange(ctx: AppContext, docName: string, change: (doc: Y.Doc) => void): boolean {
  const probe = loadDoc(ctx.db, docName);
  const before = Y.encodeStateVector(probe);
  let updates = 0;
  probe.on('update', () => updates++);
  change(probe);
  const update = Y.encodeStateAsUpdate(probe, before);
  probe.destroy();
  if (updates === 0) return false;

  const collab = collabOfContext(ctx);
  if (!collab || !collab.hub.loadedDocNames().includes(docName)) {
    try {
      appendUpdates(ctx.db, docName, [update]);
    } catch (err) {
      ctx.config.log(`history: could not store a change to ${docName}: ${String(err)}`);
      throw new HttpError(503, NOT_SAVED);
    }
    return true;
  }
  const live = collab.hub.open(docName);
  const storedBefore = live.lastStoredId;
  change(live.doc);
  // Commit now rather than at the end of this turn, so that when the API
  // answers, the change is durable and on its way to every editor.
  collab.hub.flush();
  if (live.lastStoredId === storedBefore) {
    // The hub has already logged it and reloaded the document from storage.
    throw new HttpError(503, NOT_SAVED);
  }
  return true;
}
