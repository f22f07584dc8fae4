import { useEditorState, type Editor } from '@tiptap/react';
import { SUBHEAD_LEVEL } from '../../../shared/editor/fields';
import { useI18n } from '../i18n';

/** Bold, italic and subhead: what a newspaper column needs. Buttons show whether they are on. */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      subhead: e.isActive('heading', { level: SUBHEAD_LEVEL }),
    }),
  });
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <button
        type="button"
        aria-pressed={active.bold}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor.chain().focus().toggleBold().run()}
      >
        <b>{t('editor.bold')}</b>
      </button>
      <button
        type="button"
        aria-pressed={active.italic}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      >
        <i>{t('editor.italic')}</i>
      </button>
      <button
        type="button"
        aria-pressed={active.subhead}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor.chain().focus().toggleHeading({ level: SUBHEAD_LEVEL }).run()}
      >
        {t('editor.subhead')}
      </button>
    </div>
  );
}
