import { api } from '../api';
import { Loading, Notice } from '../components/ui';
import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import type { Task } from '../../../shared/work/types';
import { workApi } from './api';
import { useWorkText, type WorkKey } from './messages';
import { TaskCard } from './TaskCard';

/** "My responsibilities": what I hold, what I am learning, what I have been offered. */
export function MyTasksPage() {
  const { t } = useWorkText();
  const loaded = useLoad(() => Promise.all([workApi.myTasks(), api.members()]), 'mine');
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const [mine, members] = loaded.value;
  const section = (key: WorkKey, tasks: Task[]) => (
    <section aria-label={t(key)}>
      <h2>{t(key)}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{t('w.mine.none')}</p>
      ) : (
        <ul className="cards">
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} members={members} changed={loaded.reload} />
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <main>
      <h1>{t('w.mine.title')}</h1>
      {section('w.mine.offered', mine.offered)}
      {section('w.mine.holding', mine.holding)}
      {section('w.mine.learning', mine.learning)}
    </main>
  );
}
