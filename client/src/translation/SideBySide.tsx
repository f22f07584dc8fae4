import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { BLOCK_ID_ATTR, HEADING_NODE, PARAGRAPH_NODE, SOURCE_HASH_ATTR, SOURCE_ID_ATTR, SOURCE_TEXT_ATTR, SUBHEAD_LEVEL } from '../../../shared/editor/fields';
import type { Lang } from '../../../shared/languages';
import { fingerprint, hasText } from '../../../shared/translation/fingerprint';
import { readVersionBlocks, TRANSLATED_PARTS, type TranslatedPart, type VersionBlocks } from '../../../shared/translation/links';
import { computeTranslationState, type TranslationState } from '../../../shared/translation/state';
import { Loading, Notice } from '../components/ui';
import { ArticleConnection } from '../editor/connection';
import { presenceUser } from '../editor/presence';
import { useI18n } from '../i18n';
import { useMember } from '../session';
import { computeBodyPads } from './align';
import type { ActionHandler } from './decorations';
import { NO_PADS, sourceMarks, targetMarks, type ActiveBlock, type BodyPads } from './marks';
import { useTranslationText } from './messages';
import { ProgressSummary } from './ProgressBadge';
import { TranslationFieldEditor } from './TranslationFieldEditor';

interface Computed {
  source: VersionBlocks;
  target: VersionBlocks;
  state: TranslationState;
}

/** Both documents of a translation, open live; the state recomputed whenever either changes. */
export function SideBySide({ sourceDoc, targetDoc, sourceLang, targetLang }: { sourceDoc: string; targetDoc: string; sourceLang: Lang; targetLang: Lang }) {
  const [connections, setConnections] = useState<{ source: ArticleConnection; target: ArticleConnection } | null>(null);
  useEffect(() => {
    const c = { source: new ArticleConnection(sourceDoc), target: new ArticleConnection(targetDoc) };
    setConnections(c);
    return () => {
      c.source.destroy();
      c.target.destroy();
    };
  }, [sourceDoc, targetDoc]);
  if (!connections) return <Loading />;
  return <Ready source={connections.source} target={connections.target} sourceLang={sourceLang} targetLang={targetLang} />;
}

function useReady(connection: ArticleConnection) {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

function compute(source: Y.Doc, target: Y.Doc): Computed {
  const s = readVersionBlocks(source);
  const t = readVersionBlocks(target);
  return { source: s, target: t, state: computeTranslationState(s, t) };
}

/** The state, recomputed at most once per frame however fast the two documents change. */
function useTranslationState(source: Y.Doc, target: Y.Doc): Computed {
  const [computed, setComputed] = useState(() => compute(source, target));
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setComputed(compute(source, target));
      });
    };
    source.on('update', schedule);
    target.on('update', schedule);
    schedule();
    return () => {
      source.off('update', schedule);
      target.off('update', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [source, target]);
  return computed;
}

const FIELD_LABEL = { headline: 'editor.headline', deck: 'editor.deck', byline: 'editor.byline', body: 'editor.body' } as const;

function Ready({ source, target, sourceLang, targetLang }: { source: ArticleConnection; target: ArticleConnection; sourceLang: Lang; targetLang: Lang }) {
  const { t: appT } = useI18n();
  const { t, langName } = useTranslationText();
  const member = useMember();
  const user = presenceUser(member);
  const sourceSnap = useReady(source);
  const targetSnap = useReady(target);
  const computed = useTranslationState(source.doc, target.doc);
  const [active, setActive] = useState<ActiveBlock | null>(null);
  const [pads, setPads] = useState<BodyPads>(NO_PADS);
  const editors = useRef(new Map<string, Editor>());
  const latest = useRef(computed);
  latest.current = computed;

  const registerEditor = useCallback(
    (key: string) => (editor: Editor | null) => {
      if (editor) editors.current.set(key, editor);
      else editors.current.delete(key);
    },
    [],
  );

  /** The text of a source block (or whole source field) as it is now. */
  const sourceText = useCallback((part: TranslatedPart, src: string | null): string | null => {
    const blocks = latest.current.source[part];
    if (part !== 'body') return blocks.map((b) => b.text).filter(hasText).join(' ');
    return blocks.find((b) => b.id === src)?.text ?? null;
  }, []);

  const onAction = useCallback(
    (part: TranslatedPart): ActionHandler =>
      (action, { blockId, srcId }) => {
        const editor = editors.current.get(`target.${part}`);
        if (!editor || editor.isDestroyed) return;
        const { state } = editor;
        if (action === 'add' && srcId) {
          addMissingBlock(editor, latest.current, srcId);
          return;
        }
        state.doc.forEach((node, offset) => {
          if (node.attrs[BLOCK_ID_ATTR] !== blockId) return;
          if (action === 'remove') {
            editor.view.dispatch(state.tr.delete(offset, offset + node.nodeSize));
          } else if (action === 'markCurrent') {
            const text = sourceText(part, node.attrs[SOURCE_ID_ATTR] as string | null);
            if (text === null) return;
            editor.view.dispatch(
              state.tr.setNodeMarkup(offset, undefined, { ...node.attrs, [SOURCE_HASH_ATTR]: fingerprint(text), [SOURCE_TEXT_ATTR]: text }),
            );
          }
        });
      },
    [sourceText],
  );

  const marks = useMemo(() => {
    const out = {} as Record<`${'source' | 'target'}.${TranslatedPart}`, ReturnType<typeof sourceMarks>>;
    for (const part of TRANSLATED_PARTS) {
      const partPads = part === 'body' ? pads : null;
      out[`source.${part}`] = sourceMarks(part, computed.state, active, partPads);
      out[`target.${part}`] = targetMarks(part, computed.state, active, partPads, t);
    }
    return out;
    // t changes only with the interface language
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [computed, active, pads]);

  // Align the body rows once the marks are on screen (and again on resizes).
  useLayoutEffect(() => {
    const align = () => {
      const s = editors.current.get('source.body');
      const tg = editors.current.get('target.body');
      if (!s || !tg || s.isDestroyed || tg.isDestroyed) return;
      setPads((current) => computeBodyPads(latest.current.state.parts.body, s.view, tg.view, current) ?? current);
    };
    const frame = requestAnimationFrame(align);
    // Heights also change without an edit: the window, web fonts arriving.
    const resized = new ResizeObserver(() => requestAnimationFrame(align));
    for (const key of ['source.body', 'target.body']) {
      const editor = editors.current.get(key);
      if (editor && !editor.isDestroyed) resized.observe(editor.view.dom);
    }
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
    };
  }, [marks]);

  if (sourceSnap.state === 'forbidden' || targetSnap.state === 'forbidden') return <Notice kind="error">{appT('editor.forbidden')}</Notice>;
  if (!sourceSnap.ready || !targetSnap.ready) return <Loading />;

  return (
    <>
      <ProgressSummary progress={computed.state.progress} />
      <div className="tr-grid" role="group">
        <h2 className="tr-column-head">{t('tr.sourceColumn', { lang: langName(sourceLang) })}</h2>
        <h2 className="tr-column-head">{t('tr.targetColumn', { lang: langName(targetLang) })}</h2>
        {TRANSLATED_PARTS.map((part) => (
          <div key={part} className={`tr-row tr-row-${part}`}>
            {(['source', 'target'] as const).map((side) => (
              <section key={side} className={`tr-cell tr-cell-${side}`}>
                <span className="field-label">{appT(FIELD_LABEL[part])}</span>
                <TranslationFieldEditor
                  connection={side === 'source' ? source : target}
                  part={part}
                  side={side}
                  label={`${appT(FIELD_LABEL[part])} (${langName(side === 'source' ? sourceLang : targetLang)})`}
                  lang={side === 'source' ? sourceLang : targetLang}
                  user={user}
                  marks={marks[`${side}.${part}`]}
                  onAction={onAction(part)}
                  sourceLookup={side === 'target' ? (src) => sourceText(part, part === 'body' ? src : null) : undefined}
                  onEditor={registerEditor(`${side}.${part}`)}
                  onActiveBlock={side === 'target' ? (index) => setActive(index === null ? null : { part, index }) : undefined}
                />
              </section>
            ))}
          </div>
        ))}
      </div>
    </>
  );
}

/** Inserts an empty block linked to a source block nothing translated yet, where its row is, and puts the cursor in it. */
function addMissingBlock(editor: Editor, computed: Computed, srcId: string): void {
  const part = computed.state.parts.body;
  const sourceIndex = part.source.findIndex((s) => s.id === srcId);
  const source = computed.source.body[sourceIndex];
  if (sourceIndex < 0 || !source) return;
  let after = -1;
  for (let i = sourceIndex - 1; i >= 0 && after < 0; i--) {
    const targets = part.source[i]!.targets;
    if (targets.length) after = Math.max(...targets);
  }
  const { state } = editor;
  let pos = 0;
  state.doc.forEach((node, offset, index) => {
    if (index <= after) pos = offset + node.nodeSize;
  });
  const attrs = { [SOURCE_ID_ATTR]: srcId, [SOURCE_HASH_ATTR]: fingerprint(source.text), [SOURCE_TEXT_ATTR]: source.text };
  const type = source.subhead ? state.schema.nodes[HEADING_NODE]! : state.schema.nodes[PARAGRAPH_NODE]!;
  const node = type.create(source.subhead ? { ...attrs, level: SUBHEAD_LEVEL } : attrs);
  editor.chain().insertContentAt(pos, node.toJSON()).setTextSelection(pos + 1).focus().run();
}
