// Where each task stands as of the data date, tasks by agency and by deadline, the rules that govern a
// site, and the next due date of a recurring report. Pure; shared by the Tasks tab, the fact sheet,
// the targets panel and `npm run report`.
import type { ReportingDuty, Rule, Task, TaskDeadline } from '../domain/obligations';
import type { SiteProperties } from '../domain/schema';
import { stageOf } from '../domain/siteClass';
import { daysBetween } from './targets';

export type TaskState =
  /** reported done on or before the data date */
  | 'done'
  /** the last day allowed has passed at the data date with no report of it done */
  | 'overdue'
  /** still within its deadline */
  | 'open'
  /** the document gives no date: neither overdue nor counted down */
  | 'no-date';

/** The last day a deadline allows, or null when the document gives none. */
export function lastDay(d: TaskDeadline): string | null {
  switch (d.kind) {
    case 'by':
      return d.date;
    case 'before':
      return shiftDay(d.date, -1);
    case 'in-month': {
      const [y, m] = d.month.split('-').map(Number) as [number, number];
      return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    }
    case 'in-year':
      return `${d.year}-12-31`;
    case 'none':
      return null;
  }
}

function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface TaskStatus {
  task: Task;
  state: TaskState;
  /** last day allowed, null without a date */
  due: string | null;
  /** days from the data date to the last day (negative when overdue); null without a date or when done */
  daysLeft: number | null;
}

export function taskStatus(task: Task, asOf: string): TaskStatus {
  const due = lastDay(task.deadline);
  if (task.done && task.done.asOf <= asOf) return { task, state: 'done', due, daysLeft: null };
  if (due === null) return { task, state: 'no-date', due, daysLeft: null };
  const daysLeft = daysBetween(asOf, due);
  return { task, state: daysLeft < 0 ? 'overdue' : 'open', due, daysLeft };
}

/** Tasks by deadline: dated ones first, earliest last day first; then the undated, in file order. */
export function byDeadline(statuses: readonly TaskStatus[]): TaskStatus[] {
  return statuses
    .map((s, i) => ({ s, i }))
    .sort((a, b) => {
      if (a.s.due === b.s.due) return a.i - b.i;
      if (a.s.due === null) return 1;
      if (b.s.due === null) return -1;
      return a.s.due < b.s.due ? -1 : 1;
    })
    .map(({ s }) => s);
}

/** Tasks grouped by the agency the document names (its Vietnamese name is the key), agencies in order of first mention. */
export function byAgency(statuses: readonly TaskStatus[]): { agency: Task['agency']; tasks: TaskStatus[] }[] {
  const groups = new Map<string, { agency: Task['agency']; tasks: TaskStatus[] }>();
  for (const s of statuses) {
    const key = s.task.agency.vi;
    const g = groups.get(key) ?? { agency: s.task.agency, tasks: [] };
    g.tasks.push(s);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...g, tasks: byDeadline(g.tasks) }));
}

export function tasksOfSite(tasks: readonly Task[], siteId: string): Task[] {
  return tasks.filter((t) => t.siteIds.includes(siteId));
}

/** The rules that govern a site: by kind, narrowed to named sites or to new/existing parks when the rule says so. */
export function rulesForSite(rules: readonly Rule[], site: Pick<SiteProperties, 'id' | 'kind' | 'status'>): Rule[] {
  return rules.filter((r) => {
    if (!r.kinds.includes(site.kind)) return false;
    if (r.siteIds && !r.siteIds.includes(site.id)) return false;
    if (r.stage === 'operating') return site.status === 'operating';
    if (r.stage === 'existing') return stageOf(site.status) === 'existing';
    if (r.stage === 'new') return stageOf(site.status) !== 'existing';
    return true;
  });
}

/**
 * The next date a recurring report is due after the data date: "trước ngày 20 hằng tháng" is due
 * before the 20th (so on the 20th the next one is next month's); null when the document names no day.
 */
export function nextDue(duty: ReportingDuty, asOf: string): string | null {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const iso = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd)).toISOString().slice(0, 10);
  switch (duty.schedule.kind) {
    case 'monthly-before':
      return d < duty.schedule.day ? iso(y, m, duty.schedule.day) : iso(y, m + 1, duty.schedule.day);
    case 'yearly-before': {
      const thisYear = iso(y, duty.schedule.month, duty.schedule.day);
      return asOf < thisYear ? thisYear : iso(y + 1, duty.schedule.month, duty.schedule.day);
    }
    case 'monthly':
      return null;
  }
}
