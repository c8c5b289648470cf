// The fact sheet's tasks and rules for one site: what the documents order for it (with the document's
// own deadline words and where each stands at the data date) and the standing rules that govern it.
import { rulesForSite, taskStatus, tasksOfSite, byDeadline } from '../../analytics/obligations';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';
import { SourceLine, TaskItem } from '../tasks/TaskItem';
import '../tasks/tasks.css';

export function SiteObligations({ siteId }: { siteId: string }) {
  const { t, lang } = useT();
  const region = useAppStore((s) => s.region);
  if (!region) return null;
  const data = region.data;
  const site = data.sites.features.find((f) => f.properties.id === siteId)?.properties;
  if (!site) return null;
  const tasks = byDeadline(tasksOfSite(data.tasks, siteId).map((task) => taskStatus(task, data.region.asOf)));
  const rules = rulesForSite(data.region.rules, site);
  if (tasks.length === 0 && rules.length === 0) return null;
  const sites = new Map([[site.id, site]]);
  return (
    <>
      {tasks.length > 0 ? (
        <section className="fact-section fact-tasks" aria-labelledby="sec-tasks">
          <h3 id="sec-tasks">{t.fact_tasks}</h3>
          <ul className="plain task-list">
            {tasks.map((s) => (
              <TaskItem key={s.task.id} s={s} region={data.region} sites={sites} t={t} lang={lang} showAgency showSites={false} />
            ))}
          </ul>
        </section>
      ) : null}
      {rules.length > 0 ? (
        <section className="fact-section fact-rules" aria-labelledby="sec-rules">
          <h3 id="sec-rules">{t.fact_rules}</h3>
          <ul className="plain rule-list">
            {rules.map((r) => (
              <li key={r.id} data-rule={r.id}>
                {r.text[lang]}
                <div className="hint">
                  <SourceLine region={data.region} doc={r.source.doc} where={r.source.where} t={t} lang={lang} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
