// One task as the Tasks tab and the fact sheet show it: what, who, the document's own words for the
// deadline, where it stands at the data date (a countdown only for a dated task), its sites and source.
import type { TaskStatus } from '../../analytics/obligations';
import type { Region } from '../../domain/types';
import type { SiteProperties } from '../../domain/schema';
import { formatDate, type Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import { siteTitle } from '../../i18n/siteTitle';
import { useAppStore } from '../../store/context';

export function TaskState({ s, t }: { s: TaskStatus; t: Messages }) {
  const detail =
    s.state === 'overdue' && s.daysLeft !== null
      ? ` · ${t.task_overdueBy(-s.daysLeft)}`
      : s.state === 'open' && s.daysLeft !== null
        ? ` · ${t.task_daysLeft(s.daysLeft)}`
        : '';
  return (
    <span className={`task-state task-state-${s.state}`} data-state={s.state}>
      {t[`task_state_${s.state}`]}
      {detail}
    </span>
  );
}

export function SourceLine({ region, doc, where, t, lang }: { region: Region; doc: string; where: string; t: Messages; lang: Lang }) {
  const d = region.sources[doc];
  return (
    <span className="task-source">
      {t.sources}: {d ? d.title[lang] : doc} ({where})
    </span>
  );
}

export function TaskItem({
  s,
  region,
  sites,
  t,
  lang,
  showAgency,
  showSites,
}: {
  s: TaskStatus;
  region: Region;
  sites: ReadonlyMap<string, SiteProperties>;
  t: Messages;
  lang: Lang;
  showAgency: boolean;
  showSites: boolean;
}) {
  const select = useAppStore((st) => st.select);
  const flyTo = useAppStore((st) => st.requestFlyTo);
  const task = s.task;
  return (
    <li className={`task task-${s.state}`} data-task={task.id}>
      <p className="task-what">{task.what[lang]}</p>
      <p className="task-meta">
        {showAgency ? (
          <>
            <span className="task-agency">{task.agency[lang]}</span> ·{' '}
          </>
        ) : null}
        <span className="task-deadline">
          {t.task_deadline}: {task.wording[lang]}
        </span>{' '}
        · <TaskState s={s} t={t} />
        {task.done ? ` (${formatDate(task.done.asOf, lang)})` : ''}
      </p>
      {showSites ? (
        <p className="task-sites">
          {task.siteIds.length === 0
            ? t.task_province
            : task.siteIds.map((id, i) => {
                const p = sites.get(id);
                return (
                  <span key={id}>
                    {i > 0 ? ', ' : ''}
                    <button type="button" className="link-button" title={t.task_showOnMap} onClick={() => {
                        select({ type: 'site', id });
                        flyTo(id);
                      }}>
                      {p ? siteTitle(t, p.kind, p.name[lang]) : id}
                    </button>
                  </span>
                );
              })}
        </p>
      ) : null}
      {task.note ? <p className="hint">{task.note[lang]}</p> : null}
      <p className="hint">
        <SourceLine region={region} doc={task.source.doc} where={task.source.where} t={t} lang={lang} />
      </p>
    </li>
  );
}
