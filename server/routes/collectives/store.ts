import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import type { CollectiveRow } from '../../presenters/collective';
import { updateRow } from '../update';

export function findCollectiveRow(db: DB, id: string): CollectiveRow | undefined {
  return db.prepare('SELECT * FROM collectives WHERE id = ?').get(id) as CollectiveRow | undefined;
}

export function listCollectiveRows(db: DB): CollectiveRow[] {
  return db.prepare('SELECT * FROM collectives ORDER BY name COLLATE NOCASE').all() as CollectiveRow[];
}

export function collectiveMemberIds(db: DB, collectiveId: string): string[] {
  const rows = db
    .prepare('SELECT member_id FROM collective_members WHERE collective_id = ? ORDER BY joined_at')
    .all(collectiveId) as { member_id: string }[];
  return rows.map((r) => r.member_id);
}

/** Names are compared without case: "Translators" and "translators" would confuse everyone. */
export function collectiveNameTaken(db: DB, name: string, exceptId = ''): boolean {
  return !!db.prepare('SELECT 1 FROM collectives WHERE name = ? COLLATE NOCASE AND id <> ?').get(name, exceptId);
}

export interface CollectiveFields {
  name?: string;
  minApprovals?: number;
  objectionBlocks?: boolean;
}

export function insertCollective(db: DB, fields: CollectiveFields & { name: string }): string {
  const id = newId();
  db.prepare('INSERT INTO collectives (id, name, min_approvals, objection_blocks) VALUES (?, ?, ?, ?)').run(
    id,
    fields.name,
    fields.minApprovals ?? 2,
    fields.objectionBlocks === false ? 0 : 1,
  );
  return id;
}

export function updateCollective(db: DB, id: string, fields: CollectiveFields): void {
  updateRow(db, 'collectives', id, {
    name: fields.name,
    min_approvals: fields.minApprovals,
    objection_blocks: fields.objectionBlocks === undefined ? undefined : Number(fields.objectionBlocks),
  });
}

export function addCollectiveMember(db: DB, collectiveId: string, memberId: string): void {
  db.prepare('INSERT OR IGNORE INTO collective_members (collective_id, member_id) VALUES (?, ?)').run(collectiveId, memberId);
}

export function removeCollectiveMember(db: DB, collectiveId: string, memberId: string): void {
  db.prepare('DELETE FROM collective_members WHERE collective_id = ? AND member_id = ?').run(collectiveId, memberId);
}
