import { describe, expect, it } from 'vitest';
import { checkTable } from '../../../src/analytics/documentTables';
import type { DocumentTable } from '../../../src/domain/schema';
import { validateRegion } from '../../../src/domain/validate';
import { miniRegion } from '../../fixtures/miniRegion';

/** The mini region with districts and areas: A 120.5 ha in Hữu Lũng, B 37.25 ha in Chi Lăng. */
function data() {
  const m = miniRegion();
  m.sites.features[0]!.properties['district'] = 'Hữu Lũng';
  m.sites.features[1]!.properties['district'] = 'Chi Lăng';
  m.sites.features[1]!.properties['declaredAreaHa'] = 37.25;
  (m.sites.features[1]!.properties['sources'] as { about: string[] }[])[0]!.about.push('declaredAreaHa');
  return validateRegion(m).data!;
}
const table = (over: Partial<DocumentTable>): DocumentTable => ({
  id: 'bang',
  label: { vi: 'Bảng', en: 'Table' },
  source: { doc: 'plan' },
  siteIds: ['mini-kcn-a', 'mini-ccn-b'],
  rows: [],
  ...over,
});

describe('document tables re-added from the rows', () => {
  it('reproduces a district table: counts, hectares and shares', () => {
    // 120.5 / 157.75 = 76.39%, 37.25 / 157.75 = 23.61%.
    const c = checkTable(
      table({
        groupBy: 'district',
        rows: [
          { key: 'Hữu Lũng', count: 1, areaHa: 120.5, sharePct: 76.39 },
          { key: 'Chi Lăng', count: 1, areaHa: 37.25, sharePct: 23.61 },
        ],
        total: { count: 2, areaHa: 157.75, sharePct: 100 },
      }),
      data(),
    );
    expect(c.matches).toBe(true);
    expect(c.rows.map((r) => [r.key, r.computed])).toEqual([
      ['Hữu Lũng', { count: 1, areaHa: 120.5, sharePct: 76.39 }],
      ['Chi Lăng', { count: 1, areaHa: 37.25, sharePct: 23.61 }],
    ]);
  });

  it('shows both numbers and the difference when a document total does not match its rows', () => {
    // A document says "about 160 ha" for the two sites whose rows sum to 157.75 ha.
    const c = checkTable(table({ total: { count: 2, areaHa: 160 } }), data());
    expect(c.matches).toBe(false);
    expect(c.total.document.areaHa).toBe(160);
    expect(c.total.computed.areaHa).toBe(157.75);
    expect(c.total.diff.areaHa).toBeCloseTo(-2.25, 9);
  });

  it('reports a group the document does not list and a count that differs', () => {
    const c = checkTable(table({ groupBy: 'district', rows: [{ key: 'Hữu Lũng', count: 2 }] }), data());
    expect(c.extraKeys).toEqual(['Chi Lăng']);
    expect(c.rows[0]!.diff.count).toBe(-1);
    expect(c.matches).toBe(false);
  });
});

describe('Lạng Sơn: QĐ 609/QĐ-UBND district table', () => {
  it('re-adds from the cluster rows to the decision’s table, to the hundredth of a hectare', async () => {
    const { readRegionFiles } = await import('../../../scripts/regionFs');
    const d = validateRegion(readRegionFiles('lang-son')).data!;
    const c = checkTable(d.region.documentTables.find((t) => t.id === 'ls-qd609-by-district')!, d);
    // The decision's table (facts/lang-son-plan.md): 10 districts, 24 clusters, 1,156.77 ha.
    const decision: [string, number, number][] = [
      ['Thành phố Lạng Sơn', 1, 50], ['Hữu Lũng', 6, 358.56], ['Chi Lăng', 3, 161.01], ['Bắc Sơn', 1, 25],
      ['Cao Lộc', 3, 57.77], ['Lộc Bình', 4, 181.77], ['Đình Lập', 2, 145.29], ['Văn Lãng', 2, 87.37],
      ['Tràng Định', 1, 60], ['Bình Gia', 1, 30],
    ];
    expect(c.rows.map((r) => [r.key, r.computed.count, r.computed.areaHa])).toEqual(decision);
    expect(c.total.computed).toMatchObject({ count: 24, areaHa: 1156.77 });
    expect(c.extraKeys).toEqual([]);
    expect(c.matches).toBe(true);
  });

  it('shows the "about 738 ha" of the 14 new clusters against the 708.28 ha their rows add up to', async () => {
    const { readRegionFiles } = await import('../../../scripts/regionFs');
    const d = validateRegion(readRegionFiles('lang-son')).data!;
    const c = checkTable(d.region.documentTables.find((t) => t.id === 'ls-14-new-738')!, d);
    expect(c.total.document.areaHa).toBe(738);
    expect(c.total.computed).toMatchObject({ count: 14, areaHa: 708.28 });
    expect(c.total.diff.areaHa).toBeCloseTo(-29.72, 9);
  });
});
