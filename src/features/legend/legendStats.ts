// Counts and declared-area totals per legend group, computed once per region (pure).
import type { PreparedRegion } from '../../domain/prepare';
import { groupOf, type SiteGroup } from '../../domain/siteClass';

export interface GroupStats {
  count: number;
  /** sum of declared areas of the group's sites that declare one */
  declaredHa: number;
  /** sites of the group with no declared area (not in the sum) */
  withoutArea: number;
  /** sites of the group whose status no source states (drawn white with a grey edge) */
  unstated: number;
}

const cache = new WeakMap<PreparedRegion, Record<SiteGroup, GroupStats>>();

export function groupStats(region: PreparedRegion): Record<SiteGroup, GroupStats> {
  const hit = cache.get(region);
  if (hit) return hit;
  const empty = (): GroupStats => ({ count: 0, declaredHa: 0, withoutArea: 0, unstated: 0 });
  const out: Record<SiteGroup, GroupStats> = {
    'kcn-existing': empty(),
    'kcn-planned': empty(),
    'ccn-existing': empty(),
    'ccn-planned': empty(),
  };
  for (const f of region.data.sites.features) {
    const g = out[groupOf(f.properties)];
    g.count += 1;
    if (f.properties.status === 'unstated') g.unstated += 1;
    if (f.properties.declaredAreaHa === undefined) g.withoutArea += 1;
    else g.declaredHa += f.properties.declaredAreaHa;
  }
  cache.set(region, out);
  return out;
}
