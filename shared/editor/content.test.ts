import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle, writeArticle, type ArticleText } from './content';

describe('article text in a Yjs document', () => {
  const text: ArticleText = {
    headline: 'Bus drivers win back their breaks',
    deck: 'A two-week stoppage ends with a written agreement',
    byline: 'Comrade in El Salvador',
    body: [
      { type: 'p', text: 'The drivers of line 44 stopped at 5 a.m. <sharp>.', id: 'b1' },
      { type: 'subhead', text: 'What they won' },
      { type: 'p', text: '¿Y ahora? ¡Adelante!' },
    ],
  };

  it('reads back what was written, through an update to another document', () => {
    const a = new Y.Doc();
    writeArticle(a, text);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readArticle(b)).toEqual(text);
  });

  it('reads an empty document as empty fields', () => {
    expect(readArticle(new Y.Doc())).toEqual({ headline: '', deck: '', byline: '', body: [] });
  });
});
