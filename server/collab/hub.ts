import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { DB } from '../db/database';
import { Connection, LiveDoc, type PendingUpdate } from './liveDoc';
import {
  type AwarenessEntry,
  checkStateVector,
  checkUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeAwarenessEntries,
  encodeUpdateMessage,
  parseAwarenessUpdate,
  parseClientMessage,
  ProtocolError,
} from './protocol';
import { compactStoredLog, countUpdates, insertUpdates, loadLog, replaceLogPrefix } from './storage';

export interface HubOptions {
  /** How long a document with no connections stays in memory (a reload is cheap, a reconnect storm is not). */
  idleUnloadMs: number;
  /** Merge a live document's log into one row once it has this many. */
  compactRows: number;
  log: (message: string) => void;
}

/** Close codes this layer uses (4400-4499 tell a stock client not to retry). */
export const CLOSE = {
  malformed: 4400,
  /** Could not store an update; the client reconnects and sends its state again. */
  storageFailed: 1011,
  /** Sends faster than it reads; it may reconnect later. */
  tooSlow: 1013,
  shuttingDown: 1001,
  /** The document is reloaded from storage; the client reconnects at once. */
  reloading: 1012,
} as const;

/** A reader this far behind is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * The live documents of one server: loading, applying, storing and relaying.
 *
 * Durability rule: an update is applied to the in-memory document (which
 * validates it), then committed to SQLite, and only then relayed or
 * revealed in a sync answer. Updates arriving in the same event-loop turn
 * are committed together in one transaction (group commit), so a burst of
 * fifty writers costs one commit, not fifty.
 */
export class CollabHub {
  private readonly docs = new Map<string, LiveDoc>();
  private readonly dirty = new Set<LiveDoc>();
  private flushScheduled = false;
  private closed = false;

  /** One transaction for every document with pending updates (made once: it is on the hot path). */
  private readonly commitBatch: (docs: LiveDoc[]) => void;

  constructor(
    private readonly db: DB,
    readonly options: HubOptions,
  ) {
    this.commitBatch = db.transaction((docs: LiveDoc[]) => {
      for (const live of docs) {
        if (live.uncommitted.length === 0) continue;
        live.lastStoredId = insertUpdates(db, live.name, live.uncommitted.map((p) => p.update));
        live.storedRows += live.uncommitted.length;
      }
    });
  }

  /** Names of the documents held in memory now. */
  loadedDocNames(): string[] {
    return [...this.docs.keys()];
  }

  /**
   * The live document, loaded completely from storage first if it is not in
   * memory. Server-side changes may open a document without joining it; one
   * loaded that way leaves memory again after the idle delay.
   */
  open(docName: string): LiveDoc {
    let live = this.docs.get(docName);
    if (!live) {
      // better-sqlite3 reads synchronously, so the document is complete
      // before any message of any connection can be looked at.
      live = new LiveDoc(docName, loadLog(this.db, docName), this.onUpdate, this.send);
      this.docs.set(docName, live);
      this.scheduleIdleCheck(live);
      // A log that grew long (e.g. before a crash) is merged once loaded.
      if (live.storedRows >= this.options.compactRows) this.scheduleCompaction(live);
    }
    return live;
  }

  join(live: LiveDoc, ws: WebSocket, canWrite: boolean, memberId: string): Connection {
    if (live.idleTimer) {
      clearTimeout(live.idleTimer);
      live.idleTimer = null;
    }
    const conn = new Connection(ws, live, canWrite, memberId);
    live.conns.add(conn);
    // Our state vector asks a writer for whatever it has that we lack (its
    // offline edits). A read-only member's answer would be dropped anyway.
    if (canWrite) this.send(conn, encodeSyncStep1(live.doc));
    const presence = live.awarenessMessage();
    if (presence) this.send(conn, presence);
    return conn;
  }

  leave(conn: Connection): void {
    conn.closed = true;
    const live = conn.live;
    if (!live.conns.delete(conn)) return;
    // Exactly this connection's presence leaves with it (the removal is
    // broadcast to the others by the awareness handler).
    const present = live.awareness.getStates();
    const gone: number[] = [];
    for (const id of conn.clientIds) {
      if (live.owners.get(id) !== conn) continue;
      live.owners.delete(id);
      if (present.has(id)) gone.push(id);
    }
    conn.clientIds.clear();
    if (gone.length) removeAwarenessStates(live.awareness, gone, null);
    if (live.conns.size === 0) this.scheduleIdleCheck(live);
  }

  private scheduleIdleCheck(live: LiveDoc): void {
    if (this.closed || live.idleTimer) return;
    live.idleTimer = setTimeout(() => this.unloadIfIdle(live), this.options.idleUnloadMs);
    live.idleTimer.unref();
  }

  receive(conn: Connection, frame: Uint8Array): void {
    if (conn.closed) return;
    const live = conn.live;
    try {
      const message = parseClientMessage(frame);
      switch (message.kind) {
        case 'step1': {
          checkStateVector(message.stateVector);
          const answer = () => this.send(conn, encodeSyncStep2(live.doc, message.stateVector));
          // The answer would contain the uncommitted updates: it waits for the commit.
          if (live.uncommitted.length) live.afterCommit.push(answer);
          else answer();
          break;
        }
        case 'update':
          if (!conn.canWrite) break; // read-only: dropped, never applied or stored
          checkUpdate(message.update);
          this.applyClientUpdate(conn, message.update);
          break;
        case 'awareness': {
          const entries = parseAwarenessUpdate(message.update);
          const own = this.ownPresence(conn, entries);
          if (own.length === 0) break;
          const update = own.length === entries.length ? message.update : encodeAwarenessEntries(own);
          applyAwarenessUpdate(live.awareness, update, conn);
          break;
        }
        case 'queryAwareness': {
          const presence = live.awarenessMessage();
          if (presence) this.send(conn, presence);
          break;
        }
      }
    } catch (err) {
      if (!(err instanceof ProtocolError)) this.options.log(`collab: ${live.name}: ${String(err)}`);
      this.refuse(conn, CLOSE.malformed, err instanceof ProtocolError ? err.message : 'message could not be handled');
    }
  }

  /**
   * The entries of an awareness update this connection may apply: presence
   * for client ids it introduced, or new presence for an id nobody holds.
   * Changing or removing another connection's presence (someone else's
   * caret and name) is dropped, and logged once per connection when it
   * would have changed something. One
   * exception: a member's own reconnecting client (same id, same member)
   * takes its id over from the old connection the server has not seen
   * close yet, so its caret does not vanish until the keep-alive notices.
   */
  private ownPresence(conn: Connection, entries: AwarenessEntry[]): AwarenessEntry[] {
    const live = conn.live;
    return entries.filter((entry) => {
      const owner = live.owners.get(entry.clientId);
      if (owner === conn) return true;
      // A removal for an id nobody holds changes nothing, but its clock
      // would stall a later real client with that id.
      if (!owner) return !entry.isRemoval;
      if (owner.memberId === conn.memberId && !entry.isRemoval) return true;
      // Stock clients echo every presence they receive back to the server,
      // at the clock it came with: that changes nothing and is no attempt.
      if (!wouldChange(live, entry)) return false;
      if (!conn.spoofLogged) {
        conn.spoofLogged = true;
        this.options.log(
          `collab: ${live.name}: member ${conn.memberId} sent presence for client ${entry.clientId}, which another connection holds; dropped (logged once per connection)`,
        );
      }
      return false;
    });
  }

  /**
   * Applies a writer's update; applying is the final validation. Yjs can
   * throw half-way, after integrating part of an update (and emitting it):
   * that part is then taken back out of the commit queue, so it is never
   * stored or relayed, and the document, no longer trustworthy in memory, is
   * reloaded from storage (its other clients reconnect and sync again).
   */
  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    const live = conn.live;
    const queued = live.uncommitted.length;
    try {
      Y.applyUpdate(live.doc, update, conn);
    } catch {
      const halfApplied = live.uncommitted.length > queued;
      live.uncommitted.length = queued;
      this.refuse(conn, CLOSE.malformed, 'Yjs could not apply the update');
      if (halfApplied) {
        this.options.log(`collab: ${live.name}: reloading after a half-applied invalid update`);
        this.flush(); // what other writers sent before it is valid and is kept
        this.unload(live, CLOSE.reloading, 'document reloaded; reconnecting');
      }
    }
  }

  /** Closes one connection on our initiative; nothing it sends afterwards is handled. */
  refuse(conn: Connection, code: number, reason: string): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.ws.close(code, reason.slice(0, 120));
  }

  private readonly send = (conn: Connection, message: Uint8Array): void => {
    const ws = conn.ws;
    if (conn.closed || ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.refuse(conn, CLOSE.tooSlow, 'too far behind; reconnect');
      return;
    }
    ws.send(message);
  };

  private readonly onUpdate = (live: LiveDoc, pending: PendingUpdate): void => {
    live.uncommitted.push(pending);
    this.dirty.add(live);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // setImmediate runs after every socket read of this event-loop turn:
      // all updates that arrived together go into one transaction.
      setImmediate(this.flush);
    }
  };

  /** Group commit: stores every pending update in one transaction, then relays them. */
  readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.dirty.size === 0) return;
    const docs = [...this.dirty];
    this.dirty.clear();
    try {
      this.commitBatch(docs);
    } catch (err) {
      // Nothing of this batch was stored, so none of it may be relayed. The
      // documents are dropped from memory; their writers reconnect and send
      // their edits again once storage works.
      this.options.log(`collab: could not store updates: ${String(err)}`);
      for (const live of docs) this.unload(live, CLOSE.storageFailed, 'could not save; reconnecting');
      return;
    }
    for (const live of docs) {
      const batch = live.uncommitted;
      const answers = live.afterCommit;
      live.uncommitted = [];
      live.afterCommit = [];
      for (const { update, origin } of batch) {
        const message = encodeUpdateMessage(update);
        for (const conn of live.conns) if (conn !== origin) this.send(conn, message);
      }
      for (const answer of answers) answer();
      if (live.storedRows >= this.options.compactRows) this.scheduleCompaction(live);
      if (live.conns.size === 0 && !live.idleTimer && !this.closed) this.unloadIfIdle(live);
    }
  };

  private scheduleCompaction(live: LiveDoc): void {
    if (live.compactionScheduled) return;
    live.compactionScheduled = true;
    // After the relays of this turn went out: compaction never delays them.
    setImmediate(() => {
      live.compactionScheduled = false;
      if (!live.unloaded) this.compact(live);
    });
  }

  /**
   * Replaces the document's log by one update with its current state. Only
   * when everything in memory is committed: then the in-memory state is
   * exactly the stored rows, and encoding it is far cheaper than re-reading
   * the log. The swap itself is one transaction that checks no foreign row
   * slipped into the range (see replaceLogPrefix).
   */
  compact(live: LiveDoc): void {
    if (live.uncommitted.length || live.storedRows <= 1) return;
    const merged = Y.encodeStateAsUpdate(live.doc);
    try {
      const mergedId = replaceLogPrefix(this.db, live.name, merged, live.lastStoredId, live.storedRows);
      if (mergedId) {
        live.storedRows = 1;
        live.lastStoredId = mergedId;
        return;
      }
      // Someone else wrote into this log (a server-side change, a restore):
      // merge from storage instead, which includes their rows.
      compactStoredLog(this.db, live.name);
      live.storedRows = countUpdates(this.db, live.name);
      live.lastStoredId = loadLog(this.db, live.name).lastId;
    } catch (err) {
      this.options.log(`collab: compaction of ${live.name} failed (the log is unchanged): ${String(err)}`);
    }
  }

  private unloadIfIdle(live: LiveDoc): void {
    live.idleTimer = null;
    if (live.unloaded || live.conns.size > 0) return;
    // Wait for the pending commit; flush calls back here when it is done.
    if (live.uncommitted.length) return;
    this.compact(live);
    this.unload(live, CLOSE.shuttingDown, '');
  }

  private unload(live: LiveDoc, code: number, reason: string): void {
    for (const conn of live.conns) this.refuse(conn, code, reason);
    live.conns.clear();
    this.dirty.delete(live);
    live.destroy();
    if (this.docs.get(live.name) === live) this.docs.delete(live.name);
  }

  /** Shutdown: commit what is pending, then close every connection with 1001. */
  async close(): Promise<void> {
    this.closed = true;
    this.flush();
    const sockets: WebSocket[] = [];
    for (const live of this.docs.values()) {
      for (const conn of live.conns) sockets.push(conn.ws);
      this.unload(live, CLOSE.shuttingDown, 'server shutting down');
    }
    await Promise.all(sockets.map(closedOrTerminated));
  }
}

/** Whether y-protocols would take this entry (a newer clock, or a removal at the same clock). */
function wouldChange(live: LiveDoc, entry: AwarenessEntry): boolean {
  const clock = live.awareness.meta.get(entry.clientId)?.clock ?? 0;
  if (entry.clock > clock) return true;
  return entry.clock === clock && entry.isRemoval && live.awareness.getStates().has(entry.clientId);
}

/** Waits for a closing handshake, but not for a peer that never answers. */
function closedOrTerminated(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => ws.terminate(), 1000);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
