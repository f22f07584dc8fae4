import * as Y from 'yjs';
import {
  BLOCK_ID_ATTR,
  HEADING_NODE,
  PARAGRAPH_NODE,
  SOURCE_HASH_ATTR,
  SOURCE_ID_ATTR,
  SOURCE_TEXT_ATTR,
} from '../editor/fields';

/** The parts of a version that are translated block by block. */
export const TRANSLATED_PARTS = ['headline', 'deck', 'byline', 'body'] as const;
export type TranslatedPart = (typeof TRANSLATED_PARTS)[number];

/** A block (paragraph or subhead) with the link attributes a translation gives it. */
export interface LinkedBlock {
  id: string | null;
  text: string;
  subhead: boolean;
  /** The source block it translates; null for a block the translator added. */
  src: string | null;
  /** Fingerprint of the source text it was made from. */
  srcHash: string | null;
  /** The source text it was made from (for the word diff). */
  srcText: string | null;
}

export type VersionBlocks = Record<TranslatedPart, LinkedBlock[]>;

function stringAttr(element: Y.XmlElement, name: string): string | null {
  const value: unknown = element.getAttribute(name);
  return typeof value === 'string' && value !== '' ? value : null;
}

function elementText(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) text += plain(child);
    else if (child instanceof Y.XmlElement) text += child.nodeName === 'hardBreak' ? ' ' : elementText(child);
  }
  return text;
}

/** XmlText.toString renders marks as tags; the delta gives the bare text. */
function plain(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/** The blocks of one field, in order, with their links (lists and the like read through). */
export function readLinkedBlocks(fragment: Y.XmlFragment | Y.XmlElement): LinkedBlock[] {
  const blocks: LinkedBlock[] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName !== PARAGRAPH_NODE && child.nodeName !== HEADING_NODE) {
      blocks.push(...readLinkedBlocks(child));
      continue;
    }
    blocks.push(readBlock(child));
  }
  return blocks;
}

/** One paragraph or subhead element with its link attributes. */
export function readBlock(element: Y.XmlElement): LinkedBlock {
  const srcText: unknown = element.getAttribute(SOURCE_TEXT_ATTR);
  return {
    id: stringAttr(element, BLOCK_ID_ATTR),
    text: elementText(element),
    subhead: element.nodeName === HEADING_NODE,
    src: stringAttr(element, SOURCE_ID_ATTR),
    srcHash: stringAttr(element, SOURCE_HASH_ATTR),
    srcText: typeof srcText === 'string' ? srcText : null,
  };
}

/** Every translated part of a version document. */
export function readVersionBlocks(doc: Y.Doc): VersionBlocks {
  return {
    headline: readLinkedBlocks(doc.getXmlFragment('headline')),
    deck: readLinkedBlocks(doc.getXmlFragment('deck')),
    byline: readLinkedBlocks(doc.getXmlFragment('byline')),
    body: readLinkedBlocks(doc.getXmlFragment('body')),
  };
}
