import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, galley } from '../helpers/cli';
import { backup, restore } from '../../server/cli/backup';
import { CliError } from '../../server/cli/errors';
import { createMember, loginCookie } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { listFiles, noisyPhoto, uploadPicture } from '../pictures/fixtures';

/**
 * A backup holds the picture files as well as the database: restored into
 * an empty data folder, the server serves every picture and rendition byte
 * for byte. A damaged or incomplete backup is refused and nothing changes.
 */

const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `galley-${name}-`));
const ASKED = ['original', 'renditions/thumb', 'renditions/web?width=960', 'renditions/print', 'renditions/print?ink=color'];

async function fetchAll(server: TestServer, cookie: string, id: string): Promise<Map<string, Buffer>> {
  const got = new Map<string, Buffer>();
  for (const what of ASKED) {
    const res = await fetch(`${server.url}/api/pictures/${id}/${what}`, { headers: { cookie } });
    expect(res.status, what).toBe(200);
    got.set(what, Buffer.from(await res.arrayBuffer()));
  }
  return got;
}

/** Every file of a data folder with its SHA-256, to show that a refused restore changed nothing. */
function fingerprint(dataDir: string): string[] {
  return listFiles(dataDir).map((line) => {
    const file = line.slice(0, line.lastIndexOf(' '));
    return `${file} ${createHash('sha256').update(fs.readFileSync(path.join(dataDir, file))).digest('hex')}`;
  });
}

describe('backup and restore with pictures', { timeout: CLI_TIMEOUT * 2 }, () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('a restored backup serves every picture and rendition byte for byte', async () => {
    const server = await startTestServer();
    servers.push(server);
    const m = await createMember(server.db, { role: 'member' });
    const cookie = await loginCookie(server.url, m.login, m.password);
    const res = await uploadPicture(server.url, cookie, await noisyPhoto(1000, 700));
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    const served = await fetchAll(server, cookie, id);
    const pictureFiles = listFiles(path.join(server.dataDir, 'files'));
    expect(pictureFiles).toHaveLength(ASKED.length); // one original, four renditions

    // While the server runs.
    const backupDir = path.join(tempDir('backups'), 'monday');
    const made = await galley(server.dataDir, ['backup', backupDir]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Backed up 1 members, 0 editions, 0 articles, 0 documents and 5 picture files \(\d+\.\d MB\)/);
    expect(fs.readdirSync(backupDir).sort()).toEqual(['files', 'galley.db', 'manifest.json']);
    expect(fs.readdirSync(path.dirname(backupDir))).toEqual(['monday']); // no partial folder left behind

    const fresh = tempDir('restored');
    const restored = await galley(fresh, ['restore', backupDir]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Restored 1 members, 0 editions, 0 articles, 0 documents and 5 picture files from/);
    expect(listFiles(path.join(fresh, 'files'))).toEqual(pictureFiles);

    await server.close();
    servers.splice(0);
    const again = await startTestServer({ dataDir: fresh });
    servers.push(again);
    const cookieAgain = await loginCookie(again.url, m.login, m.password);
    const after = await fetchAll(again, cookieAgain, id);
    for (const what of ASKED) expect(after.get(what)!.equals(served.get(what)!), what).toBe(true);
    // Served from the restored files: nothing had to be made again.
    expect(listFiles(path.join(fresh, 'files'))).toEqual(pictureFiles);
  });

  it('refuses a damaged or incomplete backup and leaves the current data untouched', async () => {
    const server = await startTestServer();
    servers.push(server);
    const m = await createMember(server.db, { role: 'member' });
    const cookie = await loginCookie(server.url, m.login, m.password);
    const res = await uploadPicture(server.url, cookie, await noisyPhoto(600, 400));
    const id = ((await res.json()) as { id: string }).id;
    await fetchAll(server, cookie, id);
    const backups = tempDir('backups');
    const good = path.join(backups, 'good');
    expect((await galley(server.dataDir, ['backup', good])).code).toBe(0);
    await server.close();
    servers.splice(0);

    // The data to protect: a stopped Galley with a picture of its own.
    const current = server.dataDir;
    const other = await startTestServer({ dataDir: current });
    const otherCookie = await loginCookie(other.url, m.login, m.password);
    expect((await uploadPicture(other.url, otherCookie, await noisyPhoto(500, 300))).status).toBe(201);
    await other.close();
    const untouched = fingerprint(current);

    const copyOfGood = (name: string) => {
      const dir = path.join(backups, name);
      fs.cpSync(good, dir, { recursive: true });
      return dir;
    };
    const someRendition = (dir: string) => {
      const line = listFiles(path.join(dir, 'files')).find((f) => f.startsWith('renditions'))!;
      return path.join(dir, 'files', line.slice(0, line.lastIndexOf(' ')));
    };

    const cutShort = copyOfGood('cut-short');
    fs.rmSync(path.join(cutShort, 'manifest.json'));
    const damaged = copyOfGood('damaged');
    const flipped = fs.readFileSync(someRendition(damaged));
    flipped[flipped.length >> 1] = flipped[flipped.length >> 1]! ^ 0xff;
    fs.writeFileSync(someRendition(damaged), flipped);
    const missing = copyOfGood('missing');
    fs.rmSync(someRendition(missing));
    const badDb = copyOfGood('bad-db');
    fs.truncateSync(path.join(badDb, 'galley.db'), 4096);
    const escaping = copyOfGood('escaping');
    const manifest = JSON.parse(fs.readFileSync(path.join(escaping, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    manifest.files[0]!.path = 'files/../../elsewhere.jpg';
    fs.writeFileSync(path.join(escaping, 'manifest.json'), JSON.stringify(manifest));

    const cases: [string, RegExp][] = [
      [cutShort, /is not a complete Galley backup: it has no manifest\.json/],
      [damaged, /is damaged or incomplete: files\/renditions\/\S+ differs from the manifest/],
      [missing, /is damaged or incomplete: files\/renditions\/\S+ is missing/],
      [badDb, /is damaged or incomplete: galley\.db differs from the manifest/],
      [escaping, /files\/\.\.\/\.\.\/elsewhere\.jpg is not a path a backup may hold/],
    ];
    // The command's own code, in this process (the command line prints a
    // CliError as it is and exits with 1: tests/api/cli.test.ts).
    for (const [dir, message] of cases) {
      expect(() => restore(current, dir), dir).toThrow(CliError);
      expect(() => restore(current, dir)).toThrow(message);
      expect(() => restore(current, dir)).toThrow(/Nothing was changed/);
      expect(fingerprint(current)).toEqual(untouched);
    }
    const refused = await galley(current, ['restore', damaged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/damaged or incomplete/);
    expect(fingerprint(current)).toEqual(untouched);

    // The good one restores over it; what was there is kept beside it.
    const restored = await galley(current, ['restore', good]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/previous database is kept as .*before-restore/);
    expect(restored.stdout).toMatch(/previous picture files are kept in .*files\.before-restore/);
    const keptFiles = restored.stdout.match(/kept in (\S+?)\.?$/m)![1]!;
    expect(listFiles(keptFiles)).toHaveLength(listFiles(path.join(good, 'files')).length + 1); // and the other picture's original
    expect(listFiles(path.join(current, 'files'))).toEqual(listFiles(path.join(good, 'files')));
  });

  it('says so when a picture’s original was already missing, and the backup still restores', async () => {
    const server = await startTestServer();
    servers.push(server);
    const m = await createMember(server.db, { role: 'member' });
    const cookie = await loginCookie(server.url, m.login, m.password);
    const res = await uploadPicture(server.url, cookie, await noisyPhoto(400, 300));
    expect(res.status).toBe(201);
    const originals = path.join(server.dataDir, 'files', 'originals');
    const lost = listFiles(originals)[0]!;
    fs.rmSync(path.join(originals, lost.slice(0, lost.lastIndexOf(' '))));
    // The command's own code, in this process (see cli.test.ts for the command line around it).
    const dir = path.join(tempDir('backups'), 'with-a-gap');
    expect(backup(server.dataDir, dir)).toMatch(/Warning: the originals of 1 pictures were not in .*files/);
    expect(restore(tempDir('restored'), dir)).toMatch(/Restored 1 members, .* and 0 picture files/);
  });
});
