import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { memberWithCookie } from '../helpers/factories';
import { api } from '../helpers/http';
import type { Member } from '../../server/auth/members';
import {
  appendToLastParagraph,
  createArticle,
  createCollective,
  editStoredText,
  removeFromCollective,
  SAMPLE_TEXT,
  writeStoredText,
  type TestArticle,
} from './fixtures';

interface Person {
  member: Member;
  cookie: string;
}

describe('approval by the collective', () => {
  let server: TestServer;
  let admin: Person, ana: Person, ben: Person, cai: Person, dee: Person, corr: Person, away: Person;
  let collective: string;
  const call = (who: Person | null, method: string, path: string, body?: unknown) =>
    api(server.url, method, path, { cookie: who?.cookie, body });
  const approve = (who: Person, versionId: string) => call(who, 'POST', `/versions/${versionId}/verdicts`, { verdict: 'approve' });

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.db;
    admin = await memberWithCookie(db, server.url, { role: 'admin', displayName: 'Ada' });
    ana = await memberWithCookie(db, server.url, { login: 'ana', displayName: 'Ana' });
    ben = await memberWithCookie(db, server.url, { login: 'ben', displayName: 'Ben' });
    cai = await memberWithCookie(db, server.url, { login: 'cai', displayName: 'Cai' });
    dee = await memberWithCookie(db, server.url, { login: 'dee', displayName: 'Dee' });
    corr = await memberWithCookie(db, server.url, { role: 'contributor', login: 'corr', displayName: 'Corr' });
    away = await memberWithCookie(db, server.url, { role: 'contributor', login: 'away', displayName: 'Away' });
    collective = createCollective(db, {
      name: 'Writers',
      minApprovals: 2,
      objectionBlocks: true,
      memberIds: [ana.member.id, ben.member.id, cai.member.id],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  function newArticle(): TestArticle {
    const article = createArticle(server.db, { collectiveId: collective, memberIds: [corr.member.id] });
    writeStoredText(server.db, article.docNames.en, SAMPLE_TEXT);
    return article;
  }
  const verdictCount = () => (server.db.prepare('SELECT count(*) AS n FROM verdicts').get() as { n: number }).n;

  it('two approvals under a two-approval rule make the version approved; the log says who and when', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const first = await approve(ana, v);
    expect(first.status).toBe(200);
    expect(first.body.review).toMatchObject({
      version: { status: 'draft' },
      collective: { name: 'Writers', minApprovals: 2, objectionBlocks: true },
      outcome: { approvals: 1, holds: false },
    });
    const second = await approve(ben, v);
    expect(second.body.review.version.status).toBe('approved');
    expect(second.body.review.outcome).toMatchObject({ approvals: 2, holds: true });
    const log = await call(corr, 'GET', `/articles/${article.id}/decisions`);
    expect(log.status).toBe(200);
    expect(log.body.decisions.map((d: { action: string; member: { displayName: string } }) => [d.action, d.member.displayName])).toEqual([
      ['approved', 'Ana'],
      ['approved', 'Ben'],
      ['version_approved', 'Ben'],
    ]);
    expect(log.body.decisions[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('an edit after approval marks both approvals as given on an earlier text, showing the change', async () => {
    const article = newArticle();
    const v = article.versions.en;
    await approve(ana, v);
    await approve(ben, v);
    editStoredText(server.db, article.docNames.en, appendToLastParagraph(' The company has not signed yet.'));
    const review = (await call(cai, 'GET', `/versions/${v}/review`)).body.review;
    expect(review.version.status).toBe('approved');
    expect(review.verdicts).toHaveLength(2);
    for (const verdict of review.verdicts) {
      expect(verdict.onCurrentText).toBe(false);
      expect(verdict.changesSince.insertedWords).toBe(6);
      expect(verdict.changesSince.deletedWords).toBe(0);
      const inserted = verdict.changesSince.parts.filter((p: { op: string }) => p.op === 'insert');
      expect(inserted.map((p: { text: string }) => p.text)).toEqual([' The company has not signed yet.']);
    }
    // The rule now counts no approval of the current text; approving it again counts.
    expect(review.outcome.approvals).toBe(0);
    const again = await approve(ana, v);
    const anaVerdict = again.body.review.verdicts.find((x: { member: { id: string } }) => x.member.id === ana.member.id);
    expect(anaVerdict).toMatchObject({ onCurrentText: true, changesSince: null });
  });

  it('a member approving twice is counted once and logged once', async () => {
    const article = newArticle();
    const v = article.versions.en;
    await approve(ana, v);
    const twice = await approve(ana, v);
    expect(twice.body.review.outcome.approvals).toBe(1);
    expect(twice.body.review.verdicts).toHaveLength(1);
    expect(twice.body.review.version.status).toBe('draft');
    const log = (await call(ana, 'GET', `/articles/${article.id}/decisions`)).body.decisions;
    expect(log.filter((d: { action: string }) => d.action === 'approved')).toHaveLength(1);
  });

  it('an open objection holds the approval back; withdrawn, the rule holds', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const noReason = await call(cai, 'POST', `/versions/${v}/verdicts`, { verdict: 'object' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatch(/objection needs its reason/);
    const objected = await call(cai, 'POST', `/versions/${v}/verdicts`, { verdict: 'object', reason: 'The date in paragraph two is wrong.' });
    expect(objected.body.review.outcome.objections).toBe(1);
    await approve(ana, v);
    const blocked = await approve(ben, v);
    expect(blocked.body.review.outcome).toMatchObject({ approvals: 2, objections: 1, holds: false });
    expect(blocked.body.review.version.status).toBe('draft');
    expect(blocked.body.review.verdicts.find((x: { verdict: string }) => x.verdict === 'object').reason).toBe('The date in paragraph two is wrong.');
    const withdrawn = await call(cai, 'DELETE', `/versions/${v}/verdicts/mine`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.review.version.status).toBe('approved');
    expect((await call(cai, 'DELETE', `/versions/${v}/verdicts/mine`)).status).toBe(409);
    const actions = (await call(ana, 'GET', `/articles/${article.id}/decisions`)).body.decisions.map((d: { action: string }) => d.action);
    expect(actions).toEqual(['objected', 'approved', 'approved', 'withdrew_objection', 'version_approved']);
  });

  it('an objection to an approved version sends it back to discussion', async () => {
    const article = newArticle();
    const v = article.versions.en;
    await approve(ana, v);
    await approve(ben, v);
    const objected = await call(cai, 'POST', `/versions/${v}/verdicts`, { verdict: 'object', reason: 'Names the wrong union.' });
    expect(objected.body.review.version.status).toBe('in_discussion');
  });

  it('a member who leaves the collective no longer counts', async () => {
    const article = newArticle();
    const v = article.versions.en;
    await approve(ana, v);
    removeFromCollective(server.db, collective, ana.member.id);
    try {
      const after = await approve(ben, v);
      expect(after.body.review.outcome.approvals).toBe(1);
      expect(after.body.review.version.status).toBe('draft');
      const anaVerdict = after.body.review.verdicts.find((x: { member: { id: string } }) => x.member.id === ana.member.id);
      expect(anaVerdict.counts).toBe(false);
    } finally {
      server.db.prepare('INSERT INTO collective_members (collective_id, member_id) VALUES (?, ?)').run(collective, ana.member.id);
    }
  });

  it('approvals of people outside the collective are shown but not counted', async () => {
    const article = newArticle();
    const v = article.versions.en;
    await approve(dee, v);
    const res = await approve(corr, v);
    expect(res.body.review.outcome.approvals).toBe(0);
    expect(res.body.review.verdicts.map((x: { counts: boolean }) => x.counts)).toEqual([false, false]);
  });

  it('refuses an approval on a version the member cannot see, or that does not exist; nothing changes', async () => {
    const article = newArticle();
    const before = verdictCount();
    const hidden = await approve(away, article.versions.en);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toContain(article.versions.en);
    expect((await approve(ana, 'zzzzzzzzzzzz')).status).toBe(404);
    expect((await call(null, 'POST', `/versions/${article.versions.en}/verdicts`, { verdict: 'approve' })).status).toBe(401);
    expect((await call(away, 'GET', `/versions/${article.versions.en}/review`)).status).toBe(404);
    expect((await call(away, 'GET', `/articles/${article.id}/decisions`)).status).toBe(404);
    expect((await call(null, 'GET', `/articles/${article.id}/decisions`)).status).toBe(401);
    expect(verdictCount()).toBe(before);
  });

  it('refuses a forged member id: the verdict is always the session member\'s', async () => {
    const article = newArticle();
    const before = verdictCount();
    const forged = await call(dee, 'POST', `/versions/${article.versions.en}/verdicts`, { verdict: 'approve', memberId: ana.member.id });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatch(/memberId/);
    expect(verdictCount()).toBe(before);
    const review = (await call(ana, 'GET', `/versions/${article.versions.en}/review`)).body.review;
    expect(review.verdicts).toEqual([]);
  });

  it('refuses verdicts on an article with no collective or an archived article', async () => {
    const loose = createArticle(server.db, {});
    const none = await approve(ana, loose.versions.en);
    expect(none.status).toBe(409);
    expect(none.body.error).toMatch(/no collective/);
    const archived = newArticle();
    server.db.prepare("UPDATE articles SET archived_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(archived.id);
    expect((await approve(ana, archived.versions.en)).status).toBe(403);
    expect((await call(ana, 'GET', `/versions/${archived.versions.en}/review`)).status).toBe(200);
  });

  it('status: put up for discussion tells the collective; laid out only after approval', async () => {
    const article = newArticle();
    const v = article.versions.en;
    const early = await call(ana, 'PUT', `/versions/${v}/status`, { status: 'laid_out' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatch(/Only an approved version is laid out/);
    expect((await call(ana, 'PUT', `/versions/${v}/status`, { status: 'approved' })).status).toBe(400);
    const before = (await call(ben, 'GET', '/notifications/unread-count')).body.unread;
    const discuss = await call(corr, 'PUT', `/versions/${v}/status`, { status: 'in_discussion' });
    expect(discuss.body.review.version.status).toBe('in_discussion');
    const notes = await call(ben, 'GET', '/notifications?unread=1');
    expect(notes.body.unread).toBe(before + 1);
    expect(notes.body.notifications[0]).toMatchObject({ kind: 'approval_wanted', versionId: v, articleId: article.id });
    // Dee is not in the collective: not asked.
    expect((await call(dee, 'GET', '/notifications')).body.notifications.filter((n: { versionId: string }) => n.versionId === v)).toEqual([]);
    await approve(ana, v);
    await approve(cai, v);
    const laid = await call(admin, 'PUT', `/versions/${v}/status`, { status: 'laid_out' });
    expect(laid.body.review.version.status).toBe('laid_out');
    expect((await approve(ben, v)).status).toBe(409);
    expect((await call(away, 'PUT', `/versions/${v}/status`, { status: 'draft' })).status).toBe(404);
  });
});
