import { useEffect, useState } from 'react';
import type { Task } from '../../../shared/work/types';
import { TASK_STATUSES } from '../../../shared/work/types';
import { Link } from '../router';
import { useLayoutText } from './messages';

/** How often the desk looks for new or changed layout tasks. */
const REFRESH_MS = 15_000;

/**
 * The edition's layout tasks (from the collective-work board): those
 * attached to the page on show, then those for the whole edition, with who
 * holds them. Each links to the task.
 */
export function LayoutTasks({ editionId, page }: { editionId: string; page: number }) {
  const { t } = useLayoutText();
  const [tasks, setTasks] = useState<Task[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const res = await fetch(`/api/editions/${editionId}/board?kind=layout`);
        if (!res.ok || stopped) return;
        const body = (await res.json()) as { board: { columns: Record<string, Task[]> } };
        setTasks(TASK_STATUSES.flatMap((s) => body.board.columns[s] ?? []));
      } catch {
        // Network gone for a moment: the tasks shown stay until the next refresh.
      }
    };
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [editionId]);
  const shown = tasks.filter((task) => task.status !== 'done' && (task.subject.type !== 'page' || task.subject.page === page));
  if (shown.length === 0) return null;
  return (
    <section aria-label={t('l.tasks')}>
      <h2>{t('l.tasks')}</h2>
      <ul className="layout-tasks">
        {shown.map((task) => (
          <li key={task.id} data-testid="layout-task">
            <Link href={`/tasks/${task.id}`}>{task.title}</Link>{' '}
            <span>{task.subject.type === 'page' ? t('l.page', { n: task.subject.page ?? page }) : ''}</span>{' '}
            <span>{task.holders.length ? task.holders.map((h) => h.displayName).join(', ') : t('l.tasks.open')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
