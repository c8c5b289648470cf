// The statistics tab's groups, on the shipped data: every site counted once per chart, hectares only from
// declared areas, and a site without an occupancy figure in no band (never as 0%).
import { describe, expect, it } from 'vitest';
import { byKindAndStatus, byOccupancy, byPlace } from '../../../src/analytics/siteStats';
import { validateRegion } from '../../../src/domain/validate';
import { readRegionFiles } from '../../../scripts/regionFs';
import type { SiteProperties } from '../../../src/domain/schema';

const sitesOf = (id: string): SiteProperties[] => validateRegion(readRegionFiles(id)).data!.sites.features.map((f) => f.properties);

describe.each(['lao-cai', 'lang-son', 'binh-dinh'])('statistics of %s', (id) => {
  const sites = sitesOf(id);
  const declared = sites.filter((s) => s.declaredAreaHa !== undefined);

  it('by kind and status: each site in exactly one group, hectares the sum of the declared areas', () => {
    const groups = byKindAndStatus(sites);
    expect(groups.flatMap((g) => g.ids).sort()).toEqual(sites.map((s) => s.id).sort());
    for (const g of groups) {
      const [kind, status] = g.key.split(':');
      expect(g.ids.every((i) => sites.find((s) => s.id === i)!.kind === kind && sites.find((s) => s.id === i)!.status === status)).toBe(true);
      const withArea = declared.filter((s) => g.ids.includes(s.id));
      if (withArea.length === 0) expect(g.ha).toBeNull();
      else expect(g.ha).toBeCloseTo(withArea.reduce((a, s) => a + s.declaredAreaHa!, 0), 6);
      expect(g.noArea).toBe(g.count - withArea.length);
    }
  });

  it('by place: no site left out, even past the largest groups', () => {
    const { field, groups } = byPlace(sites, 5);
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(sites.length);
    expect(new Set(groups.flatMap((g) => g.ids)).size).toBe(sites.length);
    expect(field).toBe(sites.every((s) => s.district) ? 'district' : 'commune');
  });

  it('by occupancy: only the sites with a figure, each in its band', () => {
    const { groups, known } = byOccupancy(sites);
    const withOcc = sites.filter((s) => s.occupancyPct !== undefined);
    expect(known).toBe(withOcc.length);
    expect(groups.flatMap((g) => g.ids).sort()).toEqual(withOcc.map((s) => s.id).sort());
    for (const g of groups) {
      const [lo, hi] = g.key.split('-').map(Number) as [number, number];
      for (const i of g.ids) {
        const pct = sites.find((s) => s.id === i)!.occupancyPct!;
        expect(pct).toBeGreaterThanOrEqual(lo);
        if (hi < 100) expect(pct).toBeLessThan(hi);
      }
    }
  });
});
