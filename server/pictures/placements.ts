import type { AppContext } from '../context';
import { withDoc } from '../layout/store';
import { parseDocName } from '../../shared/docNames';
import { readLayout } from '../../shared/layout/doc';
import type { Lang } from '../../shared/languages';

export interface Placement {
  editionId: string;
  editionNumber: number | null;
  lang: Lang;
  /** 1-based, as the layout desk numbers pages. */
  page: number;
}

/**
 * Where a picture is placed on the pages of any edition, read from the
 * layout documents themselves (the live one when open). A picture frame or
 * a story's opening picture both count.
 */
export function picturePlacements(ctx: AppContext, pictureId: string): Placement[] {
  const names = ctx.db
    .prepare("SELECT DISTINCT doc_name FROM doc_updates WHERE doc_name LIKE 'layout.%'")
    .all() as { doc_name: string }[];
  const placements: Placement[] = [];
  for (const { doc_name } of names) {
    const parsed = parseDocName(doc_name);
    if (!parsed || parsed.kind !== 'layout') continue;
    const layout = withDoc(ctx, doc_name, readLayout);
    if (!layout) continue;
    const pageIds = layout.pages.map((p) => p.id);
    for (const frame of layout.frames) {
      const placed =
        (frame.kind === 'picture' && frame.pictureId === pictureId) ||
        (frame.kind === 'story' && frame.picture?.pictureId === pictureId);
      if (!placed) continue;
      const edition = ctx.db.prepare('SELECT number FROM editions WHERE id = ?').get(parsed.id) as { number: number } | undefined;
      placements.push({ editionId: parsed.id, editionNumber: edition?.number ?? null, lang: parsed.lang, page: pageIds.indexOf(frame.pageId) + 1 });
    }
  }
  return placements;
}
