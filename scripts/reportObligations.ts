// The report's sections on what the documents order: reporting duties with their next due date, and
// the tasks by deadline with where each stands at the report date (overdue marked; undated tasks
// carry the document's words and no countdown). Same analytics as the app's Tasks tab.
import { byDeadline, nextDue, taskStatus } from '../src/analytics/obligations';
import type { RegionData } from '../src/domain/types';
import { formatDate } from '../src/i18n/format';
import { vi as t } from '../src/i18n/messages';

const mdEscape = (s: string) => s.replace(/\|/g, '\\|');

function sitesOf(data: RegionData, ids: readonly string[]): string {
  if (ids.length === 0) return t.task_province;
  const byId = new Map(data.sites.features.map((f) => [f.properties.id, f.properties]));
  return ids.map((id) => {
    const p = byId.get(id);
    return p ? `${p.kind.toUpperCase()} ${p.name.vi}` : id;
  }).join(', ');
}

export function obligationsMarkdown(data: RegionData, asOf: string): string[] {
  const out: string[] = [];
  const region = data.region;
  if (region.reportingDuties.length > 0) {
    out.push('', `## ${t.duties_title}`, '');
    for (const d of region.reportingDuties) {
      const due = nextDue(d, asOf);
      out.push(`- ${d.who.vi} → ${d.to.vi}: ${d.wording.vi}. ${due ? t.duty_next(formatDate(due, 'vi')) : t.duty_noDay} (${region.sources[d.source.doc]?.title.vi ?? d.source.doc}, ${d.source.where})`);
    }
  }
  if (data.tasks.length > 0) {
    const statuses = byDeadline(data.tasks.map((task) => taskStatus(task, asOf)));
    const count = (s: string) => statuses.filter((x) => x.state === s).length;
    out.push('', `## ${t.tasks_title}`, '', `${t.tasks_asOf(formatDate(asOf, 'vi'))} ${t.tasks_counts(count('overdue'), count('open'), count('no-date'), count('done'))}.`, '');
    out.push(`| Nhiệm vụ | ${t.task_agency} | Khu, cụm | ${t.task_deadline} | Tình trạng | Nguồn |`, '|---|---|---|---|---|---|');
    for (const s of statuses) {
      const state =
        s.state === 'overdue' && s.daysLeft !== null
          ? `**${t.task_state_overdue}** (${t.task_overdueBy(-s.daysLeft)})`
          : s.state === 'open' && s.daysLeft !== null
            ? `${t.task_state_open} (${t.task_daysLeft(s.daysLeft)})`
            : t[`task_state_${s.state}`];
      out.push(
        `| ${mdEscape(s.task.what.vi)} | ${mdEscape(s.task.agency.vi)} | ${mdEscape(sitesOf(data, s.task.siteIds))} | ${mdEscape(s.task.wording.vi)} | ${state} | ${s.task.source.where} |`,
      );
    }
  }
  return out;
}

export function obligationsCsvRows(data: RegionData, asOf: string): (string | number | null)[][] {
  if (data.tasks.length === 0) return [];
  return [
    [],
    ['nhiem_vu', 'co_quan', 'khu_cum', 'thoi_han_van_ban', 'han_cuoi', 'tinh_trang', 'con_ngay', 'nguon', 'muc'],
    ...byDeadline(data.tasks.map((task) => taskStatus(task, asOf))).map((s) => [
      s.task.what.vi,
      s.task.agency.vi,
      s.task.siteIds.join(' '),
      s.task.wording.vi,
      s.due,
      s.state,
      s.daysLeft,
      s.task.source.doc,
      s.task.source.where,
    ]),
  ];
}
