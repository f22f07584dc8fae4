import type { Member } from '../../auth/members';
import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import { badRequest, conflict } from '../../errors';
import { collectiveMemberIds, type VersionFacts } from '../../policies/reviews';
import { evaluateApprovalRule, type RuleOutcome } from '../../../shared/work/approvalRule';
import { diffWords, type WordDiff } from '../../../shared/work/wordDiff';
import type { CollectiveRule, PersonRef, ReviewView, VerdictKind, VerdictView, VersionStatus } from '../../../shared/work/types';
import { notify } from '../notifications/store';
import { logDecision } from './decisions';
import { currentTextState, type TextState } from './textState';

/**
 * Approvals and objections on a version, and the collective's rule over
 * them. Each verdict keeps the text it judged (hash, Yjs state vector,
 * plain text), so that after an edit it shows as given on an earlier text,
 * with the words changed since.
 */
interface VerdictRow {
  id: string;
  member_id: string;
  display_name: string;
  verdict: VerdictKind;
  reason: string;
  text_hash: string;
  text_snapshot: string;
  created_at: string;
}

function liveVerdicts(db: DB, versionId: string): VerdictRow[] {
  return db
    .prepare(
      `SELECT v.id, v.member_id, m.display_name, v.verdict, v.reason, v.text_hash, v.text_snapshot, v.created_at
       FROM verdicts v JOIN members m ON m.id = v.member_id
       WHERE v.version_id = ? AND v.withdrawn_at IS NULL ORDER BY v.created_at, v.rowid`,
    )
    .all(versionId) as VerdictRow[];
}

function collectiveRule(db: DB, collectiveId: string | null): CollectiveRule | null {
  if (!collectiveId) return null;
  const row = db.prepare('SELECT id, name, min_approvals, objection_blocks FROM collectives WHERE id = ?').get(collectiveId) as
    | { id: string; name: string; min_approvals: number; objection_blocks: number }
    | undefined;
  return row ? { id: row.id, name: row.name, minApprovals: row.min_approvals, objectionBlocks: row.objection_blocks === 1 } : null;
}

function evaluate(db: DB, version: VersionFacts, rows: VerdictRow[], current: TextState) {
  const rule = collectiveRule(db, version.collective_id);
  const members = rule ? collectiveMemberIds(db, rule.id) : new Set<string>();
  const outcome = rule
    ? evaluateApprovalRule(
        rule,
        rows.map((r) => ({ memberId: r.member_id, verdict: r.verdict, onCurrentText: r.text_hash === current.hash })),
        members,
      )
    : null;
  return { rule, members, outcome };
}

export function reviewView(db: DB, version: VersionFacts): ReviewView {
  const current = currentTextState(db, version.doc_name);
  const rows = liveVerdicts(db, version.id);
  const { rule, members, outcome } = evaluate(db, version, rows, current);
  // Several verdicts often judged the same earlier text: one diff each.
  const diffs = new Map<string, WordDiff>();
  const verdicts = rows.map((r): VerdictView => {
    const onCurrentText = r.text_hash === current.hash;
    let changesSince: WordDiff | null = null;
    if (!onCurrentText) {
      changesSince = diffs.get(r.text_hash) ?? diffWords(r.text_snapshot, current.text);
      diffs.set(r.text_hash, changesSince);
    }
    return {
      id: r.id,
      member: { id: r.member_id, displayName: r.display_name },
      verdict: r.verdict,
      reason: r.reason,
      createdAt: r.created_at,
      onCurrentText,
      counts: members.has(r.member_id),
      changesSince,
    };
  });
  return {
    version: { id: version.id, articleId: version.article_id, lang: version.lang, status: version.status },
    collective: rule,
    outcome,
    verdicts,
  };
}

/**
 * Records the member's verdict on the text as it is now. The same verdict
 * on the same text again changes nothing (one person counts once); a
 * different verdict, or the same on a newer text, replaces the earlier one,
 * which stays in the log as withdrawn. Then the rule is looked at.
 */
export function giveVerdict(db: DB, actor: Member, version: VersionFacts, verdict: VerdictKind, reason: string): void {
  if (version.status === 'laid_out') throw conflict('This version is laid out already; move it back to discussion first.');
  if (verdict === 'object' && !reason) throw badRequest('reason: an objection needs its reason, so the others can answer it.');
  if (!version.collective_id) {
    throw conflict('This article answers to no collective yet, so there is no rule to approve it by. Choose its collective first.');
  }
  const current = currentTextState(db, version.doc_name);
  db.transaction(() => {
    const mine = liveVerdicts(db, version.id).find((r) => r.member_id === actor.id);
    if (mine && mine.verdict === verdict && mine.text_hash === current.hash && mine.reason === reason) return;
    if (mine) db.prepare("UPDATE verdicts SET withdrawn_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(mine.id);
    db.prepare(
      `INSERT INTO verdicts (id, version_id, member_id, verdict, reason, text_hash, state_vector, text_snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), version.id, actor.id, verdict, reason, current.hash, Buffer.from(current.stateVector), current.text);
    logDecision(db, {
      articleId: version.article_id,
      versionId: version.id,
      memberId: actor.id,
      action: verdict === 'approve' ? 'approved' : 'objected',
      detail: reason,
    });
    applyRule(db, actor, version, current);
  })();
}

export function withdrawVerdict(db: DB, actor: Member, version: VersionFacts): void {
  const current = currentTextState(db, version.doc_name);
  db.transaction(() => {
    const mine = liveVerdicts(db, version.id).find((r) => r.member_id === actor.id);
    if (!mine) throw conflict('You have no approval or objection on this version to withdraw.');
    db.prepare("UPDATE verdicts SET withdrawn_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(mine.id);
    logDecision(db, {
      articleId: version.article_id,
      versionId: version.id,
      memberId: actor.id,
      action: mine.verdict === 'approve' ? 'withdrew_approval' : 'withdrew_objection',
    });
    applyRule(db, actor, version, current);
  })();
}

/**
 * When the rule holds, a draft or a version in discussion becomes approved.
 * An approved version goes back to discussion only when an open objection
 * blocks it: an edit after approval does not undo the decision (it marks
 * the approvals as given on an earlier text, for people to look at).
 */
function applyRule(db: DB, actor: Member, version: VersionFacts, current: TextState): void {
  const status = (db.prepare('SELECT status FROM versions WHERE id = ?').get(version.id) as { status: VersionStatus }).status;
  const { rule, outcome } = evaluate(db, version, liveVerdicts(db, version.id), current);
  if (!rule || !outcome) return;
  let next: VersionStatus = status;
  if (outcome.holds && (status === 'draft' || status === 'in_discussion')) next = 'approved';
  if (status === 'approved' && rule.objectionBlocks && outcome.objections > 0) next = 'in_discussion';
  if (next === status) return;
  db.prepare('UPDATE versions SET status = ? WHERE id = ?').run(next, version.id);
  logDecision(db, {
    articleId: version.article_id,
    versionId: version.id,
    memberId: actor.id,
    action: next === 'approved' ? 'version_approved' : 'returned_to_discussion',
    detail: next === 'approved' ? `${outcome.approvals} of ${outcome.needed} approvals` : `${outcome.objections} open objection(s)`,
  });
}

const TRANSITIONS: Record<VersionStatus, VersionStatus[]> = {
  draft: ['in_discussion'],
  in_discussion: ['draft'],
  approved: ['in_discussion', 'laid_out'],
  laid_out: ['approved', 'in_discussion'],
};

/** Status moves people make by hand; "approved" is only ever reached by the rule. */
export function setVersionStatus(db: DB, actor: Member, version: VersionFacts, next: 'draft' | 'in_discussion' | 'laid_out'): void {
  if (version.status === next) return;
  if (!TRANSITIONS[version.status].includes(next)) {
    const why = next === 'laid_out' ? ' Only an approved version is laid out.' : '';
    throw conflict(`A version cannot go from ${version.status.replace('_', ' ')} to ${next.replace('_', ' ')}.${why}`);
  }
  db.transaction(() => {
    db.prepare('UPDATE versions SET status = ? WHERE id = ?').run(next, version.id);
    logDecision(db, { articleId: version.article_id, versionId: version.id, memberId: actor.id, action: `status_${next}` });
    if (next === 'in_discussion' && version.collective_id) {
      for (const memberId of collectiveMemberIds(db, version.collective_id)) {
        notify(db, {
          memberId,
          kind: 'approval_wanted',
          actorId: actor.id,
          articleId: version.article_id,
          versionId: version.id,
        });
      }
    }
  })();
}
