import { useEffect, useState } from 'react';
import type { Task } from '../../../shared/work/types';
import { Link } from '../router';
import { usePicturesText } from './messages';

/**
 * The picture tasks of the collective-work board that point at this
 * picture: who holds the formatting, who is learning it, and its status.
 * Tasks live on an issue's board, so a picture without an issue has none here.
 */
export function PictureTasks({ pictureId, editionId }: { pictureId: string; editionId: string | null }) {
  const { t } = usePicturesText();
  const [tasks, setTasks] = useState<Task[]>([]);

  useEffect(() => {
    if (!editionId) return;
    let live = true;
    fetch(`/api/editions/${editionId}/board?kind=picture`, { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<{ board: { columns: Record<string, Task[]> } }>) : null))
      .then((data) => {
        if (!live || !data) return;
        const all = Object.values(data.board.columns).flat();
        setTasks(all.filter((task) => task.subject.type === 'picture' && task.subject.id === pictureId));
      })
      .catch(() => undefined); // the board is extra information here; the editor works without it
    return () => {
      live = false;
    };
  }, [pictureId, editionId]);

  if (tasks.length === 0) return null;
  return (
    <section className="picture-tasks">
      <h2>{t('p.tasks.title')}</h2>
      <ul>
        {tasks.map((task) => (
          <li key={task.id}>
            <Link href={`/tasks/${task.id}`}>{task.title}</Link>{' '}
            <span className="muted">
              {task.holders.length
                ? t('p.tasks.heldBy', { names: task.holders.map((h) => h.displayName).join(', ') })
                : t('p.tasks.open')}
              {task.learners.length > 0 && ` · ${t('p.tasks.learning', { names: task.learners.map((l) => l.displayName).join(', ') })}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
