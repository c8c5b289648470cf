// The replay's status-at-date and totals-at-date against the report's own numbers: the shipped Lào Cai
// data (four snapshots, parcels whose status changes, records) at the snapshot dates, between them,
// before the first and after the last.
import { describe, expect, it } from 'vitest';
import { clearanceAsOf } from '../../../../src/analytics/clearance';
import { buildReport } from '../../../../src/analytics/report';
import { parcelsAsOf } from '../../../../src/analytics/clearance/drawnParcels';
import { frameAt, parcelTimeline, shownAt, statusAt, OPEN_END } from '../../../../src/analytics/clearance/timeline';
import { targetsAt } from '../../../../src/analytics/replayTargets';
import { laoCai } from '../../../fixtures/laoCai';
import { cellOf, parcel } from '../../../fixtures/clearance/builders';

const region = laoCai();
const clearance = region.data.clearance;
const snapshotDates = [...new Set(clearance.features.map((f) => f.properties.asOf))].sort();
// Snapshot days, the days either side of each, before any data and the data date.
const dates = [
  '2025-06-01',
  ...snapshotDates.flatMap((d) => [dayBefore(d), d, dayAfter(d)]),
  region.data.region.asOf,
];

function dayAfter(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
function dayBefore(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Independent expectation: scan the file for the id's latest dated entry on or before the date. */
function latestStatus(id: string, date: string): string | null {
  let best: { asOf: string; status: string | null } | null = null;
  for (const f of clearance.features) {
    const p = f.properties;
    if (p.id !== id || p.asOf > date) continue;
    if (!best || p.asOf >= best.asOf) best = { asOf: p.asOf, status: p.kind === 'parcel' ? p.status : null };
  }
  return best?.status ?? null;
}

describe('status at a date', () => {
  const parcelIds = [...new Set(clearance.features.filter((f) => f.properties.kind === 'parcel').map((f) => f.properties.id))];

  it('the data has parcels that change status over time (else these tests would prove little)', () => {
    const changing = parcelIds.filter((id) => new Set(snapshotDates.map((d) => latestStatus(id, d))).size > 1);
    expect(changing.length).toBeGreaterThan(2);
  });

  it.each(dates)('as of %s each parcel has the status of its latest entry on or before the date', (date) => {
    for (const id of parcelIds) expect(statusAt(clearance, id, date), id).toBe(latestStatus(id, date));
  });

  it.each(dates)('as of %s the timeline shows exactly the parcels the map draws out of the replay, in the same status', (date) => {
    const shown = parcelTimeline(clearance)
      .features.filter((f) => shownAt(f.properties, date))
      .map((f) => `${f.properties.parcelId}:${f.properties.status}`)
      .sort();
    const drawn = parcelsAsOf(clearance, date)
      .features.map((f) => `${f.properties.id}:${f.properties.status}`)
      .sort();
    expect(shown).toEqual(drawn);
    // …and the report's totals used those very parcels.
    const used = clearanceAsOf(region.data, region.siteOutlines, date)
      .bySite.filter((s) => s.method === 'parcels')
      .flatMap((s) => s.entryIds);
    for (const id of used) expect(shown.some((x) => x.startsWith(`${id}:`)), id).toBe(true);
  });

  it('a parcel entry stands from its date until the day before the next entry of the same id', () => {
    const box = [104.2, 22.2, 104.201, 22.201] as [number, number, number, number];
    const data = {
      type: 'FeatureCollection' as const,
      features: [
        parcel('p1', 's1', '2026-01-01', 'not-started', cellOf(box)),
        parcel('p1', 's1', '2026-04-01', 'in-progress', cellOf(box)),
        parcel('p1', 's1', '2026-07-01', 'cleared', cellOf(box)),
      ],
    };
    expect(statusAt(data, 'p1', '2025-12-31')).toBeNull();
    expect(statusAt(data, 'p1', '2026-03-31')).toBe('not-started');
    expect(statusAt(data, 'p1', '2026-04-01')).toBe('in-progress');
    expect(statusAt(data, 'p1', '2026-06-30')).toBe('in-progress');
    expect(statusAt(data, 'p1', '2026-07-01')).toBe('cleared');
    const spans = parcelTimeline(data).features.map((f) => [f.properties.from, f.properties.until]);
    expect(spans).toEqual([
      ['2026-01-01', '2026-04-01'],
      ['2026-04-01', '2026-07-01'],
      ['2026-07-01', OPEN_END],
    ]);
  });
});

describe('totals at a date', () => {
  const report = buildReport(region, region.data.region.asOf);

  it('one frame per date the data changes', () => {
    expect(report.frames.map((f) => f.date)).toEqual(snapshotDates);
  });

  it.each(dates)('as of %s the frame on or before the date gives the report\'s own province totals', (date) => {
    const expected = clearanceAsOf(region.data, region.siteOutlines, date).province;
    const frame = frameAt(report.frames, date);
    if (date < snapshotDates[0]!) {
      expect(frame).toBeNull();
      expect(expected.sites).toBe(0);
    } else {
      expect(frame!.province).toEqual(expected);
    }
  });

  it.each(dates)('as of %s each site\'s clean land in the frame is the report\'s', (date) => {
    const frame = frameAt(report.frames, date);
    const bySite = buildReport(region, date).sites.filter((s) => s.clearance && s.clearance.method !== 'none');
    expect(Object.keys(frame?.bySite ?? {}).sort()).toEqual(bySite.map((s) => s.id).sort());
    for (const s of bySite) expect(frame!.bySite[s.id]!.clearedHa, s.id).toBe(s.clearance!.clearedHa);
  });

  it.each(dates)('as of %s the targets evaluated from the frames are the report\'s targets at that date', (date) => {
    const expected = buildReport(region, date).targets;
    const got = targetsAt(region.data, report.frames, date);
    expect(got.map((r) => [r.target.id, r.state, r.value, r.inProgress, r.met, r.sample])).toEqual(
      expected.map((r) => [r.target.id, r.state, r.value, r.inProgress, r.met, r.sample]),
    );
  });
});
