import type { TranslatedPart } from '../../../shared/translation/links';
import type { PartState, TranslationState } from '../../../shared/translation/state';
import type { BlockMark, EditorMarks, RowWidget } from './decorations';
import type { TranslateText } from './messages';

/** Alignment padding of the body rows, in pixels, as the last measurement found it. */
export interface BodyPads {
  source: number[];
  target: number[];
  /** Rows for missing translations, by source block id. */
  missing: Record<string, number>;
}

export const NO_PADS: BodyPads = { source: [], target: [], missing: {} };

/** Which translated block the translator's cursor is in. */
export interface ActiveBlock {
  part: TranslatedPart;
  index: number;
}

/**
 * The source block that a missing row follows in the translation: after the
 * last translated block of the source blocks before it, or at the start.
 */
export function missingRowPosition(part: PartState, sourceIndex: number): number {
  for (let i = sourceIndex - 1; i >= 0; i--) {
    const targets = part.source[i]!.targets;
    if (targets.length) return Math.max(...targets);
  }
  return -1;
}

export function sourceMarks(part: TranslatedPart, state: TranslationState, active: ActiveBlock | null, pads: BodyPads | null): EditorMarks {
  const ps = state.parts[part];
  const activeSource = active?.part === part ? (ps.target[active.index]?.sourceIndex ?? null) : null;
  const blocks: BlockMark[] = ps.source.map((s, i) => ({
    id: s.id,
    className: `tr-src tr-src-${s.state}${i === activeSource ? ' tr-active' : ''}`,
    pad: pads?.source[i] ?? 0,
  }));
  return { blocks, widgets: [] };
}

export function targetMarks(
  part: TranslatedPart,
  state: TranslationState,
  active: ActiveBlock | null,
  pads: BodyPads | null,
  t: TranslateText,
): EditorMarks {
  const ps = state.parts[part];
  const blocks: BlockMark[] = ps.target.map((b, i) => {
    const mark: BlockMark = {
      id: b.id,
      className: `tr-block tr-${b.state}${active?.part === part && active.index === i ? ' tr-active' : ''}`,
      pad: pads?.target[i] ?? 0,
    };
    if (b.state === 'empty') mark.placeholder = t('tr.state.empty');
    if (b.state === 'outdated') {
      mark.note = {
        kind: 'outdated',
        text: t('tr.state.outdated'),
        diff: b.diff ?? [],
        actions: [{ action: 'markCurrent', label: t('tr.action.markCurrent') }],
      };
    }
    if (b.state === 'orphaned') {
      mark.note = { kind: 'orphaned', text: t('tr.state.orphaned'), actions: [{ action: 'remove', label: t('tr.action.remove') }] };
    }
    return mark;
  });
  const widgets: RowWidget[] = [];
  if (part === 'body') {
    ps.source.forEach((s, i) => {
      if (s.state !== 'missing' || s.targets.length > 0 || s.id === null) return;
      widgets.push({
        srcId: s.id,
        afterIndex: missingRowPosition(ps, i),
        pad: pads?.missing[s.id] ?? 0,
        note: { kind: 'missing', text: t('tr.state.missing'), actions: [{ action: 'add', label: t('tr.action.add') }] },
      });
    });
  }
  return { blocks, widgets };
}
