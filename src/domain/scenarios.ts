// What each side of a comparison shows. A scenario is a selection of the region's sites (as they are
// now, in the plan, after the relocations) or the polygons of a planner's file (a plan revision, a
// survey). Either way it becomes a list of footprints keyed by site, so two scenarios can be diffed
// site by site (src/analytics/planDiff.ts).
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { PreparedRegion } from './prepare';
import { suggestLinks, type LinkableLayer, type SiteLink } from './siteLinks';

export { BUILT_IN_SCENARIOS, importScenario, isScenarioId, scenarioLayerId, type BuiltInScenario, type ScenarioId } from './scenarioIds';
import { scenarioLayerId, type BuiltInScenario, type ScenarioId, type ScenarioView } from './scenarioIds';

/** One piece of land a scenario holds, under the key the diff matches it by. */
export interface Footprint {
  /** the site id, or `file:<layer>:<index>` for a polygon of a file that is none of the sites */
  key: string;
  siteId: string | null;
  /** the site's kind; null for a polygon that is none of the sites */
  kind: 'kcn' | 'ccn' | null;
  name: { vi: string; en: string };
  /** null: the site is in the scenario but has no outline (unlocated, or a point with no declared area) */
  geometry: Polygon | MultiPolygon | null;
  /** the outline is a footprint made from a declared area, or a sketch: not a surveyed boundary */
  indicative: boolean;
}

/**
 * The sites a built-in scenario keeps.
 * - existing: operating, established, under construction, or relocating (still there today);
 * - plan: every site of the plan that is not withdrawn, existing or planned;
 * - after-relocation: the plan without the sites that move away (status "relocating"); their
 *   destinations stay. A relocation's origin alone does not say the site goes: Tằng Loỏng's relocation
 *   moves households out of the park, and the park stays.
 */
export function builtInSiteIds(region: PreparedRegion, scenario: BuiltInScenario): string[] {
  const sites = region.data.sites.features.map((f) => f.properties);
  if (scenario === 'existing') return sites.filter((p) => ['operating', 'established', 'under-construction', 'relocating'].includes(p.status)).map((p) => p.id);
  const plan = sites.filter((p) => p.status !== 'withdrawn');
  if (scenario === 'plan') return plan.map((p) => p.id);
  return plan.filter((p) => p.status !== 'relocating').map((p) => p.id);
}

function isArea(g: Geometry | null | undefined): g is Polygon | MultiPolygon {
  return g?.type === 'Polygon' || g?.type === 'MultiPolygon';
}

/**
 * The footprints of a scenario; null when it names an imported layer this browser does not have
 * (a shared link opened elsewhere). An imported polygon belongs to the site it is linked to, else the
 * site its name and position suggest, else to itself.
 */
export function scenarioFootprints(
  region: PreparedRegion,
  scenario: ScenarioId,
  layers: readonly LinkableLayer[],
  links: readonly SiteLink[],
): Footprint[] | null {
  const layerId = scenarioLayerId(scenario);
  if (layerId === null) {
    const keep = new Set(builtInSiteIds(region, scenario as BuiltInScenario));
    const outlines = new Map(region.siteOutlines.features.map((f) => [f.properties.id, f]));
    return region.data.sites.features
      // Unlocated sites stay in: the diff lists them as unmeasured rather than letting them vanish.
      .filter((f) => keep.has(f.properties.id))
      .map((f) => {
        const o = outlines.get(f.properties.id);
        return {
          key: f.properties.id,
          siteId: f.properties.id,
          kind: f.properties.kind,
          name: f.properties.name,
          geometry: o?.geometry ?? null,
          indicative: o ? o.properties.quality !== 'surveyed' : false,
        };
      });
  }
  const layer = layers.find((l) => l.id === layerId);
  if (!layer) return null;
  const sites = new Map(region.data.sites.features.map((f) => [f.properties.id, f.properties]));
  const chosen = new Map<number, string | null>();
  for (const l of links) if (l.layerId === layerId) chosen.set(l.featureIndex, l.siteId);
  const suggested = new Map(suggestLinks(region, layer.features.features).map((s) => [s.featureIndex, s.siteId]));
  const out: Footprint[] = [];
  for (const f of layer.features.features) {
    if (!isArea(f.geometry)) continue;
    const i = f.properties.index;
    // A choice the planner made (including "none of the sites") wins over a suggestion.
    const siteId = chosen.has(i) ? chosen.get(i)! : (suggested.get(i) ?? null);
    const site = siteId ? sites.get(siteId) : undefined;
    const fallback = f.properties.name?.trim() || `${layer.name} #${i + 1}`;
    out.push({
      key: site ? site.id : `file:${layerId}:${i}`,
      siteId: site ? site.id : null,
      kind: site ? site.kind : null,
      name: site ? site.name : { vi: fallback, en: fallback },
      geometry: f.geometry,
      indicative: false,
    });
  }
  return out;
}

export function scenarioView(region: PreparedRegion, scenario: ScenarioId): ScenarioView {
  const layerId = scenarioLayerId(scenario);
  // A file's side shows the file alone: the comparison is between what each side holds.
  if (layerId !== null) return { siteIds: [], importIds: [layerId] };
  return { siteIds: builtInSiteIds(region, scenario as BuiltInScenario), importIds: [] };
}
