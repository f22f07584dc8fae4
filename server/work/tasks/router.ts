import { Router } from 'express';
import type { AppContext } from '../../context';
import type { Member } from '../../auth/members';
import { currentMember, requireMember } from '../../auth/middleware';
import type { DB } from '../../db/database';
import { forbidden, notFound, parseBody } from '../../errors';
import { param } from '../../routes/fields';
import { canRead } from '../../policies/access';
import { boardAccess, canProposeTask, taskAccess } from '../../policies/tasks';
import {
  boardQuerySchema,
  createTaskSchema,
  messageSchema,
  offerSchema,
  shareSchema,
  updateTaskSchema,
} from '../../../shared/work/schemas';
import { editionBoard, myTasks } from './board';
import {
  answerOffer,
  createTask,
  learnTask,
  leaveTask,
  offerTask,
  postMessage,
  shareTask,
  takeTask,
  updateTask,
} from './commands';
import { findTaskRow, presentTask, taskEvents, taskMessages, type TaskRow } from './store';

/** A task this member may see; others are "not found" (a contributor learns nothing of tasks they are not on). */
function visibleTask(db: DB, member: Member, id: string): TaskRow {
  const row = findTaskRow(db, id);
  if (!row || !canRead(taskAccess(db, member, row))) throw notFound(`There is no task ${id}.`);
  return row;
}

/**
 * /api/tasks (create, read, change, take, learn, leave, share, propose,
 * hand off, thread), /api/task-offers/:id/(accept|decline|withdraw),
 * /api/editions/:id/board and /api/me/tasks.
 */
export function tasksRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const answer = (row: TaskRow) => presentTask(db, findTaskRow(db, row.id)!);

  router.post('/tasks', requireMember, (req, res) => {
    const member = currentMember(res);
    const task = createTask(db, member, parseBody(createTaskSchema, req.body));
    res.status(201).json({ task: answer(task) });
  });

  router.get('/tasks/:id', requireMember, (req, res) => {
    const row = visibleTask(db, currentMember(res), param(req, 'id'));
    res.json({ task: answer(row), events: taskEvents(db, row.id) });
  });

  router.patch('/tasks/:id', requireMember, (req, res) => {
    const member = currentMember(res);
    const row = visibleTask(db, member, param(req, 'id'));
    updateTask(db, member, row, parseBody(updateTaskSchema, req.body));
    res.json({ task: answer(row) });
  });

  const action = (path: string, run: (member: Member, row: TaskRow, body: unknown) => void) => {
    router.post(`/tasks/:id/${path}`, requireMember, (req, res) => {
      const member = currentMember(res);
      const row = visibleTask(db, member, param(req, 'id'));
      run(member, row, req.body);
      res.json({ task: answer(row) });
    });
  };
  action('take', (member, row) => takeTask(db, member, row));
  action('learn', (member, row) => learnTask(db, member, row));
  action('leave', (member, row) => leaveTask(db, member, row));
  action('share', (member, row, body) => {
    const { memberId, role } = parseBody(shareSchema, body);
    shareTask(db, member, row, memberId, role);
  });
  action('propose', (member, row, body) => {
    if (!canProposeTask(taskAccess(db, member, row))) throw forbidden('You cannot propose this task.');
    offerTask(db, member, row, parseBody(offerSchema, body).memberId, 'propose');
  });
  action('handoff', (member, row, body) => {
    offerTask(db, member, row, parseBody(offerSchema, body).memberId, 'handoff');
  });

  for (const verb of ['accept', 'decline', 'withdraw'] as const) {
    router.post(`/task-offers/:id/${verb}`, requireMember, (req, res) => {
      const row = answerOffer(db, currentMember(res), param(req, 'id'), verb);
      res.json({ task: answer(row) });
    });
  }

  router.get('/tasks/:id/messages', requireMember, (req, res) => {
    const row = visibleTask(db, currentMember(res), param(req, 'id'));
    res.json({ messages: taskMessages(db, row.id) });
  });

  router.post('/tasks/:id/messages', requireMember, (req, res) => {
    const member = currentMember(res);
    const row = visibleTask(db, member, param(req, 'id'));
    const { body } = parseBody(messageSchema, req.body);
    const id = postMessage(db, member, row, body, (m) => canRead(taskAccess(db, m, row)));
    res.status(201).json({ message: taskMessages(db, row.id).find((m) => m.id === id) });
  });

  router.get('/editions/:id/board', requireMember, (req, res) => {
    const member = currentMember(res);
    const editionId = param(req, 'id');
    const access = boardAccess(db, member, editionId);
    if (access === 'missing') throw notFound(`There is no edition ${editionId}.`);
    if (!canRead(access)) throw forbidden('The edition board is for members and admins.');
    res.json({ board: editionBoard(db, editionId, parseBody(boardQuerySchema, req.query)) });
  });

  router.get('/me/tasks', requireMember, (_req, res) => {
    res.json(myTasks(db, currentMember(res)));
  });

  return router;
}
