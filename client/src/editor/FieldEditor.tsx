import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useId, type ReactNode } from 'react';
import { bodyExtensions, lineExtensions } from '../../../shared/editor/extensions';
import type { ArticleField } from '../../../shared/editor/fields';
import type { ArticleConnection } from './connection';
import { renderCaret, type PresenceUser } from './presence';
import { Toolbar } from './Toolbar';

/**
 * One field of the article (headline, deck, byline or body), bound to its
 * XmlFragment in the shared Y.Doc. All four share one awareness, so a
 * member's caret shows in whichever field they are typing in.
 */
export function FieldEditor({
  connection,
  field,
  label,
  user,
  suggestion,
  readOnly = false,
}: {
  connection: ArticleConnection;
  field: ArticleField;
  label: string;
  user: PresenceUser;
  /** Text offered for an empty field with one click (the member's default byline). */
  suggestion?: { text: string; buttonLabel: string };
  readOnly?: boolean;
}) {
  const labelId = useId();
  const isBody = field === 'body';
  const editor = useEditor(
    {
      extensions: [
        ...(isBody ? bodyExtensions() : lineExtensions()),
        Collaboration.configure({ document: connection.doc, field }),
        CollaborationCaret.configure({ provider: connection.provider, user, render: renderCaret }),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-labelledby': labelId,
          'aria-multiline': isBody ? 'true' : 'false',
          class: `prose field-${field}`,
          spellcheck: 'true',
        },
      },
    },
    [connection, field, readOnly],
  );

  return (
    <section className={`article-field article-field-${field}`}>
      <div className="article-field-head">
        <span id={labelId} className="field-label">
          {label}
        </span>
        {isBody && editor && !readOnly && <Toolbar editor={editor} />}
        {suggestion && editor && !readOnly && <Suggestion editor={editor} {...suggestion} />}
      </div>
      <EditorContent editor={editor as Editor | null} />
    </section>
  );
}

/** A button that fills an empty field; it goes away as soon as the field has text. */
function Suggestion({ editor, text, buttonLabel }: { editor: Editor; text: string; buttonLabel: string }): ReactNode {
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e.isEmpty });
  if (!empty) return null;
  return (
    <button type="button" className="quiet small" onClick={() => editor.chain().focus().insertContent(text).run()}>
      {buttonLabel}
    </button>
  );
}
