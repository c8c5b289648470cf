import { describe, expect, it } from 'vitest';
import { checkCapital, daysBetween, evaluateTarget, type ClearanceAt, type TargetContext } from '../../../src/analytics/targets';
import type { Target } from '../../../src/domain/schema';
import { validateRegion } from '../../../src/domain/validate';
import { miniRegion } from '../../fixtures/miniRegion';
import { laoCai } from '../../fixtures/laoCai';

const data = validateRegion(miniRegion()).data!;
const target = (over: Partial<Target>): Target => ({
  id: 't',
  label: { vi: 'Mục tiêu', en: 'Target' },
  metric: 'clearedHa',
  comparator: '>=',
  value: 500,
  unit: 'ha',
  deadline: '2026-12-31',
  source: { doc: 'plan' },
  ...over,
});

/** Cleared hectares by snapshot date, as a stand-in for analytics/clearance. */
function ctx(asOf: string, snapshots: Record<string, number>): TargetContext {
  const dates = Object.keys(snapshots).sort();
  const at = (d: string): ClearanceAt => {
    const last = dates.filter((x) => x <= d).pop();
    return { clearedHa: last ? snapshots[last]! : 0, inProgressHa: 12, remainingHa: null, sample: true, siteIds: last ? ['mini-kcn-a'] : [] };
  };
  return { asOf, clearanceAt: at, clearanceDates: dates };
}

describe('targets', () => {
  it('counts days to the deadline', () => {
    expect(daysBetween('2026-11-22', '2026-12-31')).toBe(39);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('cleared land: progress since the period start, gap, and the pace to the deadline', () => {
    const t = target({ periodStart: '2026-01-01' });
    // 40 ha were already clean in 2025 (baseline); 40 → 190 → 340 ha over two quarters of 2026.
    const r = evaluateTarget(t, data, ctx('2026-09-30', { '2025-12-15': 40, '2026-03-31': 190, '2026-09-30': 340 }));
    expect(r.state).toBe('computed');
    expect(r.value).toBe(300);
    expect(r.gap).toBe(200);
    expect(r.met).toBe(false);
    expect(r.daysLeft).toBe(92);
    expect(r.sample).toBe(true);
    // Pace: 150 ha in 183 days (31/3 → 30/9); 92 more days → 300 + 150·92/183 = 375.4 ha < 500.
    expect(r.pace?.perDay).toBeCloseTo(150 / 183, 9);
    expect(r.pace?.projected).toBeCloseTo(300 + (150 * 92) / 183, 9);
    expect(r.pace?.reaches).toBe(false);
    expect(r.pace?.points).toEqual([['2026-03-31', 150], ['2026-09-30', 300]]);
  });

  it('cleared land: met when the figure reaches the target; no data says so', () => {
    expect(evaluateTarget(target({}), data, ctx('2026-12-31', { '2026-12-01': 512.3 })).met).toBe(true);
    const none = evaluateTarget(target({}), data, ctx('2026-12-31', {}));
    expect(none.state).toBe('no-data');
    expect(none.value).toBeNull();
    expect(none.met).toBeNull();
  });

  it('relocations: counts the named relocations that are done', () => {
    const m = miniRegion();
    m.relocations.features[0]!.properties['status'] = 'done';
    const d = validateRegion(m).data!;
    const t = target({ metric: 'relocationsDone', comparator: '=', value: 3, unit: 'count', relocationIds: ['mini-reloc-b'] });
    const r = evaluateTarget(t, d, ctx('2026-11-22', {}));
    expect(r.value).toBe(1);
    expect(r.gap).toBe(2);
    expect(r.siteIds).toEqual(['mini-ccn-b']);
  });

  it('newly established: declared areas of sites whose establishing decision falls in the period', () => {
    const m = miniRegion();
    m.sites.features[0]!.properties['decision'] = { number: '12/QĐ-UBND', date: '2026-03-02' };
    (m.sites.features[0]!.properties['sources'] as { about: string[] }[])[0]!.about.push('decision');
    const d = validateRegion(m).data!;
    const t = target({ metric: 'newlyEstablishedHa', comparator: 'about>', periodStart: '2026-01-01' });
    expect(evaluateTarget(t, d, ctx('2026-11-22', {})).value).toBeCloseTo(120.5, 9);
    // Before the decision no site is established in the period: that is no data, never "0 ha, not met".
    expect(evaluateTarget(t, d, ctx('2026-02-01', {}))).toMatchObject({ state: 'no-data', value: null, met: null, gap: null });
  });

  it('wastewater: a park without data does not count as having a plant', () => {
    const m = miniRegion();
    const t = target({ metric: 'wastewaterKcnPct', value: 100, unit: 'pct' });
    expect(evaluateTarget(t, validateRegion(m).data!, ctx('2026-11-22', {})).state).toBe('no-data');
    m.sites.features[0]!.properties['wastewater'] = 'operating';
    (m.sites.features[0]!.properties['sources'] as { about: string[] }[])[0]!.about.push('wastewater');
    const r = evaluateTarget(t, validateRegion(m).data!, ctx('2026-11-22', {}));
    expect(r.value).toBe(100);
    expect(r.met).toBe(true);
  });

  it('entered figures count from their date, with their source', () => {
    const t = target({
      metric: 'digitalSupportPct',
      unit: 'pct',
      value: 30,
      entered: { value: 18, asOf: '2026-06-30', source: { doc: 'plan', where: 'báo cáo 6 tháng' } },
    });
    expect(evaluateTarget(t, data, ctx('2026-11-22', {}))).toMatchObject({ state: 'entered', value: 18, gap: 12, met: false });
    expect(evaluateTarget(t, data, ctx('2026-05-01', {})).state).toBe('no-data');
  });

  it('Lào Cai capital: 1,280 state (five lines) + 5,800 enterprise = 7,080 billion VND', () => {
    // Figures of section IV of the plan (facts/lao-cai-2026-plan.md).
    const c = checkCapital(laoCai().data);
    expect(c.totalBnVnd).toBe(7080);
    expect(c.partsSum).toBe(7080);
    expect(c.parts.map((p) => [p.valueBnVnd, p.linesSum])).toEqual([[1280, 1280], [5800, null]]);
    expect(c.consistent).toBe(true);
  });
});
