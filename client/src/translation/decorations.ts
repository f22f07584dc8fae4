import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { BLOCK_ID_ATTR, SOURCE_HASH_ATTR, SOURCE_ID_ATTR, SOURCE_TEXT_ATTR } from '../../../shared/editor/fields';
import { fingerprint } from '../../../shared/translation/fingerprint';
import type { DiffPart } from '../../../shared/work/wordDiff';

/**
 * What the side-by-side view shows on the blocks of one editor: a class per
 * block (its translation state), the padding that aligns it with its row,
 * notes under blocks (outdated with the word diff, orphaned) and rows for
 * source paragraphs nothing translates yet. The view computes these from
 * the translation state and hands them over with setMarks(); between two
 * hand-overs the decorations follow the edits (mapped, not rebuilt).
 */
export interface NoteAction {
  action: 'markCurrent' | 'add' | 'remove';
  label: string;
}

export interface Note {
  kind: 'outdated' | 'orphaned' | 'missing';
  text: string;
  diff?: DiffPart[];
  actions: NoteAction[];
}

export interface BlockMark {
  id: string | null;
  className: string;
  /** Extra space above the block, so that it starts level with its row on the other side. */
  pad: number;
  placeholder?: string;
  note?: Note;
}

/** A row for a source block that has no translated block: shown between blocks. */
export interface RowWidget {
  srcId: string;
  /** Top-level index of the block it follows (-1: at the start). */
  afterIndex: number;
  pad: number;
  note: Note;
}

export interface EditorMarks {
  /** By top-level block index. */
  blocks: (BlockMark | undefined)[];
  widgets: RowWidget[];
}

export type ActionHandler = (action: NoteAction['action'], target: { blockId: string | null; srcId?: string }) => void;

/** For a block the translator starts writing in: the source text it is being written from, now. */
export type SourceLookup = (src: string) => string | null;

interface MarksState {
  deco: DecorationSet;
  marks: EditorMarks;
}

export const translationMarksKey = new PluginKey<MarksState>('translationMarks');

export const EMPTY_MARKS: EditorMarks = { blocks: [], widgets: [] };

export function setMarks(state: EditorState, marks: EditorMarks): Transaction {
  return state.tr.setMeta(translationMarksKey, marks).setMeta('addToHistory', false);
}

function renderNote(note: Note, pad: number, onAction: () => ActionHandler, target: { blockId: string | null; srcId?: string }) {
  return () => {
    // The alignment padding goes on a plain wrapper: padding, unlike a
    // margin, never collapses with the paragraph margins around it.
    const row = document.createElement('div');
    row.className = 'tr-row-widget';
    row.contentEditable = 'false';
    if (pad) row.style.paddingTop = `${pad}px`;
    if (note.kind === 'missing') row.dataset.missingFor = target.srcId ?? '';
    const box = document.createElement('div');
    box.className = `tr-note tr-note-${note.kind}`;
    row.append(box);
    const text = document.createElement('p');
    text.textContent = note.text;
    box.append(text);
    if (note.diff) {
      const diff = document.createElement('p');
      diff.className = 'tr-diff';
      for (const part of note.diff) {
        const el = document.createElement(part.op === 'insert' ? 'ins' : part.op === 'delete' ? 'del' : 'span');
        el.textContent = part.text;
        diff.append(el);
      }
      box.append(diff);
    }
    for (const { action, label } of note.actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tr-action';
      button.dataset.action = action;
      button.textContent = label;
      button.addEventListener('click', () => onAction()(action, target));
      box.append(button);
    }
    return row;
  };
}

function noteKey(note: Note, pad: number, id: string): string {
  const diff = note.diff?.map((d) => d.op[0] + d.text).join('|') ?? '';
  return `${note.kind}:${id}:${pad}:${note.text}:${diff}:${note.actions.map((a) => a.label).join(',')}`;
}

function build(doc: PMNode, marks: EditorMarks, onAction: () => ActionHandler): DecorationSet {
  const decorations: Decoration[] = [];
  const ends: number[] = [];
  doc.forEach((node, offset, index) => {
    ends.push(offset + node.nodeSize);
    const mark = marks.blocks[index];
    if (!mark) return;
    const attrs: Record<string, string> = { class: mark.className };
    if (mark.pad) attrs.style = `padding-top: ${mark.pad}px`;
    if (mark.placeholder && node.content.size === 0) attrs['data-placeholder'] = mark.placeholder;
    decorations.push(Decoration.node(offset, offset + node.nodeSize, attrs));
    if (mark.note) {
      const target = { blockId: mark.id };
      decorations.push(
        Decoration.widget(offset + node.nodeSize, renderNote(mark.note, 0, onAction, target), {
          side: -1,
          key: noteKey(mark.note, 0, mark.id ?? String(index)),
          ignoreSelection: true,
          stopEvent: () => true,
        }),
      );
    }
  });
  for (const row of marks.widgets) {
    const pos = row.afterIndex < 0 ? 0 : (ends[row.afterIndex] ?? doc.content.size);
    decorations.push(
      Decoration.widget(pos, renderNote(row.note, row.pad, onAction, { blockId: null, srcId: row.srcId }), {
        side: row.afterIndex < 0 ? -1 : 1,
        key: noteKey(row.note, row.pad, row.srcId),
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * When the translator starts writing in an empty linked block, the block is
 * being translated from the source as it is now: its fingerprint is brought
 * up to date, so that a source change made before they started does not
 * show as outdated. Only for this member's own typing (remote changes carry
 * the sync plugin's meta and were handled by whoever typed them).
 */
export function refreshStartedBlocks(transactions: readonly Transaction[], oldState: EditorState, newState: EditorState, lookup: SourceLookup): Transaction | null {
  if (!transactions.some((tr) => tr.docChanged) || transactions.some((tr) => tr.getMeta(ySyncPluginKey))) return null;
  const wasEmpty = new Set<string>();
  oldState.doc.forEach((node) => {
    const id = node.attrs[BLOCK_ID_ATTR] as string | null;
    if (id && node.content.size === 0) wasEmpty.add(id);
  });
  let tr: Transaction | null = null;
  newState.doc.forEach((node, offset) => {
    const id = node.attrs[BLOCK_ID_ATTR] as string | null;
    const src = node.attrs[SOURCE_ID_ATTR] as string | null;
    if (!id || !src || !wasEmpty.has(id) || node.content.size === 0) return;
    const text = lookup(src);
    if (text === null || text === node.attrs[SOURCE_TEXT_ATTR]) return;
    tr ??= newState.tr.setMeta('addToHistory', false);
    tr.setNodeMarkup(offset, undefined, { ...node.attrs, [SOURCE_HASH_ATTR]: fingerprint(text), [SOURCE_TEXT_ATTR]: text });
  });
  return tr;
}

export interface TranslationMarksOptions {
  onAction: () => ActionHandler;
  /** Set on translation editors only. */
  sourceLookup: (() => SourceLookup) | null;
}

export const TranslationMarks = Extension.create<TranslationMarksOptions>({
  name: 'translationMarks',

  addOptions() {
    return { onAction: () => () => undefined, sourceLookup: null };
  },

  addProseMirrorPlugins() {
    const { onAction, sourceLookup } = this.options;
    return [
      new Plugin<MarksState>({
        key: translationMarksKey,
        state: {
          init: (_config, state) => ({ marks: EMPTY_MARKS, deco: DecorationSet.create(state.doc, []) }),
          apply(tr, value) {
            const marks = tr.getMeta(translationMarksKey) as EditorMarks | undefined;
            if (marks) return { marks, deco: build(tr.doc, marks, onAction) };
            return tr.docChanged ? { marks: value.marks, deco: value.deco.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: {
          decorations(state) {
            return translationMarksKey.getState(state)?.deco ?? null;
          },
        },
        appendTransaction(transactions, oldState, newState) {
          if (!sourceLookup) return null;
          return refreshStartedBlocks(transactions, oldState, newState, sourceLookup());
        },
      }),
    ];
  },
});
