// Scenarios of the Lào Cai data and the diff between them. Expected counts and hectares were worked
// out from data/regions/lao-cai/sites.geojson by hand (a Python one-liner over the statuses):
// 77 sites — 13 operating, 3 established, 8 under construction, 4 relocating, 38 planned, 2 proposed,
// 8 whose status no source states, 1 withdrawn (the 54 clusters of the Dept. of Industry and Trade portal merged in).
import { describe, expect, it } from 'vitest';
import type { Geometry, Polygon } from 'geojson';
import { builtInSiteIds, importScenario, isScenarioId, scenarioFootprints, scenarioLayerId } from '../../../src/domain/scenarios';
import { planDiff } from '../../../src/analytics/planDiff';
import type { LinkableLayer } from '../../../src/domain/siteLinks';
import { laoCai } from '../../fixtures/laoCai';

const region = laoCai();
const RELOCATING = ['lc-kcn-dong-pho-moi', 'lc-ccn-dong-pho-moi', 'lc-ccn-son-man', 'lc-ccn-dam-hong'];
// Declared areas of the relocating sites (portal: CCN Đông Phố Mới 3,5 ha, CCN Sơn Mãn 7,5 ha, CCN Đầm
// Hồng 16 ha); their outlines are footprints of exactly these areas. KCN Đông Phố Mới has no sourced area.
const RELOCATING_HA = 3.5 + 7.5 + 16;

function rect(w: number, s: number, e: number, n: number): Polygon {
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
const feature = (index: number, name: string | null, geometry: Geometry) => ({ type: 'Feature' as const, properties: { index, name }, geometry });

describe('built-in scenarios', () => {
  it('existing keeps the 28 sites there today, relocating ones included', () => {
    const ids = builtInSiteIds(region, 'existing');
    expect(ids).toHaveLength(28);
    expect(ids).toEqual(expect.arrayContaining([...RELOCATING, 'lc-kcn-tang-loong']));
    expect(ids).not.toContain('lc-kcn-ban-qua');
  });

  it('the plan keeps every site but the withdrawn one', () => {
    const ids = builtInSiteIds(region, 'plan');
    expect(ids).toHaveLength(76);
    expect(ids).not.toContain('lc-ccn-ban-phung');
  });

  it('after relocation drops the four relocating sites and keeps Tằng Loỏng, whose relocation moves households only', () => {
    const ids = builtInSiteIds(region, 'after-relocation');
    expect(ids).toHaveLength(72);
    for (const id of RELOCATING) expect(ids).not.toContain(id);
    expect(ids).toContain('lc-kcn-tang-loong');
    expect(ids).toContain('lc-kcn-ban-qua');
  });

  it('plan → after relocation removes the relocating sites’ declared 27 ha and adds nothing; KCN Đông Phố Mới, with no area, is listed as unmeasured', () => {
    const plan = scenarioFootprints(region, 'plan', [], [])!;
    const after = scenarioFootprints(region, 'after-relocation', [], [])!;
    const d = planDiff(plan, after);
    expect(d.rows.map((r) => r.key).sort()).toEqual([...RELOCATING].sort());
    expect(d.rows.every((r) => r.change === 'removed')).toBe(true);
    expect(d.rows.filter((r) => r.unmeasured).map((r) => r.key)).toEqual(['lc-kcn-dong-pho-moi']);
    expect(d.rows.filter((r) => !r.unmeasured).every((r) => r.indicative)).toBe(true);
    expect(d.totals.addedHa).toBe(0);
    expect(d.totals.removedHa).toBeCloseTo(RELOCATING_HA, 1);
  });

  it('existing → plan lists the new sites; those with no outline are listed as unmeasured, not dropped', () => {
    const d = planDiff(scenarioFootprints(region, 'existing', [], [])!, scenarioFootprints(region, 'plan', [], [])!);
    expect(d.unchanged).toBe(28);
    expect(d.rows).toHaveLength(76 - 28);
    expect(d.rows.every((r) => r.change === 'added')).toBe(true);
    expect(d.totals.removedHa).toBe(0);
    const unmeasured = d.rows.filter((r) => r.unmeasured);
    // Of the 48 sites not there today, 15 are points without a declared area and 11 are unlocated.
    expect(unmeasured).toHaveLength(26);
    expect(unmeasured.every((r) => r.addedHa === 0)).toBe(true);
  });
});

describe('a scenario from an imported file', () => {
  // A revision that redraws Tằng Loỏng as a 0.04° × 0.025° rectangle around its point and adds an unnamed polygon.
  const layer: LinkableLayer = {
    id: 'rev',
    name: 'Điều chỉnh quy hoạch',
    fileName: 'dieu-chinh.kml',
    features: {
      type: 'FeatureCollection',
      features: [feature(0, 'KCN Tằng Loỏng', rect(104.1243, 22.2825, 104.1643, 22.3075)), feature(1, null, rect(104.5, 22.0, 104.51, 22.01)), feature(2, 'Điểm', { type: 'Point', coordinates: [104, 22] })],
    },
  };

  it('keys polygons by the site their name suggests, and the rest by themselves; points are left out', () => {
    const fps = scenarioFootprints(region, importScenario('rev'), [layer], [])!;
    expect(fps.map((f) => [f.key, f.siteId])).toEqual([
      ['lc-kcn-tang-loong', 'lc-kcn-tang-loong'],
      ['file:rev:1', null],
    ]);
    expect(fps[1]!.name.vi).toBe('Điều chỉnh quy hoạch #2');
  });

  it('a planner’s "none of the sites" wins over the name', () => {
    const fps = scenarioFootprints(region, importScenario('rev'), [layer], [{ layerId: 'rev', featureIndex: 0, siteId: null, manual: true }])!;
    expect(fps[0]!.siteId).toBeNull();
    expect(fps[0]!.name.vi).toBe('KCN Tằng Loỏng');
  });

  it('diffs against the plan: Tằng Loỏng changes shape, the rest of the plan is removed', () => {
    const d = planDiff(scenarioFootprints(region, 'existing', [], [])!, scenarioFootprints(region, importScenario('rev'), [layer], [])!);
    const tl = d.rows.find((r) => r.key === 'lc-kcn-tang-loong')!;
    expect(tl.change).toBe('changed');
    // Rectangle ≈ 1,144 ha (sphere formula, see siteLinks.test.ts) against a 1,100 ha footprint: net ≈ +44 ha.
    expect(tl.rightHa! - tl.leftHa!).toBeGreaterThan(40);
    expect(tl.rightHa! - tl.leftHa!).toBeLessThan(47);
    expect(tl.indicative).toBe(true);
  });

  it('is null when the layer is not in this browser', () => {
    expect(scenarioFootprints(region, importScenario('gone'), [layer], [])).toBeNull();
  });

  it('names and parses scenario ids', () => {
    expect(scenarioLayerId(importScenario('abc'))).toBe('abc');
    expect(scenarioLayerId('plan')).toBeNull();
    expect(isScenarioId('after-relocation')).toBe(true);
    expect(isScenarioId('import:')).toBe(false);
    expect(isScenarioId('tomorrow')).toBe(false);
  });
});
