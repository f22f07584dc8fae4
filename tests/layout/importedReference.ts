import { afterAll, beforeAll } from 'vitest';
import { REFERENCE_EDITION } from '../helpers/reference';
import { startTestServer, type TestServer } from '../helpers/server';
import { createMember, loginCookie } from '../helpers/factories';
import { importReferenceEdition, type ImportedEdition } from '../../server/layout/importReference';

export interface ImportedReference {
  server: TestServer;
  /** A member's session cookie. */
  cookie: string;
  imported: ImportedEdition;
}

/**
 * For a describe block: a real Galley with the reference edition imported by
 * a member (its articles, pictures and both layouts), closed after the
 * block. The returned object is filled in before the first test runs.
 */
export function importedReference(): ImportedReference {
  const env = {} as ImportedReference;
  beforeAll(async () => {
    env.server = await startTestServer();
    const member = await createMember(env.server.db, { role: 'member' });
    env.cookie = await loginCookie(env.server.url, member.login);
    env.imported = await importReferenceEdition(env.server.ctx, REFERENCE_EDITION, member.id);
  }, 120_000);
  afterAll(async () => {
    await env.server?.close();
  });
  return env;
}
