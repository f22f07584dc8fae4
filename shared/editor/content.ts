import * as Y from 'yjs';
import {
  ARTICLE_FIELDS,
  BLOCK_ID_ATTR,
  HEADING_NODE,
  PARAGRAPH_NODE,
  SUBHEAD_LEVEL,
  type ArticleField,
} from './fields';

/** A body block as plain data: what the typesetter, word counts and seeds use. */
export interface Block {
  type: 'p' | 'subhead';
  text: string;
  id?: string;
}

export interface ArticleText {
  headline: string;
  deck: string;
  byline: string;
  body: Block[];
}

/**
 * Writes plain article text into the fields of an empty document, in the
 * same element structure the Tiptap editor produces through y-prosemirror
 * (an XmlElement per block holding one XmlText), so an editor opening the
 * document sees ordinary paragraphs.
 */
export function writeArticle(doc: Y.Doc, text: ArticleText): void {
  doc.transact(() => {
    for (const field of ['headline', 'deck', 'byline'] as const) {
      appendBlock(doc.getXmlFragment(field), { type: 'p', text: text[field] });
    }
    const body = doc.getXmlFragment('body');
    for (const block of text.body) appendBlock(body, block);
  });
}

function appendBlock(fragment: Y.XmlFragment, block: Block): void {
  const element = new Y.XmlElement(block.type === 'subhead' ? HEADING_NODE : PARAGRAPH_NODE);
  fragment.push([element]);
  if (block.type === 'subhead') element.setAttribute('level', SUBHEAD_LEVEL as unknown as string);
  if (block.id) element.setAttribute(BLOCK_ID_ATTR, block.id);
  if (block.text) {
    const text = new Y.XmlText();
    element.push([text]);
    text.insert(0, block.text);
  }
}

/** Reads a document's fields back as plain text (marks dropped). */
export function readArticle(doc: Y.Doc): ArticleText {
  return {
    headline: fieldText(doc, 'headline'),
    deck: fieldText(doc, 'deck'),
    byline: fieldText(doc, 'byline'),
    body: readBlocks(doc.getXmlFragment('body')),
  };
}

/** One line of plain text for a single-paragraph field; blocks joined by a space. */
export function fieldText(doc: Y.Doc, field: Exclude<ArticleField, 'body'>): string {
  return readBlocks(doc.getXmlFragment(field))
    .map((b) => b.text)
    .filter(Boolean)
    .join(' ');
}

export function readBlocks(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const isSubhead = child.nodeName === HEADING_NODE;
    if (!isSubhead && child.nodeName !== PARAGRAPH_NODE) {
      // Lists, quotes and the like: take their text as paragraphs.
      for (const inner of readBlocks(child as unknown as Y.XmlFragment)) blocks.push(inner);
      continue;
    }
    const id = child.getAttribute(BLOCK_ID_ATTR);
    const block: Block = { type: isSubhead ? 'subhead' : 'p', text: elementText(child) };
    if (typeof id === 'string' && id) block.id = id;
    blocks.push(block);
  }
  return blocks;
}

function elementText(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') text += op.insert;
    }
    else if (child instanceof Y.XmlElement) text += child.nodeName === 'hardBreak' ? ' ' : elementText(child);
  }
  return text;
}

export { ARTICLE_FIELDS };
