import type { Member } from '../../auth/members';
import type { DB } from '../../db/database';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { subjectAccess } from '../../policies/tasks';
import type { SubjectType } from '../../../shared/work/types';

/**
 * Checks what a new task is about before it is written: the subject must
 * exist and the member must be able to work on it. Each refusal names the
 * subject so the person sees which one is wrong.
 */
export interface ResolvedSubject {
  type: SubjectType;
  id: string;
  page: number | null;
  /** Stored for page, edition and picture subjects; a version's edition is read through its article. */
  editionId: string | null;
  /** The collective the subject already answers to (an article's), used when none is given. */
  collectiveId: string | null;
}

export function resolveSubject(
  db: DB,
  member: Member,
  input: { type: SubjectType; id: string; page?: number | undefined },
  pictureEditionId?: string,
): ResolvedSubject {
  if (input.page !== undefined && input.type !== 'page') {
    throw badRequest('subject.page: only a page subject has a page number.');
  }
  const access = subjectAccess(db, member, input.type, input.id);
  switch (input.type) {
    case 'version': {
      const row = db
        .prepare('SELECT a.collective_id, a.archived_at FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.id = ?')
        .get(input.id) as { collective_id: string | null; archived_at: string | null } | undefined;
      // A contributor is not told whether an article they are not on exists.
      if (!row || access === 'none') throw notFound(`subject: there is no article version ${input.id}.`);
      if (row.archived_at) throw conflict('subject: that article is archived; take it out of the archive first.');
      return { type: 'version', id: input.id, page: null, editionId: null, collectiveId: row.collective_id };
    }
    case 'page':
    case 'edition': {
      const edition = db.prepare('SELECT number, page_count, archived_at FROM editions WHERE id = ?').get(input.id) as
        | { number: number; page_count: number; archived_at: string | null }
        | undefined;
      if (!edition) throw notFound(`subject: there is no edition ${input.id}.`);
      if (access === 'none') throw forbidden('Only members and admins plan the work of an edition.');
      if (edition.archived_at) throw conflict(`subject: issue ${edition.number} is archived.`);
      let page: number | null = null;
      if (input.type === 'page') {
        if (input.page === undefined) throw badRequest('subject.page: a page task needs the page number.');
        if (input.page > edition.page_count) {
          throw notFound(`subject.page: issue ${edition.number} has ${edition.page_count} pages; there is no page ${input.page}.`);
        }
        page = input.page;
      }
      return { type: input.type, id: input.id, page, editionId: input.id, collectiveId: null };
    }
    case 'picture': {
      if (access === 'none') throw forbidden('Only members and admins plan work on pictures.');
      if (!pictureExists(db, input.id)) throw notFound(`subject: there is no picture ${input.id}.`);
      if (pictureEditionId && !db.prepare('SELECT 1 FROM editions WHERE id = ?').get(pictureEditionId)) {
        throw notFound(`editionId: there is no edition ${pictureEditionId}.`);
      }
      return { type: 'picture', id: input.id, page: null, editionId: pictureEditionId ?? null, collectiveId: null };
    }
  }
}

/** The picture desk owns its table; until it exists there is no picture to point at. */
function pictureExists(db: DB, id: string): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pictures'").get();
  return !!table && !!db.prepare('SELECT 1 FROM pictures WHERE id = ?').get(id);
}
