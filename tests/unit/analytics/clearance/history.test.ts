import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { entriesAsOf, groupHistories, latestOnOrBefore } from '../../../../src/analytics/clearance/history';
import type { SiteInfo } from '../../../../src/analytics/clearance/model';
import type { ClearanceProperties } from '../../../../src/domain/schema';
import { record, site } from '../../../fixtures/clearance/builders';

const siteInfo = (id: string): SiteInfo => ({ props: site(id, null).properties, outline: null, memo: new Map(), histories: [] });

describe('clearance history (rule 1)', () => {
  const fc = (features: ReturnType<typeof record>[]): FeatureCollection<Geometry | null, ClearanceProperties> => ({ type: 'FeatureCollection', features });

  it('takes the latest entry on or before the date, and none before the first', () => {
    const sites = new Map([['khu-a', siteInfo('khu-a')]]);
    groupHistories(fc([record('r1', 'khu-a', '2026-06-30', { clearedHa: 5 }), record('r1', 'khu-a', '2026-03-31', { clearedHa: 2 })]), sites);
    const h = sites.get('khu-a')!.histories[0]!;
    expect(latestOnOrBefore(h, '2026-01-01')).toBeNull();
    expect(latestOnOrBefore(h, '2026-03-31')?.props.asOf).toBe('2026-03-31');
    expect(latestOnOrBefore(h, '2026-05-01')?.props.asOf).toBe('2026-03-31');
    expect(latestOnOrBefore(h, '2026-12-31')?.props.asOf).toBe('2026-06-30');
  });

  it('counts an id that moved to another site only at the site of its latest entry', () => {
    const a = siteInfo('khu-a');
    const b = siteInfo('khu-b');
    const sites = new Map([['khu-a', a], ['khu-b', b]]);
    const { dates, unknownWarnings } = groupHistories(
      fc([
        record('r1', 'khu-a', '2026-03-31', { clearedHa: 2 }),
        record('r1', 'khu-b', '2026-06-30', { clearedHa: 3 }),
        record('r9', 'khu-khong-co', '2026-04-01', { clearedHa: 1 }),
      ]),
      sites,
    );
    expect(dates).toEqual(['2026-03-31', '2026-06-30']);
    expect(unknownWarnings).toEqual([{ kind: 'unknown-site', siteId: 'khu-khong-co', entryIds: ['r9'] }]);
    expect(entriesAsOf(a, '2026-04-30').map((e) => e.props.id)).toEqual(['r1']);
    expect(entriesAsOf(a, '2026-12-31')).toEqual([]);
    expect(entriesAsOf(b, '2026-12-31').map((e) => e.props.asOf)).toEqual(['2026-06-30']);
  });
});
