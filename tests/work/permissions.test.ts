import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import { createArticle, createCollective, createEdition, SAMPLE_TEXT, writeStoredText } from './fixtures';

/**
 * Every route of the work API against every kind of person: an outsider
 * (no session), a contributor who is not on the article, a contributor who
 * is, a member and an admin. Each route is called fresh for each person
 * (so one person's success never changes what the next one sees), and the
 * expected answers are the policy in one table.
 */
type Who = 'outsider' | 'contributorOff' | 'contributorOn' | 'member' | 'admin';
const WHO: Who[] = ['outsider', 'contributorOff', 'contributorOn', 'member', 'admin'];

interface Scene {
  editionId: string;
  versionId: string;
  articleId: string;
  taskId: string;
  offerId: string;
  threadId: string;
  checkpointId: string;
}

describe('work API permissions, route by route', () => {
  let server: TestServer;
  const cookies = {} as Record<Who, string | undefined>;
  const ids = {} as Record<Who, string>;

  beforeAll(async () => {
    server = await startTestServer();
    for (const who of WHO) {
      if (who === 'outsider') continue;
      const role = who.startsWith('contributor') ? 'contributor' : who === 'admin' ? 'admin' : 'member';
      const p = await memberWithCookie(server.db, server.url, { role, login: who.toLowerCase() });
      cookies[who] = p.cookie;
      ids[who] = p.member.id;
    }
    ids.outsider = 'oooooooooooo';
  });
  afterAll(async () => {
    await server.close();
  });

  /** A fresh article, task, offer, comment thread and checkpoint, made by a helper member. */
  async function scene(offerTo: Who): Promise<Scene> {
    const db = server.db;
    const editionId = createEdition(db);
    const collective = createCollective(db, { memberIds: [ids.member, ids.admin] });
    const article = createArticle(db, { editionId, collectiveId: collective, memberIds: [ids.contributorOn] });
    writeStoredText(db, article.docNames.en, SAMPLE_TEXT);
    const cookie = cookies.admin;
    const task = await api(server.url, 'POST', '/tasks', { cookie, body: { kind: 'edit', subject: { type: 'version', id: article.versions.en } } });
    await api(server.url, 'POST', `/tasks/${task.body.task.id}/take`, { cookie });
    const target = offerTo === 'outsider' || offerTo === 'contributorOff' || offerTo === 'admin' ? 'member' : offerTo;
    const offered = await api(server.url, 'POST', `/tasks/${task.body.task.id}/handoff`, { cookie, body: { memberId: ids[target] } });
    const thread = await api(server.url, 'POST', `/versions/${article.versions.en}/comments`, {
      cookie,
      body: { field: 'body', from: 0, to: 3, body: 'x' },
    });
    const cp = await api(server.url, 'POST', `/versions/${article.versions.en}/checkpoints`, { cookie, body: { name: 'n' } });
    return {
      editionId,
      versionId: article.versions.en,
      articleId: article.id,
      taskId: task.body.task.id,
      offerId: offered.body.task.offers[0].id,
      threadId: thread.body.thread.id,
      checkpointId: cp.body.checkpoint.id,
    };
  }

  // [method, path, body, expected status for outsider, contributorOff, contributorOn, member, admin]
  type Row = [string, (s: Scene) => string, unknown, [number, number, number, number, number]];
  const ROWS: Row[] = [
    ['POST', () => '/tasks', 'newTask', [401, 404, 201, 201, 201]],
    ['GET', (s) => `/tasks/${s.taskId}`, null, [401, 404, 200, 200, 200]],
    ['PATCH', (s) => `/tasks/${s.taskId}`, { title: 'Renamed' }, [401, 404, 403, 200, 200]],
    ['PATCH', (s) => `/tasks/${s.taskId}`, { status: 'done' }, [401, 404, 403, 403, 200]],
    ['POST', (s) => `/tasks/${s.taskId}/take`, null, [401, 404, 409, 409, 409]],
    ['POST', (s) => `/tasks/${s.taskId}/learn`, null, [401, 404, 200, 200, 409]],
    ['POST', (s) => `/tasks/${s.taskId}/leave`, null, [401, 404, 409, 409, 200]],
    ['POST', (s) => `/tasks/${s.taskId}/share`, 'share', [401, 404, 403, 403, 200]],
    ['POST', (s) => `/tasks/${s.taskId}/propose`, 'propose', [401, 404, 200, 200, 200]],
    ['POST', (s) => `/tasks/${s.taskId}/handoff`, 'propose', [401, 404, 403, 403, 200]],
    ['POST', (s) => `/task-offers/${s.offerId}/accept`, null, [401, 404, 200, 200, 403]],
    ['GET', (s) => `/tasks/${s.taskId}/messages`, null, [401, 404, 200, 200, 200]],
    ['POST', (s) => `/tasks/${s.taskId}/messages`, { body: 'hello' }, [401, 404, 201, 201, 201]],
    ['GET', (s) => `/editions/${s.editionId}/board`, null, [401, 403, 403, 200, 200]],
    ['GET', () => '/me/tasks', null, [401, 200, 200, 200, 200]],
    ['GET', () => '/who-does-what', null, [401, 403, 403, 200, 200]],
    ['GET', () => '/notifications', null, [401, 200, 200, 200, 200]],
    ['GET', (s) => `/versions/${s.versionId}/review`, null, [401, 404, 200, 200, 200]],
    ['POST', (s) => `/versions/${s.versionId}/verdicts`, { verdict: 'approve' }, [401, 404, 200, 200, 200]],
    ['DELETE', (s) => `/versions/${s.versionId}/verdicts/mine`, null, [401, 404, 409, 409, 409]],
    ['PUT', (s) => `/versions/${s.versionId}/status`, { status: 'in_discussion' }, [401, 404, 200, 200, 200]],
    ['GET', (s) => `/versions/${s.versionId}/tasks`, null, [401, 404, 200, 200, 200]],
    ['GET', (s) => `/articles/${s.articleId}/decisions`, null, [401, 404, 200, 200, 200]],
    ['GET', (s) => `/versions/${s.versionId}/checkpoints`, null, [401, 404, 200, 200, 200]],
    ['POST', (s) => `/versions/${s.versionId}/checkpoints`, { name: 'Mine' }, [401, 404, 201, 201, 201]],
    ['GET', (s) => `/checkpoints/${s.checkpointId}`, null, [401, 404, 200, 200, 200]],
    ['GET', (s) => `/checkpoints/${s.checkpointId}/compare`, null, [401, 404, 200, 200, 200]],
    ['POST', (s) => `/checkpoints/${s.checkpointId}/restore`, null, [401, 404, 200, 200, 200]],
    ['GET', (s) => `/versions/${s.versionId}/comments`, null, [401, 404, 200, 200, 200]],
    ['POST', (s) => `/versions/${s.versionId}/comments`, { field: 'headline', from: 0, to: 3, body: 'Hm' }, [401, 404, 201, 201, 201]],
    ['POST', (s) => `/comments/${s.threadId}/replies`, { body: 'Yes' }, [401, 404, 201, 201, 201]],
    ['POST', (s) => `/comments/${s.threadId}/resolve`, null, [401, 404, 200, 200, 200]],
  ];

  for (const [method, path, body, expected] of ROWS) {
    const sample = path({ editionId: ':edition', versionId: ':version', articleId: ':article', taskId: ':task', offerId: ':offer', threadId: ':thread', checkpointId: ':checkpoint' });
    const label = `${method} ${sample}${body && typeof body === 'object' ? ` ${JSON.stringify(body)}` : ''}`;
    it(label, async () => {
      const got: number[] = [];
      for (const who of WHO) {
        const s = await scene(who);
        let payload = body;
        if (body === 'newTask') payload = { kind: 'proofread', subject: { type: 'version', id: s.versionId } };
        if (body === 'share') payload = { memberId: ids.contributorOn, role: 'learner' };
        if (body === 'propose') payload = { memberId: ids.contributorOn === ids[who] ? ids.member : ids.contributorOn };
        const res = await api(server.url, method, path(s), { cookie: cookies[who], ...(payload ? { body: payload } : {}) });
        got.push(res.status);
      }
      expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map((w, i) => [w, expected[i]])));
    });
  }
});
