import { describe, expect, it } from 'vitest';
import type { SiteProperties } from '../../../src/domain/schema';
import { filterSiteIds, isFilterActive, NO_FILTER, phasesOf, siteMatches, type SiteFilter } from '../../../src/domain/siteFilter';
import { nearSubstringDistance, searchSites } from '../../../src/domain/search';
import { laoCai } from '../../fixtures/laoCai';

function site(id: string, over: Partial<SiteProperties>): { properties: SiteProperties } {
  return {
    properties: {
      id,
      kind: 'ccn',
      name: { vi: id, en: id },
      status: 'planned',
      commune: 'xã Thử',
      geometryQuality: 'indicative',
      locationConfidence: 'high',
      sources: [],
      ...over,
    } as SiteProperties,
  };
}

const SITES = [
  site('a', { kind: 'kcn', name: { vi: 'Tằng Loỏng', en: 'Tằng Loỏng' }, status: 'operating', declaredAreaHa: 1100, wastewater: 'operating', phase: '2021-2025', commune: 'xã Tằng Loỏng' }),
  site('b', { name: { vi: 'Đầm Hồng', en: 'Đầm Hồng' }, status: 'established', declaredAreaHa: 50, wastewater: 'planned', phase: '2021-2025', commune: 'phường Văn Phú' }),
  site('c', { name: { vi: 'Bắc Sơn 2', en: 'Bắc Sơn 2' }, status: 'proposed', declaredAreaHa: 75, phase: '2026-2030', commune: 'xã Gia Phú', district: 'huyện Bảo Thắng' }),
  site('d', { kind: 'kcn', name: { vi: 'Gia Phú', en: 'Gia Phú' }, status: 'withdrawn', commune: 'xã Bảo Hà' }),
];
const f = (over: Partial<SiteFilter>): SiteFilter => ({ ...NO_FILTER, ...over });

describe('site filter', () => {
  it('keeps everything when nothing is set, and says so', () => {
    expect(filterSiteIds(SITES, NO_FILTER)).toEqual(['a', 'b', 'c', 'd']);
    expect(isFilterActive(NO_FILTER)).toBe(false);
    expect(isFilterActive(f({ minHa: 0 }))).toBe(true);
  });

  it('filters by kind, stage (withdrawn counted as planned), several statuses and phase', () => {
    expect(filterSiteIds(SITES, f({ kind: 'kcn' }))).toEqual(['a', 'd']);
    expect(filterSiteIds(SITES, f({ stage: 'planned' }))).toEqual(['c', 'd']);
    expect(filterSiteIds(SITES, f({ stage: 'existing' }))).toEqual(['a', 'b']);
    expect(filterSiteIds(SITES, f({ statuses: ['established', 'proposed'] }))).toEqual(['b', 'c']);
    expect(filterSiteIds(SITES, f({ phase: '2026-2030' }))).toEqual(['c']);
  });

  it('keeps an inclusive area range and drops sites without a declared area once a range is set', () => {
    expect(filterSiteIds(SITES, f({ minHa: 50, maxHa: 75 }))).toEqual(['b', 'c']);
    expect(filterSiteIds(SITES, f({ minHa: 100 }))).toEqual(['a']);
    expect(filterSiteIds(SITES, f({ maxHa: 60 }))).toEqual(['b']);
  });

  it('filters by wastewater plant and combines every criterion', () => {
    expect(filterSiteIds(SITES, f({ wastewater: 'operating' }))).toEqual(['a']);
    expect(filterSiteIds(SITES, f({ kind: 'ccn', phase: '2021-2025', wastewater: 'planned', text: 'dam' }))).toEqual(['b']);
    expect(siteMatches(SITES[0]!.properties, f({ kind: 'ccn', wastewater: 'operating' }))).toBe(false);
  });

  it('matches text without diacritics against names, communes and districts', () => {
    expect(filterSiteIds(SITES, f({ text: 'tang loong' }))).toEqual(['a']);
    expect(filterSiteIds(SITES, f({ text: 'VAN PHU' }))).toEqual(['b']);
    expect(filterSiteIds(SITES, f({ text: 'bao thang' }))).toEqual(['c']);
  });

  it('lists the planning periods the data uses', () => {
    expect(phasesOf(SITES)).toEqual(['2021-2025', '2026-2030']);
  });
});

describe('search', () => {
  it('ranks a name match above a site that only lies in a commune of that name', () => {
    const hits = searchSites(SITES, 'gia phu');
    expect(hits.map((h) => h.id)).toEqual(['d', 'c']);
    expect(hits.map((h) => h.matchedBy)).toEqual(['name', 'place']);
  });

  it('finds nothing for an empty query and respects the limit', () => {
    expect(searchSites(SITES, '   ')).toEqual([]);
    expect(searchSites(SITES, 'x', 1).length).toBeLessThanOrEqual(1);
  });

  it('finds Tằng Loỏng in the Lào Cai data from "tang loong", the park before the commune\'s other sites', () => {
    const sites = laoCai().data.sites.features;
    const hits = searchSites(sites, 'tang loong');
    expect(hits[0]?.id).toBe('lc-kcn-tang-loong');
    // Every other hit lies in (or was named after) the commune of Tằng Loỏng.
    for (const h of hits.slice(1)) {
      const p = sites.find((s) => s.properties.id === h.id)!.properties;
      expect(`${p.name.vi} ${p.commune} ${p.communeOld ?? ''}`).toMatch(/Tằng Loỏng/);
    }
  });

  it('tolerates a missing letter or a missing space: "tang long", "thongnhat", "tangloong"', () => {
    const sites = laoCai().data.sites.features;
    expect(searchSites(sites, 'tang long')[0]?.id).toBe('lc-kcn-tang-loong');
    expect(searchSites(sites, 'tangloong')[0]?.id).toBe('lc-kcn-tang-loong');
    const thongNhat = searchSites(sites, 'thongnhat').map((h) => h.id);
    expect(thongNhat).toContain('lc-ccn-thong-nhat');
    expect(thongNhat).toContain('lc-kcn-thong-nhat');
    // Two letters wrong is not a near-miss, and short queries get no tolerance at all.
    expect(searchSites(sites, 'tzng lzong')).toEqual([]);
    expect(searchSites(SITES, 'dam hog').map((h) => h.id)).toEqual(['b']);
    expect(searchSites(SITES, 'dxm')).toEqual([]);
  });

  it('measures the edit distance to the closest part of a name', () => {
    expect(nearSubstringDistance('tanglong', 'kcntangloong')).toBe(1);
    expect(nearSubstringDistance('thongnhat', 'ccnthongnhat1')).toBe(0);
    expect(nearSubstringDistance('abcde', 'xyz')).toBe(5);
  });
});
