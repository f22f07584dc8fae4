import { Router } from 'express';
import type { AppContext } from '../../context';
import type { Member } from '../../auth/members';
import { currentMember, requireMember } from '../../auth/middleware';
import type { DB } from '../../db/database';
import { forbidden, notFound, parseBody } from '../../errors';
import { param } from '../../routes/fields';
import { canRead } from '../../policies/access';
import { findVersionFacts, versionAccess } from '../../policies/reviews';
import { readArticle } from '../../../shared/editor/content';
import { checkpointSchema } from '../../../shared/work/schemas';
import { diffWords } from '../../../shared/work/wordDiff';
import { logDecision } from '../reviews/decisions';
import { visibleVersion } from '../reviews/router';
import { currentTextState } from '../reviews/textState';
import {
  AUTO_CHECKPOINT_MINUTES,
  autoCheckpointIfDue,
  findCheckpoint,
  listCheckpoints,
  takeCheckpoint,
  type CheckpointRow,
} from './checkpoints';
import { applyServerChange } from './liveEdit';
import { docFromState, restoreFields } from './restore';

function visibleCheckpoint(db: DB, member: Member, id: string) {
  const row = findCheckpoint(db, id);
  const access = row ? versionAccess(db, member, row.version_id) : 'missing';
  if (!row || !canRead(access)) throw notFound(`There is no saved version ${id}.`);
  return { row, access, version: findVersionFacts(db, row.version_id)! };
}

function summary(db: DB, row: CheckpointRow) {
  return listCheckpoints(db, row.version_id).find((c) => c.id === row.id)!;
}

const stateOf = (row: CheckpointRow) => new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength);

/**
 * Version history: /api/versions/:id/checkpoints (list, name one),
 * /api/checkpoints/:id (open read-only), .../compare (with the current
 * text), .../restore (as a new edit every editor receives).
 */
export function historyRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get('/versions/:id/checkpoints', requireMember, (req, res) => {
    const { version } = visibleVersion(db, currentMember(res), param(req, 'id'));
    // The sweep runs every minute; looking at the history also takes one if due.
    autoCheckpointIfDue(db, version);
    res.json({ checkpoints: listCheckpoints(db, version.id), autoEveryMinutes: AUTO_CHECKPOINT_MINUTES });
  });

  router.post('/versions/:id/checkpoints', requireMember, (req, res) => {
    const member = currentMember(res);
    const { version, access } = visibleVersion(db, member, param(req, 'id'));
    if (access !== 'write') throw forbidden('This article is archived; its history is read-only.');
    const { name } = parseBody(checkpointSchema, req.body);
    const id = db.transaction(() => {
      const cp = takeCheckpoint(db, version, { kind: 'named', name, createdBy: member.id });
      logDecision(db, { articleId: version.article_id, versionId: version.id, memberId: member.id, action: 'named_version', detail: name });
      return cp;
    })();
    res.status(201).json({ checkpoint: summary(db, findCheckpoint(db, id)!) });
  });

  router.get('/checkpoints/:id', requireMember, (req, res) => {
    const { row } = visibleCheckpoint(db, currentMember(res), param(req, 'id'));
    const doc = docFromState(stateOf(row));
    const text = readArticle(doc);
    doc.destroy();
    res.json({ checkpoint: summary(db, row), versionId: row.version_id, text });
  });

  router.get('/checkpoints/:id/compare', requireMember, (req, res) => {
    const { row, version } = visibleCheckpoint(db, currentMember(res), param(req, 'id'));
    const current = currentTextState(db, version.doc_name);
    res.json({ checkpoint: summary(db, row), diff: diffWords(row.text, current.text) });
  });

  router.post('/checkpoints/:id/restore', requireMember, (req, res) => {
    const member = currentMember(res);
    const { row, access, version } = visibleCheckpoint(db, member, param(req, 'id'));
    if (access !== 'write') throw forbidden('This article is archived; take it out of the archive to restore a version.');
    const label = row.name || row.created_at;
    // The text being replaced is kept first, so a restore can itself be undone.
    takeCheckpoint(db, version, { kind: 'auto', name: `Before restoring ${label}`, createdBy: member.id });
    const target = docFromState(stateOf(row));
    const changed = applyServerChange(ctx, version.doc_name, (doc) => restoreFields(doc, target));
    target.destroy();
    logDecision(db, {
      articleId: version.article_id,
      versionId: version.id,
      memberId: member.id,
      action: 'restored_version',
      detail: label,
    });
    res.json({ restored: changed, checkpoints: listCheckpoints(db, version.id) });
  });

  return router;
}
