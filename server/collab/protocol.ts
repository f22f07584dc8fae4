import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The y-websocket wire format, as a stock WebsocketProvider speaks it:
 *   [0 sync]      [0 step1, stateVector] | [1 step2, update] | [2 update, update]
 *   [1 awareness] [awarenessUpdate]
 *   [3 query awareness]
 * (2, auth, only ever goes from server to client.) Every field after the
 * type is one varUint8Array, and a frame holds exactly one message.
 *
 * Parsing here is strict and checks everything that can be checked without
 * touching a live document, so that a malformed frame is refused before it
 * reaches one.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export type ClientMessage =
  | { kind: 'step1'; stateVector: Uint8Array }
  /** Step 2 and update carry the same thing: a Yjs update to apply. */
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

/** A frame that does not follow the protocol; the message is safe to show the client. */
export class ProtocolError extends Error {}

export function parseClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = readUint(decoder, 'message type');
  let message: ClientMessage;
  if (type === MESSAGE_SYNC) {
    const step = readUint(decoder, 'sync step');
    const payload = readBytes(decoder, 'sync payload');
    if (step === SYNC_STEP1) message = { kind: 'step1', stateVector: payload };
    else if (step === SYNC_STEP2 || step === SYNC_UPDATE) message = { kind: 'update', update: payload };
    else throw new ProtocolError(`unknown sync step ${step}`);
  } else if (type === MESSAGE_AWARENESS) {
    message = { kind: 'awareness', update: readBytes(decoder, 'awareness update') };
  } else if (type === MESSAGE_QUERY_AWARENESS) {
    message = { kind: 'queryAwareness' };
  } else {
    throw new ProtocolError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('extra bytes after the message');
  return message;
}

function readUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError(`bad ${what}`);
  }
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError(`truncated ${what}`);
  }
}

/**
 * Checks that bytes decode as a complete Yjs update (structs and delete
 * set), without applying them to anything: a truncated or garbled update
 * must not be half-applied to a live document.
 */
export function checkUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('not a valid Yjs update');
  }
}

export function checkStateVector(stateVector: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(stateVector);
    const clients = decoding.readVarUint(decoder);
    for (let i = 0; i < clients; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
    }
    if (decoding.hasContent(decoder)) throw new Error('extra bytes');
  } catch {
    throw new ProtocolError('not a valid state vector');
  }
}

/** One entry of an awareness update: a client's presence (null: it left) at a clock. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as the JSON text it came in (re-encoded unchanged when entries are filtered). */
  stateJson: string;
  isRemoval: boolean;
}

/**
 * Reads an awareness update completely before anything of it is applied
 * (y-protocols would apply the first entries and then throw on a later bad
 * one), so that the hub can also look at whose presence each entry is.
 */
export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const stateJson = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(stateJson);
      if (state !== null && typeof state !== 'object') throw new Error('state is not an object');
      entries.push({ clientId, clock, stateJson, isRemoval: state === null });
    }
    if (decoding.hasContent(decoder)) throw new Error('extra bytes');
    return entries;
  } catch {
    throw new ProtocolError('not a valid awareness update');
  }
}

export function checkAwarenessUpdate(update: Uint8Array): void {
  parseAwarenessUpdate(update);
}

/** The awareness update holding just these entries, in y-protocols' encoding. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.stateJson);
  }
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
