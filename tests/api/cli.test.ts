import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { CLI_TIMEOUT, galley } from '../helpers/cli';
import { createMember, loginCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { connectClient, createArticle, synced, waitFor } from '../collab/clients';
import { loadDoc } from '../../server/collab/storage';

const SLOW = CLI_TIMEOUT;

const tmp = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galley-cli-')), name);

describe('npm run galley', { timeout: SLOW }, () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('user:add adds an account with the password from standard input; the running server lets it in', async () => {
    const server = await startTestServer();
    servers.push(server);
    const added = await galley(server.dataDir, ['user:add', '--login', 'marta', '--role', 'admin', '--name', 'Marta R.'], 'a strong secret 1917\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/Added admin "marta"/);
    expect(added.code).toBe(0);
    const cookie = await loginCookie(server.url, 'marta', 'a strong secret 1917');
    const me = await api(server.url, 'GET', '/me', { cookie });
    expect(me.body.member).toMatchObject({ login: 'marta', role: 'admin', displayName: 'Marta R.' });
    const row = server.db.prepare("SELECT password_hash FROM members WHERE login = 'marta'").get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('a strong secret');

    const taken = await galley(server.dataDir, ['user:add', '--login', 'Marta', '--role', 'member'], 'another strong secret\n');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/"Marta" is taken/);
  });

  it('user:add refuses an empty or weak password and a bad role, adding nobody', async () => {
    const dataDir = path.dirname(tmp('x'));
    const empty = await galley(dataDir, ['user:add', '--login', 'pedro', '--role', 'member'], '');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/No password was given/);
    const weak = await galley(dataDir, ['user:add', '--login', 'pedro', '--role', 'member'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 10 characters/);
    const role = await galley(dataDir, ['user:add', '--login', 'pedro', '--role', 'boss'], 'a strong secret 1917\n');
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/--role must be one of: admin, member, contributor/);
    // Refused before the data folder is touched: no database was even created.
    expect(fs.existsSync(path.join(dataDir, 'galley.db'))).toBe(false);
  });

  it('backs up while someone types, refuses to restore under a running server, restores once it is stopped', async () => {
    const server = await startTestServer();
    servers.push(server);
    const m = await createMember(server.db, { role: 'member' });
    const cookie = await loginCookie(server.url, m.login, m.password);
    const { docs } = await createArticle(server.url, cookie, 'Typed during the backup');
    const docName = docs.en!;
    const client = connectClient(server.url, docName, cookie);
    await synced(client);
    const text = client.doc.getText('notes');
    let words = 0;
    const typing = setInterval(() => text.insert(text.length, `w${words++} `), 10);
    try {
      await waitFor(() => loadDoc(server.db, docName).getText('notes').length > 50, 'typing to reach the database');
      const file = tmp('galley-backup');
      const result = await galley(server.dataDir, ['backup', file]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Backed up 1 members, 0 editions, 1 articles/);
      clearInterval(typing);
      await waitFor(() => loadDoc(server.db, docName).getText('notes').toString() === text.toString(), 'the last words to be stored');

      // The copy is one consistent moment: the words typed up to then, in order, none missing.
      const copy = new Database(path.join(file, 'galley.db'), { readonly: true });
      const backedUp = loadDoc(copy, docName).getText('notes').toString();
      copy.close();
      const count = backedUp.split(' ').filter(Boolean).length;
      expect(count).toBeGreaterThan(5);
      expect(backedUp).toBe(Array.from({ length: count }, (_, i) => `w${i} `).join(''));
      expect(text.toString().startsWith(backedUp)).toBe(true);
      expect(text.toString().length).toBeGreaterThan(backedUp.length);

      expect((await galley(server.dataDir, ['backup', file])).stderr).toMatch(/exists already/);

      const refused = await galley(server.dataDir, ['restore', file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use: stop the Galley server first/);
      client.destroy();
      const finalText = loadDoc(server.db, docName).getText('notes').toString();
      await server.close();
      servers.splice(0);

      const restored = await galley(server.dataDir, ['restore', file]);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/Restored 1 members, 0 editions, 1 articles/);
      expect(restored.stdout).toMatch(/previous database is kept as .*before-restore/);
      const kept = restored.stdout.match(/kept as (\S+?)\.?$/m)![1]!;
      const keptDb = new Database(kept, { readonly: true });
      expect(loadDoc(keptDb, docName).getText('notes').toString()).toBe(finalText);
      keptDb.close();

      const again = await startTestServer({ dataDir: server.dataDir });
      servers.push(again);
      expect(loadDoc(again.db, docName).getText('notes').toString()).toBe(backedUp);
      await loginCookie(again.url, m.login, m.password);
    } finally {
      clearInterval(typing);
      client.destroy();
    }
  });

  it('restore refuses files that are not a healthy Galley database and changes nothing', async () => {
    const dataDir = path.dirname(tmp('x'));
    const notes = tmp('notes.txt');
    fs.writeFileSync(notes, 'this is not a database at all');
    const plain = tmp('other.db');
    const other = new Database(plain);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    const missing = await galley(dataDir, ['restore', '/no/such/file.db']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no file/);
    const text = await galley(dataDir, ['restore', notes]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/not a Galley database \(not an SQLite file\)/);
    const foreign = await galley(dataDir, ['restore', plain]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/not a Galley database \(no schema_migrations, members/);
    expect(fs.existsSync(path.join(dataDir, 'galley.db'))).toBe(false);
  });
});
