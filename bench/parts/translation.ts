import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { writeArticle, type Block } from '../../shared/editor/content';
import { readVersionBlocks } from '../../shared/translation/links';
import { writeTranslationStart } from '../../shared/translation/start';
import { computeTranslationState } from '../../shared/translation/state';
import { median, percentile, round, type Figure } from '../report';

/**
 * Computing the state of a translation (current / outdated with word diffs /
 * missing / orphaned, and the progress counts) for a 3,000-word article and
 * its translation, straight from the two Yjs documents, as the side-by-side
 * view does after every keystroke. Goal: median under 10 ms.
 */
const WORDS = (
  'the collective met on tuesday to vote on the rent strike and the tenants of the tower ' +
  'said they would hold out until the landlord repairs the boilers and returns the deposits ' +
  'while the city council keeps postponing the hearing that was promised in the spring'
).split(' ');

/** A deterministic pseudo-random sequence, so every run measures the same documents. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paragraph(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

export function buildPair(totalWords: number): { source: Y.Doc; target: Y.Doc; blocks: number } {
  const next = sequence(47);
  const body: Block[] = [];
  let words = 0;
  for (let i = 0; words < totalWords; i++) {
    if (i % 8 === 7) {
      body.push({ type: 'subhead', text: paragraph(next, 4), id: `b${i}` });
      words += 4;
    } else {
      const n = 35 + Math.floor(next() * 30);
      body.push({ type: 'p', text: paragraph(next, n), id: `b${i}` });
      words += n;
    }
  }
  const source = new Y.Doc();
  writeArticle(source, { headline: paragraph(next, 8), deck: paragraph(next, 15), byline: 'By the tenants desk', body });
  let id = 0;
  const target = new Y.Doc();
  writeTranslationStart(source, target, 'copy', () => `t${id++}`);

  // The writer keeps working: every fifth paragraph changes a few words,
  // three paragraphs are added and two deleted.
  const fragment = source.getXmlFragment('body');
  source.transact(() => {
    for (let i = 0; i < fragment.length; i += 5) {
      const text = (fragment.get(i) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(Math.floor(text.length / 2), 'newly added words ');
      text.delete(3, 6);
    }
    for (const at of [4, 20, 40]) {
      const el = new Y.XmlElement('paragraph');
      el.setAttribute('id', `new${at}`);
      fragment.insert(at, [el]);
      const t = new Y.XmlText();
      el.insert(0, [t]);
      t.insert(0, paragraph(next, 40));
    }
    fragment.delete(10, 1);
    fragment.delete(30, 1);
  });
  return { source, target, blocks: body.length };
}

export async function run(): Promise<Figure[]> {
  const { source, target, blocks } = buildPair(3000);
  const check = computeTranslationState(readVersionBlocks(source), readVersionBlocks(target));
  const p = check.progress;
  if (p.outdated === 0 || p.missing < 3 || p.orphaned < 2) throw new Error(`benchmark pair is not what it should be: ${JSON.stringify(p)}`);

  for (let i = 0; i < 50; i++) computeTranslationState(readVersionBlocks(source), readVersionBlocks(target));
  const full: number[] = [];
  const stateOnly: number[] = [];
  const sourceBlocks = readVersionBlocks(source);
  const targetBlocks = readVersionBlocks(target);
  for (let i = 0; i < 500; i++) {
    let t0 = performance.now();
    computeTranslationState(readVersionBlocks(source), readVersionBlocks(target));
    full.push(performance.now() - t0);
    t0 = performance.now();
    computeTranslationState(sourceBlocks, targetBlocks, { diffs: false });
    stateOnly.push(performance.now() - t0);
  }
  return [
    { name: 'translation_pair_blocks', value: blocks, unit: 'blocks' },
    { name: 'translation_pair_outdated', value: p.outdated, unit: 'blocks' },
    { name: 'translation_state_3000_words_median', value: round(median(full), 3), unit: 'ms' },
    { name: 'translation_state_3000_words_p95', value: round(percentile(full, 95), 3), unit: 'ms' },
    { name: 'translation_progress_only_median', value: round(median(stateOnly), 3), unit: 'ms' },
  ];
}
