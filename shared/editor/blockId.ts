import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state';
import { BLOCK_ID_ATTR, HEADING_NODE, PARAGRAPH_NODE, SOURCE_LINK_ATTRS } from './fields';
import { newBlockId } from './newBlockId';

/**
 * Stable identity for every paragraph and heading, so that a translated
 * paragraph can name the source paragraph it translates.
 *
 * Rules (each tested in blockId.test.ts):
 *  - a block keeps its id while it is edited;
 *  - a split keeps the id on the first half; the second half gets a new one
 *    (`keepOnSplit: false`, then the fixer below fills the gap). Enter at
 *    the very start of a paragraph is no split but a new empty paragraph
 *    before it: the text keeps its id, so its translation stays linked;
 *  - a join keeps the first block's id (ProseMirror keeps the first node);
 *  - pasted blocks whose ids are already in the document get fresh ids, while
 *    a cut-and-paste (a move) keeps them, so a moved paragraph keeps its link;
 *  - undo restores ids because they are ordinary node attributes;
 *  - two Yjs documents edited concurrently can, once merged, hold a duplicate
 *    id or a block without one. After every document change the fixer walks
 *    the blocks in document order, keeps the first occurrence of an id and
 *    gives later ones (and blocks without one) fresh ids. If two clients fix
 *    the same block at once, Yjs keeps one of the two values (last writer
 *    wins per attribute), so the result is unique either way.
 *
 * The schema also declares the translation link attributes (src, srcHash,
 * srcText): the Yjs binding drops any attribute the schema does not know,
 * so without them the first keystroke in a translation would cut its links.
 * They are not rendered into HTML, so a paste elsewhere carries no link.
 *
 * Pure ProseMirror: no DOM API, so the server can build the same schema.
 */
export const BLOCK_TYPES: readonly string[] = [PARAGRAPH_NODE, HEADING_NODE];

/** The id as rendered in HTML (and so read back when HTML is pasted). */
export const BLOCK_ID_HTML_ATTR = 'data-block-id';

export { newBlockId };

export const blockIdPluginKey = new PluginKey('blockId');

function isBlock(node: PMNode): boolean {
  return BLOCK_TYPES.includes(node.type.name);
}

function blockIdOf(node: PMNode): string | null {
  const id: unknown = node.attrs[BLOCK_ID_ATTR];
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * A transaction giving every block a unique id (first occurrence in document
 * order wins), or null when every block already has one.
 */
export function fixBlockIds(state: EditorState, makeId: () => string = newBlockId): Transaction | null {
  const seen = new Set<string>();
  const toFix: number[] = [];
  state.doc.descendants((node, pos) => {
    if (!isBlock(node)) return true;
    const id = blockIdOf(node);
    if (id === null || seen.has(id)) toFix.push(pos);
    else seen.add(id);
    return false; // text inside a block holds no blocks
  });
  if (toFix.length === 0) return null;
  const tr = state.tr;
  for (const pos of toFix) {
    let id = makeId();
    while (seen.has(id)) id = makeId();
    seen.add(id);
    tr.setNodeAttribute(pos, BLOCK_ID_ATTR, id);
  }
  // Not an edit of the member's own: keep it out of the undo history so
  // that one undo reverts what they did, ids included.
  tr.setMeta('addToHistory', false);
  return tr;
}

/** All block ids in a document, in order. */
export function collectBlockIds(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (!isBlock(node)) return true;
    const id = blockIdOf(node);
    if (id) ids.add(id);
    return false;
  });
  return ids;
}

/** Clears, in a pasted slice, every block id that the document already holds. */
export function clearTakenIds(slice: Slice, taken: Set<string>): Slice {
  const clear = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (isBlock(node)) {
        const id = blockIdOf(node);
        nodes.push(id && taken.has(id) ? node.type.create({ ...node.attrs, [BLOCK_ID_ATTR]: null }, node.content, node.marks) : node);
      } else if (node.isText || node.childCount === 0) {
        nodes.push(node);
      } else {
        nodes.push(node.copy(clear(node.content)));
      }
    });
    return Fragment.fromArray(nodes);
  };
  return new Slice(clear(slice.content), slice.openStart, slice.openEnd);
}

/**
 * Enter at the start of a non-empty paragraph or subhead: a new empty
 * paragraph goes in before it and the cursor stays with the text. (A plain
 * split would leave the id on the empty first half and give the text a new
 * one, cutting the text from its translation.)
 */
export const insertParagraphBefore: Command = (state, dispatch) => {
  const { selection } = state;
  const { $from } = selection;
  if (!selection.empty || $from.parentOffset !== 0 || $from.parent.content.size === 0 || !isBlock($from.parent)) return false;
  const paragraph = state.schema.nodes[PARAGRAPH_NODE];
  if (!paragraph) return false;
  const before = $from.before();
  if (!$from.node(-1).canReplaceWith($from.index(-1), $from.index(-1), paragraph)) return false;
  if (dispatch) {
    const tr = state.tr.insert(before, paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map($from.pos)));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

export function blockIdPlugin(): Plugin {
  return new Plugin({
    key: blockIdPluginKey,
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      return fixBlockIds(newState);
    },
    props: {
      transformPasted(slice, view) {
        return clearTakenIds(slice, collectBlockIds(view.state.doc));
      },
    },
  });
}

export const BlockId = Extension.create({
  name: 'blockId',
  // Before the core keymap, so that its Enter sees insertParagraphBefore first.
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => insertParagraphBefore(editor.state, editor.view.dispatch),
    };
  },

  addGlobalAttributes() {
    return [
      {
        types: [...BLOCK_TYPES],
        attributes: {
          [BLOCK_ID_ATTR]: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element: HTMLElement) => element.getAttribute(BLOCK_ID_HTML_ATTR),
            renderHTML: (attributes: Record<string, unknown>) => {
              const id = attributes[BLOCK_ID_ATTR];
              return typeof id === 'string' && id ? { [BLOCK_ID_HTML_ATTR]: id } : {};
            },
          },
          ...Object.fromEntries(
            SOURCE_LINK_ATTRS.map((name) => [name, { default: null, keepOnSplit: false, rendered: false }]),
          ),
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [blockIdPlugin()];
  },
});
