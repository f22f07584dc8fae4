import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import type { Member } from '../../server/auth/members';
import { createArticle, createCollective, createEdition, type TestArticle } from './fixtures';

interface Person {
  member: Member;
  cookie: string;
}

describe('tasks: responsibilities taken, shared, handed off and proposed', () => {
  let server: TestServer;
  let admin: Person, ana: Person, ben: Person, cai: Person, onArticle: Person, offArticle: Person;
  let editionId: string, layoutCollective: string;
  let article: TestArticle;
  const call = (who: Person | null, method: string, path: string, body?: unknown) =>
    api(server.url, method, path, { cookie: who?.cookie, body });

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.db;
    admin = await memberWithCookie(db, server.url, { role: 'admin', login: 'admin1', displayName: 'Ada Admin' });
    ana = await memberWithCookie(db, server.url, { login: 'ana', displayName: 'Ana' });
    ben = await memberWithCookie(db, server.url, { login: 'ben', displayName: 'Ben' });
    cai = await memberWithCookie(db, server.url, { login: 'cai', displayName: 'Cai' });
    onArticle = await memberWithCookie(db, server.url, { role: 'contributor', login: 'corr', displayName: 'Corr' });
    offArticle = await memberWithCookie(db, server.url, { role: 'contributor', login: 'away', displayName: 'Away' });
    editionId = createEdition(db, { number: 47, pageCount: 8 });
    layoutCollective = createCollective(db, { name: 'Layout collective', memberIds: [ana.member.id, ben.member.id] });
    article = createArticle(db, { editionId, memberIds: [onArticle.member.id] });
  });
  afterAll(async () => {
    await server.close();
  });

  async function newTask(who: Person, body: Record<string, unknown>) {
    const res = await call(who, 'POST', '/tasks', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.task as { id: string; status: string };
  }

  describe('creating a task', () => {
    it('refuses a subject that does not exist, naming it, and writes nothing', async () => {
      const before = server.db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number };
      const res = await call(ana, 'POST', '/tasks', { kind: 'edit', subject: { type: 'version', id: 'zzzzzzzzzzzz' } });
      expect(res.status).toBe(404);
      expect(res.body.error).toContain('zzzzzzzzzzzz');
      const edition = await call(ana, 'POST', '/tasks', { kind: 'layout', subject: { type: 'edition', id: 'nnnnnnnnnnnn' } });
      expect(edition.status).toBe(404);
      expect(edition.body.error).toMatch(/no edition nnnnnnnnnnnn/);
      const page = await call(ana, 'POST', '/tasks', { kind: 'layout', subject: { type: 'page', id: editionId, page: 12 } });
      expect(page.status).toBe(404);
      expect(page.body.error).toMatch(/8 pages; there is no page 12/);
      const picture = await call(ana, 'POST', '/tasks', { kind: 'picture', subject: { type: 'picture', id: 'pppppppppppp' } });
      expect(picture.status).toBe(404);
      expect(picture.body.error).toMatch(/no picture pppppppppppp/);
      const collective = await call(ana, 'POST', '/tasks', {
        kind: 'edit',
        subject: { type: 'version', id: article.versions.en },
        collectiveId: 'cccccccccccc',
      });
      expect(collective.status).toBe(404);
      expect(collective.body.error).toMatch(/no collective cccccccccccc/);
      const after = server.db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number };
      expect(after.n).toBe(before.n);
    });

    it('refuses bad input with a message naming the field', async () => {
      const kind = await call(ana, 'POST', '/tasks', { kind: 'sing', subject: { type: 'edition', id: editionId } });
      expect(kind.status).toBe(400);
      expect(kind.body.error).toMatch(/^kind:/);
      const due = await call(ana, 'POST', '/tasks', { kind: 'layout', subject: { type: 'edition', id: editionId }, dueDate: '2026-02-31x' });
      expect(due.status).toBe(400);
      expect(due.body.error).toMatch(/^dueDate:/);
      const noPage = await call(ana, 'POST', '/tasks', { kind: 'layout', subject: { type: 'page', id: editionId } });
      expect(noPage.status).toBe(400);
      expect(noPage.body.error).toMatch(/needs the page number/);
    });

    it('refuses a forged creator: the actor is always the session member', async () => {
      const res = await call(ana, 'POST', '/tasks', {
        kind: 'edit',
        subject: { type: 'edition', id: editionId },
        createdBy: ben.member.id,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/createdBy/);
    });

    it('answers only logged-in people, and contributors only for what they are on', async () => {
      expect((await call(null, 'POST', '/tasks', { kind: 'edit', subject: { type: 'edition', id: editionId } })).status).toBe(401);
      const off = await call(offArticle, 'POST', '/tasks', { kind: 'translate', subject: { type: 'version', id: article.versions.es } });
      expect(off.status).toBe(404);
      const onEdition = await call(onArticle, 'POST', '/tasks', { kind: 'layout', subject: { type: 'edition', id: editionId } });
      expect(onEdition.status).toBe(403);
      const mine = await newTask(onArticle, { kind: 'translate', subject: { type: 'version', id: article.versions.es } });
      expect(mine.status).toBe('open');
      const adminTask = await newTask(admin, { kind: 'proofread', subject: { type: 'page', id: editionId, page: 3 } });
      expect(adminTask).toMatchObject({ subject: { type: 'page', page: 3, editionNumber: 47 } });
    });

    it('takes the article collective when none is given, and names the subject', async () => {
      const collective = createCollective(server.db, { name: 'Writers' });
      const other = createArticle(server.db, { editionId, collectiveId: collective, title: 'Rent strike' });
      const task = await newTask(ana, { kind: 'edit', subject: { type: 'version', id: other.versions.en } });
      expect(task).toMatchObject({
        collectiveId: collective,
        subject: { type: 'version', articleId: other.id, articleTitle: 'Rent strike', lang: 'en', editionId, editionNumber: 47 },
      });
    });
  });

  describe('taking, sharing, learning, handing off, leaving', () => {
    it('one takes a layout task and shares it with a second as a learner', async () => {
      const task = await newTask(ana, {
        kind: 'layout',
        subject: { type: 'page', id: editionId, page: 1 },
        collectiveId: layoutCollective,
        title: 'Front page',
      });
      const taken = await call(ana, 'POST', `/tasks/${task.id}/take`);
      expect(taken.body.task).toMatchObject({ status: 'taken', holders: [{ id: ana.member.id, displayName: 'Ana' }] });
      expect((await call(ben, 'POST', `/tasks/${task.id}/take`)).status).toBe(409);
      // Only a holder shares.
      expect((await call(ben, 'POST', `/tasks/${task.id}/share`, { memberId: cai.member.id, role: 'learner' })).status).toBe(403);
      const shared = await call(ana, 'POST', `/tasks/${task.id}/share`, { memberId: cai.member.id, role: 'learner' });
      expect(shared.status).toBe(200);
      expect(shared.body.task.learners).toEqual([{ id: cai.member.id, displayName: 'Cai' }]);
      expect((await call(ana, 'POST', `/tasks/${task.id}/share`, { memberId: cai.member.id, role: 'learner' })).status).toBe(409);
      // Cai is told.
      const notes = await call(cai, 'GET', '/notifications');
      expect(notes.body.notifications[0]).toMatchObject({ kind: 'task_shared', taskId: task.id, actor: { displayName: 'Ana' } });
      // Cai's responsibilities show it as learning.
      const mine = await call(cai, 'GET', '/me/tasks');
      expect(mine.body.learning.map((t: { id: string }) => t.id)).toContain(task.id);
      // The history records who did what.
      const detail = await call(ben, 'GET', `/tasks/${task.id}`);
      expect(detail.body.events.map((e: { event: string }) => e.event)).toEqual(['created', 'took', 'brought_in_learner']);
      expect(detail.body.events[2]).toMatchObject({ actor: { id: ana.member.id }, other: { id: cai.member.id } });
    });

    it('shares as co-holder, and a learner may join on their own', async () => {
      const task = await newTask(ben, { kind: 'picture', subject: { type: 'edition', id: editionId } });
      await call(ben, 'POST', `/tasks/${task.id}/take`);
      const shared = await call(ben, 'POST', `/tasks/${task.id}/share`, { memberId: ana.member.id, role: 'holder' });
      expect(shared.body.task.holders.map((h: { id: string }) => h.id).sort()).toEqual([ana.member.id, ben.member.id].sort());
      const learning = await call(cai, 'POST', `/tasks/${task.id}/learn`);
      expect(learning.body.task.learners).toEqual([{ id: cai.member.id, displayName: 'Cai' }]);
      expect((await call(cai, 'POST', `/tasks/${task.id}/learn`)).status).toBe(409);
    });

    it('hands off to someone who must accept; the one who offered stops holding', async () => {
      const task = await newTask(ana, { kind: 'edit', subject: { type: 'version', id: article.versions.en } });
      await call(ana, 'POST', `/tasks/${task.id}/take`);
      expect((await call(ben, 'POST', `/tasks/${task.id}/handoff`, { memberId: cai.member.id })).status).toBe(403);
      const offered = await call(ana, 'POST', `/tasks/${task.id}/handoff`, { memberId: ben.member.id });
      expect(offered.body.task.holders).toEqual([{ id: ana.member.id, displayName: 'Ana' }]);
      const offer = offered.body.task.offers[0];
      expect(offer).toMatchObject({ kind: 'handoff', from: { id: ana.member.id }, to: { id: ben.member.id } });
      // Nobody but Ben may accept it.
      expect((await call(cai, 'POST', `/task-offers/${offer.id}/accept`)).status).toBe(404);
      expect((await call(ana, 'POST', `/task-offers/${offer.id}/accept`)).status).toBe(403);
      const accepted = await call(ben, 'POST', `/task-offers/${offer.id}/accept`);
      expect(accepted.body.task).toMatchObject({ status: 'taken', holders: [{ id: ben.member.id }], offers: [] });
      expect((await call(ben, 'POST', `/task-offers/${offer.id}/accept`)).status).toBe(409);
    });

    it('proposes a task to someone, who declines or accepts', async () => {
      const task = await newTask(ana, { kind: 'proofread', subject: { type: 'edition', id: editionId } });
      const proposed = await call(ana, 'POST', `/tasks/${task.id}/propose`, { memberId: cai.member.id });
      const offerId = proposed.body.task.offers[0].id;
      const notes = await call(cai, 'GET', '/notifications?unread=1');
      expect(notes.body.notifications.some((n: { kind: string; taskId: string }) => n.kind === 'task_proposed' && n.taskId === task.id)).toBe(true);
      expect((await call(cai, 'GET', '/me/tasks')).body.offered.map((t: { id: string }) => t.id)).toContain(task.id);
      const declined = await call(cai, 'POST', `/task-offers/${offerId}/decline`);
      expect(declined.body.task).toMatchObject({ status: 'open', holders: [], offers: [] });
      const again = await call(ben, 'POST', `/tasks/${task.id}/propose`, { memberId: cai.member.id });
      const accepted = await call(cai, 'POST', `/task-offers/${again.body.task.offers[0].id}/accept`);
      expect(accepted.body.task).toMatchObject({ status: 'taken', holders: [{ id: cai.member.id }] });
    });

    it('refuses to offer a task to a contributor who is not on its article, or to nobody', async () => {
      const task = await newTask(ana, { kind: 'edit', subject: { type: 'version', id: article.versions.en } });
      const off = await call(ana, 'POST', `/tasks/${task.id}/propose`, { memberId: offArticle.member.id });
      expect(off.status).toBe(400);
      expect(off.body.error).toMatch(/not on this task's article/);
      const nobody = await call(ana, 'POST', `/tasks/${task.id}/propose`, { memberId: 'mmmmmmmmmmmm' });
      expect(nobody.status).toBe(404);
      const on = await call(ana, 'POST', `/tasks/${task.id}/propose`, { memberId: onArticle.member.id });
      expect(on.status).toBe(200);
    });

    it('leaving as the last holder opens the task again; status moves by holders only', async () => {
      const task = await newTask(ana, { kind: 'write', subject: { type: 'version', id: article.versions.en } });
      await call(ben, 'POST', `/tasks/${task.id}/take`);
      expect((await call(ana, 'PATCH', `/tasks/${task.id}`, { status: 'done' })).status).toBe(403);
      expect((await call(ben, 'PATCH', `/tasks/${task.id}`, { status: 'in_review' })).body.task.status).toBe('in_review');
      const left = await call(ben, 'POST', `/tasks/${task.id}/leave`);
      expect(left.body.task).toMatchObject({ status: 'open', holders: [] });
      expect((await call(ben, 'POST', `/tasks/${task.id}/leave`)).status).toBe(409);
      expect((await call(admin, 'PATCH', `/tasks/${task.id}`, { status: 'done' })).status).toBe(409);
    });
  });

  describe('seeing tasks', () => {
    it('hides tasks from a contributor who is not on their article', async () => {
      const task = await newTask(ana, { kind: 'translate', subject: { type: 'version', id: article.versions.es } });
      expect((await call(onArticle, 'GET', `/tasks/${task.id}`)).status).toBe(200);
      expect((await call(offArticle, 'GET', `/tasks/${task.id}`)).status).toBe(404);
      expect((await call(offArticle, 'POST', `/tasks/${task.id}/take`)).status).toBe(404);
      expect((await call(null, 'GET', `/tasks/${task.id}`)).status).toBe(401);
      expect((await call(admin, 'GET', `/tasks/${task.id}`)).status).toBe(200);
    });

    it('the board: columns by status, filters, overdue flagged; members and admins only', async () => {
      const ed = createEdition(server.db, { number: 48 });
      const art = createArticle(server.db, { editionId: ed, title: 'Clinic reopens' });
      const late = await newTask(ana, { kind: 'write', subject: { type: 'version', id: art.versions.en }, dueDate: '2020-01-01' });
      const layout = await newTask(ana, { kind: 'layout', subject: { type: 'page', id: ed, page: 2 }, collectiveId: layoutCollective });
      await newTask(ana, { kind: 'proofread', subject: { type: 'edition', id: ed }, dueDate: '2999-01-01' });
      await call(ben, 'POST', `/tasks/${layout.id}/take`);
      const board = await call(cai, 'GET', `/editions/${ed}/board`);
      expect(board.status).toBe(200);
      const cols = board.body.board.columns;
      expect(cols.open.map((t: { kind: string }) => t.kind)).toEqual(['write', 'proofread']);
      expect(cols.taken.map((t: { id: string }) => t.id)).toEqual([layout.id]);
      expect(cols.open[0]).toMatchObject({ id: late.id, overdue: true });
      expect(cols.open[1].overdue).toBe(false);
      expect(board.body.board.overdueCount).toBe(1);
      const byKind = await call(cai, 'GET', `/editions/${ed}/board?kind=layout`);
      expect(Object.values(byKind.body.board.columns).flat().length).toBe(1);
      const byMember = await call(cai, 'GET', `/editions/${ed}/board?memberId=${ben.member.id}`);
      expect(byMember.body.board.columns.taken.map((t: { id: string }) => t.id)).toEqual([layout.id]);
      expect(Object.values(byMember.body.board.columns).flat().length).toBe(1);
      const byCollective = await call(cai, 'GET', `/editions/${ed}/board?collectiveId=${layoutCollective}`);
      expect(Object.values(byCollective.body.board.columns).flat().length).toBe(1);
      expect((await call(cai, 'GET', `/editions/${ed}/board?kind=nap`)).status).toBe(400);
      expect((await call(onArticle, 'GET', `/editions/${ed}/board`)).status).toBe(403);
      expect((await call(null, 'GET', `/editions/${ed}/board`)).status).toBe(401);
      expect((await call(admin, 'GET', '/editions/nnnnnnnnnnnn/board')).status).toBe(404);
    });

    it('tells a holder once that a task is overdue', async () => {
      const task = await newTask(ana, { kind: 'other', subject: { type: 'edition', id: editionId }, dueDate: '2021-03-04' });
      await call(ana, 'POST', `/tasks/${task.id}/take`);
      await call(ana, 'GET', '/notifications');
      const list = await call(ana, 'GET', '/notifications');
      const overdue = list.body.notifications.filter((n: { kind: string; taskId: string }) => n.kind === 'task_overdue' && n.taskId === task.id);
      expect(overdue.length).toBe(1);
    });
  });

  describe('the thread of a task and notifications', () => {
    it('keeps messages in order and tells members mentioned with @login', async () => {
      const task = await newTask(ana, { kind: 'edit', subject: { type: 'version', id: article.versions.en } });
      const before = (await call(ben, 'GET', '/notifications/unread-count')).body.unread;
      const first = await call(ana, 'POST', `/tasks/${task.id}/messages`, { body: 'Could @ben and @away look at the second paragraph?' });
      expect(first.status).toBe(201);
      expect(first.body.message).toMatchObject({ author: { id: ana.member.id }, body: expect.stringContaining('@ben') });
      await call(ben, 'POST', `/tasks/${task.id}/messages`, { body: 'On it.' });
      const thread = await call(onArticle, 'GET', `/tasks/${task.id}/messages`);
      expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual([
        'Could @ben and @away look at the second paragraph?',
        'On it.',
      ]);
      expect((await call(ben, 'GET', '/notifications/unread-count')).body.unread).toBe(before + 1);
      // A contributor who cannot see the task is not told about it.
      const away = await call(offArticle, 'GET', '/notifications');
      expect(away.body.notifications.filter((n: { taskId: string }) => n.taskId === task.id)).toEqual([]);
      expect((await call(ana, 'POST', `/tasks/${task.id}/messages`, { body: '   ' })).status).toBe(400);
      expect((await call(offArticle, 'POST', `/tasks/${task.id}/messages`, { body: 'hi' })).status).toBe(404);
    });

    it('marks one notification read, or all; nobody can mark another person\'s', async () => {
      const list = await call(ben, 'GET', '/notifications?unread=1');
      const first = list.body.notifications[0];
      expect(first).toBeDefined();
      expect((await call(ana, 'POST', `/notifications/${first.id}/read`)).status).toBe(404);
      const read = await call(ben, 'POST', `/notifications/${first.id}/read`);
      expect(read.body.unread).toBe(list.body.unread - 1);
      await call(ben, 'POST', '/notifications/read-all');
      expect((await call(ben, 'GET', '/notifications/unread-count')).body.unread).toBe(0);
      expect((await call(null, 'GET', '/notifications')).status).toBe(401);
    });
  });

  it('who does what: members and admins see it, contributors do not', async () => {
    const res = await call(ana, 'GET', '/who-does-what');
    expect(res.status).toBe(200);
    const layout = res.body.kinds.find((k: { kind: string }) => k.kind === 'layout');
    expect(layout.holders.map((h: { displayName: string }) => h.displayName)).toEqual(['Ana', 'Ben']);
    expect(layout.learners.map((h: { displayName: string }) => h.displayName)).toEqual(['Cai']);
    expect((await call(admin, 'GET', '/who-does-what')).status).toBe(200);
    expect((await call(onArticle, 'GET', '/who-does-what')).status).toBe(403);
    expect((await call(null, 'GET', '/who-does-what')).status).toBe(401);
  });
});
