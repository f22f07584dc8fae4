/**
 * The collective's approval rule, as pure data in and a decision out.
 *
 * A collective sets how many approvals a version needs and whether one open
 * objection holds it back. Only the verdicts of people who are in the
 * collective *now* count (someone who left no longer speaks for it), each
 * person once, and an approval counts only if it was given on the text as it
 * stands: approving an earlier text is not approving this one. An open
 * objection keeps its weight after an edit until its author withdraws it,
 * because the edit may not have answered it.
 */
export interface ApprovalRule {
  minApprovals: number;
  objectionBlocks: boolean;
}

export interface LiveVerdict {
  memberId: string;
  verdict: 'approve' | 'object';
  /** Given on the text as it stands now (same text hash). */
  onCurrentText: boolean;
}

export interface RuleOutcome {
  /** Distinct collective members approving the current text. */
  approvals: number;
  /** Distinct collective members with an open objection. */
  objections: number;
  needed: number;
  holds: boolean;
  /** Why it does not hold, for people to read (empty when it holds). */
  missing: string[];
  countedMemberIds: string[];
}

export function evaluateApprovalRule(
  rule: ApprovalRule,
  verdicts: LiveVerdict[],
  collectiveMemberIds: ReadonlySet<string>,
): RuleOutcome {
  const approving = new Set<string>();
  const objecting = new Set<string>();
  for (const v of verdicts) {
    if (!collectiveMemberIds.has(v.memberId)) continue;
    if (v.verdict === 'object') objecting.add(v.memberId);
    else if (v.onCurrentText) approving.add(v.memberId);
  }
  // Someone with a live objection is not also approving (the server keeps
  // one live verdict per person; this guards the rule against bad input).
  for (const m of objecting) approving.delete(m);
  const missing: string[] = [];
  if (approving.size < rule.minApprovals) {
    missing.push(`${rule.minApprovals - approving.size} more approval(s) needed`);
  }
  if (rule.objectionBlocks && objecting.size > 0) missing.push(`${objecting.size} open objection(s)`);
  return {
    approvals: approving.size,
    objections: objecting.size,
    needed: rule.minApprovals,
    holds: missing.length === 0,
    missing,
    countedMemberIds: [...approving].sort(),
  };
}
