import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areaReport, featureId, featureName } from '../../../src/analytics/area';
import { buildParks, planarHa, planarTotalHa, ZONE } from '../../fixtures/area/parks';

describe('areaReport over a file’s features', () => {
  const report = areaReport(buildParks().features, ZONE);

  it('measures the polygons and gets the hand-computed VN-2000 areas (to 0.01 ha)', () => {
    const byName = Object.fromEntries(report.measured.map((m) => [m.name, m]));
    expect(byName['KCN Đông Phố Mới']?.vn2000Ha).toBeCloseTo(planarHa.dongPhoMoi, 2);
    expect(byName['CCN Thống Nhất 1']?.vn2000Ha).toBeCloseTo(planarHa.thongNhat, 2);
    expect(byName['KCN Tằng Loỏng (xã Gia Phú + xã Xuân Quang)']?.vn2000Ha).toBeCloseTo(planarHa.tangLoong, 2);
  });

  it('keeps the bow-tie out of the totals and says so', () => {
    const bow = report.measured.find((m) => m.name === 'CCN Phú Thịnh 4 (ranh vẽ lỗi)');
    expect(bow?.reliable).toBe(false);
    expect(bow?.problems.map((p) => p.kind)).toEqual(['self-intersection']);
    expect(report.excluded).toEqual([2]);
    expect(report.totals.count).toBe(3);
    expect(report.totals.vn2000Ha).toBeCloseTo(planarTotalHa, 2);
    const sum = report.measured.filter((m) => m.reliable).reduce((s, m) => s + m.ellipsoidalHa, 0);
    expect(report.totals.ellipsoidalHa).toBeCloseTo(sum, 9);
  });

  it('lists what is not a polygon as skipped, with the reason', () => {
    expect(report.skipped).toEqual([
      expect.objectContaining({ index: 4, name: 'Cổng KCN Bắc Duyên Hải', reason: 'not-polygon', geometryType: 'Point' }),
      expect.objectContaining({ index: 5, name: null, id: 'duong-ct05', reason: 'not-polygon', geometryType: 'LineString' }),
    ]);
    const odd = areaReport(
      [
        { geometry: null, properties: { name: 'chưa vẽ' } },
        { geometry: { type: 'Polygon', coordinates: [1, 2, 3] } },
        { geometry: { type: 'Polygon', coordinates: [[[430_000, 2_470_000], [430_100, 2_470_000], [430_100, 2_470_100], [430_000, 2_470_000]]] } },
      ],
      ZONE,
    );
    expect(odd.skipped.map((s) => s.reason)).toEqual(['no-geometry', 'malformed', 'not-lonlat']);
    expect(odd.totals).toEqual({ ellipsoidalHa: 0, vn2000Ha: 0, turfHa: 0, count: 0 });
  });

  it('finds names and ids under the keys files use', () => {
    expect(featureName({ name: { vi: 'KCN Tằng Loỏng', en: 'Tang Loong IP' } })).toBe('KCN Tằng Loỏng');
    expect(featureName({ 'name.vi': 'CCN Âu Lâu' })).toBe('CCN Âu Lâu');
    expect(featureName({ TEN: 'CCN Bắc Duyên Hải' })).toBe('CCN Bắc Duyên Hải');
    // a decomposed (NFD) name, as some Windows tools write it, comes back composed
    expect(featureName({ ten: 'Thống Nhất'.normalize('NFD') })).toBe('Thống Nhất');
    expect(featureName({ name: '  ' })).toBeNull();
    expect(featureName(null)).toBeNull();
    expect(featureId({ ma: 'ccn-1' })).toBe('ccn-1');
    expect(featureId({}, 7)).toBe(7);
    expect(featureId(undefined, undefined)).toBeNull();
  });
});

describe('the area fixture', () => {
  it('parks.geojson is what parks.ts builds (regenerate with write-parks.ts)', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/area/parks.geojson'), 'utf8'));
    expect(file).toEqual(buildParks());
  });
});
