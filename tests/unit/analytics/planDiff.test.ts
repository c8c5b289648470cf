// Plan diff: hectares added and removed per site between two scenarios. Expected areas come from the
// closed form of a longitude/latitude rectangle on a sphere of the WGS84 authalic radius,
// R²·Δλ·(sin φn − sin φs); the app measures on the ellipsoid, which differs by about 0.25% at 22°N,
// so absolute figures are checked to 0.5% and ratios (independent of the surface) to 1e-6.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { planDiff, SLIVER_HA } from '../../../src/analytics/planDiff';
import type { Footprint } from '../../../src/domain/scenarios';

const R = 6_371_007.2;
const rad = Math.PI / 180;
function rect(w: number, s: number, e: number, n: number): Polygon {
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
function sphereHa(w: number, s: number, e: number, n: number): number {
  return (R * R * (e - w) * rad * (Math.sin(n * rad) - Math.sin(s * rad))) / 10_000;
}
function fp(key: string, geometry: Polygon | null, indicative = false): Footprint {
  return { key, siteId: key, kind: 'kcn', name: { vi: `Khu ${key}`, en: `Site ${key}` }, geometry, indicative };
}

describe('planDiff', () => {
  it('a site that grows eastwards: the added strip is measured, nothing removed', () => {
    const before = rect(104.0, 22.0, 104.01, 22.01);
    const after = rect(104.0, 22.0, 104.02, 22.01);
    const d = planDiff([fp('a', before)], [fp('a', after)]);
    expect(d.rows).toHaveLength(1);
    const row = d.rows[0]!;
    expect(row.change).toBe('changed');
    expect(row.removedHa).toBe(0);
    expect(row.removed).toBeNull();
    const strip = sphereHa(104.01, 22.0, 104.02, 22.01);
    expect(Math.abs(row.addedHa / strip - 1)).toBeLessThan(0.005);
    // The strip is exactly half of the new outline (same latitudes, same width in longitude).
    expect(row.addedHa / row.rightHa!).toBeCloseTo(0.5, 6);
    expect(d.totals.addedHa).toBeCloseTo(row.addedHa, 9);
    expect(d.totals.netHa).toBeCloseTo(row.rightHa! - row.leftHa!, 4);
  });

  it('a site that moves half its width: half added, half removed, net zero', () => {
    const d = planDiff([fp('a', rect(104, 22, 104.02, 22.01))], [fp('a', rect(104.01, 22, 104.03, 22.01))]);
    const row = d.rows[0]!;
    expect(row.addedHa).toBeCloseTo(row.removedHa, 6);
    expect(row.addedHa / row.leftHa!).toBeCloseTo(0.5, 6);
    expect(Math.abs(d.totals.netHa)).toBeLessThan(1e-6);
  });

  it('new and dropped sites count whole; the same outline on both sides is unchanged and not listed', () => {
    const kept = rect(104.1, 22.1, 104.11, 22.11);
    const gone = rect(104.2, 22.2, 104.21, 22.21);
    const fresh = rect(104.3, 22.3, 104.31, 22.32);
    const d = planDiff([fp('kept', kept), fp('gone', gone)], [fp('kept', kept), fp('fresh', fresh)]);
    expect(d.unchanged).toBe(1);
    expect(d.rows.map((r) => [r.key, r.change])).toEqual([
      ['fresh', 'added'],
      ['gone', 'removed'],
    ]);
    const f = d.rows[0]!;
    expect(f.leftHa).toBeNull();
    expect(Math.abs(f.addedHa / sphereHa(104.3, 22.3, 104.31, 22.32) - 1)).toBeLessThan(0.005);
    const g = d.rows[1]!;
    expect(g.rightHa).toBeNull();
    expect(Math.abs(g.removedHa / sphereHa(104.2, 22.2, 104.21, 22.21) - 1)).toBeLessThan(0.005);
    expect(d.totals.addedHa).toBeCloseTo(f.addedHa, 9);
    expect(d.totals.removedHa).toBeCloseTo(g.removedHa, 9);
  });

  it('an equal outline given as a different object yields no sliver', () => {
    const d = planDiff([fp('a', rect(104, 22, 104.01, 22.01))], [fp('a', rect(104, 22, 104.01, 22.01))]);
    expect(d.rows).toEqual([]);
    expect(d.unchanged).toBe(1);
  });

  it('a change smaller than the sliver threshold is not reported', () => {
    // 0.5 m further east along a 1.1 km edge: about 0.055 ha — above the threshold; 0.05 m: about 0.0055 ha — below.
    const base = rect(104, 22, 104.01, 22.01);
    const tiny = rect(104, 22, 104.01 + 0.05 / 103_000, 22.01);
    const small = rect(104, 22, 104.01 + 0.5 / 103_000, 22.01);
    expect(planDiff([fp('a', base)], [fp('a', tiny)]).rows).toEqual([]);
    const row = planDiff([fp('a', base)], [fp('a', small)]).rows[0]!;
    expect(row.addedHa).toBeGreaterThan(SLIVER_HA);
  });

  it('two polygons of a file for one site are dissolved before the difference', () => {
    const site = rect(104, 22, 104.02, 22.01);
    // Two overlapping halves that together cover the site exactly: no change.
    const d = planDiff([fp('a', site)], [fp('a', rect(104, 22, 104.012, 22.01)), fp('a', rect(104.008, 22, 104.02, 22.01))]);
    expect(d.rows).toEqual([]);
  });

  it('side totals dissolve overlaps between sites, so shared land counts once', () => {
    const a = rect(104, 22, 104.02, 22.01);
    const b = rect(104.01, 22, 104.03, 22.01);
    const d = planDiff([], [fp('a', a), fp('b', b)]);
    expect(Math.abs(d.totals.rightHa / sphereHa(104, 22, 104.03, 22.01) - 1)).toBeLessThan(0.005);
    // Per site, each new site counts whole.
    expect(d.totals.addedHa / d.totals.rightHa).toBeCloseTo(4 / 3, 6);
  });

  it('flags indicative outlines and sites without any outline', () => {
    const d = planDiff([fp('a', rect(104, 22, 104.01, 22.01), true)], [fp('a', rect(104, 22, 104.02, 22.01)), fp('p', null)]);
    const a = d.rows.find((r) => r.key === 'a')!;
    expect(a.indicative).toBe(true);
    const p = d.rows.find((r) => r.key === 'p')!;
    expect(p).toMatchObject({ change: 'added', unmeasured: true, addedHa: 0 });
  });

  it('leaves its inputs unchanged', () => {
    const left = [fp('a', rect(104, 22, 104.02, 22.01))];
    const right = [fp('a', rect(104.01, 22, 104.03, 22.01))];
    const copy = structuredClone([left, right]);
    planDiff(left, right);
    expect([left, right]).toEqual(copy);
  });
});
