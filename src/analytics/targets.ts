// Evaluates a region's targets as of a date: value, target, gap, deadline, days left, and for
// cleared land the pace from dated snapshots. Computed metrics come from the data; metrics the data
// cannot compute show the figure entered in region.json with its source, or say there is no data.
// One implementation for the targets panel and for `npm run report`.
import type { Target } from '../domain/schema';
import { stageOf } from '../domain/siteClass';
import type { RegionData } from '../domain/types';

/** Province cleared-land totals at a date (from analytics/clearance). */
export interface ClearanceAt {
  clearedHa: number;
  inProgressHa: number;
  /** land of the sites with clearance data still to clear, or null when unknown */
  remainingHa: number | null;
  sample: boolean;
  /** sites with clearance data at that date */
  siteIds: string[];
}

export interface TargetContext {
  /** report date, YYYY-MM-DD */
  asOf: string;
  clearanceAt: (date: string) => ClearanceAt;
  /** dates at which clearance data changes (snapshots), ascending */
  clearanceDates: string[];
}

export type TargetState =
  /** computed from the data */
  | 'computed'
  /** figure entered in region.json with its source */
  | 'entered'
  /** neither data nor an entered figure yet */
  | 'no-data';

export interface Pace {
  /** change per day between the first and last snapshot in the period */
  perDay: number;
  /** value at the deadline if the pace holds */
  projected: number;
  reaches: boolean;
  /** snapshots the pace is drawn from: [date, value] */
  points: [string, number][];
}

export interface TargetResult {
  target: Target;
  state: TargetState;
  /** progress in the target's unit (ha, %, count); null when unknown */
  value: number | null;
  /** for land targets: hectares in progress (the middle part of the bar) */
  inProgress: number | null;
  /** how far from the target (≥ 0), null when unknown or a task */
  gap: number | null;
  met: boolean | null;
  daysLeft: number;
  sample: boolean;
  /** what the value rests on, for the panel's explanation (numbers of sites, KCN without data…) */
  basis: { counted: number; total: number } | null;
  pace: Pace | null;
  /** sites behind the figure, for click-through */
  siteIds: string[];
}

const DAY_MS = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function metTarget(t: Target, value: number | null): boolean | null {
  if (value === null || t.value === null) return null;
  // "about, over 500 ha" is met from 500; the word "about" is the plan's, not a tolerance of ours.
  return value >= t.value;
}

function gapOf(t: Target, value: number | null): number | null {
  if (value === null || t.value === null) return null;
  return Math.max(0, t.value - value);
}

function base(t: Target, ctx: TargetContext): Pick<TargetResult, 'target' | 'daysLeft'> {
  return { target: t, daysLeft: daysBetween(ctx.asOf, t.deadline) };
}

/** A result computed from the data: gap and met follow from the value. */
function computed(
  t: Target,
  ctx: TargetContext,
  value: number,
  rest: Pick<TargetResult, 'basis' | 'siteIds'> & Partial<Pick<TargetResult, 'inProgress'>>,
): TargetResult {
  return {
    ...base(t, ctx),
    state: 'computed',
    value,
    inProgress: rest.inProgress ?? null,
    gap: gapOf(t, value),
    met: metTarget(t, value),
    sample: false,
    basis: rest.basis,
    pace: null,
    siteIds: rest.siteIds,
  };
}

function entered(t: Target, ctx: TargetContext): TargetResult {
  const e = t.entered && t.entered.asOf <= ctx.asOf ? t.entered : null;
  const value = e ? e.value : null;
  return {
    ...base(t, ctx),
    state: e ? 'entered' : 'no-data',
    value,
    inProgress: null,
    gap: gapOf(t, value),
    met: t.unit === 'task' ? (e ? e.value >= 1 : null) : metTarget(t, value),
    sample: false,
    basis: null,
    pace: null,
    siteIds: t.siteIds ?? [],
  };
}

function clearedLand(t: Target, ctx: TargetContext): TargetResult {
  const start = t.periodStart;
  // Land already cleared when the period starts is the baseline, not progress of this plan.
  const before = start ? ctx.clearanceAt(previousDay(start)) : null;
  const now = ctx.clearanceAt(ctx.asOf);
  const baseline = before?.clearedHa ?? 0;
  const value = now.clearedHa - baseline;
  const hasData = now.siteIds.length > 0;
  const dates = ctx.clearanceDates.filter((d) => (!start || d >= start) && d <= ctx.asOf);
  const points: [string, number][] = dates.map((d) => [d, ctx.clearanceAt(d).clearedHa - baseline]);
  let pace: Pace | null = null;
  if (points.length >= 2 && t.value !== null) {
    const [d0, v0] = points[0] as [string, number];
    const [d1, v1] = points[points.length - 1] as [string, number];
    const days = daysBetween(d0, d1);
    if (days > 0) {
      const perDay = (v1 - v0) / days;
      const projected = v1 + perDay * Math.max(0, daysBetween(d1, t.deadline));
      pace = { perDay, projected, reaches: projected >= t.value, points };
    }
  }
  return {
    ...base(t, ctx),
    state: hasData ? 'computed' : 'no-data',
    value: hasData ? value : null,
    inProgress: hasData ? now.inProgressHa : null,
    gap: hasData ? gapOf(t, value) : null,
    met: hasData ? metTarget(t, value) : null,
    sample: now.sample || (before?.sample ?? false),
    basis: { counted: now.siteIds.length, total: 0 },
    pace,
    siteIds: now.siteIds,
  };
}

/** The ISO date `n` days after `date` (before, when n < 0). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  return addDays(date, -1);
}

function newlyEstablished(t: Target, data: RegionData, ctx: TargetContext): TargetResult {
  // A park or cluster counts when its establishing decision is dated within the period.
  const start = t.periodStart ?? '0000-01-01';
  const sites = data.sites.features.filter((f) => {
    const p = f.properties;
    const date = p.decision?.date;
    return stageOf(p.status) === 'existing' && date !== undefined && date >= start && date <= ctx.asOf;
  });
  // No decision dated in the period is no data, not "0 ha, not met": the data cannot tell.
  if (sites.length === 0) return { ...entered(t, ctx), basis: { counted: 0, total: 0 } };
  const value = sites.reduce((s, f) => s + (f.properties.declaredAreaHa ?? 0), 0);
  return computed(t, ctx, value, { basis: { counted: sites.length, total: sites.length }, siteIds: sites.map((f) => f.properties.id) });
}

function relocations(t: Target, data: RegionData, ctx: TargetContext): TargetResult {
  const ids = t.relocationIds ?? [];
  const moves = data.relocations.features.filter((f) => ids.includes(f.properties.id));
  const done = moves.filter((f) => f.properties.status === 'done').length;
  return computed(t, ctx, done, {
    inProgress: moves.filter((f) => f.properties.status === 'in-progress').length,
    basis: { counted: moves.length, total: ids.length },
    siteIds: [...new Set(moves.flatMap((f) => f.properties.from))],
  });
}

function operatingSites(t: Target, data: RegionData, ctx: TargetContext): TargetResult {
  const min = t.threshold ?? 0;
  // "Put 3–4 clusters into operation in 2025" counts the clusters that can start in the period (the
  // target's siteIds), not one that was operating long before it.
  const candidates = t.siteIds ? new Set(t.siteIds) : null;
  const sites = data.sites.features.filter(
    (f) => (!t.kind || f.properties.kind === t.kind) && f.properties.status === 'operating' && (!candidates || candidates.has(f.properties.id)),
  );
  // A site counts when its occupancy is known and reaches the threshold; unknown occupancy does not count.
  const counted = sites.filter((f) => (f.properties.occupancyPct ?? -1) >= min);
  return computed(t, ctx, counted.length, {
    basis: { counted: sites.filter((f) => f.properties.occupancyPct !== undefined).length, total: sites.length },
    siteIds: sites.map((f) => f.properties.id),
  });
}

function wastewater(t: Target, data: RegionData, ctx: TargetContext, kind: 'kcn' | 'ccn'): TargetResult {
  const parks = data.sites.features.filter((f) => f.properties.kind === kind && stageOf(f.properties.status) === 'existing');
  const known = parks.filter((f) => f.properties.wastewater !== undefined);
  if (known.length === 0) return { ...entered(t, ctx), basis: { counted: 0, total: parks.length }, siteIds: parks.map((f) => f.properties.id) };
  const ok = known.filter((f) => f.properties.wastewater === 'operating').length;
  // Parks without data count as not meeting the target: 100% means every park, not every park we know of.
  return computed(t, ctx, (100 * ok) / parks.length, {
    basis: { counted: known.length, total: parks.length },
    siteIds: parks.map((f) => f.properties.id),
  });
}

export function evaluateTarget(t: Target, data: RegionData, ctx: TargetContext): TargetResult {
  switch (t.metric) {
    case 'clearedHa':
      return clearedLand(t, ctx);
    case 'newlyEstablishedHa':
      return newlyEstablished(t, data, ctx);
    case 'relocationsDone':
      return relocations(t, data, ctx);
    case 'wastewaterKcnPct':
      return wastewater(t, data, ctx, 'kcn');
    case 'wastewaterCcnPct':
      return wastewater(t, data, ctx, 'ccn');
    case 'operatingSites':
      return operatingSites(t, data, ctx);
    case 'digitalSupportPct':
    case 'infrastructureComplete':
    case 'ecoConversion':
    case 'entered':
      return entered(t, ctx);
  }
}

export function evaluateTargets(data: RegionData, ctx: TargetContext): TargetResult[] {
  return data.region.targets.map((t) => evaluateTarget(t, data, ctx));
}

export interface CapitalCheck {
  totalBnVnd: number;
  partsSum: number;
  parts: { id: string; valueBnVnd: number; linesSum: number | null }[];
  consistent: boolean;
}

/** The capital plan re-added from its lines (7,080 = 1,280 + 5,800; the five state lines make 1,280). */
export function checkCapital(data: RegionData): CapitalCheck {
  const c = data.region.capital;
  const parts = c.parts.map((p) => ({
    id: p.id,
    valueBnVnd: p.valueBnVnd,
    linesSum: p.lines.length ? p.lines.reduce((s, l) => s + l.valueBnVnd, 0) : null,
  }));
  const partsSum = parts.reduce((s, p) => s + p.valueBnVnd, 0);
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  return {
    totalBnVnd: c.totalBnVnd,
    partsSum,
    parts,
    consistent: near(partsSum, c.totalBnVnd) && parts.every((p) => p.linesSum === null || near(p.linesSum, p.valueBnVnd)),
  };
}
