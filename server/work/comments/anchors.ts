import * as Y from 'yjs';
import type { ArticleField } from '../../../shared/editor/fields';

/**
 * Comment anchors: a span of one field of an article, held by two Yjs
 * relative positions. A relative position names a character (its Yjs item),
 * not an offset, so the span stays on its words while others type before,
 * after or inside it. The API speaks plain-text offsets within the field
 * (blocks joined by a line break); the editor may send relative positions
 * it computed itself. Either way they are resolved against the document
 * before anything is stored: an anchor outside the text is refused.
 */
interface Run {
  text: Y.XmlText;
  /** Offset of this run's first character in the field's plain text. */
  start: number;
  length: number;
}

interface FieldText {
  runs: Run[];
  plain: string;
}

function fieldText(doc: Y.Doc, field: ArticleField): FieldText {
  const runs: Run[] = [];
  let plain = '';
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        let s = '';
        for (const op of child.toDelta() as { insert: unknown }[]) s += typeof op.insert === 'string' ? op.insert : '\uFFFC';
        runs.push({ text: child, start: plain.length, length: s.length });
        plain += s;
      } else if (child instanceof Y.XmlElement) {
        visit(child);
      }
    }
  };
  doc.getXmlFragment(field).toArray().forEach((block, i) => {
    if (i > 0) plain += '\n';
    if (block instanceof Y.XmlElement) visit(block);
  });
  return { runs, plain };
}

/** The field as plain text, blocks joined by a line break: what anchor offsets count in. */
export function fieldPlainText(doc: Y.Doc, field: ArticleField): string {
  return fieldText(doc, field).plain;
}

export interface ResolvedAnchor {
  from: number;
  to: number;
  quote: string;
}

export interface StoredAnchor {
  start: Uint8Array;
  end: Uint8Array;
}

/** Relative positions for a plain-text span of a field; null when the span is not inside its text. */
export function anchorFromOffsets(doc: Y.Doc, field: ArticleField, from: number, to: number): StoredAnchor | null {
  const { runs, plain } = fieldText(doc, field);
  if (!(from >= 0 && to > from && to <= plain.length)) return null;
  // The start belongs to the run where the span begins, the end to the run where it ends.
  const startRun = runs.find((r) => from >= r.start && from < r.start + r.length);
  const endRun = runs.find((r) => to > r.start && to <= r.start + r.length);
  if (!startRun || !endRun) return null;
  // assoc 0 at the start and -1 at the end: text typed right at either
  // edge stays outside the comment.
  const start = Y.createRelativePositionFromTypeIndex(startRun.text, from - startRun.start, 0);
  const end = Y.createRelativePositionFromTypeIndex(endRun.text, to - endRun.start, -1);
  return { start: Y.encodeRelativePosition(start), end: Y.encodeRelativePosition(end) };
}

/** Where a stored anchor is in the text now; null when its text is gone or it never was in this field. */
export function resolveAnchor(doc: Y.Doc, field: ArticleField, anchor: StoredAnchor): ResolvedAnchor | null {
  const { runs, plain } = fieldText(doc, field);
  const offset = (bytes: Uint8Array): number | null => {
    let absolute: Y.AbsolutePosition | null;
    try {
      // Bytes from a client may be anything: Yjs throws on what it cannot read.
      absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), doc);
    } catch {
      return null;
    }
    if (!absolute) return null;
    const run = runs.find((r) => r.text === absolute.type);
    return run ? run.start + Math.min(absolute.index, run.length) : null;
  };
  const from = offset(anchor.start);
  const to = offset(anchor.end);
  if (from === null || to === null || to < from) return null;
  return { from, to, quote: plain.slice(from, to) };
}
