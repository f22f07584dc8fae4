import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { bodyExtensions, lineExtensions } from '../../../shared/editor/extensions';
import type { TranslatedPart } from '../../../shared/translation/links';
import type { ArticleConnection } from '../editor/connection';
import { renderCaret, type PresenceUser } from '../editor/presence';
import { setMarks, TranslationMarks, type ActionHandler, type EditorMarks, type SourceLookup } from './decorations';

export type Side = 'source' | 'target';

/**
 * One field of one side of the side-by-side view: a live collaborative
 * editor like the article editor's (same schema, same document, same
 * presence), plus the translation marks of its blocks.
 */
export function TranslationFieldEditor({
  connection,
  part,
  side,
  label,
  lang,
  user,
  marks,
  onAction,
  sourceLookup,
  onEditor,
  onActiveBlock,
}: {
  connection: ArticleConnection;
  part: TranslatedPart;
  side: Side;
  label: string;
  lang: string;
  user: PresenceUser;
  marks: EditorMarks;
  onAction: ActionHandler;
  sourceLookup?: SourceLookup;
  onEditor?: (editor: Editor | null) => void;
  onActiveBlock?: (index: number | null) => void;
}) {
  // The plugins read these through refs: the editor is built once, the
  // handlers change with every render.
  const actionRef = useRef(onAction);
  actionRef.current = onAction;
  const lookupRef = useRef<SourceLookup>(sourceLookup ?? (() => null));
  lookupRef.current = sourceLookup ?? (() => null);
  const activeRef = useRef(onActiveBlock);
  activeRef.current = onActiveBlock;

  const editor = useEditor(
    {
      extensions: [
        ...(part === 'body' ? bodyExtensions() : lineExtensions()),
        Collaboration.configure({ document: connection.doc, field: part }),
        CollaborationCaret.configure({ provider: connection.provider, user, render: renderCaret }),
        TranslationMarks.configure({
          onAction: () => actionRef.current,
          sourceLookup: side === 'target' ? () => lookupRef.current : null,
        }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-label': label,
          'aria-multiline': part === 'body' ? 'true' : 'false',
          class: `prose field-${part} tr-editor tr-editor-${side}`,
          lang,
          spellcheck: 'true',
          'data-side': side,
          'data-part': part,
        },
      },
      // Only the member's own cursor: a remote edit also moves the selection.
      onSelectionUpdate: ({ editor: e }) => {
        if (e.isFocused) activeRef.current?.(e.state.selection.$from.index(0));
      },
      onFocus: ({ editor: e }) => activeRef.current?.(e.state.selection.$from.index(0)),
    },
    [connection, part, side],
  );

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
    // onEditor is a stable callback of the parent
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  // Before the browser paints (and before the row alignment measures).
  useLayoutEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(setMarks(editor.state, marks));
  }, [editor, marks]);

  return <EditorContent editor={editor as Editor | null} />;
}
