// The public types of the clearance totals (see ./index.ts for the rules they follow).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryQuality } from '../../domain/schema';
import type { RegionData } from '../../domain/types';
import type { ValidityProblemKind } from '../../geo/polygonValidity';

export type ClearanceMethod = 'parcels' | 'record' | 'none';

/** Why a parcel's geometry could not be used (it is then left out of every total): the verdict of
 *  src/geo/polygonValidity.ts, the checker import and the area report use too. */
export type InvalidGeometryReason = Exclude<ValidityProblemKind, 'unclosed'>;

export type ClearanceWarning =
  /** more land reported/drawn cleared than the site has, e.g. CCN Thống Nhất 1: 74.97 ha cleared of 74.95 ha */
  | { kind: 'cleared-exceeds-area'; siteId: string; clearedHa: number; siteAreaHa: number }
  /** cleared + in progress exceeds the site's area: `remainingHa` is shown as 0 */
  | { kind: 'claimed-exceeds-area'; siteId: string; clearedHa: number; inProgressHa: number; siteAreaHa: number }
  /** a parcel's geometry is broken: left out of the totals */
  | {
      kind: 'invalid-geometry';
      siteId: string;
      entryId: string;
      asOf: string;
      reason: InvalidGeometryReason;
      /** where, when known (e.g. the crossing point of a bow-tie) */
      at?: [number, number];
    }
  /** a parcel does not reach into its (surveyed/provisional) site outline at all: counted 0 */
  | { kind: 'outside-site'; siteId: string; entryId: string; asOf: string; areaHa: number }
  /** the site's outline is a boundary (surveyed/provisional) but none was given: parcels not clipped */
  | { kind: 'no-outline'; siteId: string }
  /** the site's outline is broken: parcels not clipped */
  | { kind: 'invalid-outline'; siteId: string; reason: InvalidGeometryReason }
  /** Turf failed on these parcels although each looked valid: they are left out */
  | { kind: 'geometry-error'; siteId: string; entryIds: string[]; message: string }
  /** the site has parcels as of the date, so these records were not used (rule 2) */
  | { kind: 'records-superseded'; siteId: string; recordIds: string[] }
  /** several records of the site carry the same latest date: `used` was taken, the others ignored */
  | { kind: 'records-same-date'; siteId: string; recordIds: string[]; used: string; asOf: string }
  /** the same id and date appear twice: the later one in the file was used */
  | { kind: 'duplicate-entry'; siteId: string; entryId: string; asOf: string }
  /** entries name a site that is not in the region: left out */
  | { kind: 'unknown-site'; siteId: string; entryIds: string[] };

export interface SiteClearance {
  siteId: string;
  /** the site's `commune` (2025 name), the key of the commune totals */
  commune: string;
  /** parcels when any parcel of the site is known as of the date, else the latest record, else none */
  method: ClearanceMethod;
  /** date of the newest entry used, null when none */
  dataAsOf: string | null;
  /** parcels: dissolved (overlaps counted once), clipped when `clipped`; records: as reported */
  clearedHa: number;
  inProgressHa: number;
  /** records carry no such figure: 0 for them */
  notStartedHa: number;
  /** site area − cleared − in progress (≥ 0), or the record's own `remainingHa`; null when unknown */
  remainingHa: number | null;
  /** declared area, else the area of the drawn outline, else null */
  siteAreaHa: number | null;
  /** parcel area outside the site outline that clipping removed (0 when not clipped) */
  clippedAwayHa: number;
  /** area drawn more than once (or under a more advanced status) that dissolving removed */
  overlapHa: number;
  /** parcels were clipped to the outline; false for indicative outlines, records and no data */
  clipped: boolean;
  /** quality of the site's outline, null when the site has no outline */
  outlineQuality: GeometryQuality | null;
  /** any sample (illustrative) entry used */
  sample: boolean;
  /** doc ids (region.json › sources) of the entries used, each once */
  sourceDocs: string[];
  /** ids of the entries used */
  entryIds: string[];
  warnings: ClearanceWarning[];
}

export interface ClearanceTotals {
  clearedHa: number;
  inProgressHa: number;
  notStartedHa: number;
  /** sum over the sites whose remaining land is known */
  remainingHa: number;
  /** sites with clearance data whose remaining land is unknown (no site area, no reported figure) */
  remainingUnknown: number;
  overlapHa: number;
  clippedAwayHa: number;
  /** sites with clearance data as of the date (method ≠ 'none') */
  sites: number;
  /** any sample entry behind these figures */
  sample: boolean;
}

export interface ClearanceReport {
  asOf: string;
  /** every site of the region, in file order (method 'none' for sites without data) */
  bySite: SiteClearance[];
  /** communes with at least one site with data, sorted by name */
  byCommune: { commune: string; totals: ClearanceTotals }[];
  province: ClearanceTotals;
  /** all warnings: those of the sites, plus entries naming unknown sites */
  warnings: ClearanceWarning[];
}

/** One point of a burn-up chart: the province totals as of `date` (cumulative by construction). */
export interface ClearancePoint extends ClearanceTotals {
  date: string;
}

/**
 * Site outlines as the app holds them: `PreparedRegion.siteOutlines` (features with `properties.id`),
 * a Map or a plain object from site id to geometry.
 */
export type SiteOutlines =
  | ReadonlyMap<string, Polygon | MultiPolygon>
  | Readonly<Record<string, Polygon | MultiPolygon | undefined>>
  | FeatureCollection<Polygon | MultiPolygon, { id: string }>;

export interface ClearanceOptions {
  /**
   * 'components' (default): only parcels that may overlap are dissolved, by inclusion–exclusion or
   * by Turf (see the file header).
   * 'union-all': every site with two or more parcels is dissolved by Turf as a whole. Much slower;
   * the reference the default is tested against.
   */
  dissolve?: 'components' | 'union-all';
}

export type ClearanceData = Pick<RegionData, 'sites' | 'clearance'>;

export interface ClearanceIndex {
  /** distinct `asOf` dates of the entries of known sites, ascending */
  dates: string[];
  at(asOf: string): ClearanceReport;
  series(dates?: readonly string[]): ClearancePoint[];
}
