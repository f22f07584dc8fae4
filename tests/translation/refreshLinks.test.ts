import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { bodySchema } from '../../shared/editor/extensions';
import { fingerprint } from '../../shared/translation/fingerprint';
import { refreshStartedBlocks } from '../../client/src/translation/decorations';

/**
 * A translator who starts writing in an empty linked paragraph translates
 * the source as it is at that moment, even if the source changed since the
 * translation was started: the link's fingerprint follows.
 */
const schema = bodySchema();
const OLD = 'The council did not answer.';
const NOW = 'The council answered on Friday.';

function start(text: string) {
  const doc = schema.node('doc', null, [
    schema.node('paragraph', { id: 't1', src: 's1', srcHash: fingerprint(OLD), srcText: OLD }, text ? schema.text(text) : undefined),
  ]);
  return EditorState.create({ doc });
}

const lookup = (src: string) => (src === 's1' ? NOW : null);

function typeInto(state: EditorState, text: string, remote = false) {
  const tr = state.tr.setSelection(TextSelection.create(state.doc, 1)).insertText(text);
  if (remote) tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
  return { tr, next: state.apply(tr) };
}

describe('starting to write an empty translated paragraph', () => {
  it('brings its link up to the source text of the moment', () => {
    const state = start('');
    const { tr, next } = typeInto(state, 'El ayuntamiento');
    const fix = refreshStartedBlocks([tr], state, next, lookup);
    expect(fix).not.toBeNull();
    const attrs = next.apply(fix!).doc.child(0).attrs;
    expect(attrs.srcText).toBe(NOW);
    expect(attrs.srcHash).toBe(fingerprint(NOW));
    expect(attrs.src).toBe('s1');
  });

  it('leaves a paragraph that already had text alone (that one shows as outdated instead)', () => {
    const state = start('El ayuntamiento no');
    const { tr, next } = typeInto(state, ' respondió');
    expect(refreshStartedBlocks([tr], state, next, lookup)).toBeNull();
  });

  it('leaves changes that came from another member to their own editor', () => {
    const state = start('');
    const { tr, next } = typeInto(state, 'El', true);
    expect(refreshStartedBlocks([tr], state, next, lookup)).toBeNull();
  });
});
