import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { mentionedMemberIds, notify, unreadCount } from './store';

describe('mentions and notifications', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-notes-'));
  const db = openDatabase(dir);
  const insert = db.prepare("INSERT INTO members (id, login, display_name, role, disabled_at) VALUES (?, ?, ?, 'member', ?)");
  insert.run('aaaaaaaaaaaa', 'ana', 'Ana', null);
  insert.run('bbbbbbbbbbbb', 'ben.r', 'Ben', null);
  insert.run('gggggggggggg', 'gone', 'Gone', '2026-01-01T00:00:00Z');
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds @login mentions, case-insensitive, at the end of a sentence too', () => {
    expect(mentionedMemberIds(db, 'Thanks @ANA. And @ben.r, can you look?').sort()).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
  });

  it('ignores e-mail addresses, unknown logins and disabled members', () => {
    expect(mentionedMemberIds(db, 'write to ana@example.org or @nobody or @gone')).toEqual([]);
  });

  it('tells nobody about what they did themselves, and a dedupe key only once', () => {
    notify(db, { memberId: 'aaaaaaaaaaaa', kind: 'mention', actorId: 'aaaaaaaaaaaa' });
    expect(unreadCount(db, 'aaaaaaaaaaaa')).toBe(0);
    notify(db, { memberId: 'aaaaaaaaaaaa', kind: 'task_overdue', dedupeKey: 'overdue:x:2026-01-01' });
    notify(db, { memberId: 'aaaaaaaaaaaa', kind: 'task_overdue', dedupeKey: 'overdue:x:2026-01-01' });
    expect(unreadCount(db, 'aaaaaaaaaaaa')).toBe(1);
  });
});
