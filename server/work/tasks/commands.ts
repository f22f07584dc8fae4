import type { Member } from '../../auth/members';
import { findMember } from '../../auth/members';
import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import {
  canChangeTaskStatus,
  canEditTaskDetails,
  canShareTask,
  subjectAccess,
  taskRoleOf,
  type TaskRoleNow,
} from '../../policies/tasks';
import type { CreateTaskInput } from '../../../shared/work/schemas';
import type { OfferKind, TaskRole, TaskStatus } from '../../../shared/work/types';
import { mentionedMemberIds, notify } from '../notifications/store';
import { findTaskRow, recordEvent, type TaskRow } from './store';
import { resolveSubject } from './subjects';

/**
 * What members do with tasks. Each command checks what it needs, changes
 * the task in one transaction and records an event (actor, what, when),
 * which is the history "who does what" and the task's timeline read.
 * The actor is always the session's member, passed in by the route.
 */

function checkCollective(db: DB, collectiveId: string): void {
  if (!db.prepare('SELECT 1 FROM collectives WHERE id = ?').get(collectiveId)) {
    throw notFound(`collectiveId: there is no collective ${collectiveId}.`);
  }
}

export function createTask(db: DB, actor: Member, input: CreateTaskInput): TaskRow {
  const subject = resolveSubject(db, actor, input.subject, input.editionId);
  if (input.collectiveId) checkCollective(db, input.collectiveId);
  const id = newId();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO tasks (id, kind, title, subject_type, subject_id, page_number, edition_id, collective_id, due_date, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.kind,
      input.title ?? '',
      subject.type,
      subject.id,
      subject.page,
      subject.editionId,
      input.collectiveId === undefined ? subject.collectiveId : input.collectiveId,
      input.dueDate ?? null,
      actor.id,
    );
    recordEvent(db, id, actor.id, 'created');
  })();
  return findTaskRow(db, id)!;
}

function openRole(db: DB, taskId: string, memberId: string, role: TaskRole): void {
  db.prepare('INSERT INTO task_roles (task_id, member_id, role) VALUES (?, ?, ?)').run(taskId, memberId, role);
}

function endRole(db: DB, taskId: string, memberId: string): void {
  db.prepare(
    "UPDATE task_roles SET ended_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE task_id = ? AND member_id = ? AND ended_at IS NULL",
  ).run(taskId, memberId);
}

/** Keeps status in step with holders: nobody holding means open; someone taking an open task means taken. */
function syncStatus(db: DB, task: TaskRow): void {
  const { n } = db
    .prepare("SELECT count(*) AS n FROM task_roles WHERE task_id = ? AND role = 'holder' AND ended_at IS NULL")
    .get(task.id) as { n: number };
  const current = findTaskRow(db, task.id)!.status;
  let next: TaskStatus = current;
  if (n === 0 && (current === 'taken' || current === 'in_review')) next = 'open';
  if (n > 0 && current === 'open') next = 'taken';
  if (next !== current) db.prepare('UPDATE tasks SET status = ? WHERE id = ?').run(next, task.id);
}

function notDone(task: TaskRow): void {
  if (task.status === 'done') throw conflict('This task is done. Reopen it first.');
}

export function takeTask(db: DB, actor: Member, task: TaskRow): void {
  notDone(task);
  const role = taskRoleOf(db, task.id, actor.id);
  if (role === 'holder') throw conflict('You already hold this task.');
  if (task.status !== 'open') throw conflict('Someone holds this task already: ask them to share it with you.');
  db.transaction(() => {
    if (role === 'learner') endRole(db, task.id, actor.id);
    openRole(db, task.id, actor.id, 'holder');
    recordEvent(db, task.id, actor.id, 'took');
    syncStatus(db, task);
  })();
}

export function learnTask(db: DB, actor: Member, task: TaskRow): void {
  notDone(task);
  const role = taskRoleOf(db, task.id, actor.id);
  if (role) throw conflict(role === 'holder' ? 'You hold this task already.' : 'You are learning this task already.');
  db.transaction(() => {
    openRole(db, task.id, actor.id, 'learner');
    recordEvent(db, task.id, actor.id, 'joined_as_learner');
  })();
}

export function leaveTask(db: DB, actor: Member, task: TaskRow): void {
  const role = taskRoleOf(db, task.id, actor.id);
  if (!role) throw conflict('You neither hold nor learn this task.');
  db.transaction(() => {
    endRole(db, task.id, actor.id);
    recordEvent(db, task.id, actor.id, role === 'holder' ? 'left' : 'stopped_learning');
    syncStatus(db, task);
  })();
}

/** The other person of a share or offer: a current member who can work on the task's subject. */
function targetMember(db: DB, task: TaskRow, memberId: string): Member {
  const target = findMember(db, memberId);
  const disabled = db.prepare('SELECT disabled_at FROM members WHERE id = ?').get(memberId) as
    | { disabled_at: string | null }
    | undefined;
  if (!target || disabled?.disabled_at) throw notFound(`memberId: there is no member ${memberId}.`);
  if (subjectAccess(db, target, task.subject_type, task.subject_id) === 'none') {
    throw badRequest(`memberId: ${target.displayName} is a contributor who is not on this task's article.`);
  }
  return target;
}

/** A holder brings someone in beside them, as co-holder or as learner. */
export function shareTask(db: DB, actor: Member, task: TaskRow, memberId: string, role: TaskRole): void {
  notDone(task);
  if (!canShareTask(taskRoleOf(db, task.id, actor.id))) throw forbidden('Only someone who holds this task can share it.');
  const target = targetMember(db, task, memberId);
  const current: TaskRoleNow = taskRoleOf(db, task.id, target.id);
  if (current === role) throw conflict(`${target.displayName} is already ${role === 'holder' ? 'holding' : 'learning'} this task.`);
  if (current === 'holder') throw conflict(`${target.displayName} holds this task already.`);
  db.transaction(() => {
    if (current) endRole(db, task.id, target.id);
    openRole(db, task.id, target.id, role);
    recordEvent(db, task.id, actor.id, role === 'holder' ? 'shared' : 'brought_in_learner', target.id);
    notify(db, { memberId: target.id, kind: 'task_shared', actorId: actor.id, taskId: task.id, body: role });
    syncStatus(db, task);
  })();
}

/** Propose (anyone, to anyone) or hand off (a holder): the other person accepts or declines. */
export function offerTask(db: DB, actor: Member, task: TaskRow, memberId: string, kind: OfferKind): string {
  notDone(task);
  const actorRole = taskRoleOf(db, task.id, actor.id);
  if (kind === 'handoff' && actorRole !== 'holder') throw forbidden('Only someone who holds this task can hand it off.');
  const target = targetMember(db, task, memberId);
  if (target.id === actor.id) throw badRequest('memberId: that is you.');
  if (taskRoleOf(db, task.id, target.id) === 'holder') throw conflict(`${target.displayName} holds this task already.`);
  const pending = db
    .prepare('SELECT 1 FROM task_offers WHERE task_id = ? AND to_member_id = ? AND answer IS NULL')
    .get(task.id, target.id);
  if (pending) throw conflict(`${target.displayName} has not answered an earlier offer of this task yet.`);
  const id = newId();
  db.transaction(() => {
    db.prepare('INSERT INTO task_offers (id, task_id, kind, from_member_id, to_member_id) VALUES (?, ?, ?, ?, ?)').run(
      id,
      task.id,
      kind,
      actor.id,
      target.id,
    );
    recordEvent(db, task.id, actor.id, kind === 'handoff' ? 'handoff_offered' : 'proposed', target.id);
    notify(db, {
      memberId: target.id,
      kind: kind === 'handoff' ? 'task_handoff' : 'task_proposed',
      actorId: actor.id,
      taskId: task.id,
    });
  })();
  return id;
}

interface OfferRow {
  id: string;
  task_id: string;
  kind: OfferKind;
  from_member_id: string | null;
  to_member_id: string;
  answer: string | null;
}

/** Accept or decline (the person offered) or withdraw (the person who offered). Returns the task. */
export function answerOffer(db: DB, actor: Member, offerId: string, answer: 'accept' | 'decline' | 'withdraw'): TaskRow {
  const offer = db.prepare('SELECT * FROM task_offers WHERE id = ?').get(offerId) as OfferRow | undefined;
  const mine = offer && (offer.to_member_id === actor.id || offer.from_member_id === actor.id);
  if (!offer || !mine) throw notFound('There is no such offer for you.');
  if (offer.answer) throw conflict(`This offer was ${offer.answer} already.`);
  if (answer === 'withdraw' ? offer.from_member_id !== actor.id : offer.to_member_id !== actor.id) {
    throw forbidden(answer === 'withdraw' ? 'Only the person who made the offer can withdraw it.' : 'This offer was made to someone else.');
  }
  const task = findTaskRow(db, offer.task_id)!;
  if (answer === 'accept') notDone(task);
  const stored = answer === 'accept' ? 'accepted' : answer === 'decline' ? 'declined' : 'withdrawn';
  db.transaction(() => {
    db.prepare("UPDATE task_offers SET answer = ?, answered_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(
      stored,
      offer.id,
    );
    if (answer === 'accept') {
      const current = taskRoleOf(db, task.id, actor.id);
      if (current === 'learner') endRole(db, task.id, actor.id);
      if (current !== 'holder') openRole(db, task.id, actor.id, 'holder');
      // A hand-off passes the task: the person who offered it stops holding it.
      if (offer.kind === 'handoff' && offer.from_member_id && taskRoleOf(db, task.id, offer.from_member_id) === 'holder') {
        endRole(db, task.id, offer.from_member_id);
      }
    }
    const event = `${offer.kind === 'handoff' ? 'handoff' : 'proposal'}_${stored}`;
    recordEvent(db, task.id, actor.id, event, answer === 'withdraw' ? offer.to_member_id : offer.from_member_id);
    syncStatus(db, task);
  })();
  return findTaskRow(db, task.id)!;
}

export interface TaskPatch {
  title?: string | undefined;
  collectiveId?: string | null | undefined;
  dueDate?: string | null | undefined;
  status?: TaskStatus | undefined;
}

export function updateTask(db: DB, actor: Member, task: TaskRow, patch: TaskPatch): void {
  const role = taskRoleOf(db, task.id, actor.id);
  const details = patch.title !== undefined || patch.collectiveId !== undefined || patch.dueDate !== undefined;
  if (details && !canEditTaskDetails(actor, role)) throw forbidden('Only someone who holds this task can change it.');
  if (patch.status !== undefined && patch.status !== task.status) {
    if (!canChangeTaskStatus(actor, role)) throw forbidden('Only someone who holds this task can change its status.');
    const { n } = db
      .prepare("SELECT count(*) AS n FROM task_roles WHERE task_id = ? AND role = 'holder' AND ended_at IS NULL")
      .get(task.id) as { n: number };
    if (patch.status === 'open' && n > 0) throw conflict('A task that someone holds is not open: its holders leave it instead.');
    if (patch.status !== 'open' && n === 0) throw conflict('Nobody holds this task: take it first.');
  }
  if (patch.collectiveId) checkCollective(db, patch.collectiveId);
  db.transaction(() => {
    const sets: string[] = [];
    const values: (string | null)[] = [];
    const changed: string[] = [];
    if (patch.title !== undefined && patch.title !== task.title) sets.push('title = ?'), values.push(patch.title), changed.push('title');
    if (patch.collectiveId !== undefined && patch.collectiveId !== task.collective_id) {
      sets.push('collective_id = ?'), values.push(patch.collectiveId), changed.push('collective');
    }
    if (patch.dueDate !== undefined && patch.dueDate !== task.due_date) {
      sets.push('due_date = ?'), values.push(patch.dueDate), changed.push('due date');
    }
    if (sets.length) {
      db.prepare(`UPDATE tasks SET ${sets.join(', ')} WHERE id = ?`).run(...values, task.id);
      recordEvent(db, task.id, actor.id, 'edited', null, changed.join(', '));
    }
    if (patch.status !== undefined && patch.status !== task.status) {
      db.prepare('UPDATE tasks SET status = ? WHERE id = ?').run(patch.status, task.id);
      recordEvent(db, task.id, actor.id, 'status', null, patch.status);
    }
  })();
}

/** A message in the task's thread; @login mentions tell those members (if they can see the task). */
export function postMessage(db: DB, actor: Member, task: TaskRow, body: string, canSee: (m: Member) => boolean): string {
  const id = newId();
  db.transaction(() => {
    db.prepare('INSERT INTO task_messages (id, task_id, member_id, body) VALUES (?, ?, ?, ?)').run(id, task.id, actor.id, body);
    for (const memberId of mentionedMemberIds(db, body)) {
      const mentioned = findMember(db, memberId);
      if (!mentioned || !canSee(mentioned)) continue;
      notify(db, { memberId, kind: 'mention', actorId: actor.id, taskId: task.id, body: body.slice(0, 200) });
    }
  })();
  return id;
}
