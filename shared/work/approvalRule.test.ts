import { describe, expect, it } from 'vitest';
import { evaluateApprovalRule, type LiveVerdict } from './approvalRule';

const collective = new Set(['ana', 'ben', 'cai', 'dee']);
const approve = (memberId: string, onCurrentText = true): LiveVerdict => ({ memberId, verdict: 'approve', onCurrentText });
const object = (memberId: string): LiveVerdict => ({ memberId, verdict: 'object', onCurrentText: true });

describe('the approval rule', () => {
  const twoNoObjection = { minApprovals: 2, objectionBlocks: true };

  it('holds with two approvals and no objection', () => {
    const out = evaluateApprovalRule(twoNoObjection, [approve('ana'), approve('ben')], collective);
    expect(out).toMatchObject({ approvals: 2, objections: 0, holds: true, missing: [] });
  });

  it('does not hold with one approval and says how many are missing', () => {
    const out = evaluateApprovalRule(twoNoObjection, [approve('ana')], collective);
    expect(out.holds).toBe(false);
    expect(out.missing).toEqual(['1 more approval(s) needed']);
  });

  it('counts a member approving twice once', () => {
    const out = evaluateApprovalRule(twoNoObjection, [approve('ana'), approve('ana')], collective);
    expect(out.approvals).toBe(1);
    expect(out.holds).toBe(false);
  });

  it('is held back by an open objection when the collective says so', () => {
    const verdicts = [approve('ana'), approve('ben'), object('cai')];
    expect(evaluateApprovalRule(twoNoObjection, verdicts, collective).holds).toBe(false);
    expect(evaluateApprovalRule({ minApprovals: 2, objectionBlocks: false }, verdicts, collective).holds).toBe(true);
  });

  it('ignores verdicts of people not in the collective (for example someone who left)', () => {
    const out = evaluateApprovalRule(twoNoObjection, [approve('ana'), approve('zed'), object('yan')], collective);
    expect(out).toMatchObject({ approvals: 1, objections: 0, holds: false });
  });

  it('does not count approvals given on an earlier text', () => {
    const out = evaluateApprovalRule(twoNoObjection, [approve('ana'), approve('ben', false)], collective);
    expect(out.approvals).toBe(1);
    expect(out.countedMemberIds).toEqual(['ana']);
  });
});
