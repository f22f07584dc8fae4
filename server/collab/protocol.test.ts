import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import {
  checkAwarenessUpdate,
  checkStateVector,
  checkUpdate,
  encodeAwarenessMessage,
  parseClientMessage,
  ProtocolError,
} from './protocol';

/** Frames exactly as y-protocols (and so a stock y-websocket client) writes them. */
function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('parsing client frames', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');

  it('reads the frames a stock client sends', () => {
    const step1 = frame((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(parseClientMessage(step1)).toEqual({ kind: 'step1', stateVector: Y.encodeStateVector(doc) });

    const update = Y.encodeStateAsUpdate(doc);
    for (const write of [syncProtocol.writeSyncStep2, syncProtocol.writeUpdate]) {
      const f = frame((e) => {
        encoding.writeVarUint(e, 0);
        if (write === syncProtocol.writeSyncStep2) syncProtocol.writeSyncStep2(e, doc);
        else syncProtocol.writeUpdate(e, update);
      });
      expect(parseClientMessage(f)).toEqual({ kind: 'update', update });
    }

    const awareness = new Awareness(doc);
    const awarenessUpdate = encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(parseClientMessage(encodeAwarenessMessage(awarenessUpdate))).toEqual({ kind: 'awareness', update: awarenessUpdate });
    expect(parseClientMessage(new Uint8Array([3]))).toEqual({ kind: 'queryAwareness' });
    awareness.destroy();
  });

  it('refuses what does not follow the protocol', () => {
    const bad: [number[], RegExp][] = [
      [[], /bad message type/],
      [[0x80], /bad message type/],
      [[2, 0], /unknown message type 2/],
      [[0], /bad sync step/],
      [[0, 3, 0], /unknown sync step 3/],
      [[0, 2, 5, 1, 2], /truncated sync payload/],
      [[1], /truncated awareness update/],
      [[3, 0], /extra bytes/],
      [[0, 0, 0, 9], /extra bytes/],
    ];
    for (const [bytes, message] of bad) {
      expect(() => parseClientMessage(new Uint8Array(bytes))).toThrow(ProtocolError);
      expect(() => parseClientMessage(new Uint8Array(bytes))).toThrow(message);
    }
  });

  it('checks payloads completely before anything is applied', () => {
    const update = Y.encodeStateAsUpdate(doc);
    expect(() => checkUpdate(update)).not.toThrow();
    expect(() => checkUpdate(update.slice(0, update.length - 2))).toThrow(/not a valid Yjs update/);
    expect(() => checkStateVector(Y.encodeStateVector(doc))).not.toThrow();
    expect(() => checkStateVector(new Uint8Array([2, 1]))).toThrow(/state vector/);

    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Ana' });
    expect(() => checkAwarenessUpdate(encodeAwarenessUpdate(awareness, [doc.clientID]))).not.toThrow();
    // Two entries, the second with a state that is not JSON: refused as a whole.
    const twoEntries = frame((e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{"user":{"name":"Ben"}}');
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{not json');
    });
    expect(() => checkAwarenessUpdate(twoEntries)).toThrow(/awareness/);
    awareness.destroy();
  });
});
