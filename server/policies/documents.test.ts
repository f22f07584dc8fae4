import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/database';
import { newId } from '../db/ids';
import type { Member, Role } from '../auth/members';
import { insertArticle } from '../routes/articles/store';
import { insertEdition } from '../routes/editions/store';
import { docAccess } from './documents';

describe('docAccess', () => {
  let db: DB;
  let dir: string;
  const member = (role: Role): Member => {
    const id = newId();
    db.prepare('INSERT INTO members (id, login, display_name, role) VALUES (?, ?, ?, ?)').run(id, `m${id}`, 'M', role);
    return { id, login: `m${id}`, displayName: 'M', defaultByline: '', role, uiLang: 'en' };
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-policy-'));
    db = openDatabase(dir);
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('articles: members write, contributors only on their own, archived is read-only, unknown is missing', () => {
    const writer = member('member');
    const admin = member('admin');
    const correspondent = member('contributor');
    const stranger = member('contributor');
    const id = insertArticle(db, { title: 't', editionId: null, languages: ['en'], section: '', collectiveId: null, createdBy: correspondent.id });
    const doc = `article.${id}.en`;
    expect(docAccess(db, writer, doc)).toBe('write');
    expect(docAccess(db, admin, doc)).toBe('write');
    expect(docAccess(db, correspondent, doc)).toBe('write');
    expect(docAccess(db, stranger, doc)).toBe('none');
    // The article has no Spanish version: that document does not exist.
    expect(docAccess(db, writer, `article.${id}.es`)).toBe('missing');
    db.prepare('UPDATE articles SET archived_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    expect(docAccess(db, writer, doc)).toBe('read');
    expect(docAccess(db, correspondent, doc)).toBe('read');
    expect(docAccess(db, stranger, doc)).toBe('none');
  });

  it('layouts: members and admins write, contributors none, only in the edition languages', () => {
    const writer = member('member');
    const correspondent = member('contributor');
    const editionId = insertEdition(db, { number: 7, title: 'Issue 7', date: null, languages: ['es'], pageCount: 8 });
    expect(docAccess(db, writer, `layout.${editionId}.es`)).toBe('write');
    expect(docAccess(db, correspondent, `layout.${editionId}.es`)).toBe('none');
    expect(docAccess(db, writer, `layout.${editionId}.en`)).toBe('missing');
    expect(docAccess(db, writer, `layout.${newId()}.es`)).toBe('missing');
    db.prepare('UPDATE editions SET archived_at = ? WHERE id = ?').run(new Date().toISOString(), editionId);
    expect(docAccess(db, writer, `layout.${editionId}.es`)).toBe('read');
  });

  it('malformed names are missing, never looked up', () => {
    const writer = member('member');
    for (const name of ['', 'article', 'article..en', 'article.ABCDEFGHIJKL.en', 'article.abcdefghijkm.fr', "article.x' OR 1=1 --.en", 'notes.abcdefghijkm.en']) {
      expect(docAccess(db, writer, name)).toBe('missing');
    }
  });
});
