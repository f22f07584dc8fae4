import { diffWords, type DiffPart } from '../work/wordDiff';
import { fingerprint, hasText } from './fingerprint';
import { TRANSLATED_PARTS, type LinkedBlock, type TranslatedPart, type VersionBlocks } from './links';

/**
 * The state of a translation, computed from the two documents every time it
 * is needed (never stored, so it cannot drift from the text):
 *
 * per translated block
 *   current   its source block's text is what it was translated from
 *   outdated  the source text changed since; `diff` shows how
 *   empty     linked, but nothing written yet
 *   orphaned  its source block no longer exists
 *   unlinked  a block the translator added (counted nowhere)
 * per source block
 *   translated / outdated  by the state of the blocks translating it
 *   missing   nothing (or only empty blocks) translates it
 *   blank     an empty source paragraph, nothing to translate
 *
 * Headline, deck and byline are linked as whole fields: the field's first
 * translated block translates the source field, whatever its `src` says.
 */
export type TargetState = 'current' | 'outdated' | 'empty' | 'orphaned' | 'unlinked';
export type SourceState = 'translated' | 'outdated' | 'missing' | 'blank';

export interface TargetBlockState {
  index: number;
  id: string | null;
  state: TargetState;
  /** Index of the source block it translates in the same part, when that still exists. */
  sourceIndex: number | null;
  /** Only for outdated blocks: the source text then (removed runs) against now (inserted runs). */
  diff?: DiffPart[];
}

export interface SourceBlockState {
  index: number;
  id: string | null;
  state: SourceState;
  /** Indexes of the translated blocks that translate it. */
  targets: number[];
}

export interface PartState {
  source: SourceBlockState[];
  target: TargetBlockState[];
}

export interface TranslationProgress {
  /** Source blocks with text: what there is to translate. */
  total: number;
  translated: number;
  outdated: number;
  missing: number;
  orphaned: number;
}

export interface TranslationState {
  parts: Record<TranslatedPart, PartState>;
  progress: TranslationProgress;
}

export interface StateOptions {
  /** Compute word diffs for outdated blocks (the editor wants them, progress counts do not). */
  diffs?: boolean;
}

const isField = (part: TranslatedPart) => part !== 'body';

/** A field's source as one block: the field is what a translated field links to. */
function fieldAsBlock(part: TranslatedPart, blocks: LinkedBlock[]): LinkedBlock[] {
  const text = blocks.map((b) => b.text).filter(hasText).join(' ');
  return [{ id: part, text, subhead: false, src: null, srcHash: null, srcText: null }];
}

function partState(part: TranslatedPart, sourceBlocks: LinkedBlock[], targetBlocks: LinkedBlock[], diffs: boolean): PartState {
  const sources = isField(part) ? fieldAsBlock(part, sourceBlocks) : sourceBlocks;
  const byId = new Map<string, number>();
  sources.forEach((b, i) => {
    if (b.id !== null && !byId.has(b.id)) byId.set(b.id, i);
  });
  const source: SourceBlockState[] = sources.map((b, index) => ({
    index,
    id: b.id,
    state: hasText(b.text) ? 'missing' : 'blank',
    targets: [],
  }));
  const hashes: (string | undefined)[] = new Array(sources.length);

  const target: TargetBlockState[] = targetBlocks.map((b, index) => {
    const link = isField(part) ? (index === 0 ? part : null) : b.src;
    if (link === null) return { index, id: b.id, state: 'unlinked', sourceIndex: null };
    const sourceIndex = byId.get(link);
    if (sourceIndex === undefined) return { index, id: b.id, state: 'orphaned', sourceIndex: null };
    const src = sources[sourceIndex]!;
    source[sourceIndex]!.targets.push(index);
    if (!hasText(b.text)) return { index, id: b.id, state: 'empty', sourceIndex };
    const hash = (hashes[sourceIndex] ??= fingerprint(src.text));
    if (b.srcHash === hash) return { index, id: b.id, state: 'current', sourceIndex };
    const result: TargetBlockState = { index, id: b.id, state: 'outdated', sourceIndex };
    if (diffs) result.diff = diffWords(b.srcText ?? '', src.text).parts;
    return result;
  });

  for (const s of source) {
    if (s.state === 'blank') continue;
    let best: SourceState = 'missing';
    for (const t of s.targets) {
      const state = target[t]!.state;
      if (state === 'outdated') best = 'outdated';
      else if (state === 'current' && best === 'missing') best = 'translated';
    }
    s.state = best;
  }
  return { source, target };
}

export function computeTranslationState(
  source: VersionBlocks,
  target: VersionBlocks,
  options: StateOptions = {},
): TranslationState {
  const diffs = options.diffs ?? true;
  const progress: TranslationProgress = { total: 0, translated: 0, outdated: 0, missing: 0, orphaned: 0 };
  const parts = {} as Record<TranslatedPart, PartState>;
  for (const part of TRANSLATED_PARTS) {
    const state = partState(part, source[part], target[part], diffs);
    parts[part] = state;
    for (const s of state.source) {
      if (s.state === 'blank') continue;
      progress.total++;
      progress[s.state === 'translated' ? 'translated' : s.state === 'outdated' ? 'outdated' : 'missing']++;
    }
    for (const t of state.target) if (t.state === 'orphaned') progress.orphaned++;
  }
  return { parts, progress };
}
