import type { ArticleText } from '../editor/content';

/**
 * One plain text for a whole article version: headline, deck, byline and
 * body blocks separated by blank lines. It is what a verdict or checkpoint
 * keeps as its snapshot and what word diffs compare, so headline edits
 * count as changes to the judged text just like body edits.
 */
export function articlePlainText(text: ArticleText): string {
  const parts = [text.headline, text.deck, text.byline, ...text.body.map((b) => b.text)];
  return parts.join('\n\n');
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
