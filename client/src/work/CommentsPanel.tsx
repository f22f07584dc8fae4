import { useEffect, useState } from 'react';
import { Field, Notice, useAction } from '../components/ui';
import { useLoad } from '../components/useLoad';
import { WORK_LIMITS } from '../../../shared/work/schemas';
import { workApi, type CommentThread } from './api';
import { useWorkText } from './messages';
import { selectedFieldSpan, type FieldSpan } from './selection';

/**
 * The editor's side panel of comments: start a thread on the selected
 * text, read threads with the words they are on now (the server follows
 * them through everyone's edits), reply, resolve and reopen. Refreshed
 * every few seconds while open, since others comment and edit meanwhile.
 */
export function CommentsPanel({ versionId }: { versionId: string }) {
  const { t } = useWorkText();
  const threads = useLoad(() => workApi.comments(versionId), versionId);
  const [span, setSpan] = useState<FieldSpan | null>(null);
  const [needSelection, setNeedSelection] = useState(false);
  const [body, setBody] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const { busy, error, run } = useAction();
  const { reload } = threads;
  useEffect(() => {
    // Offline, the threads already shown stay; asking would only replace them with an error.
    const timer = setInterval(() => navigator.onLine && reload(), 4000);
    return () => clearInterval(timer);
  }, [reload]);

  const post = run(async () => {
    if (!span) return;
    await workApi.comment(versionId, { ...span, body: body.trim() });
    setSpan(null);
    setBody('');
    reload();
  });
  const list = threads.status === 'ready' ? threads.value.filter((x) => showResolved || !x.resolvedAt) : [];

  return (
    <aside className="comments-panel" aria-label={t('w.comments.title')}>
      <h2>{t('w.comments.title')}</h2>
      <button
        type="button"
        // Read on mousedown, before the click moves focus away from the text.
        onMouseDown={(e) => {
          e.preventDefault();
          const s = selectedFieldSpan();
          setSpan(s);
          setNeedSelection(!s);
        }}
      >
        {t('w.comments.onSelection')}
      </button>
      {needSelection && <Notice kind="info">{t('w.comments.selectFirst')}</Notice>}
      {span && (
        <form className="stack" onSubmit={post}>
          <Field label={t('w.comments.body')}>
            {(p) => <textarea {...p} required autoFocus maxLength={WORK_LIMITS.commentChars} value={body} onChange={(e) => setBody(e.target.value)} />}
          </Field>
          <span className="actions">
            <button className="primary" type="submit" disabled={busy}>
              {t('w.comments.post')}
            </button>
            <button type="button" className="quiet" onClick={() => setSpan(null)}>
              {t('w.comments.cancel')}
            </button>
          </span>
        </form>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <label className="check">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('w.comments.showResolved')}
      </label>
      {threads.status === 'ready' && list.length === 0 && <p className="muted">{t('w.comments.none')}</p>}
      <ul className="comment-threads">
        {list.map((thread) => (
          <Thread key={thread.id} thread={thread} changed={reload} />
        ))}
      </ul>
    </aside>
  );
}

function Thread({ thread, changed }: { thread: CommentThread; changed: () => void }) {
  const { t, date } = useWorkText();
  const [reply, setReply] = useState('');
  const { busy, error, run } = useAction();
  const author = thread.author?.displayName ?? '—';
  const send = run(async () => {
    await workApi.reply(thread.id, reply.trim());
    setReply('');
    changed();
  });
  const toggle = run(async () => {
    await workApi.resolve(thread.id, !thread.resolvedAt);
    changed();
  });
  return (
    <li className={`comment-thread${thread.resolvedAt ? ' resolved' : ''}`} aria-label={author}>
      {thread.anchor ? (
        <blockquote className="comment-quote">{thread.anchor.quote}</blockquote>
      ) : (
        <p className="muted">{t('w.comments.gone', { quote: thread.originalQuote })}</p>
      )}
      <p>
        <strong>{author}</strong> <span className="muted">{date(thread.createdAt)}</span>
        <br />
        {thread.body}
      </p>
      {thread.replies.map((r) => (
        <p key={r.id} className="comment-reply">
          <strong>{r.author?.displayName ?? '—'}</strong> {r.body}
        </p>
      ))}
      <form className="row-form" onSubmit={send}>
        <Field label={t('w.comments.replyLabel', { name: author })}>
          {(p) => <input {...p} required maxLength={WORK_LIMITS.commentChars} value={reply} onChange={(e) => setReply(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('w.comments.reply')}
        </button>
      </form>
      <button type="button" className="quiet" disabled={busy} onClick={() => void toggle()}>
        {thread.resolvedAt ? t('w.comments.reopen') : t('w.comments.resolve')}
      </button>
      {error && <Notice kind="error">{error}</Notice>}
    </li>
  );
}
