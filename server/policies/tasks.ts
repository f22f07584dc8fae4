import type { Member } from '../auth/members';
import type { DB } from '../db/database';
import type { Access } from './access';
import { articleAccess } from './articles';
import { editionAccess } from './editions';

/**
 * Who may see and act on a task (a responsibility). Members and admins see
 * every task of the paper. A contributor sees a task they hold, learn or
 * were offered, and the tasks about an article they are on. Acting is
 * narrower: see the can* functions below, which the routes call by name.
 */
export interface TaskFacts {
  id: string;
  subject_type: string;
  subject_id: string;
}

export type TaskRoleNow = 'holder' | 'learner' | null;

export function taskRoleOf(db: DB, taskId: string, memberId: string): TaskRoleNow {
  const row = db
    .prepare('SELECT role FROM task_roles WHERE task_id = ? AND member_id = ? AND ended_at IS NULL')
    .get(taskId, memberId) as { role: 'holder' | 'learner' } | undefined;
  return row?.role ?? null;
}

export function taskAccess(db: DB, member: Member, task: TaskFacts): Access {
  if (member.role !== 'contributor') return 'write';
  if (taskRoleOf(db, task.id, member.id)) return 'write';
  const offered = db
    .prepare('SELECT 1 FROM task_offers WHERE task_id = ? AND to_member_id = ? AND answer IS NULL')
    .get(task.id, member.id);
  if (offered) return 'write';
  if (task.subject_type === 'version') {
    const version = db.prepare('SELECT article_id FROM versions WHERE id = ?').get(task.subject_id) as
      | { article_id: string }
      | undefined;
    if (version && articleAccess(db, member, version.article_id) !== 'none') return 'write';
  }
  return 'none';
}

/**
 * SQL condition (on alias t, named parameter @viewer) for the tasks a
 * contributor can see, the same rule as taskAccess, so that list queries
 * filter in the database.
 */
export const CONTRIBUTOR_TASK_FILTER = `(
  EXISTS (SELECT 1 FROM task_roles r WHERE r.task_id = t.id AND r.member_id = @viewer AND r.ended_at IS NULL)
  OR EXISTS (SELECT 1 FROM task_offers o WHERE o.task_id = t.id AND o.to_member_id = @viewer AND o.answer IS NULL)
  OR (t.subject_type = 'version' AND EXISTS (
    SELECT 1 FROM versions v JOIN article_members am ON am.article_id = v.article_id
    WHERE v.id = t.subject_id AND am.member_id = @viewer))
)`;

/** The subject a task is about: the same rights as on the thing itself. */
export function subjectAccess(db: DB, member: Member, type: string, id: string): Access {
  if (type === 'version') {
    const version = db.prepare('SELECT article_id FROM versions WHERE id = ?').get(id) as
      | { article_id: string }
      | undefined;
    return version ? articleAccess(db, member, version.article_id) : 'missing';
  }
  if (type === 'page' || type === 'edition') return editionAccess(db, member, id);
  // Pictures belong to the paper's picture desk: members and admins.
  return member.role === 'contributor' ? 'none' : 'write';
}

/** Status (taken, in review, done) is the holders' call; an admin may correct it. */
export function canChangeTaskStatus(member: Member, role: TaskRoleNow): boolean {
  return role === 'holder' || member.role === 'admin';
}

/** Title, due date and collective: holders, and any member or admin (not a contributor who does not hold it). */
export function canEditTaskDetails(member: Member, role: TaskRoleNow): boolean {
  return role === 'holder' || member.role !== 'contributor';
}

/** Sharing and handing off are done by someone who holds the task. */
export function canShareTask(role: TaskRoleNow): boolean {
  return role === 'holder';
}

/** Anyone who can see a task may propose it to someone: nobody assigns, people ask. */
export function canProposeTask(access: Access): boolean {
  return access === 'write';
}

/** The edition board is the edition's: members and admins. */
export function boardAccess(db: DB, member: Member, editionId: string): Access {
  return editionAccess(db, member, editionId);
}

/** "Who does what" names everyone's work: not for contributors, who see only what they are on. */
export function canSeeWhoDoesWhat(member: Member): boolean {
  return member.role !== 'contributor';
}
