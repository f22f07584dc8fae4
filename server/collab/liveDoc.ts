import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { encodeAwarenessMessage } from './protocol';
import type { StoredLog } from './storage';

/** One WebSocket connection to one live document. */
export class Connection {
  /** Awareness client ids this connection introduced and still owns (their states are removed when it leaves). */
  readonly clientIds = new Set<number>();
  /** Set once we decided to close it: nothing it sends afterwards is looked at. */
  closed = false;
  /** Answered the last keep-alive ping. */
  alive = true;
  /** It sent presence for a client id owned by another connection (logged once, not per message). */
  spoofLogged = false;

  constructor(
    readonly ws: WebSocket,
    readonly live: LiveDoc,
    /** False for read-only members: their updates are dropped, never applied or stored. */
    readonly canWrite: boolean,
    /** The member it was opened as. */
    readonly memberId: string,
  ) {}
}

/** An update applied to the live document but not yet committed to SQLite. */
export interface PendingUpdate {
  update: Uint8Array;
  /** The connection it came from (it is not sent back there); null for server-side changes. */
  origin: Connection | null;
}

/**
 * A document held in memory while people have it open: the Y.Doc (for
 * validating incoming updates and answering sync requests), the awareness
 * states (presence), the open connections, and the updates waiting for the
 * next group commit.
 */
export class LiveDoc {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly conns = new Set<Connection>();
  /**
   * Which connection introduced each awareness client id. Only that
   * connection may change or remove the state; it is removed when the
   * connection closes (see CollabHub.receive and leave).
   */
  readonly owners = new Map<number, Connection>();
  /** Applied in memory, not yet in SQLite; nobody has been sent these yet. */
  uncommitted: PendingUpdate[] = [];
  /** Answers held back until the uncommitted updates are stored (they would reveal them). */
  afterCommit: (() => void)[] = [];
  /** Rows of this document's log in SQLite, and the id of the last one, as far as we wrote or read them. */
  storedRows: number;
  lastStoredId: number;
  idleTimer: NodeJS.Timeout | null = null;
  compactionScheduled = false;
  unloaded = false;

  constructor(
    readonly name: string,
    log: StoredLog,
    onUpdate: (live: LiveDoc, pending: PendingUpdate) => void,
    send: (conn: Connection, message: Uint8Array) => void,
  ) {
    // gc: deleted text is dropped from memory and from compacted logs; the
    // log is the current text, not a history (versions keep snapshots).
    this.doc = new Y.Doc({ gc: true });
    if (log.updates.length === 1) Y.applyUpdate(this.doc, log.updates[0]!);
    else if (log.updates.length > 1) Y.applyUpdate(this.doc, Y.mergeUpdates(log.updates));
    this.storedRows = log.updates.length;
    this.lastStoredId = log.lastId;

    // Attached only after loading: what came from storage is not stored again.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      onUpdate(this, { update, origin: origin instanceof Connection ? origin : null });
    });

    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself has no presence
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        // A state a connection sets is its own from then on, until it
        // closes, also after it removed it (nobody else may take the id over).
        if (origin instanceof Connection) {
          for (const id of added.concat(updated)) {
            const previous = this.owners.get(id);
            if (previous && previous !== origin) previous.clientIds.delete(id);
            this.owners.set(id, origin);
            origin.clientIds.add(id);
          }
        }
        const changed = added.concat(updated, removed);
        const message = encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, changed));
        // To everyone, the sender too: the stock client counts any message as
        // a sign of life, and a writer alone in a document would otherwise
        // reconnect every 30 seconds.
        for (const conn of this.conns) send(conn, message);
      },
    );
  }

  /** All current presence states, for a connection that just joined or asked. */
  awarenessMessage(): Uint8Array | null {
    const states = this.awareness.getStates();
    if (states.size === 0) return null;
    return encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, Array.from(states.keys())));
  }

  destroy(): void {
    this.unloaded = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.awareness.destroy();
    this.doc.destroy();
    this.uncommitted = [];
    this.afterCommit = [];
  }
}
