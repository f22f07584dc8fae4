import { getSchema, Node, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { BlockId } from './blockId';
import { SUBHEAD_LEVEL } from './fields';

/**
 * The one editor schema of an article version, used by the browser editors
 * (with Collaboration added there) and by the server (getSchema, to read and
 * write the same Yjs structure). Change it only together with
 * EDITOR_SCHEMA_VERSION, since stored documents follow it.
 */
export const EDITOR_SCHEMA_VERSION = 1;

/**
 * The body: paragraphs, level-3 subheads, bold, italic, underline, links and
 * line breaks, which is what a newspaper column sets. Code, rules, lists and
 * quotes are left out because the typesetter does not print them. Undo/redo
 * is off: the Collaboration extension brings its own (Yjs) undo that only
 * reverts the member's own changes. The trailing empty paragraph is off too:
 * it would add an untranslatable block to every document.
 */
export function bodyExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [SUBHEAD_LEVEL] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      strike: false,
      trailingNode: false,
      link: { openOnClick: false, autolink: true },
    }),
    BlockId,
  ];
}

/** A document of exactly one paragraph: headline, deck and byline. */
const SingleParagraphDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'paragraph',
});

/**
 * Headline, deck and byline: one paragraph, no marks, Enter does nothing
 * (the document admits a single paragraph). The paragraph carries a block id
 * like body paragraphs, so a translated headline links to its source.
 */
export function lineExtensions(): AnyExtension[] {
  return [
    SingleParagraphDocument,
    StarterKit.configure({
      document: false,
      undoRedo: false,
      heading: false,
      bold: false,
      italic: false,
      underline: false,
      strike: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      hardBreak: false,
      link: false,
      trailingNode: false,
    }),
    BlockId,
  ];
}

let bodySchemaCache: Schema | null = null;
let lineSchemaCache: Schema | null = null;

/** The body's ProseMirror schema, for code that works without an editor view. */
export function bodySchema(): Schema {
  bodySchemaCache ??= getSchema(bodyExtensions());
  return bodySchemaCache;
}

export function lineSchema(): Schema {
  lineSchemaCache ??= getSchema(lineExtensions());
  return lineSchemaCache;
}

export { BlockId } from './blockId';
