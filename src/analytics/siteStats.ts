// The province at a glance (the "Thống kê" tab): sites counted and declared hectares added up by kind and
// status, by commune (or former district), by occupancy band. Each group keeps the ids it counts, so a bar
// filters the map and the list to exactly those sites. A site with no declared area adds nothing to the
// hectares and is counted apart; a site with no occupancy is in no band — never taken as 0.
import type { SiteProperties, SiteStatus } from '../domain/schema';

export interface StatGroup {
  key: string;
  ids: string[];
  count: number;
  /** declared hectares of the sites that have a declared area; null when none of them has one */
  ha: number | null;
  /** sites of the group with no declared area in the sources */
  noArea: number;
}

const STATUS_ORDER: SiteStatus[] = ['operating', 'established', 'under-construction', 'planned', 'proposed', 'relocating', 'withdrawn', 'unstated'];

function group(key: string, sites: readonly SiteProperties[]): StatGroup {
  const withArea = sites.filter((s) => s.declaredAreaHa !== undefined);
  return {
    key,
    ids: sites.map((s) => s.id),
    count: sites.length,
    ha: withArea.length ? withArea.reduce((a, s) => a + s.declaredAreaHa!, 0) : null,
    noArea: sites.length - withArea.length,
  };
}

/** `kcn:operating`, `ccn:planned`…: kinds first (parks, then clusters), statuses in the legend's order. */
export function byKindAndStatus(sites: readonly SiteProperties[]): StatGroup[] {
  const out: StatGroup[] = [];
  for (const kind of ['kcn', 'ccn'] as const)
    for (const status of STATUS_ORDER) {
      const part = sites.filter((s) => s.kind === kind && s.status === status);
      if (part.length) out.push(group(`${kind}:${status}`, part));
    }
  return out;
}

/**
 * By the place the documents use: the former district where the data gives one for every site (Lạng Sơn's
 * plan is by district), else the 2025 commune. Largest first; past `top` groups the rest share one group
 * keyed `…` so that no site is left out of the chart.
 */
export function byPlace(sites: readonly SiteProperties[], top = 12): { field: 'district' | 'commune'; groups: StatGroup[] } {
  const field = sites.length > 0 && sites.every((s) => s.district) ? 'district' : 'commune';
  const buckets = new Map<string, SiteProperties[]>();
  for (const s of sites) {
    const k = (field === 'district' ? s.district : s.commune) ?? '';
    buckets.set(k, [...(buckets.get(k) ?? []), s]);
  }
  const groups = [...buckets].map(([k, v]) => group(k, v)).sort((a, b) => b.count - a.count || (b.ha ?? 0) - (a.ha ?? 0) || a.key.localeCompare(b.key, 'vi'));
  if (groups.length <= top + 1) return { field, groups };
  const rest = groups.slice(top);
  const restSites = sites.filter((s) => rest.some((g) => g.ids.includes(s.id)));
  return { field, groups: [...groups.slice(0, top), { ...group('…', restSites), key: `…${rest.length}` }] };
}

export const OCCUPANCY_BANDS: readonly [number, number][] = [
  [0, 25],
  [25, 50],
  [50, 75],
  [75, 100],
];

/** Sites by occupancy band (the last band includes 100% and anything above); `known` counts sites with a figure. */
export function byOccupancy(sites: readonly SiteProperties[]): { groups: StatGroup[]; known: number } {
  const known = sites.filter((s) => s.occupancyPct !== undefined);
  const groups = OCCUPANCY_BANDS.map(([lo, hi], i) =>
    group(
      `${lo}-${hi}`,
      known.filter((s) => s.occupancyPct! >= lo && (i === OCCUPANCY_BANDS.length - 1 || s.occupancyPct! < hi)),
    ),
  );
  return { groups, known: known.length };
}
