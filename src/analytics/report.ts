// The region's report as of a date: targets, the per-site table (declared vs computed areas,
// clearance), commune and province totals, the capital check. One implementation serves the
// targets panel, the site table, the Web Worker and `npm run report`.
import type { MultiPolygon, Polygon } from 'geojson';
import type { PreparedRegion } from '../domain/prepare';
import type { SiteStatus } from '../domain/schema';
import { stageOf, type Stage } from '../domain/siteClass';
import { availableLand, investorFiguresAsOf } from '../domain/investorFigures';
import { threeAreas, type CheckedAreas } from './area';
import { clearanceIndex, type ClearanceTotals, type SiteClearance } from './clearance';
import { replayFrames, type ReplayFrame } from './clearance/timeline';
import { checkCapital, evaluateTargets, type CapitalCheck, type TargetResult } from './targets';
import { checkTables, type TableCheck } from './documentTables';
import { timed } from './stepTimes';

import { AREA_DIFF_FLAG_PCT } from './thresholds';

export interface SiteRow {
  id: string;
  kind: 'kcn' | 'ccn';
  name: { vi: string; en: string };
  status: SiteStatus;
  stage: Stage;
  commune: string;
  quality: 'surveyed' | 'provisional' | 'indicative';
  declaredHa: number | null;
  /** areas of the drawn outline, three ways, with the geometry check; null without an outline */
  areas: CheckedAreas | null;
  /** (ellipsoidal − declared) / declared in %, null when either is missing */
  diffPct: number | null;
  flagged: boolean;
  clearance: SiteClearance | null;
  /** investor figures (null where no source gives them; never 0 for unknown) */
  occupancyPct: number | null;
  leasedHa: number | null;
  availableHa: number | null;
  /** availableHa derived from leased ÷ occupancy rather than given by a source */
  availableComputed: boolean;
  enterprises: number | null;
  /** the date of the source behind the investor figures */
  investorAsOf: string | null;
}

export interface RegionReport {
  regionId: string;
  asOf: string;
  zone: number;
  targets: TargetResult[];
  sites: SiteRow[];
  communes: { commune: string; totals: ClearanceTotals }[];
  province: ClearanceTotals;
  capital: CapitalCheck;
  /** the documents' tables re-added from the site rows */
  tables: TableCheck[];
  /** any sample clearance figure in the totals */
  sample: boolean;
  /** the clearance figures at each date the data changes, for the date slider */
  frames: ReplayFrame[];
}

/** What a report reads of a prepared region (all a worker is sent). */
export type ReportInput = Pick<PreparedRegion, 'data' | 'siteOutlines'>;

function outlinesOf(region: ReportInput): Map<string, Polygon | MultiPolygon> {
  return new Map(region.siteOutlines.features.map((f) => [f.properties.id, f.geometry]));
}

export function buildReport(region: ReportInput, asOf: string): RegionReport {
  const data = region.data;
  const zone = data.region.vn2000Zone;
  const outlines = outlinesOf(region);
  // One index per prepared region: parcels parsed once, each date's totals computed once.
  const index = clearanceIndex(data, region.siteOutlines);
  const now = index.at(asOf);
  const at = (d: string) => {
    const r = index.at(d);
    return {
      clearedHa: r.province.clearedHa,
      inProgressHa: r.province.inProgressHa,
      remainingHa: r.province.remainingHa,
      sample: r.province.sample,
      siteIds: r.bySite.filter((x) => x.method !== 'none').map((x) => x.siteId),
    };
  };
  const targets = timed('targets', () => evaluateTargets(data, { asOf, clearanceAt: at, clearanceDates: index.dates }));
  const bySite = new Map(now.bySite.map((s) => [s.siteId, s]));

  const sites: SiteRow[] = data.sites.features.map((f) => {
    const p = f.properties;
    const outline = outlines.get(p.id);
    const areas = outline ? timed('site areas, three methods', () => threeAreas(outline, zone)) : null;
    const declared = p.declaredAreaHa ?? null;
    const avail = availableLand(p);
    const diffPct = areas?.reliable && declared ? (100 * (areas.ellipsoidalHa - declared)) / declared : null;
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      status: p.status,
      stage: stageOf(p.status),
      commune: p.commune,
      quality: p.geometryQuality,
      declaredHa: declared,
      areas,
      diffPct,
      flagged: diffPct !== null && Math.abs(diffPct) > AREA_DIFF_FLAG_PCT,
      clearance: bySite.get(p.id) ?? null,
      occupancyPct: p.occupancyPct ?? null,
      leasedHa: p.leasedHa ?? null,
      availableHa: avail?.ha ?? null,
      availableComputed: avail?.computed ?? false,
      enterprises: p.enterprises ?? null,
      investorAsOf: investorFiguresAsOf(p, data.region.sources),
    };
  });

  return {
    regionId: data.region.id,
    asOf,
    zone,
    targets,
    sites,
    communes: now.byCommune,
    province: now.province,
    capital: checkCapital(data),
    tables: checkTables(data),
    sample: now.province.sample,
    frames: timed('replay frames', () => replayFrames(index)),
  };
}
