// Where a task stands at the data date, the next due date of a recurring report, and which rules
// govern a site. Expected dates are worked out by hand from the documents' wording.
import { describe, expect, it } from 'vitest';
import { byAgency, byDeadline, lastDay, nextDue, rulesForSite, taskStatus } from '../../../src/analytics/obligations';
import type { ReportingDuty, Rule, Task } from '../../../src/domain/obligations';

const task = (id: string, deadline: Task['deadline'], over: Partial<Task> = {}): Task => ({
  id,
  agency: { vi: 'Sở Công Thương', en: 'Dept. of Industry and Trade' },
  what: { vi: id, en: id },
  siteIds: [],
  deadline,
  wording: { vi: '—', en: '—' },
  source: { doc: 'tb', where: 'mục 1' },
  ...over,
});

describe('task deadlines as the documents word them', () => {
  it('"chậm nhất ngày 10/10/2025" is still in time on the 10th and overdue on the 11th', () => {
    const t = task('hop-thanh', { kind: 'by', date: '2025-10-10' });
    expect(taskStatus(t, '2025-10-10')).toMatchObject({ state: 'open', daysLeft: 0, due: '2025-10-10' });
    expect(taskStatus(t, '2025-10-11')).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });

  it('"trước ngày 20/10/2025" ends on the 19th', () => {
    const t = task('110kv', { kind: 'before', date: '2025-10-20' });
    expect(lastDay(t.deadline)).toBe('2025-10-19');
    expect(taskStatus(t, '2025-10-03').daysLeft).toBe(16);
    expect(taskStatus(t, '2025-10-20').state).toBe('overdue');
  });

  it('"trong tháng 11/2025" and "trong năm 2026" end on the month’s and the year’s last day', () => {
    expect(lastDay({ kind: 'in-month', month: '2025-11' })).toBe('2025-11-30');
    expect(lastDay({ kind: 'in-month', month: '2024-02' })).toBe('2024-02-29');
    expect(lastDay({ kind: 'in-year', year: 2026 })).toBe('2026-12-31');
  });

  it('a task with no date ("theo lộ trình", "từng bước") is never overdue and has no countdown', () => {
    const s = taskStatus(task('eco', { kind: 'none' }), '2030-01-01');
    expect(s).toEqual({ task: expect.anything(), state: 'no-date', due: null, daysLeft: null });
  });

  it('a task reported done on or before the data date is done, not overdue', () => {
    const t = task('x', { kind: 'by', date: '2025-10-10' }, { done: { asOf: '2025-10-09', source: { doc: 'tb', where: 'báo cáo' } } });
    expect(taskStatus(t, '2025-12-01').state).toBe('done');
    expect(taskStatus(t, '2025-10-08').state).toBe('open');
  });

  it('orders by last day, undated last in file order, and groups by agency', () => {
    const a = task('a', { kind: 'none' });
    const b = task('b', { kind: 'in-month', month: '2025-10' }, { agency: { vi: 'UBND xã Vũ Lễ', en: 'Vũ Lễ' } });
    const c = task('c', { kind: 'by', date: '2025-10-10' });
    const d = task('d', { kind: 'none' }, { agency: { vi: 'UBND xã Vũ Lễ', en: 'Vũ Lễ' } });
    const statuses = [a, b, c, d].map((t) => taskStatus(t, '2025-10-03'));
    expect(byDeadline(statuses).map((s) => s.task.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(byAgency(statuses).map((g) => [g.agency.vi, g.tasks.map((s) => s.task.id)])).toEqual([
      ['Sở Công Thương', ['c', 'a']],
      ['UBND xã Vũ Lễ', ['b', 'd']],
    ]);
  });
});

describe('reporting duties', () => {
  const monthly: ReportingDuty = {
    id: 'm',
    who: { vi: 'Các sở', en: 'Departments' },
    to: { vi: 'Sở Công Thương', en: 'DoIT' },
    schedule: { kind: 'monthly-before', day: 20 },
    wording: { vi: 'trước ngày 20 hằng tháng', en: 'before the 20th' },
    source: { doc: 'kh', where: 'mục VI.1' },
  };
  it('"trước ngày 20 hằng tháng": this month’s 20th before it, next month’s from it on, across a year end', () => {
    expect(nextDue(monthly, '2026-11-19')).toBe('2026-11-20');
    expect(nextDue(monthly, '2026-11-20')).toBe('2026-12-20');
    expect(nextDue(monthly, '2026-12-22')).toBe('2027-01-20');
  });
  it('"hằng năm, trước ngày 30/11" and a monthly duty with no day', () => {
    const yearly: ReportingDuty = { ...monthly, schedule: { kind: 'yearly-before', month: 11, day: 30 } };
    expect(nextDue(yearly, '2025-10-03')).toBe('2025-11-30');
    expect(nextDue(yearly, '2025-11-30')).toBe('2026-11-30');
    expect(nextDue({ ...monthly, schedule: { kind: 'monthly' } }, '2025-10-03')).toBeNull();
  });
});

describe('rules for a site', () => {
  const rule = (id: string, over: Partial<Rule>): Rule => ({ id, text: { vi: id, en: id }, kinds: ['kcn', 'ccn'], source: { doc: 'd', where: 'w' }, ...over });
  const rules = [
    rule('all', {}),
    rule('ccn-only', { kinds: ['ccn'] }),
    rule('new', { stage: 'new' }),
    rule('existing', { stage: 'existing' }),
    rule('operating', { stage: 'operating' }),
    rule('named', { siteIds: ['x'] }),
  ];
  it('matches by kind, stage and named sites', () => {
    const ids = (site: { id: string; kind: 'kcn' | 'ccn'; status: 'planned' | 'established' | 'operating' }) => rulesForSite(rules, site).map((r) => r.id);
    expect(ids({ id: 'p', kind: 'kcn', status: 'planned' })).toEqual(['all', 'new']);
    expect(ids({ id: 'e', kind: 'ccn', status: 'established' })).toEqual(['all', 'ccn-only', 'existing']);
    expect(ids({ id: 'x', kind: 'ccn', status: 'operating' })).toEqual(['all', 'ccn-only', 'existing', 'operating', 'named']);
  });
});
