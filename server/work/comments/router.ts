import { Router } from 'express';
import type { AppContext } from '../../context';
import type { Member } from '../../auth/members';
import { currentMember, requireMember } from '../../auth/middleware';
import type { DB } from '../../db/database';
import { forbidden, notFound, parseBody } from '../../errors';
import { param } from '../../routes/fields';
import { canRead } from '../../policies/access';
import { findVersionFacts, versionAccess } from '../../policies/reviews';
import { commentSchema, replySchema } from '../../../shared/work/schemas';
import { visibleVersion } from '../reviews/router';
import { createThread, findCommentRow, listThreads, replyTo, setResolved } from './store';

/** A comment (thread or reply) on a version this member can see; the version's access comes with it. */
function visibleComment(db: DB, member: Member, id: string) {
  const row = findCommentRow(db, id);
  const access = row ? versionAccess(db, member, row.version_id) : 'missing';
  if (!row || !canRead(access)) throw notFound(`There is no comment ${id}.`);
  if (access !== 'write') throw forbidden('This article is archived; its comments are read-only.');
  return { row, version: findVersionFacts(db, row.version_id)! };
}

/**
 * /api/versions/:id/comments (list threads with where they are now, start
 * one), /api/comments/:id/replies, /api/comments/:id/resolve and /reopen.
 */
export function commentsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get('/versions/:id/comments', requireMember, (req, res) => {
    const { version } = visibleVersion(db, currentMember(res), param(req, 'id'));
    res.json({ threads: listThreads(db, version) });
  });

  router.post('/versions/:id/comments', requireMember, (req, res) => {
    const member = currentMember(res);
    const { version, access } = visibleVersion(db, member, param(req, 'id'));
    if (access !== 'write') throw forbidden('This article is archived; nobody comments on it.');
    const id = createThread(db, member, version, parseBody(commentSchema, req.body));
    res.status(201).json({ thread: listThreads(db, version).find((t) => t.id === id) });
  });

  router.post('/comments/:id/replies', requireMember, (req, res) => {
    const member = currentMember(res);
    const { row, version } = visibleComment(db, member, param(req, 'id'));
    replyTo(db, member, version, row, parseBody(replySchema, req.body).body);
    res.status(201).json({ thread: listThreads(db, version).find((t) => t.id === row.id) });
  });

  for (const [verb, resolved] of [['resolve', true], ['reopen', false]] as const) {
    router.post(`/comments/:id/${verb}`, requireMember, (req, res) => {
      const member = currentMember(res);
      const { row, version } = visibleComment(db, member, param(req, 'id'));
      setResolved(db, member, row, resolved);
      res.json({ thread: listThreads(db, version).find((t) => t.id === row.id) });
    });
  }

  return router;
}
