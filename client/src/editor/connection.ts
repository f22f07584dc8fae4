import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { markSaved, markUnsaved } from './localCopies';
import { seedIfEmpty } from './seed';

/**
 * What the editor tells the writer about their text:
 *  connecting  nothing heard from the server yet (first load)
 *  offline     no connection; edits go to IndexedDB and wait
 *  saving      connected, but some local edits are not yet confirmed by the server
 *  connected   connected and every local edit confirmed
 *  forbidden / unauthorized   the server closed with 4403 / 4401 and will not take us back
 */
export type ConnectionState = 'connecting' | 'offline' | 'saving' | 'connected' | 'forbidden' | 'unauthorized';

export interface ConnectionSnapshot {
  state: ConnectionState;
  /** Local (IndexedDB) copy loaded, and the server's answer received or not worth waiting for. */
  ready: boolean;
}

const MESSAGE_SYNC = 0;
/** How long a fresh page waits for the server before letting the writer type into an empty copy. */
const FIRST_SYNC_WAIT_MS = 3000;
/** Coalesces a burst of keystrokes into one save confirmation round. */
const PROBE_DELAY_MS = 120;

/**
 * One article version opened in the browser: a Y.Doc, its IndexedDB copy and
 * its WebSocket to /collab/<docName>.
 *
 * How "saved" is known: the y-websocket protocol has no acknowledgement, but
 * the server handles one connection's messages in order and commits each
 * update to SQLite before going on (see the server's collaboration layer).
 * So after local edits we send a sync step 1; the step 2 that answers it
 * proves that every update sent before it has been stored. A step 2 only
 * ever arrives as the answer to a step 1, and answers come in order, so a
 * queue of the local edit counts at which we asked is enough.
 */
export class ArticleConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence;

  private snapshot: ConnectionSnapshot = { state: 'connecting', ready: false };
  private readonly listeners = new Set<() => void>();
  private localEdits = 0;
  private confirmedEdits = 0;
  /** Local edit counts awaiting a step 2, oldest first; null for the provider's own step 1. */
  private probes: Array<number | null> = [];
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private firstSyncTimer: ReturnType<typeof setTimeout> | null = null;
  private localLoaded = false;
  private closedFor: 'forbidden' | 'unauthorized' | null = null;

  constructor(readonly docName: string) {
    this.local = new IndexeddbPersistence(docName, this.doc);
    this.provider = new WebsocketProvider(collabUrl(), docName, this.doc, {
      connect: navigator.onLine,
      // Tabs of one browser each talk to the server; a BroadcastChannel
      // would also deliver step 2 messages that are not the server's answers.
      disableBc: true,
    });
    this.watchConfirmations();

    this.doc.on('update', this.onUpdate);
    this.provider.on('status', this.refresh);
    this.provider.on('sync', this.onSync);
    this.provider.on('closed', this.onClosed);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    void this.local.whenSynced.then(() => {
      this.localLoaded = true;
      this.refresh();
    });
    this.firstSyncTimer = setTimeout(() => {
      this.firstSyncTimer = null;
      this.refresh();
    }, FIRST_SYNC_WAIT_MS);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    if (this.probeTimer) clearTimeout(this.probeTimer);
    if (this.firstSyncTimer) clearTimeout(this.firstSyncTimer);
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Updates from the server are already stored there; everything else
    // (typing, and edits loaded from IndexedDB) must still be confirmed.
    if (origin === this.provider) return;
    this.localEdits++;
    this.scheduleProbe();
    this.refresh();
  };

  private onSync = (synced: boolean) => {
    if (synced) this.scheduleProbe();
    this.refresh();
  };

  private onClosed = ({ code }: { code: number }) => {
    if (code === 4401) this.closedFor = 'unauthorized';
    else if (code === 4403) this.closedFor = 'forbidden';
    this.refresh();
  };

  // The browser knows before the socket does that the network is gone:
  // without this, a dead connection is noticed only after y-websocket's 30 s timeout.
  private onOffline = () => {
    this.provider.disconnect();
    this.refresh();
  };

  private onOnline = () => {
    if (!this.closedFor) this.provider.connect();
  };

  private watchConfirmations(): void {
    const handlers = this.provider.messageHandlers;
    const handleSync = handlers[MESSAGE_SYNC];
    if (!handleSync) throw new Error('y-websocket has no sync handler');
    handlers[MESSAGE_SYNC] = (encoder, decoder, provider, emitSynced, messageType) => {
      const kind = decoding.peekVarUint(decoder);
      handleSync(encoder, decoder, provider, emitSynced, messageType);
      if (kind === syncProtocol.messageYjsSyncStep2) this.onStep2();
    };
    this.provider.on('status', ({ status }) => {
      // A new socket: the provider sends its own step 1 first; its answer
      // confirms nothing of ours. Questions asked on the old socket are void.
      this.probes = status === 'connected' ? [null] : [];
    });
  }

  private onStep2(): void {
    const asked = this.probes.shift();
    if (asked != null) this.confirmedEdits = Math.max(this.confirmedEdits, asked);
    if (this.localEdits > this.confirmedEdits) this.scheduleProbe();
    this.refresh();
  }

  private scheduleProbe(): void {
    if (this.probeTimer || !this.provider.synced) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      const ws = this.provider.ws;
      const waiting = this.probes.some((p) => p !== null && p >= this.localEdits);
      if (!ws || ws.readyState !== WebSocket.OPEN || !this.provider.synced || waiting) return;
      if (this.localEdits <= this.confirmedEdits) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      ws.send(encoding.toUint8Array(encoder));
      this.probes.push(this.localEdits);
    }, PROBE_DELAY_MS);
  }

  private refresh = () => {
    const next: ConnectionSnapshot = {
      state: this.currentState(),
      // A broken IndexedDB (some private modes) or a silent server must not
      // keep the text from the writer for longer than FIRST_SYNC_WAIT_MS.
      ready: this.firstSyncTimer === null || (this.localLoaded && (this.provider.synced || this.unreachable())),
    };
    // Once editable, always editable: a dropped connection must not freeze the text.
    if (this.snapshot.ready) next.ready = true;
    // Before the editors first show a new, empty document, give it its
    // structure (see seed.ts), but only once the local copy is loaded and the
    // server's copy is known or out of reach: seeding a document that holds
    // content not yet seen would add a second paragraph when they merge.
    else if (next.ready && this.localLoaded && (this.provider.synced || this.unreachable())) seedIfEmpty(this.doc);
    // Remember, beyond this page, whether this browser holds edits the server
    // has not confirmed: logging out must not delete them unasked.
    if (this.localEdits > this.confirmedEdits) markUnsaved(this.docName);
    else if (next.state === 'connected') markSaved(this.docName);
    if (next.state === this.snapshot.state && next.ready === this.snapshot.ready) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  };

  /** Neither connected nor trying: offline, or refused. */
  private unreachable(): boolean {
    return !this.provider.wsconnected && !this.provider.wsconnecting;
  }

  private currentState(): ConnectionState {
    if (this.closedFor) return this.closedFor;
    if (this.provider.wsconnected && this.provider.synced) {
      return this.localEdits > this.confirmedEdits ? 'saving' : 'connected';
    }
    if (this.provider.wsconnecting && this.snapshot.state === 'connecting') return 'connecting';
    return 'offline';
  }
}

function collabUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collab`;
}
