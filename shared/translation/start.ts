import * as Y from 'yjs';
import {
  BLOCK_ID_ATTR,
  HEADING_NODE,
  PARAGRAPH_NODE,
  SOURCE_HASH_ATTR,
  SOURCE_ID_ATTR,
  SOURCE_TEXT_ATTR,
  SUBHEAD_LEVEL,
} from '../editor/fields';
import { fingerprint, hasText } from './fingerprint';
import { readBlock, readLinkedBlocks, TRANSLATED_PARTS, type TranslatedPart } from './links';

export type StartMode = 'empty' | 'copy';

/** The body blocks (paragraphs and subheads, lists read through) of a fragment, as Yjs elements. */
function blockElements(fragment: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === PARAGRAPH_NODE || child.nodeName === HEADING_NODE) out.push(child);
    else out.push(...blockElements(child));
  }
  return out;
}

/**
 * Gives every source body block without a unique id one (the first
 * occurrence keeps its id, as the editor's fixer does), so that translated
 * blocks can name it; fields are linked as wholes and need none. Returns true when the document changed. Documents edited in the
 * editor already have ids; documents written by scripts may not.
 */
export function ensureSourceIds(doc: Y.Doc, makeId: () => string): boolean {
  const seen = new Set<string>();
  const fix: Y.XmlElement[] = [];
  for (const element of blockElements(doc.getXmlFragment('body'))) {
    const id: unknown = element.getAttribute(BLOCK_ID_ATTR);
    if (typeof id === 'string' && id && !seen.has(id)) seen.add(id);
    else fix.push(element);
  }
  if (fix.length === 0) return false;
  doc.transact(() => {
    for (const element of fix) {
      let id = makeId();
      while (seen.has(id)) id = makeId();
      seen.add(id);
      element.setAttribute(BLOCK_ID_ATTR, id);
    }
  });
  return true;
}

/** Copies the text of a block, formatting included, into a fresh element. */
function copyInto(from: Y.XmlElement, to: Y.XmlElement): void {
  for (const child of from.toArray()) {
    if (child instanceof Y.XmlText) {
      const text = new Y.XmlText();
      to.push([text]);
      text.applyDelta(child.toDelta());
    } else if (child instanceof Y.XmlElement) {
      const element = new Y.XmlElement(child.nodeName);
      to.push([element]);
      for (const [key, value] of Object.entries(child.getAttributes())) element.setAttribute(key, value as string);
      copyInto(child, element);
    }
  }
}

/**
 * Writes the translation's starting structure into an empty target
 * document: one block per source block, same kind (paragraph or subhead),
 * empty or a copy of the source text, each remembering its source block's
 * id, fingerprint and text. Fields (headline, deck, byline) become one
 * paragraph linked to the whole source field.
 */
export function writeTranslationStart(source: Y.Doc, target: Y.Doc, mode: StartMode, makeId: () => string): void {
  target.transact(() => {
    for (const part of TRANSLATED_PARTS) {
      const fragment = target.getXmlFragment(part);
      if (part === 'body') {
        for (const element of blockElements(source.getXmlFragment('body'))) {
          const block = readBlock(element);
          const linked = appendLinked(fragment, element, block.id, block.text, makeId);
          if (mode === 'copy') copyInto(element, linked);
        }
      } else {
        const elements = blockElements(source.getXmlFragment(part));
        const text = readLinkedBlocks(source.getXmlFragment(part)).map((b) => b.text).filter(hasText).join(' ');
        const linked = appendLinked(fragment, null, part, text, makeId);
        if (mode === 'copy' && elements.length === 1) copyInto(elements[0]!, linked);
        else if (mode === 'copy' && text) linked.push([plainText(text)]);
      }
    }
  });
}

function plainText(text: string): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, text);
  return node;
}

/**
 * Appends a block linked to its source: same kind as `like` (a paragraph when
 * null), a new id of its own, and the source's id, fingerprint and text.
 */
function appendLinked(
  fragment: Y.XmlFragment,
  like: Y.XmlElement | null,
  src: string | null,
  sourceText: string,
  makeId: () => string,
): Y.XmlElement {
  const element = new Y.XmlElement(like?.nodeName ?? PARAGRAPH_NODE);
  fragment.push([element]);
  if (like?.nodeName === HEADING_NODE) element.setAttribute('level', (like.getAttribute('level') ?? SUBHEAD_LEVEL) as string);
  element.setAttribute(BLOCK_ID_ATTR, makeId());
  if (src !== null) element.setAttribute(SOURCE_ID_ATTR, src);
  element.setAttribute(SOURCE_HASH_ATTR, fingerprint(sourceText));
  element.setAttribute(SOURCE_TEXT_ATTR, sourceText);
  return element;
}

/** True when no translated part of the document holds any text (a version nobody has written yet). */
export function isBlankVersion(doc: Y.Doc): boolean {
  return TRANSLATED_PARTS.every((part: TranslatedPart) =>
    readLinkedBlocks(doc.getXmlFragment(part)).every((b) => b.text.trim() === ''),
  );
}
