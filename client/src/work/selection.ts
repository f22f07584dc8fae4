/**
 * Where the reader's text selection is, as plain-text offsets within one
 * article field: the same counting the server uses for comment anchors
 * (top-level blocks joined by one line break; other members' caret labels,
 * which sit inside the editable area, are not text).
 */
export type FieldName = 'headline' | 'deck' | 'byline' | 'body';

export interface FieldSpan {
  field: FieldName;
  from: number;
  to: number;
}

function fieldOf(node: Node | null): { root: HTMLElement; field: FieldName } | null {
  const el = node instanceof HTMLElement ? node : node?.parentElement;
  const root = el?.closest<HTMLElement>('.prose[class*="field-"]');
  if (!root) return null;
  const name = /\bfield-(headline|deck|byline|body)\b/.exec(root.className)?.[1] as FieldName | undefined;
  return name ? { root, field: name } : null;
}

function visibleText(fragment: DocumentFragment | HTMLElement): string {
  const copy = fragment.cloneNode(true) as DocumentFragment | HTMLElement;
  copy.querySelectorAll('.collab-caret').forEach((c) => c.remove());
  return copy.textContent ?? '';
}

function offsetIn(root: HTMLElement, node: Node, offset: number): number | null {
  let total = 0;
  const blocks = [...root.children] as HTMLElement[];
  for (const [i, block] of blocks.entries()) {
    if (i > 0) total += 1;
    if (block === node || block.contains(node)) {
      const range = document.createRange();
      range.setStart(block, 0);
      range.setEnd(node, offset);
      return total + visibleText(range.cloneContents()).length;
    }
    total += visibleText(block).length;
  }
  return null;
}

/** The current selection as a span of one field, or null when it is empty or crosses fields. */
export function selectedFieldSpan(): FieldSpan | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = fieldOf(range.startContainer);
  const end = fieldOf(range.endContainer);
  if (!start || !end || start.root !== end.root) return null;
  const from = offsetIn(start.root, range.startContainer, range.startOffset);
  const to = offsetIn(start.root, range.endContainer, range.endOffset);
  if (from === null || to === null || to <= from) return null;
  return { field: start.field, from, to };
}
