import http from 'node:http';
import type { Request } from 'express';
import * as Y from 'yjs';
import type { DB } from '../db/database';
import { collabOf } from '../collab/server';
import type { CollabHub } from '../collab/hub';
import { appendUpdates, loadDoc } from '../collab/storage';

/**
 * Reading and changing article documents from an HTTP route. When a
 * document is open (held live by the collaboration hub) the change goes
 * through the live document, so everyone editing it sees it at once and the
 * hub stores it by its durability rule; otherwise it is appended to the
 * stored log.
 *
 * The hub belongs to the HTTP server that accepted the request; Node keeps
 * that server on the request's socket, which spares the API router from
 * holding a reference to a layer that is attached after it.
 */
function hubOf(req: Request): CollabHub | null {
  const server: unknown = (req.socket as { server?: unknown }).server;
  return server instanceof http.Server ? (collabOf(server)?.hub ?? null) : null;
}

export interface DocAccessor {
  /**
   * The current state of a document. Storage is enough: the hub stores every
   * update before anyone is told of it, so the stored log is everything
   * acknowledged.
   */
  read(docName: string): Y.Doc;
  /** Applies `change` to the document and stores the result before returning. */
  change(docName: string, change: (doc: Y.Doc) => void): void;
}

export function docsFor(req: Request, db: DB): DocAccessor {
  const hub = hubOf(req);
  const live = (docName: string) => (hub && hub.loadedDocNames().includes(docName) ? hub.open(docName) : null);
  return {
    read(docName) {
      return loadDoc(db, docName);
    },
    change(docName, change) {
      // Only a document already in memory goes through the hub (opening one
      // here would keep it loaded with nobody on it).
      const open = live(docName);
      if (open && hub) {
        open.doc.transact(() => change(open.doc));
        // Store now rather than at the end of this event-loop turn: the
        // answer to the request says the change was made.
        hub.flush();
        return;
      }
      const doc = loadDoc(db, docName);
      const before = Y.encodeStateVector(doc);
      change(doc);
      appendUpdates(db, docName, [Y.encodeStateAsUpdate(doc, before)]);
      doc.destroy();
    },
  };
}
