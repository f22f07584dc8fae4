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

/**
 * A translated block's link to its source, kept as attributes of the block
 * in the translation's own document (see shared/translation): the source
 * block's id, a fingerprint of the source text when the translation was made
 * (or last marked current), and that text itself, for the word diff.
 */
export const SOURCE_ID_ATTR = 'src';
export const SOURCE_HASH_ATTR = 'srcHash';
export const SOURCE_TEXT_ATTR = 'srcText';
export const SOURCE_LINK_ATTRS = [SOURCE_ID_ATTR, SOURCE_HASH_ATTR, SOURCE_TEXT_ATTR] as const;
