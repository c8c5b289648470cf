import { describe, expect, it } from 'vitest';
import { computeSite } from '../../../../src/analytics/clearance/siteClearance';
import { assemble } from '../../../../src/analytics/clearance/totals';
import type { SiteInfo } from '../../../../src/analytics/clearance/model';
import { record, site } from '../../../fixtures/clearance/builders';
import { entryOf } from './parts.helpers';

const info = (id: string, commune: string, declaredAreaHa: number): SiteInfo => ({
  props: site(id, null, { commune, declaredAreaHa }).properties,
  outline: null,
  memo: new Map(),
  histories: [],
});

describe('one site (rule 2) and the totals (rule 6)', () => {
  it('uses the latest record, warns when it claims more than the site has, and sums by commune', () => {
    const a = computeSite(info('khu-a', 'xã Gia Phú', 50), [
      entryOf(record('r1', 'khu-a', '2026-03-31', { clearedHa: 10 })),
      entryOf(record('r2', 'khu-a', '2026-06-30', { clearedHa: 20, inProgressHa: 5 })),
    ], 'components');
    expect(a.method).toBe('record');
    expect(a.entryIds).toEqual(['r2']);
    expect(a.remainingHa).toBe(25); // 50 − 20 − 5
    const b = computeSite(info('khu-b', 'xã Gia Phú', 8), [entryOf(record('r3', 'khu-b', '2026-06-30', { clearedHa: 9 }))], 'components');
    expect(b.warnings.map((w) => w.kind)).toEqual(['cleared-exceeds-area']);
    const none = computeSite(info('khu-c', 'phường Âu Lâu', 30), [], 'components');
    expect(none.method).toBe('none');
    const r = assemble('2026-12-31', [a, b, none], []);
    expect(r.province.clearedHa).toBe(29);
    expect(r.province.sites).toBe(2);
    expect(r.byCommune.map((c) => [c.commune, c.totals.clearedHa])).toEqual([['xã Gia Phú', 29]]);
  });
});
