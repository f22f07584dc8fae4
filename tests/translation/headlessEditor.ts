import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node as PMNode, Schema, Slice } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { history } from '@tiptap/pm/history';
import * as Y from 'yjs';
import { blockIdPlugin, clearTakenIds, collectBlockIds } from '../../shared/editor/blockId';
import { bodySchema } from '../../shared/editor/extensions';
import { BLOCK_ID_ATTR } from '../../shared/editor/fields';

/** What updateYFragment keeps between calls (y-tiptap does not export the type). */
type BindingMetadata = Parameters<typeof updateYFragment>[3];

/** The origin the editor's own Yjs transactions carry (as ySyncPlugin's key does). */
const EDITOR_ORIGIN = { editor: true };

/**
 * An editor without a view, bound to a Y.XmlFragment the way the browser
 * binding (y-tiptap's ySyncPlugin) binds one: local transactions go through
 * the real plugins (so the block-id appendTransaction runs) and are written
 * to Yjs with the binding's own updateYFragment; remote Yjs changes replace
 * the document content in one transaction (as the binding does), which runs
 * appendTransaction again and writes any fix back. Undo is Yjs's UndoManager
 * tracking only this editor's origin, as the Collaboration extension's undo.
 */
export class HeadlessEditor {
  readonly schema: Schema = bodySchema();
  readonly ydoc: Y.Doc;
  readonly fragment: Y.XmlFragment;
  readonly undoManager: Y.UndoManager;
  state: EditorState;
  private meta: BindingMetadata = { mapping: new Map(), isOMark: new Map() };

  constructor(ydoc: Y.Doc = new Y.Doc(), field = 'body') {
    this.ydoc = ydoc;
    this.fragment = ydoc.getXmlFragment(field);
    this.state = EditorState.create({ schema: this.schema, plugins: [blockIdPlugin(), history()] });
    this.undoManager = new Y.UndoManager(this.fragment, { trackedOrigins: new Set([EDITOR_ORIGIN]), captureTimeout: 0 });
    this.fragment.observeDeep((_events, transaction) => {
      if (transaction.origin !== EDITOR_ORIGIN) this.pull();
    });
    if (this.fragment.length > 0) this.pull();
  }

  /** Runs a ProseMirror command as a keypress would. */
  run(command: Command): boolean {
    return command(this.state, (tr) => this.dispatch(tr));
  }

  dispatch(tr: Transaction): void {
    const { state, transactions } = this.state.applyTransaction(tr);
    this.state = state;
    if (transactions.some((t) => t.docChanged)) this.push();
  }

  /** Puts the cursor inside block `index` (0-based, top level) at `offset`. */
  setCursor(index: number, offset: number): void {
    const pos = this.blockStart(index) + 1 + offset;
    this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, pos)));
  }

  blockStart(index: number): number {
    let pos = 0;
    for (let i = 0; i < index; i++) pos += this.state.doc.child(i).nodeSize;
    return pos;
  }

  type(text: string): void {
    this.dispatch(this.state.tr.insertText(text));
  }

  /** A paste as the view performs it: the plugin's transformPasted, then replaceSelection. */
  paste(slice: Slice): void {
    const transformed = clearTakenIds(slice, collectBlockIds(this.state.doc));
    this.dispatch(this.state.tr.replaceSelection(transformed).scrollIntoView());
  }

  /** The slice of whole top-level blocks from..to (inclusive), as a copy would take it. */
  copyBlocks(from: number, to: number): Slice {
    return this.state.doc.slice(this.blockStart(from), this.blockStart(to + 1));
  }

  undo(): void {
    this.undoManager.undo();
  }

  blocks(): { id: string | null; text: string }[] {
    const out: { id: string | null; text: string }[] = [];
    this.state.doc.forEach((node) => out.push({ id: (node.attrs[BLOCK_ID_ATTR] as string | null) ?? null, text: node.textContent }));
    return out;
  }

  /** Blocks as stored in Yjs (what other clients and the server see). */
  storedBlocks(): { id: string | null; text: string }[] {
    return this.fragment.toArray().map((el) => {
      const element = el as Y.XmlElement;
      const id = element.getAttribute(BLOCK_ID_ATTR);
      return { id: typeof id === 'string' ? id : null, text: element.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') };
    });
  }

  private push(): void {
    this.ydoc.transact(() => updateYFragment(this.ydoc, this.fragment, this.state.doc, this.meta), EDITOR_ORIGIN);
  }

  private pull(): void {
    this.meta = { mapping: new Map(), isOMark: new Map() };
    // The binding maps Y types to nodes to speed up its diff; without the map
    // updateYFragment compares content instead, with the same result.
    const root: PMNode = yXmlFragmentToProseMirrorRootNode(this.fragment, this.schema);
    const tr = this.state.tr.replaceWith(0, this.state.doc.content.size, root.content);
    tr.setMeta('addToHistory', false);
    this.dispatch(tr);
  }
}

/** Sends every update of `from` that `to` lacks. */
export function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}
