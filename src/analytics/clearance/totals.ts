// Province and commune totals of the sites' figures. Rule 6: communes group by the site's `commune`
// field (2025 name).
import { freeze } from './model';
import type { ClearanceReport, ClearanceTotals, ClearanceWarning, SiteClearance } from './types';

export function zeroTotals(): ClearanceTotals {
  return {
    clearedHa: 0,
    inProgressHa: 0,
    notStartedHa: 0,
    remainingHa: 0,
    remainingUnknown: 0,
    overlapHa: 0,
    clippedAwayHa: 0,
    sites: 0,
    sample: false,
  };
}

export function addSite(t: ClearanceTotals, s: SiteClearance): void {
  t.clearedHa += s.clearedHa;
  t.inProgressHa += s.inProgressHa;
  t.notStartedHa += s.notStartedHa;
  if (s.remainingHa === null) t.remainingUnknown += 1;
  else t.remainingHa += s.remainingHa;
  t.overlapHa += s.overlapHa;
  t.clippedAwayHa += s.clippedAwayHa;
  t.sites += 1;
  t.sample ||= s.sample;
}

export function assemble(asOf: string, bySite: SiteClearance[], unknownWarnings: ClearanceWarning[]): ClearanceReport {
  const province = zeroTotals();
  const communes = new Map<string, ClearanceTotals>();
  for (const s of bySite) {
    if (s.method === 'none') continue;
    addSite(province, s);
    // Rule 6: a park straddling two communes is counted under its `commune` field only. Splitting
    // it by commune polygons would need commune boundaries, which the region data does not hold.
    let c = communes.get(s.commune);
    if (!c) communes.set(s.commune, (c = zeroTotals()));
    addSite(c, s);
  }
  const byCommune = [...communes]
    .sort(([a], [b]) => a.localeCompare(b, 'vi'))
    .map(([commune, totals]) => Object.freeze({ commune, totals: Object.freeze(totals) }));
  // Reports are memoised and shared between callers: frozen, so that no caller can change another's.
  return freeze({
    asOf,
    bySite,
    byCommune,
    province: Object.freeze(province),
    warnings: [...bySite.flatMap((s) => s.warnings), ...unknownWarnings],
  });
}
