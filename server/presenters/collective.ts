export interface CollectiveRow {
  id: string;
  name: string;
  min_approvals: number;
  objection_blocks: number;
  created_at: string;
}

export interface CollectiveView {
  id: string;
  name: string;
  /** The approval rule: this many approvals, and whether an open objection holds approval back. */
  minApprovals: number;
  objectionBlocks: boolean;
  memberIds: string[];
}

export function presentCollective(row: CollectiveRow, memberIds: string[]): CollectiveView {
  return {
    id: row.id,
    name: row.name,
    minApprovals: row.min_approvals,
    objectionBlocks: row.objection_blocks === 1,
    memberIds,
  };
}
