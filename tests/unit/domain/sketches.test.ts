// A planner's sketched polygon tagged as clearance counts in the totals like a parcel of the data
// files: the cleared total rises by its ellipsoidal area (computed here in closed form, not by the
// app), it is clipped to a surveyed outline, it counts only from its date, lines and untagged
// sketches never count, and the loaded region is left as it was.
import { describe, expect, it } from 'vitest';
import type { LineString } from 'geojson';
import { buildReport } from '../../../src/analytics/report';
import { parcelsAsOf } from '../../../src/analytics/clearance/drawnParcels';
import { prepareRegion, type PreparedRegion } from '../../../src/domain/prepare';
import { applySketches, sketchParcels, SKETCH_SOURCE_ID, type Sketch, type SketchClearance } from '../../../src/domain/sketches';
import { validateRegion } from '../../../src/domain/validate';
import { cell, cellHa } from '../../fixtures/ellipsoid';
import { laoCai } from '../../fixtures/laoCai';
import { miniRegion } from '../../fixtures/miniRegion';

// mini-ccn-b is a surveyed square 104.30–104.31 °E × 22.30–22.31 °N; mini-kcn-a only a point.
const B = 'mini-ccn-b';
const REPORT = '2026-11-22';

function region(): PreparedRegion {
  const { data, issues } = validateRegion(miniRegion());
  expect(issues).toEqual([]);
  return prepareRegion(data!);
}

function sketch(id: string, geometry: Sketch['geometry'], clearance: SketchClearance | null, name = ''): Sketch {
  return { id, geometry, name, clearance, createdAt: '2026-11-20T08:00:00Z' };
}

const cleared = (siteId = B, asOf = '2026-11-01'): SketchClearance => ({ siteId, status: 'cleared', asOf });
const cleanLand = (r: ReturnType<typeof buildReport>) => r.targets.find((t) => t.target.id === 'clean-land')!;

/** Relative tolerance: GeographicLib joins corners by geodesics, the closed form by parallels (< 1e-6 for cells of a few km). */
const REL = 2e-6;

describe('sketched clearance parcels', () => {
  it('raise the cleared total by the ellipsoidal area of a polygon inside a surveyed outline', () => {
    const base = region();
    const before = buildReport(base, REPORT);
    expect(before.province.clearedHa).toBe(0);

    const shown = applySketches(base, [sketch('s1', cell(104.302, 22.302, 104.306, 22.305), cleared(), 'Lô A')]);
    const after = buildReport(shown, REPORT);
    const expected = cellHa(104.302, 22.302, 104.306, 22.305);
    expect(expected).toBeGreaterThan(10); // about 12.9 ha: a real parcel's size, not a speck
    expect(after.province.clearedHa - before.province.clearedHa).toBeCloseTo(expected, 4);
    expect(Math.abs(after.province.clearedHa - expected) / expected).toBeLessThan(REL);
    // The targets panel's figure (clean land, no period start in the mini region) moves with it.
    expect(cleanLand(after).value! - (cleanLand(before).value ?? 0)).toBeCloseTo(expected, 4);

    // The site's row says where the figure comes from: the user's sketch.
    const row = after.sites.find((s) => s.id === B)!.clearance!;
    expect(row.method).toBe('parcels');
    expect(row.sourceDocs).toEqual([SKETCH_SOURCE_ID]);
    expect(shown.data.region.sources[SKETCH_SOURCE_ID]!.title.vi).toMatch(/Phác thảo/);
    // It is drawn on the map with the parcels of the report date.
    expect(parcelsAsOf(shown.data.clearance, REPORT).features.map((f) => [f.properties.id, f.properties.status])).toEqual([['sketch-s1', 'cleared']]);
  });

  it('are clipped to the surveyed outline: only the part inside counts', () => {
    // Half of this cell lies east of the site's edge at 104.31 °E.
    const shown = applySketches(region(), [sketch('s2', cell(104.306, 22.302, 104.314, 22.305), cleared())]);
    const r = buildReport(shown, REPORT);
    const inside = cellHa(104.306, 22.302, 104.31, 22.305);
    const outside = cellHa(104.31, 22.302, 104.314, 22.305);
    expect(Math.abs(r.province.clearedHa - inside) / inside).toBeLessThan(REL);
    expect(r.sites.find((s) => s.id === B)!.clearance!.clippedAwayHa).toBeCloseTo(outside, 3);
  });

  it('count from their date on, and an in-progress one counts as in progress', () => {
    const geometry = cell(104.302, 22.302, 104.306, 22.305);
    const expected = cellHa(104.302, 22.302, 104.306, 22.305);
    const shown = applySketches(region(), [sketch('s3', geometry, { siteId: B, status: 'in-progress', asOf: '2026-07-01' })]);
    expect(buildReport(shown, '2026-06-30').province.inProgressHa).toBe(0);
    const r = buildReport(shown, REPORT);
    expect(r.province.clearedHa).toBe(0);
    expect(Math.abs(r.province.inProgressHa - expected) / expected).toBeLessThan(REL);
  });

  it('overlapping sketches count their land once', () => {
    const shown = applySketches(region(), [
      sketch('a', cell(104.302, 22.302, 104.306, 22.305), cleared()),
      sketch('b', cell(104.304, 22.302, 104.308, 22.305), cleared()),
    ]);
    const union = cellHa(104.302, 22.302, 104.308, 22.305);
    const r = buildReport(shown, REPORT);
    expect(Math.abs(r.province.clearedHa - union) / union).toBeLessThan(REL);
  });

  it('add to a site drawn as an indicative footprint (Tằng Loỏng) without clipping, beside its own parcels', () => {
    // North of the shipped parcels (which end at 22.2995 °N), inside the 1,100 ha circle around 104.1443 °E, 22.2950 °N.
    const base = laoCai();
    const before = buildReport(base, REPORT);
    const box = [104.14, 22.301, 104.148, 22.306] as const;
    const shown = applySketches(base, [sketch('tl', cell(...box), cleared('lc-kcn-tang-loong', REPORT))]);
    const after = buildReport(shown, REPORT);
    const expected = cellHa(...box);
    expect(Math.abs(after.province.clearedHa - before.province.clearedHa - expected) / expected).toBeLessThan(REL);
    // Lào Cai's clean-land target counts from its period start; a sketch dated in the period adds all of it.
    const target = (r: typeof before) => r.targets.find((t) => t.target.metric === 'clearedHa')!;
    expect(target(after).value! - target(before).value!).toBeCloseTo(expected, 4);
  });

  it('leave out lines, untagged polygons and sites the region does not have', () => {
    const base = region();
    const line: LineString = { type: 'LineString', coordinates: [[104.302, 22.302], [104.306, 22.305]] };
    const list = [
      sketch('line', line, cleared()),
      sketch('plain', cell(104.302, 22.302, 104.306, 22.305), null),
      sketch('elsewhere', cell(104.302, 22.302, 104.306, 22.305), cleared('lc-kcn-tang-loong')),
    ];
    expect(sketchParcels(base, list)).toEqual([]);
    // Nothing to add: the very same region object, so nothing downstream recomputes.
    expect(applySketches(base, list)).toBe(base);
    expect(buildReport(applySketches(base, list), REPORT).province.clearedHa).toBe(0);
  });

  it('make parcels that cite the sketch and leave the loaded region untouched', () => {
    const base = region();
    const count = base.data.clearance.features.length;
    const parcels = sketchParcels(base, [sketch('s9', cell(104.302, 22.302, 104.306, 22.305), cleared(B, '2026-10-15'), 'Lô bàn giao đợt 2')]);
    expect(parcels).toHaveLength(1);
    expect(parcels[0]!.properties).toEqual({
      kind: 'parcel',
      id: 'sketch-s9',
      siteId: B,
      asOf: '2026-10-15',
      status: 'cleared',
      sample: false,
      sources: [{ doc: SKETCH_SOURCE_ID, where: 'Lô bàn giao đợt 2', about: ['clearance'] }],
    });
    const shown = applySketches(base, [sketch('s9', cell(104.302, 22.302, 104.306, 22.305), cleared())]);
    expect(shown.data.clearance.features).toHaveLength(count + 1);
    expect(base.data.clearance.features).toHaveLength(count);
    expect(SKETCH_SOURCE_ID in base.data.region.sources).toBe(false);
  });
});
