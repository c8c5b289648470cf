// The parcels the map draws at the report date. They used to come back from the report (worker) as a
// copy; the map now reads them from the region's own file. Same features, same order, before and after:
// the "before" here is what the report computed (the timeline's entries shown at the date, as its
// `parcelsAsOf` did), and an independent scan of the file checks both.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ClearanceProperties } from '../../../../src/domain/schema';
import { parcelsAsOf } from '../../../../src/analytics/clearance/drawnParcels';
import { parcelTimeline, shownAt } from '../../../../src/analytics/clearance/timeline';
import { laoCai } from '../../../fixtures/laoCai';
import { cellOf, parcel, record } from '../../../fixtures/clearance/builders';

type Clearance = FeatureCollection<Geometry | null, ClearanceProperties>;

/** What the report sent to the map before this change (analytics/report.ts's parcelsAsOf, verbatim). */
function drawnByTheReport(clearance: Clearance, asOf: string) {
  return {
    type: 'FeatureCollection',
    features: parcelTimeline(clearance)
      .features.filter((f) => shownAt(f.properties, asOf))
      .map((f) => {
        const p = f.properties;
        return { type: 'Feature', geometry: f.geometry, properties: { id: p.parcelId, siteId: p.siteId, status: p.status, sample: p.sample, asOf: p.from } };
      }),
  };
}

/** Independent: for each id, the entry with the latest date on or before `asOf`, the later in the file on a tie. */
function latestEntries(clearance: Clearance, asOf: string) {
  const best = new Map<string, Clearance['features'][number]>();
  for (const f of clearance.features) {
    const p = f.properties;
    if (p.asOf > asOf) continue;
    const b = best.get(p.id);
    if (!b || b.properties.asOf <= p.asOf) best.set(p.id, f);
  }
  return [...best.values()]
    .filter((f) => f.properties.kind === 'parcel')
    .map((f) => `${f.properties.id}@${f.properties.asOf}:${f.properties.kind === 'parcel' ? f.properties.status : ''}`)
    .sort();
}

const laoCaiClearance = laoCai().data.clearance;
const snapshotDates = [...new Set(laoCaiClearance.features.map((f) => f.properties.asOf))].sort();

describe('the parcels the map draws at a date', () => {
  it.each(['2025-01-01', ...snapshotDates, '2026-05-15', '2026-11-22', '2030-01-01'])(
    'Lào Cai as of %s: the same features, in the same order, as the report drew',
    (date) => {
      const drawn = parcelsAsOf(laoCaiClearance, date);
      expect(drawn).toEqual(drawnByTheReport(laoCaiClearance, date));
      const keys = drawn.features.map((f) => `${f.properties.id}@${f.properties.asOf}:${f.properties.status}`).sort();
      expect(keys).toEqual(latestEntries(laoCaiClearance, date));
      // The file's own geometry, not a copy: one set of coordinates on the page.
      const own = new Set(laoCaiClearance.features.map((f) => f.geometry));
      for (const f of drawn.features) expect(own.has(f.geometry)).toBe(true);
    },
  );

  it('the data has parcels that change over time (else the test above would prove little)', () => {
    const first = parcelsAsOf(laoCaiClearance, snapshotDates[0]!).features.map((f) => f.properties.status);
    const last = parcelsAsOf(laoCaiClearance, snapshotDates.at(-1)!).features.map((f) => f.properties.status);
    expect(first.length).toBeGreaterThan(0);
    expect(last).not.toEqual(first);
  });

  it('a later record hides the parcel; a duplicate date takes the later entry in the file; ids keep their first place', () => {
    const a = cellOf([104.2, 22.2, 104.201, 22.201]);
    const b = cellOf([104.3, 22.3, 104.301, 22.301]);
    const c = cellOf([104.4, 22.4, 104.401, 22.401]);
    const clearance: Clearance = {
      type: 'FeatureCollection',
      features: [
        parcel('late', 's1', '2026-09-01', 'cleared', c),
        parcel('p1', 's1', '2026-01-01', 'not-started', a),
        parcel('p2', 's1', '2026-01-01', 'in-progress', b),
        record('p1', 's1', '2026-03-01', { clearedHa: 1 }),
        parcel('p2', 's1', '2026-02-01', 'in-progress', b),
        parcel('p2', 's1', '2026-02-01', 'cleared', b),
        parcel('late', 's1', '2026-01-15', 'not-started', c),
      ],
    };
    const at = (d: string) => parcelsAsOf(clearance, d).features.map((f) => `${f.properties.id}:${f.properties.status}`);
    expect(at('2025-12-31')).toEqual([]);
    expect(at('2026-01-20')).toEqual(['late:not-started', 'p1:not-started', 'p2:in-progress']);
    expect(at('2026-02-01')).toEqual(['late:not-started', 'p1:not-started', 'p2:cleared']);
    expect(at('2026-03-01')).toEqual(['late:not-started', 'p2:cleared']);
    expect(at('2026-09-01')).toEqual(['late:cleared', 'p2:cleared']);
    for (const d of ['2025-12-31', '2026-01-20', '2026-02-01', '2026-03-01', '2026-09-01']) {
      expect(parcelsAsOf(clearance, d)).toEqual(drawnByTheReport(clearance, d));
    }
  });

  it('the same file at the same date gives the same object (the map compares its inputs by identity)', () => {
    const d = snapshotDates[0]!;
    expect(parcelsAsOf(laoCaiClearance, d)).toBe(parcelsAsOf(laoCaiClearance, d));
  });
});
