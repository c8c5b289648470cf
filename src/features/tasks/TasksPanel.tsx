// The "Nhiệm vụ / Tasks" tab: every task the documents assign, by agency or by deadline, with where it
// stands against the data date (overdue marked; undated tasks get no countdown) and links to its sites.
import { useMemo, useState } from 'react';
import { byAgency, byDeadline, taskStatus } from '../../analytics/obligations';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';
import { TaskItem } from './TaskItem';
import './tasks.css';

type Order = 'agency' | 'deadline';

export function TasksPanel() {
  const { t, lang } = useT();
  const region = useAppStore((s) => s.region);
  const [order, setOrder] = useState<Order>('agency');
  const data = region?.data;
  const statuses = useMemo(() => (data ? data.tasks.map((task) => taskStatus(task, data.region.asOf)) : []), [data]);
  const sites = useMemo(() => new Map((data?.sites.features ?? []).map((f) => [f.properties.id, f.properties])), [data]);
  if (!data) return null;
  const count = (state: string) => statuses.filter((s) => s.state === state).length;
  const item = (s: (typeof statuses)[number], showAgency: boolean) => (
    <TaskItem key={s.task.id} s={s} region={data.region} sites={sites} t={t} lang={lang} showAgency={showAgency} showSites />
  );
  return (
    <section className="tasks-panel" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t.tasks_title}</h2>
      {statuses.length === 0 ? (
        <p className="no-data">{t.tasks_none}</p>
      ) : (
        <>
          <p className="basis">{t.tasks_asOf(formatDate(data.region.asOf, lang))}</p>
          <p className="tasks-counts">{t.tasks_counts(count('overdue'), count('open'), count('no-date'), count('done'))}</p>
          <div className="segmented" role="group" aria-label={t.tasks_title}>
            {(['agency', 'deadline'] as const).map((o) => (
              <button key={o} type="button" aria-pressed={order === o} onClick={() => setOrder(o)}>
                {o === 'agency' ? t.tasks_byAgency : t.tasks_byDeadline}
              </button>
            ))}
          </div>
          {order === 'agency' ? (
            byAgency(statuses).map((g) => (
              <section key={g.agency.vi} className="task-group" aria-label={g.agency[lang]}>
                <h3>{g.agency[lang]}</h3>
                <ul className="plain task-list">{g.tasks.map((s) => item(s, false))}</ul>
              </section>
            ))
          ) : (
            <ul className="plain task-list">{byDeadline(statuses).map((s) => item(s, true))}</ul>
          )}
        </>
      )}
    </section>
  );
}
