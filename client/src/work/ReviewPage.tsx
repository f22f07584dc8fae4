import { useState } from 'react';
import { api } from '../api';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { Link } from '../router';
import { useMember } from '../session';
import { WORK_LIMITS } from '../../../shared/work/schemas';
import { workApi, type Review } from './api';
import { useWorkText, type WorkKey } from './messages';
import { TaskCard } from './TaskCard';
import { DiffView } from './ui';

/**
 * The collective's review of one version: its status and rule, approvals
 * and objections (marked when given on an earlier text, with what changed
 * since), the member's own verdict, and the article's decision log.
 */
export function ReviewPage({ versionId }: { versionId: string }) {
  const { t, date } = useWorkText();
  const loaded = useLoad(async () => {
    const review = await workApi.review(versionId);
    const [decisions, tasks, members] = await Promise.all([
      workApi.decisions(review.version.articleId),
      workApi.versionTasks(versionId),
      api.members(),
    ]);
    return { review, decisions, tasks, members };
  }, versionId);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const { review, decisions, tasks, members } = loaded.value;
  const v = review.version;
  return (
    <main className="review-page">
      <Link href={`/articles/${v.articleId}/${v.lang}`} className="back">
        ← {t('w.review.back')}
      </Link>
      <h1>{t('w.review.title')}</h1>
      <p className="version-status">
        {t('w.review.status', { status: t(`w.review.vstatus.${v.status}`) })}
      </p>
      {review.collective ? (
        <p>
          {t('w.review.rule', {
            name: review.collective.name,
            min: review.collective.minApprovals,
            blocks: review.collective.objectionBlocks ? t('w.review.ruleBlocks') : '',
          })}{' '}
          {review.outcome &&
            t('w.review.count', { approvals: review.outcome.approvals, needed: review.outcome.needed, objections: review.outcome.objections })}
        </p>
      ) : (
        <Notice kind="info">{t('w.review.noCollective')}</Notice>
      )}
      <Verdicts review={review} />
      <MyVerdict review={review} changed={loaded.reload} />
      <p>
        <Link href={`/versions/${v.id}/history`}>{t('w.review.history')}</Link>
      </p>
      {tasks.length > 0 && (
        <section aria-label={t('w.review.tasks')}>
          <h2>{t('w.review.tasks')}</h2>
          <ul className="cards">
            {tasks.map((task) => (
              <TaskCard key={task.id} task={task} members={members} changed={loaded.reload} />
            ))}
          </ul>
        </section>
      )}
      <h2>{t('w.review.log')}</h2>
      <ol className="events">
        {decisions.map((d) => (
          <li key={d.id}>
            <span className="muted">{date(d.at)}</span>{' '}
            {t(`w.decision.${d.action}` as WorkKey, { member: d.member?.displayName ?? '—' })}
            {d.lang && <span className="lang-badge">{d.lang.toUpperCase()}</span>}
            {d.detail && <span className="muted"> — {d.detail}</span>}
          </li>
        ))}
      </ol>
    </main>
  );
}

function Verdicts({ review }: { review: Review }) {
  const { t } = useWorkText();
  if (review.verdicts.length === 0) return <p className="muted">{t('w.review.none')}</p>;
  return (
    <ul className="cards verdicts">
      {review.verdicts.map((x) => (
        <li key={x.id} className={`card verdict verdict-${x.verdict}${x.onCurrentText ? '' : ' verdict-earlier'}`}>
          <span>
            {x.verdict === 'approve'
              ? t('w.review.approves', { name: x.member.displayName })
              : t('w.review.objects', { name: x.member.displayName, reason: x.reason })}
          </span>
          {!x.counts && <span className="muted">{t('w.review.notCounted')}</span>}
          {x.changesSince && (
            <div className="earlier">
              <strong>{t('w.review.earlier')}</strong>
              <DiffView diff={x.changesSince} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function MyVerdict({ review, changed }: { review: Review; changed: () => void }) {
  const { t } = useWorkText();
  const me = useMember();
  const { busy, error, run } = useAction();
  const [reason, setReason] = useState('');
  const v = review.version;
  const mine = review.verdicts.find((x) => x.member.id === me.id);
  const act = (fn: () => Promise<unknown>) => run(async () => {
    await fn();
    changed();
  });
  return (
    <section className="stack my-verdict">
      <span className="actions">
        {v.status !== 'laid_out' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void act(() => workApi.verdict(v.id, 'approve'))()}>
            {t('w.review.approve')}
          </button>
        )}
        {mine && (
          <button type="button" className="quiet" disabled={busy} onClick={() => void act(() => workApi.withdraw(v.id))()}>
            {t('w.review.withdraw')}
          </button>
        )}
        {v.status === 'draft' && (
          <button type="button" disabled={busy} onClick={() => void act(() => workApi.versionStatus(v.id, 'in_discussion'))()}>
            {t('w.review.discuss')}
          </button>
        )}
        {v.status === 'in_discussion' && (
          <button type="button" disabled={busy} onClick={() => void act(() => workApi.versionStatus(v.id, 'draft'))()}>
            {t('w.review.toDraft')}
          </button>
        )}
        {v.status === 'approved' && (
          <button type="button" disabled={busy} onClick={() => void act(() => workApi.versionStatus(v.id, 'laid_out'))()}>
            {t('w.review.layOut')}
          </button>
        )}
      </span>
      {v.status !== 'laid_out' && (
        <form
          className="row-form"
          onSubmit={act(async () => {
            await workApi.verdict(v.id, 'object', reason.trim());
            setReason('');
          })}
        >
          <Field label={t('w.review.reason')}>
            {(p) => <input {...p} required maxLength={WORK_LIMITS.reasonChars} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            {t('w.review.object')}
          </button>
        </form>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}
