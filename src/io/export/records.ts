// One flat record per site, shared by the three file exporters so that GeoJSON, CSV and KML carry
// the same fields and the same figures as the site table.
import type { Geometry } from 'geojson';
import type { PreparedRegion } from '../../domain/prepare';
import type { RegionReport, SiteRow } from '../../analytics/report';
import type { TargetResult } from '../../analytics/targets';
import type { Lang } from '../../i18n/format';
import { basisNote, QUALITY, STATUS, YES_NO, type ColumnKey, type FigureBasis } from './labels';
import { SKETCH_SOURCE_ID } from '../../domain/sketches';

export type Cell = string | number | null;
export type SiteRecord = Record<ColumnKey, Cell>;

/** Hectares and percentages to two decimals, the precision of Vietnamese planning tables. */
function round2(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return Math.round(x * 100) / 100;
}

/** What a site's clearance figures rest on: sample entries, parcels sketched in the app. */
export function clearanceBasis(row: SiteRow): FigureBasis {
  const c = row.clearance;
  return { sample: c?.sample ?? false, sketch: c?.sourceDocs.includes(SKETCH_SOURCE_ID) ?? false };
}

/** What a target's figure rests on: its sample flag, and a sketched parcel among the sites of a land target. */
export function targetBasis(r: TargetResult, report: RegionReport): FigureBasis {
  const land = r.target.metric === 'clearedHa';
  const sketch = land && report.sites.some((s) => r.siteIds.includes(s.id) && clearanceBasis(s).sketch);
  return { sample: r.sample, sketch };
}

export function siteRecord(row: SiteRow, lang: Lang): SiteRecord {
  const c = row.clearance;
  const hasClearance = c !== null && c.method !== 'none';
  return {
    id: row.id,
    kind: row.kind.toUpperCase(),
    name: row.name[lang],
    status: STATUS[lang][row.status],
    commune: row.commune,
    quality: QUALITY[lang][row.quality],
    declaredHa: round2(row.declaredHa),
    ellipsoidalHa: round2(row.areas?.ellipsoidalHa),
    vn2000Ha: round2(row.areas?.vn2000Ha),
    turfHa: round2(row.areas?.turfHa),
    diffPct: round2(row.diffPct),
    clearedHa: hasClearance ? round2(c.clearedHa) : null,
    inProgressHa: hasClearance ? round2(c.inProgressHa) : null,
    remainingHa: hasClearance ? round2(c.remainingHa) : null,
    clearanceAsOf: hasClearance ? c.dataAsOf : null,
    clearanceBasis: hasClearance ? basisNote(clearanceBasis(row), lang) : null,
    occupancyPct: round2(row.occupancyPct),
    leasedHa: round2(row.leasedHa),
    availableHa: round2(row.availableHa),
    availableComputed: row.availableHa !== null ? YES_NO[lang][row.availableComputed ? 0 : 1] : null,
    enterprises: row.enterprises,
    investorAsOf: row.investorAsOf,
  };
}

/**
 * What each site is drawn as: its outline (surveyed or provisional, or the indicative footprint the map
 * draws from the declared area), else its point. Sites the sources name but nobody located are left out.
 */
export function siteGeometries(region: PreparedRegion): Map<string, Geometry> {
  const out = new Map<string, Geometry>();
  for (const f of region.siteOutlines.features) out.set(f.properties.id, f.geometry);
  for (const f of region.data.sites.features) {
    if (out.has(f.properties.id) || !f.geometry) continue;
    out.set(f.properties.id, f.geometry);
  }
  return out;
}

/** Report rows in the data's order, with the geometry each is drawn as (null when unlocated). */
export function rowsWithGeometry(region: PreparedRegion, report: RegionReport): { row: SiteRow; geometry: Geometry | null }[] {
  const geoms = siteGeometries(region);
  return report.sites.map((row) => ({ row, geometry: geoms.get(row.id) ?? null }));
}
