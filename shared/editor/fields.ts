/**
 * The shape of an article version's Yjs document. Each field is a
 * Y.XmlFragment edited by its own Tiptap editor (Collaboration `field`), so
 * headline, deck and byline are co-edited exactly like the body.
 */
export const ARTICLE_FIELDS = ['headline', 'deck', 'byline', 'body'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** Node names in the body, as the Tiptap schema (and so y-prosemirror) names them. */
export const PARAGRAPH_NODE = 'paragraph';
export const HEADING_NODE = 'heading';
/** Subheads are level-3 headings in the body. */
export const SUBHEAD_LEVEL = 3;
/** Attribute that carries a block's stable identity (see the translation issue). */
export const BLOCK_ID_ATTR = 'id';
