// Cleared land (giải phóng mặt bằng → mặt bằng sạch) as of a date: per site, per commune and for the
// province. One implementation serves the targets panel, the site table, the Web Worker and the CLI
// report. Pure: takes validated region data and site outlines, returns new values, never mutates its
// input (inputs are treated as immutable, which is what lets results be memoised, see `clearanceIndex`).
//
// The rules (DESIGN.md › "Areas: three methods, one headline"; each is repeated where it is applied):
//  1. History: an entry id may appear at several `asOf` dates; as of D the entry with the latest
//     `asOf` ≤ D counts, later ones are ignored.
//  2. One method per site: the parcels as of D when there are any, else the latest record, else none.
//     Parcels and a record of the same site are never added (that would count the same land twice).
//  3. Parcels are dissolved: overlapping parcels count once, and where statuses overlap the more
//     advanced one wins (cleared > in progress > not started). What dissolving removed is `overlapHa`.
//  4. Parcels are clipped to the site outline only when it is a boundary (`surveyed`/`provisional`);
//     an indicative footprint is a circle of the declared area, and clipping to it would throw away
//     real land. `clippedAwayHa` is what clipping removed.
//  5. Areas are WGS84 ellipsoidal (`geodesicAreaHa`), the headline method.
//  6. Commune totals group by the site's `commune` field (2025 name).
//  7. Problems are warnings, never exceptions: a broken parcel is left out and named.
//
// Accounting identity, per site (parcels method): Σ area of the valid parcels used
//   = clearedHa + inProgressHa + notStartedHa + overlapHa + clippedAwayHa (+ parcels Turf failed on, warned).
//
// Speed. Turf's union/intersect/difference (polyclip-ts: robust, but ~0.5 ms per small parcel) run
// only where geometry is really needed:
//  - parcels whose boxes overlap are put through a cheap test ("Do two parcels overlap?") that
//    answers "disjoint" only when it is certain; parcels that tile (sharing edges and corners
//    exactly, as cadastral parcels do) pass it;
//  - a parcel that overlaps nothing is summed as it is;
//  - a group of overlapping parcels (a component of the "may overlap" graph) is measured by
//    inclusion–exclusion of their intersections ("Inclusion–exclusion…" below), unless it holds holes
//    or multi-part parcels, crosses the outline it must be clipped to, or is stacked too deep: then
//    Turf dissolves it, in batches (a tree of unions, never one giant union over the province).
// 20,000 parcels take about 0.4–1 s on one core (see the test's timing print); the all-Turf reference
// (`dissolve: 'union-all'`, kept for tests) is 5–30 times slower.
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { difference, feature, featureCollection, intersect, union } from '@turf/turf';
import { geodesicAreaHa } from './geodesic';
import type { ClearanceProperties, ClearanceStatus, GeometryQuality, SiteProperties } from '../domain/schema';
import type { RegionData } from '../domain/types';

// ---------------------------------------------------------------------------------------------
// Public types

export type ClearanceMethod = 'parcels' | 'record' | 'none';

/** Why a parcel's geometry could not be used (it is then left out of every total). */
export type InvalidGeometryReason =
  /** not a Polygon/MultiPolygon */
  | 'not-polygon'
  /** a position is not [lon, lat] in range (VN-2000 plane coordinates not converted?) */
  | 'not-lonlat'
  /** a ring with fewer than 3 distinct corners */
  | 'too-few-points'
  /** a ring with no area (all corners on one line) */
  | 'zero-area'
  /** two edges of one ring cross (a "bow-tie": two corners swapped) */
  | 'self-intersection'
  /** a hole crosses its outer ring */
  | 'ring-crossing'
  /** a hole lies outside its outer ring */
  | 'hole-outside';

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

// ---------------------------------------------------------------------------------------------
// Entry points

/** Cleared-land figures as of `asOf` (YYYY-MM-DD). */
export function clearanceAsOf(
  data: ClearanceData,
  outlines: SiteOutlines,
  asOf: string,
  options: ClearanceOptions = {},
): ClearanceReport {
  return clearanceIndex(data, outlines, options).at(asOf);
}

/**
 * Province totals at each distinct `asOf` date of the data (or at `dates`), ascending: a burn-up
 * chart. Each point is "as of" its date, so it is cumulative and never double counts history.
 */
export function clearanceSeries(
  data: ClearanceData,
  outlines: SiteOutlines,
  dates?: readonly string[],
  options: ClearanceOptions = {},
): ClearancePoint[] {
  return clearanceIndex(data, outlines, options).series(dates);
}

// Memo: one index per (clearance collection, sites collection, outlines, strategy) identity, so the
// report asking `clearanceAsOf` for a dozen dates parses the parcels once and dissolves each site
// once per distinct set of entries. Weak keys: nothing is kept once the region is dropped.
const indexCache = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, ClearanceIndex>>>>();

/** A reusable index over the data: parse once, ask for many dates (a date slider, a series). */
export function clearanceIndex(
  data: ClearanceData,
  outlines: SiteOutlines,
  options: ClearanceOptions = {},
): ClearanceIndex {
  const strategy = options.dissolve ?? 'components';
  let bySites = indexCache.get(data.clearance);
  if (!bySites) indexCache.set(data.clearance, (bySites = new WeakMap()));
  let byOutlines = bySites.get(data.sites);
  if (!byOutlines) bySites.set(data.sites, (byOutlines = new WeakMap()));
  let byStrategy = byOutlines.get(outlines);
  if (!byStrategy) byOutlines.set(outlines, (byStrategy = new Map()));
  let index = byStrategy.get(strategy);
  if (!index) byStrategy.set(strategy, (index = buildIndex(data, outlines, strategy)));
  return index;
}

// ---------------------------------------------------------------------------------------------
// The index

interface Entry {
  props: ClearanceProperties;
  geometry: Geometry | null;
  /** position in the file: breaks ties between duplicates (the later one wins) */
  order: number;
  duplicated: boolean;
  /** parsed parcel geometry, on first use */
  shape?: ShapeResult;
}

interface SiteInfo {
  props: SiteProperties;
  outline: Polygon | MultiPolygon | null;
  /** parsed outline, on first use */
  outlineShape?: ShapeResult;
  outlineIndex?: SegmentGrid;
  outlineAreaHa?: number;
  /** per signature of the entries used */
  memo: Map<string, SiteClearance>;
  /** entry ids of this site, each with its history ascending by date */
  histories: Entry[][];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function outlineMap(outlines: SiteOutlines): Map<string, Polygon | MultiPolygon> {
  if (outlines instanceof Map) return new Map(outlines);
  const o = outlines as { type?: unknown; features?: unknown };
  if (o.type === 'FeatureCollection' && Array.isArray(o.features)) {
    const fc = outlines as FeatureCollection<Polygon | MultiPolygon, { id: string }>;
    return new Map(fc.features.filter((f) => f.geometry).map((f) => [f.properties.id, f.geometry]));
  }
  const m = new Map<string, Polygon | MultiPolygon>();
  for (const [k, v] of Object.entries(outlines as Record<string, Polygon | MultiPolygon | undefined>)) {
    if (v) m.set(k, v);
  }
  return m;
}

function buildIndex(data: ClearanceData, outlines: SiteOutlines, strategy: 'components' | 'union-all'): ClearanceIndex {
  const outlineOf = outlineMap(outlines);
  const sites: SiteInfo[] = [];
  const siteById = new Map<string, SiteInfo>();
  for (const f of data.sites.features) {
    const info: SiteInfo = { props: f.properties, outline: outlineOf.get(f.properties.id) ?? null, memo: new Map(), histories: [] };
    sites.push(info);
    siteById.set(f.properties.id, info);
  }

  // Rule 1 (history): group the entries by id, each id's entries ascending by date. The same id and
  // date twice is a duplicate: the later one in the file wins, with a warning.
  const byId = new Map<string, Map<string, Entry>>();
  data.clearance.features.forEach((f, order) => {
    const p = f.properties;
    let h = byId.get(p.id);
    if (!h) byId.set(p.id, (h = new Map()));
    const prev = h.get(p.asOf);
    h.set(p.asOf, { props: p, geometry: f.geometry, order, duplicated: prev !== undefined });
  });
  const unknown = new Map<string, Set<string>>();
  const dateSet = new Set<string>();
  for (const [id, h] of byId) {
    const history = [...h.values()].sort((a, b) => (a.props.asOf < b.props.asOf ? -1 : a.props.asOf > b.props.asOf ? 1 : 0));
    // Each site keeps the whole history of every id that ever names it; as of D the id counts at
    // the site of its latest entry (should an id move between sites, it is never counted twice).
    const named = new Set<string>();
    for (const e of history) {
      const s = e.props.siteId;
      if (!siteById.has(s)) {
        let u = unknown.get(s);
        if (!u) unknown.set(s, (u = new Set()));
        u.add(id);
        continue;
      }
      dateSet.add(e.props.asOf);
      if (!named.has(s)) {
        named.add(s);
        siteById.get(s)!.histories.push(history);
      }
    }
  }
  const unknownWarnings: ClearanceWarning[] = [...unknown].map(([siteId, ids]) => ({
    kind: 'unknown-site',
    siteId,
    entryIds: [...ids].sort(),
  }));
  const dates = Object.freeze([...dateSet].sort()) as string[];
  const reports = new Map<string, ClearanceReport>();

  const at = (asOf: string): ClearanceReport => {
    if (!DATE.test(asOf)) throw new RangeError(`clearance: date must be YYYY-MM-DD, got "${asOf}"`);
    const cached = reports.get(asOf);
    if (cached) return cached;
    const bySite = sites.map((s) => siteAsOf(s, asOf, strategy));
    const report = assemble(asOf, bySite, unknownWarnings);
    reports.set(asOf, report);
    return report;
  };
  return {
    dates,
    at,
    series: (ds) => [...new Set(ds ?? dates)].sort().map((date) => ({ date, ...at(date).province })),
  };
}

/** Rule 1: the entry with the latest `asOf` ≤ D; entries after D are ignored. */
function latestOnOrBefore(history: readonly Entry[], asOf: string): Entry | null {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid]!.props.asOf <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? history[lo - 1]! : null;
}

function siteAsOf(site: SiteInfo, asOf: string, strategy: 'components' | 'union-all'): SiteClearance {
  const used: Entry[] = [];
  for (const h of site.histories) {
    // Rule 1: the latest entry on or before the date; it counts here only if it names this site.
    const e = latestOnOrBefore(h, asOf);
    if (e && e.props.siteId === site.props.id) used.push(e);
  }
  // The same entries give the same answer: memoise by their identity (id@date).
  const signature = used.map((e) => `${e.props.id}@${e.props.asOf}`).sort().join('|');
  let result = site.memo.get(signature);
  if (!result) {
    result = computeSite(site, used, strategy);
    site.memo.set(signature, result);
  }
  return result;
}

type Parcel = Entry & { props: Extract<ClearanceProperties, { kind: 'parcel' }> };
type RecordEntry = Entry & { props: Extract<ClearanceProperties, { kind: 'record' }> };

const AREA_EPS_HA = 1e-4; // 1 m²: below this an excess is round-off, not a finding

function computeSite(site: SiteInfo, used: Entry[], strategy: 'components' | 'union-all'): SiteClearance {
  const p = site.props;
  const warnings: ClearanceWarning[] = [];
  const siteAreaHa = p.declaredAreaHa ?? outlineAreaHa(site);
  const base = {
    siteId: p.id,
    commune: p.commune,
    siteAreaHa,
    outlineQuality: site.outline ? p.geometryQuality : null,
  };
  for (const e of used) {
    if (e.duplicated) warnings.push({ kind: 'duplicate-entry', siteId: p.id, entryId: e.props.id, asOf: e.props.asOf });
  }
  const parcels = used.filter((e): e is Parcel => e.props.kind === 'parcel').sort((a, b) => a.order - b.order);
  const records = used.filter((e): e is RecordEntry => e.props.kind === 'record');

  let result: Omit<SiteClearance, keyof typeof base | 'warnings'>;
  // remainingHa was derived from the site's area (and so clamped at 0), not reported
  let derivedRemaining = false;
  if (parcels.length > 0) {
    // Rule 2: parcels win; a record of the same site is not added (it would count the land twice).
    if (records.length > 0) {
      warnings.push({ kind: 'records-superseded', siteId: p.id, recordIds: records.map((r) => r.props.id).sort() });
    }
    result = parcelsOfSite(site, parcels, strategy, warnings);
    derivedRemaining = true;
  } else if (records.length > 0) {
    // Rule 2: no parcels, so the latest record (by date) stands for the site.
    const latestDate = records.reduce((d, r) => (r.props.asOf > d ? r.props.asOf : d), '');
    const tied = records.filter((r) => r.props.asOf === latestDate).sort((a, b) => (a.props.id < b.props.id ? -1 : 1));
    const rec = tied[tied.length - 1]!;
    if (tied.length > 1) {
      warnings.push({
        kind: 'records-same-date',
        siteId: p.id,
        recordIds: tied.map((r) => r.props.id),
        used: rec.props.id,
        asOf: latestDate,
      });
    }
    const r = rec.props;
    const inProgressHa = r.inProgressHa ?? 0;
    derivedRemaining = r.remainingHa === undefined;
    result = {
      method: 'record',
      dataAsOf: r.asOf,
      clearedHa: r.clearedHa,
      inProgressHa,
      notStartedHa: 0,
      // The record's own figure when it has one; else what the site's area leaves (never below 0).
      remainingHa: r.remainingHa ?? (siteAreaHa !== null ? Math.max(0, siteAreaHa - r.clearedHa - inProgressHa) : null),
      clippedAwayHa: 0,
      overlapHa: 0,
      clipped: false,
      sample: r.sample,
      sourceDocs: uniqueDocs([rec]),
      entryIds: [r.id],
    };
  } else {
    result = {
      method: 'none',
      dataAsOf: null,
      clearedHa: 0,
      inProgressHa: 0,
      notStartedHa: 0,
      remainingHa: null,
      clippedAwayHa: 0,
      overlapHa: 0,
      clipped: false,
      sample: false,
      sourceDocs: [],
      entryIds: [],
    };
  }

  if (result.method !== 'none' && siteAreaHa !== null) {
    if (result.clearedHa > siteAreaHa + AREA_EPS_HA) {
      warnings.push({ kind: 'cleared-exceeds-area', siteId: p.id, clearedHa: result.clearedHa, siteAreaHa });
    } else if (derivedRemaining && result.clearedHa + result.inProgressHa > siteAreaHa + AREA_EPS_HA) {
      warnings.push({
        kind: 'claimed-exceeds-area',
        siteId: p.id,
        clearedHa: result.clearedHa,
        inProgressHa: result.inProgressHa,
        siteAreaHa,
      });
    }
  }
  return freeze({ ...base, ...result, warnings });
}

function outlineAreaHa(site: SiteInfo): number | null {
  if (!site.outline) return null;
  if (site.outlineAreaHa === undefined) site.outlineAreaHa = geodesicAreaHa(site.outline);
  return site.outlineAreaHa;
}

function uniqueDocs(entries: readonly Entry[]): string[] {
  const docs = new Set<string>();
  for (const e of entries) for (const s of e.props.sources) docs.add(s.doc);
  return [...docs];
}

function freeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (Array.isArray(v)) Object.freeze(v);
  return Object.freeze(o);
}

function zeroTotals(): ClearanceTotals {
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

function addSite(t: ClearanceTotals, s: SiteClearance): void {
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

function assemble(asOf: string, bySite: SiteClearance[], unknownWarnings: ClearanceWarning[]): ClearanceReport {
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

// ---------------------------------------------------------------------------------------------
// Parcels of one site: validate, dissolve (rule 3), clip (rule 4), measure (rule 5)

type Status = ClearanceStatus;
const STATUSES: readonly Status[] = ['cleared', 'in-progress', 'not-started'];

interface Member {
  entry: Parcel;
  shape: Shape;
}

interface Sums {
  cleared: number;
  'in-progress': number;
  'not-started': number;
}

function parcelsOfSite(
  site: SiteInfo,
  parcels: Parcel[],
  strategy: 'components' | 'union-all',
  warnings: ClearanceWarning[],
): Omit<SiteClearance, 'siteId' | 'commune' | 'siteAreaHa' | 'outlineQuality' | 'warnings'> {
  const siteId = site.props.id;
  const members: Member[] = [];
  for (const e of parcels) {
    e.shape ??= prepareShape(e.geometry);
    const s = e.shape;
    // Rule 7: a broken parcel (a bow-tie, a hole outside its ring…) is named and left out: its area
    // is not a number anyone could defend, and Turf may throw or answer nonsense on it.
    if (!s.ok) {
      warnings.push({
        kind: 'invalid-geometry',
        siteId,
        entryId: e.props.id,
        asOf: e.props.asOf,
        reason: s.reason,
        ...(s.at ? { at: s.at } : {}),
      });
      continue;
    }
    members.push({ entry: e, shape: s.shape });
  }

  // Rule 4: clip only to a boundary. An indicative footprint is a circle of the declared area at the
  // located point, not a boundary: clipping real parcels to it would throw away real land.
  let outline: Shape | null = null;
  let grid: SegmentGrid | null = null;
  const q = site.props.geometryQuality;
  if (q === 'surveyed' || q === 'provisional') {
    if (!site.outline) {
      warnings.push({ kind: 'no-outline', siteId });
    } else {
      site.outlineShape ??= prepareShape(site.outline);
      const os = site.outlineShape;
      if (!os.ok) warnings.push({ kind: 'invalid-outline', siteId, reason: os.reason });
      else {
        outline = os.shape;
        site.outlineIndex ??= new SegmentGrid(outline);
        grid = site.outlineIndex;
      }
    }
  }

  const dissolved: Sums = { cleared: 0, 'in-progress': 0, 'not-started': 0 };
  const kept: Sums = { cleared: 0, 'in-progress': 0, 'not-started': 0 };
  let rawHa = 0;
  // 'union-all' (the reference): the whole site is one component and Turf dissolves it.
  const graph = strategy === 'union-all' ? null : overlapGraph(members);
  const components = graph ? graph.components : [members.map((_, i) => i)];
  for (const idx of components) {
    if (idx.length === 0) continue;
    if (idx.length === 1 && !outline && members[idx[0]!]!.shape.simple) {
      // The common case, kept cheap: a plain parcel overlapping nothing, nothing to clip.
      const m = members[idx[0]!]!;
      const st = m.entry.props.status;
      rawHa += m.shape.areaHa;
      dissolved[st] += m.shape.areaHa;
      kept[st] += m.shape.areaHa;
      continue;
    }
    const comp = idx.map((i) => members[i]!);
    const adjacency = graph && idx.length > 1 ? graph.adjacency(idx) : null;
    const res = dissolveSafely(comp, adjacency, outline, grid, siteId, warnings);
    rawHa += res.rawHa;
    for (const st of STATUSES) {
      dissolved[st] += res.dissolved[st];
      kept[st] += res.kept[st];
    }
  }
  const dissolvedHa = dissolved.cleared + dissolved['in-progress'] + dissolved['not-started'];
  const keptHa = kept.cleared + kept['in-progress'] + kept['not-started'];
  const siteAreaHa = site.props.declaredAreaHa ?? outlineAreaHa(site);
  const usedEntries = members.map((m) => m.entry);
  return {
    method: 'parcels',
    dataAsOf: usedEntries.reduce<string | null>((d, e) => (d === null || e.props.asOf > d ? e.props.asOf : d), null),
    clearedHa: kept.cleared,
    inProgressHa: kept['in-progress'],
    notStartedHa: kept['not-started'],
    remainingHa: siteAreaHa !== null ? Math.max(0, siteAreaHa - kept.cleared - kept['in-progress']) : null,
    // Round-off of Turf's output can make these a hair below 0; they are areas, so never negative.
    clippedAwayHa: Math.max(0, dissolvedHa - keptHa),
    overlapHa: Math.max(0, rawHa - dissolvedHa),
    clipped: outline !== null,
    sample: usedEntries.some((e) => e.props.sample),
    sourceDocs: uniqueDocs(usedEntries),
    entryIds: usedEntries.map((e) => e.props.id),
  };
}

interface ComponentResult {
  rawHa: number;
  dissolved: Sums;
  kept: Sums;
}

type Geom = Polygon | MultiPolygon;

function dissolveComponent(
  comp: Member[],
  /** per member, the members (local indices) it may overlap; null: dissolve with Turf */
  adjacency: number[][] | null,
  outline: Shape | null,
  grid: SegmentGrid | null,
  siteId: string,
  warnings: ClearanceWarning[],
): ComponentResult {
  const res = emptyResult();
  // Where each parcel lies against the outline (only when clipping): inside, outside or crossing.
  const where = outline && grid ? comp.map((m) => relateToOutline(m.shape, outline, grid)) : null;
  const warnOutside = (m: Member) =>
    warnings.push({ kind: 'outside-site', siteId, entryId: m.entry.props.id, asOf: m.entry.props.asOf, areaHa: m.shape.areaHa });

  // A single plain parcel: nothing to dissolve, its own area counts.
  if (comp.length === 1 && comp[0]!.shape.simple) {
    const m = comp[0]!;
    const st = m.entry.props.status;
    res.rawHa = m.shape.areaHa;
    res.dissolved[st] = m.shape.areaHa;
    const w = where?.[0];
    if (!w || w === 'inside') res.kept[st] = m.shape.areaHa;
    else if (w === 'outside') warnOutside(m);
    else {
      const cut = intersect(featureCollection([feature(geomOf(m.shape)), feature(geomOf(outline!))]));
      res.kept[st] = cut ? geodesicAreaHa(cut.geometry) : 0;
      if (res.kept[st] < 1e-6) warnOutside(m); // under 0.01 m²: it only touches the outline
    }
    return res;
  }

  for (const m of comp) res.rawHa += m.shape.areaHa;
  const allInside = !where || where.every((w) => w === 'inside');
  const allOutside = !!where && where.every((w) => w === 'outside');

  // (Turf may throw on what it is given: `dissolveSafely` deals with that, rule 7.)
  // Rule 3: dissolve each status, then precedence where statuses overlap:
  //   cleared; in progress minus cleared; not started minus both.
  // When no clipping geometry is needed, the areas come from inclusion–exclusion over the
  // overlapping parcels (exact, and far cheaper than Turf); otherwise, or when that would take too
  // long, Turf builds the dissolved geometry.
  const ie = adjacency && (allInside || allOutside) ? inclusionExclusion(comp, adjacency) : null;
  let geoms: Record<Status, Geom | null> | null = null;
  if (ie) {
    res.dissolved = ie;
  } else {
    const byStatus = (st: Status) => comp.filter((m) => m.entry.props.status === st);
    const c = unionMany(byStatus('cleared'));
    const ip = unionMany(byStatus('in-progress'));
    const ns = unionMany(byStatus('not-started'));
    geoms = {
      cleared: c,
      'in-progress': subtract(ip, [c]),
      'not-started': subtract(ns, [c, ip]),
    };
    for (const st of STATUSES) {
      const g = geoms[st];
      res.dissolved[st] = g ? geodesicAreaHa(g) : 0;
    }
  }

  // Rule 4 (clip), by what the parcels' positions require: all inside → nothing to cut; all outside →
  // nothing kept; otherwise Turf intersects each status's dissolved land with the outline.
  if (allInside) {
    res.kept = { ...res.dissolved };
  } else if (allOutside) {
    comp.forEach(warnOutside);
  } else {
    comp.forEach((m, i) => where![i] === 'outside' && warnOutside(m));
    for (const st of STATUSES) {
      const g = geoms![st];
      if (!g) continue;
      const cut = intersect(featureCollection([feature(g), feature(geomOf(outline!))]));
      res.kept[st] = cut ? geodesicAreaHa(cut.geometry) : 0;
    }
  }
  return res;
}

function emptyResult(): ComponentResult {
  return {
    rawHa: 0,
    dissolved: { cleared: 0, 'in-progress': 0, 'not-started': 0 },
    kept: { cleared: 0, 'in-progress': 0, 'not-started': 0 },
  };
}

/**
 * `dissolveComponent`, with rule 7 for Turf's failures: when Turf throws on a component of parcels
 * that each looked valid, the parcels Turf cannot take even on their own are named and left out and
 * the rest is dissolved again; if that fails too, the whole component is named and left out.
 */
function dissolveSafely(
  comp: Member[],
  adjacency: number[][] | null,
  outline: Shape | null,
  grid: SegmentGrid | null,
  siteId: string,
  warnings: ClearanceWarning[],
): ComponentResult {
  const mark = warnings.length;
  const error = (members: Member[], e: unknown): ClearanceWarning => ({
    kind: 'geometry-error',
    siteId,
    entryIds: members.map((m) => m.entry.props.id),
    message: e instanceof Error ? e.message : String(e),
  });
  try {
    return dissolveComponent(comp, adjacency, outline, grid, siteId, warnings);
  } catch (e) {
    warnings.length = mark;
    const bad: Member[] = [];
    const good: Member[] = [];
    for (const m of comp) (turfRejects(m, outline) ? bad : good).push(m);
    if (bad.length > 0 && good.length > 0) {
      try {
        const res = dissolveComponent(good, null, outline, grid, siteId, warnings);
        warnings.push(error(bad, e));
        return res;
      } catch {
        warnings.length = mark;
      }
    }
    warnings.push(error(comp, e));
    return emptyResult();
  }
}

function turfRejects(m: Member, outline: Shape | null): boolean {
  try {
    const g = feature(geomOf(m.shape));
    union(featureCollection([g, g]));
    if (outline) intersect(featureCollection([g, feature(geomOf(outline))]));
    return false;
  } catch {
    return true;
  }
}

const BATCH = 32;

/** Union of the members' geometries, as a tree of batched unions (each Turf call stays small). */
function unionMany(members: Member[]): Geom | null {
  if (members.length === 0) return null;
  if (members.length === 1) {
    const s = members[0]!.shape;
    // A plain polygon is its own union; anything else (parts, holes, touching rings) is normalised.
    if (s.simple) return geomOf(s);
    const u = union(featureCollection([feature(geomOf(s)), feature(geomOf(s))]));
    return u ? u.geometry : null;
  }
  let level: Geom[] = members.map((m) => geomOf(m.shape));
  while (level.length > 1) {
    const next: Geom[] = [];
    for (let i = 0; i < level.length; i += BATCH) {
      const chunk = level.slice(i, i + BATCH);
      if (chunk.length === 1) {
        next.push(chunk[0]!);
        continue;
      }
      const u = union(featureCollection(chunk.map((g) => feature(g))));
      if (u) next.push(u.geometry);
    }
    level = next;
  }
  return level[0] ?? null;
}

function subtract(g: Geom | null, minus: (Geom | null)[]): Geom | null {
  if (!g) return null;
  const m = minus.filter((x): x is Geom => x !== null);
  if (m.length === 0) return g;
  const d = difference(featureCollection([feature(g), ...m.map((x) => feature(x))]));
  return d ? d.geometry : null;
}

// ---------------------------------------------------------------------------------------------
// Geometry kernel: parsing, validity, "may these two overlap?", "where is this parcel against the
// outline?". Planar predicates on lon/lat, as Turf's own clipping uses; every test that is too close
// to call in floating point answers "unsure", which sends the parcels to Turf, so round-off can cost
// time but not correctness.

type BBox = [minX: number, minY: number, maxX: number, maxY: number];

interface Ring {
  xs: number[];
  ys: number[];
  /** distinct corners (the closing repeat is not stored) */
  n: number;
  hole: boolean;
  part: number;
  bbox: BBox;
}

interface Shape {
  /** outer rings counter-clockwise, holes clockwise: the interior is always left of an edge */
  rings: Ring[];
  bbox: BBox;
  /** one ring, no touching or doubling back: eligible for the fast overlap test */
  simple: boolean;
  multi: boolean;
  /** the same polygon(s) as GeoJSON, closed and oriented: built on first use by `geomOf` */
  geometry?: Geom;
  areaHa: number;
}

/** The shape as GeoJSON for Turf (only parcels that reach Turf pay for it). */
function geomOf(s: Shape): Geom {
  if (s.geometry) return s.geometry;
  const closed = (r: Ring): Position[] => {
    const out: Position[] = new Array(r.n + 1);
    for (let i = 0; i < r.n; i++) out[i] = [r.xs[i]!, r.ys[i]!];
    out[r.n] = [r.xs[0]!, r.ys[0]!];
    return out;
  };
  if (!s.multi) s.geometry = { type: 'Polygon', coordinates: s.rings.map(closed) };
  else {
    const polys: Position[][][] = [];
    for (const r of s.rings) (polys[r.part] ??= []).push(closed(r));
    s.geometry = { type: 'MultiPolygon', coordinates: polys.filter((x) => x !== undefined) };
  }
  return s.geometry;
}

type ShapeResult = { ok: true; shape: Shape } | { ok: false; reason: InvalidGeometryReason; at?: [number, number] };

// Relative error bound of the orientation determinant below which its sign is not trusted.
// Shewchuk's bound for this formula is 3.3e-16; 300× that is cheap insurance.
const ORIENT_EPS = 1e-13;

/** Sign of the turn a→b→c: 1 left, −1 right, 0 collinear or too close to call. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const l = (bx - ax) * (cy - ay);
  const r = (by - ay) * (cx - ax);
  const det = l - r;
  const bound = ORIENT_EPS * (Math.abs(l) + Math.abs(r));
  return det > bound ? 1 : det < -bound ? -1 : 0;
}

const NONE = 0;
const CROSS = 1;
/** touching, collinear overlap, or too close to call */
const TOUCH = 2;

/** How segments ab and cd meet. */
function segRelation(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): number {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return NONE;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return NONE;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  if (o1 * o2 > 0) return NONE;
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o3 * o4 > 0) return NONE;
  if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return CROSS;
  return TOUCH;
}

function crossingPoint(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): [number, number] {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
  return [ax + t * (bx - ax), ay + t * (by - ay)];
}

function isLonLat(p: unknown): p is Position {
  if (!Array.isArray(p) || p.length < 2) return false;
  const lon = p[0] as unknown;
  const lat = p[1] as unknown;
  return (
    typeof lon === 'number' && typeof lat === 'number' &&
    Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
  );
}

/** Parse, orient and check a polygon. Never throws. */
function prepareShape(g: unknown): ShapeResult {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') || !Array.isArray(geom.coordinates)) {
    return { ok: false, reason: 'not-polygon' };
  }
  const parts = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as unknown[];
  const rings: Ring[] = [];
  let zeroArea = false;
  for (let part = 0; part < parts.length; part++) {
    const rs = parts[part];
    if (!Array.isArray(rs) || rs.length === 0) return { ok: false, reason: 'not-polygon' };
    for (let k = 0; k < rs.length; k++) {
      const raw = rs[k];
      if (!Array.isArray(raw)) return { ok: false, reason: 'not-polygon' };
      const xs: number[] = [];
      const ys: number[] = [];
      for (const p of raw) {
        if (!isLonLat(p)) return { ok: false, reason: 'not-lonlat' };
        const x = p[0] as number;
        const y = p[1] as number;
        // Consecutive repeats make zero-length edges: drop them (the area is unchanged).
        if (xs.length > 0 && xs[xs.length - 1] === x && ys[ys.length - 1] === y) continue;
        xs.push(x);
        ys.push(y);
      }
      if (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[xs.length - 1]) {
        xs.pop();
        ys.pop();
      }
      const n = xs.length;
      if (n < 3) return { ok: false, reason: 'too-few-points' };
      // Shoelace relative to the first corner (products of raw longitudes would lose the digits).
      let twice = 0;
      const x0 = xs[0]!;
      const y0 = ys[0]!;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (let i = 0; i < n; i++) {
        const x = xs[i]!;
        const y = ys[i]!;
        const j = i + 1 === n ? 0 : i + 1;
        twice += (x - x0) * (ys[j]! - y0) - (xs[j]! - x0) * (y - y0);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      // No area: all corners on a line, or a symmetric bow-tie; the crossing check below tells which.
      if (!(Math.abs(twice) > 1e-12 * (maxX - minX) * (maxY - minY))) zeroArea = true;
      const hole = k > 0;
      // Outer rings counter-clockwise, holes clockwise (RFC 7946), whatever the file had.
      if ((twice > 0) === hole) {
        xs.reverse();
        ys.reverse();
      }
      rings.push({ xs, ys, n, hole, part, bbox: [minX, minY, maxX, maxY] });
    }
  }
  const check = checkRings(rings);
  if (check.invalid) return { ok: false, reason: check.invalid.reason, ...(check.invalid.at ? { at: check.invalid.at } : {}) };
  if (zeroArea) return { ok: false, reason: 'zero-area' };
  const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) {
    bbox[0] = Math.min(bbox[0], r.bbox[0]);
    bbox[1] = Math.min(bbox[1], r.bbox[1]);
    bbox[2] = Math.max(bbox[2], r.bbox[2]);
    bbox[3] = Math.max(bbox[3], r.bbox[3]);
  }
  return {
    ok: true,
    // Rule 5: the ellipsoidal area, on the input as given (repeated corners add nothing to it).
    shape: {
      rings,
      bbox,
      simple: rings.length === 1 && !check.complex,
      multi: geom.type === 'MultiPolygon',
      areaHa: geodesicAreaHa(g as Geom),
    },
  };
}

/**
 * Validity of a parsed shape: crossing edges within a ring (self-intersection) or between a hole and
 * its ring make it invalid; touching, doubling back, or parts overlapping one another only make it
 * "complex" (Turf normalises those, so they are dissolved rather than summed).
 */
function checkRings(rings: Ring[]): { invalid?: { reason: InvalidGeometryReason; at?: [number, number] }; complex: boolean } {
  if (rings.length === 1 && rings[0]!.n <= 32) return checkSmallRing(rings[0]!);
  let complex = false;
  // All edges, swept by their west end: only pairs whose boxes overlap are compared.
  const er: number[] = [];
  const ei: number[] = [];
  for (let r = 0; r < rings.length; r++) for (let i = 0; i < rings[r]!.n; i++) { er.push(r); ei.push(i); }
  const E = er.length;
  const minXs = new Float64Array(E);
  for (let k = 0; k < E; k++) {
    const R = rings[er[k]!]!;
    const i = ei[k]!;
    const j = i + 1 === R.n ? 0 : i + 1;
    minXs[k] = Math.min(R.xs[i]!, R.xs[j]!);
  }
  const order = Array.from({ length: E }, (_, k) => k).sort((a, b) => minXs[a]! - minXs[b]!);
  const active: number[] = [];
  for (const k of order) {
    const R = rings[er[k]!]!;
    const i = ei[k]!;
    const i2 = i + 1 === R.n ? 0 : i + 1;
    const ax = R.xs[i]!, ay = R.ys[i]!, bx = R.xs[i2]!, by = R.ys[i2]!;
    const kMinX = minXs[k]!;
    let w = 0;
    for (let a = 0; a < active.length; a++) {
      const j = active[a]!;
      const S = rings[er[j]!]!;
      const s = ei[j]!;
      const s2 = s + 1 === S.n ? 0 : s + 1;
      const cx = S.xs[s]!, cy = S.ys[s]!, dx = S.xs[s2]!, dy = S.ys[s2]!;
      if (Math.max(cx, dx) < kMinX) continue; // passed: drop from the active list
      active[w++] = j;
      if (R === S && (i2 === s || s2 === i)) {
        // Neighbouring edges share a corner; they are wrong only when they double back on each other
        // (a spike), which Turf handles: complex, not invalid.
        const [vx, vy, px, py, qx, qy] = i2 === s ? [bx, by, ax, ay, dx, dy] : [ax, ay, bx, by, cx, cy];
        if (orient(vx, vy, px, py, qx, qy) === 0 && (px - vx) * (qx - vx) + (py - vy) * (qy - vy) > 0) complex = true;
        continue;
      }
      const rel = segRelation(ax, ay, bx, by, cx, cy, dx, dy);
      if (rel === NONE) continue;
      if (rel === CROSS && R === S) return { invalid: { reason: 'self-intersection', at: crossingPoint(ax, ay, bx, by, cx, cy, dx, dy) }, complex };
      if (rel === CROSS && R.part === S.part) return { invalid: { reason: 'ring-crossing', at: crossingPoint(ax, ay, bx, by, cx, cy, dx, dy) }, complex };
      complex = true;
    }
    active.length = w;
    active.push(k);
  }
  // A hole must lie inside its outer ring. With no crossings, one corner tells where the whole hole is.
  for (const h of rings) {
    if (!h.hole) continue;
    const outer = rings.find((r) => r.part === h.part && !r.hole)!;
    const at = pointInRings(h.xs[0]!, h.ys[0]!, [outer]);
    if (at === 0) return { invalid: { reason: 'hole-outside', at: [h.xs[0]!, h.ys[0]!] }, complex };
    if (at < 0) complex = true;
  }
  return { complex };
}

/** `checkRings` for one ring of few corners: every pair of edges, without the sweep's bookkeeping. */
function checkSmallRing(R: Ring): { invalid?: { reason: InvalidGeometryReason; at?: [number, number] }; complex: boolean } {
  const { xs, ys, n } = R;
  let complex = false;
  for (let i = 0; i < n; i++) {
    const i2 = i + 1 === n ? 0 : i + 1;
    const ax = xs[i]!, ay = ys[i]!, bx = xs[i2]!, by = ys[i2]!;
    // The next edge shares corner b: wrong only when it doubles back along this one (a spike).
    const i3 = i2 + 1 === n ? 0 : i2 + 1;
    const dx = xs[i3]!, dy = ys[i3]!;
    if (orient(bx, by, ax, ay, dx, dy) === 0 && (ax - bx) * (dx - bx) + (ay - by) * (dy - by) > 0) complex = true;
    // Edges that share no corner with this one.
    for (let s = i + 2; s < n; s++) {
      if (i === 0 && s === n - 1) continue;
      const s2 = s + 1 === n ? 0 : s + 1;
      const rel = segRelation(ax, ay, bx, by, xs[s]!, ys[s]!, xs[s2]!, ys[s2]!);
      if (rel === CROSS) {
        return { invalid: { reason: 'self-intersection', at: crossingPoint(ax, ay, bx, by, xs[s]!, ys[s]!, xs[s2]!, ys[s2]!) }, complex };
      }
      if (rel === TOUCH) complex = true;
    }
  }
  return { complex };
}

/** Winding test against all the rings: 1 inside, 0 outside, −1 on (or too close to call) the boundary. */
function pointInRings(px: number, py: number, rings: readonly Ring[]): number {
  let wn = 0;
  for (const R of rings) {
    const w = pointInRing(px, py, R);
    if (w === ON_BOUNDARY) return -1;
    wn += w;
  }
  return wn !== 0 ? 1 : 0;
}

const ON_BOUNDARY = 1e9;

/** Winding number of one ring around the point, or ON_BOUNDARY when on (or too close to call) it. */
function pointInRing(px: number, py: number, R: Ring): number {
  const b = R.bbox;
  if (px < b[0] || px > b[2] || py < b[1] || py > b[3]) return 0;
  const { xs, ys, n } = R;
  let wn = 0;
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    const ax = xs[i]!, ay = ys[i]!, bx = xs[j]!, by = ys[j]!;
    if (ay <= py) {
      if (by > py) {
        const o = orient(ax, ay, bx, by, px, py);
        if (o === 0) return ON_BOUNDARY;
        if (o > 0) wn++;
        continue;
      }
    } else if (by <= py) {
      const o = orient(ax, ay, bx, by, px, py);
      if (o === 0) return ON_BOUNDARY;
      if (o < 0) wn--;
      continue;
    }
    // an edge that does not straddle the point's latitude can still pass through the point
    if (px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by)) {
      if (orient(ax, ay, bx, by, px, py) === 0) return ON_BOUNDARY;
    }
  }
  return wn;
}

function boxesOverlap(a: BBox, b: BBox): boolean {
  // Strict: boxes that only touch hold polygons that can only touch, never overlap.
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

// ----- Do two parcels overlap? -----------------------------------------------------------------
// For two plain rings A and B (one ring each, counter-clockwise, no self-contact) the interiors are
// certainly disjoint when (i) their edges meet only at shared corners (identical coordinates) or
// along shared edges (identical end corners), (ii) at each shared corner the interior angles of A and
// B do not overlap, and (iii) no other corner of either lies inside the other. Sketch of why: an
// overlap region would be bounded by pieces of ∂A inside B or ∂B inside A; by (i) such a piece can
// only leave the other polygon through a shared corner, where it would enter the other's interior
// angle, which (ii) excludes; a whole ring inside the other is excluded by (iii). Cadastral parcels
// that tile pass this test without Turf; anything else, or too close to call, is "maybe overlap".

const TAU = 2 * Math.PI;
const ANGLE_TOL = 1e-10;

function normAngle(x: number): number {
  let r = x % TAU;
  if (r < 0) r += TAU;
  return r;
}

/** Interior angle at corner i of a counter-clockwise ring: from the next edge, turning left to the previous one. */
function sector(R: Ring, i: number): [start: number, width: number] {
  const n = R.n;
  const vx = R.xs[i]!, vy = R.ys[i]!;
  const nx = R.xs[(i + 1) % n]!, ny = R.ys[(i + 1) % n]!;
  const px = R.xs[(i + n - 1) % n]!, py = R.ys[(i + n - 1) % n]!;
  const start = Math.atan2(ny - vy, nx - vx);
  const end = Math.atan2(py - vy, px - vx);
  return [start, normAngle(end - start)];
}

/** true when the interior angles overlap, or are too close to call. */
function sectorsOverlap(A: Ring, i: number, B: Ring, j: number): boolean {
  const [sa, wa] = sector(A, i);
  const [sb, wb] = sector(B, j);
  const dBA = normAngle(sb - sa); // where B's angle starts, seen from A's start
  const dAB = normAngle(sa - sb);
  // Exact equality is what shared edges give (same corners → same directions → same atan2).
  if (dBA !== wa && Math.abs(dBA - wa) < ANGLE_TOL) return true;
  if (dAB !== wb && Math.abs(dAB - wb) < ANGLE_TOL) return true;
  return dBA < wa || dAB < wb;
}

/** false only when the interiors of A and B are certainly disjoint. */
function mayOverlap(A: Shape, B: Shape): boolean {
  if (!boxesOverlap(A.bbox, B.bbox)) return false;
  if (!A.simple || !B.simple) return true;
  const a = A.rings[0]!;
  const b = B.rings[0]!;
  const ix0 = Math.max(a.bbox[0], b.bbox[0]);
  const iy0 = Math.max(a.bbox[1], b.bbox[1]);
  const ix1 = Math.min(a.bbox[2], b.bbox[2]);
  const iy1 = Math.min(a.bbox[3], b.bbox[3]);
  // Edges reaching into the common box: only they can meet.
  const ea = edgesIn(a, ix0, iy0, ix1, iy1);
  const eb = edgesIn(b, ix0, iy0, ix1, iy1);
  // Shared corners (identical coordinates): few, so plain arrays.
  const sharedA: number[] = [];
  const sharedB: number[] = [];
  for (let i = 0; i < a.n; i++) {
    const x = a.xs[i]!, y = a.ys[i]!;
    if (x < ix0 || x > ix1 || y < iy0 || y > iy1) continue;
    for (let j = 0; j < b.n; j++) {
      if (b.xs[j] === x && b.ys[j] === y) {
        sharedA.push(i);
        sharedB.push(j);
      }
    }
  }
  // (i) edges meet only at shared corners or along shared edges.
  for (const i of ea) {
    const i2 = i + 1 === a.n ? 0 : i + 1;
    const ax = a.xs[i]!, ay = a.ys[i]!, bx = a.xs[i2]!, by = a.ys[i2]!;
    for (const j of eb) {
      const j2 = j + 1 === b.n ? 0 : j + 1;
      const cx = b.xs[j]!, cy = b.ys[j]!, dx = b.xs[j2]!, dy = b.ys[j2]!;
      const aC = ax === cx && ay === cy, aD = ax === dx && ay === dy;
      const bC = bx === cx && by === cy, bD = bx === dx && by === dy;
      if ((aC && bD) || (aD && bC)) continue; // a shared edge: (ii) decides the sides
      if (aC || aD || bC || bD) {
        // One shared corner v: fine unless the two edges run along each other from v.
        const atA = aC || aD;
        const vx = atA ? ax : bx, vy = atA ? ay : by;
        const px = atA ? bx : ax, py = atA ? by : ay;
        const qx = aC || bC ? dx : cx, qy = aC || bC ? dy : cy;
        if (orient(vx, vy, px, py, qx, qy) !== 0) continue;
        if ((px - vx) * (qx - vx) + (py - vy) * (qy - vy) < 0) continue;
        return true;
      }
      if (segRelation(ax, ay, bx, by, cx, cy, dx, dy) !== NONE) return true;
    }
  }
  // (ii) interior angles at shared corners.
  for (let k = 0; k < sharedA.length; k++) if (sectorsOverlap(a, sharedA[k]!, b, sharedB[k]!)) return true;
  // (iii) no other corner inside the other ring.
  for (let i = 0; i < a.n; i++) {
    if (sharedA.includes(i)) continue;
    const x = a.xs[i]!, y = a.ys[i]!;
    if (x >= ix0 && x <= ix1 && y >= iy0 && y <= iy1 && pointInRing(x, y, b) !== 0) return true;
  }
  for (let j = 0; j < b.n; j++) {
    if (sharedB.includes(j)) continue;
    const x = b.xs[j]!, y = b.ys[j]!;
    if (x >= ix0 && x <= ix1 && y >= iy0 && y <= iy1 && pointInRing(x, y, a) !== 0) return true;
  }
  return false;
}

function edgesIn(R: Ring, x0: number, y0: number, x1: number, y1: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < R.n; i++) {
    const j = i + 1 === R.n ? 0 : i + 1;
    const ax = R.xs[i]!, ay = R.ys[i]!, bx = R.xs[j]!, by = R.ys[j]!;
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
    out.push(i);
  }
  return out;
}

/**
 * Which parcels may overlap which (candidate pairs from a grid of their boxes, then `mayOverlap`),
 * and the components that relation links (union–find). Components are lists of member indices;
 * `adjacency(component)` gives, for each of its members, the positions of the members it may overlap.
 */
function overlapGraph(members: Member[]): { components: number[][]; adjacency: (idx: number[]) => number[][] } {
  const n = members.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // pairs that may overlap, flat: (edgeA[k], edgeB[k])
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  if (n > 1) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    const sizes = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const b = members[i]!.shape.bbox;
      sizes[i] = Math.max(b[2] - b[0], b[3] - b[1]);
      if (b[0] < minX) minX = b[0];
      if (b[1] < minY) minY = b[1];
      if (b[2] > maxX) maxX = b[2];
      if (b[3] > maxY) maxY = b[3];
    }
    sizes.sort();
    // Cells about the size of a typical parcel, so each parcel meets its neighbours, not the site;
    // at most ~4n cells in all (a few huge parcels or a sparse site cannot make the grid explode).
    let cell = sizes[n >> 1]! || 1;
    const w = maxX - minX;
    const h = maxY - minY;
    if ((w / cell + 1) * (h / cell + 1) > 4 * n) cell = Math.max(cell, Math.sqrt((w * h) / (4 * n)), w / (4 * n), h / (4 * n));
    const cols = Math.floor(w / cell) + 1;
    const rows = Math.floor(h / cell) + 1;
    const cells: (number[] | undefined)[] = new Array(cols * rows);
    const seen = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      const bk = members[k]!.shape.bbox;
      const cx0 = Math.floor((bk[0] - minX) / cell), cx1 = Math.min(cols - 1, Math.floor((bk[2] - minX) / cell));
      const cy0 = Math.floor((bk[1] - minY) / cell), cy1 = Math.min(rows - 1, Math.floor((bk[3] - minY) / cell));
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) {
          const key = cy * cols + cx;
          let list = cells[key];
          if (!list) cells[key] = list = [];
          for (let t = 0; t < list.length; t++) {
            const j = list[t]!;
            if (seen[j] === k) continue;
            seen[j] = k;
            if (!boxesOverlap(members[j]!.shape.bbox, bk)) continue;
            if (!mayOverlap(members[k]!.shape, members[j]!.shape)) continue;
            edgeA.push(j);
            edgeB.push(k);
            parent[find(k)] = find(j);
          }
          list.push(k);
        }
      }
    }
  }
  const byRoot: (number[] | undefined)[] = new Array(n);
  const components: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = byRoot[r];
    if (!g) components.push((byRoot[r] = g = []));
    g.push(i);
  }
  // Edges by component, for the few components that need their adjacency.
  let edgesOf: Map<number, number[]> | null = null;
  const adjacency = (idx: number[]): number[][] => {
    if (!edgesOf) {
      edgesOf = new Map();
      for (let e = 0; e < edgeA.length; e++) {
        const r = find(edgeA[e]!);
        let l = edgesOf.get(r);
        if (!l) edgesOf.set(r, (l = []));
        l.push(e);
      }
    }
    const local = new Map<number, number>();
    idx.forEach((g, l) => local.set(g, l));
    const adj: number[][] = idx.map(() => []);
    for (const e of edgesOf.get(find(idx[0]!)) ?? []) {
      const a = local.get(edgeA[e]!)!;
      const b = local.get(edgeB[e]!)!;
      adj[a]!.push(b);
      adj[b]!.push(a);
    }
    for (const l of adj) l.sort((x, y) => x - y);
    return adj;
  };
  return { components, adjacency };
}

// ----- Inclusion–exclusion over overlapping parcels -------------------------------------------
// |A ∪ B ∪ …| = Σ|A| − Σ|A∩B| + Σ|A∩B∩C| − …, where only sets of mutually overlapping parcels
// (cliques of the overlap graph) have a non-empty intersection, and a set whose intersection is
// empty has only empty supersets (so the search stops there). Intersections are cut with
// Sutherland–Hodgman against convex parcels (exact for a convex window, whatever the subject).
// Precedence falls out of the same sums: a set counts towards "cleared" when all its parcels are
// cleared, towards "cleared or in progress" when all are at least in progress, and so on; the
// differences are the status areas after precedence.
// Areas: Σ|A| are the parcels' own ellipsoidal areas (GeographicLib). The intersection terms are
// measured in a local Lambert azimuthal equal-area plane of the WGS84 ellipsoid centred on the
// component: the map is exactly equal-area, and straight lines in it stand for geodesics to ~10⁻⁷
// of a polygon's area for parcels up to 2 km (tested against GeographicLib), at a tenth of the cost.
// Returns null (Turf then dissolves) when a set holds two non-convex parcels, the component is too
// spread out for the local plane, or the search grows past a budget (heavily stacked parcels).

const RANK: Record<Status, number> = { cleared: 0, 'in-progress': 1, 'not-started': 2 };
/** planar area (m²) under which an intersection counts as empty */
const EMPTY_M2 = 1e-6;
/** the local plane serves components up to this size (degrees, either way; ~100 km): measured
 *  against GeographicLib, its error stays ~10⁻⁷ of an overlap's area even 1° from the centre */
const MAX_LOCAL_DEG = 1;

const WGS84_A = 6378137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const WGS84_E = Math.sqrt(WGS84_E2);
const DEG = Math.PI / 180;

/** Snyder's q(φ) (Map Projections – A Working Manual, eq. 3-12). */
function qAuthalic(sinPhi: number): number {
  const es = WGS84_E * sinPhi;
  return (1 - WGS84_E2) * (sinPhi / (1 - es * es) - (1 / (2 * WGS84_E)) * Math.log((1 - es) / (1 + es)));
}
const Q_POLE = qAuthalic(1);
const R_Q = WGS84_A * Math.sqrt(Q_POLE / 2);

/** Lambert azimuthal equal-area, ellipsoidal, oblique aspect (Snyder §24, eqs. 24-2, 24-18…24-20). */
export class LocalEqualArea {
  private readonly lon0: number;
  private readonly sinB1: number;
  private readonly cosB1: number;
  private readonly b1: number;
  private readonly d: number;

  constructor(lon0: number, lat0: number) {
    this.lon0 = lon0;
    const sinPhi1 = Math.sin(lat0 * DEG);
    this.b1 = Math.asin(qAuthalic(sinPhi1) / Q_POLE);
    this.sinB1 = Math.sin(this.b1);
    this.cosB1 = Math.cos(this.b1);
    const m1 = Math.cos(lat0 * DEG) / Math.sqrt(1 - WGS84_E2 * sinPhi1 * sinPhi1);
    this.d = (WGS84_A * m1) / (R_Q * this.cosB1);
  }

  /** [x, y] in metres east and north of the centre. */
  project(lon: number, lat: number): [number, number] {
    const beta = Math.asin(qAuthalic(Math.sin(lat * DEG)) / Q_POLE);
    const dl = (lon - this.lon0) * DEG;
    const sinB = Math.sin(beta);
    const cosB = Math.cos(beta);
    const cosDl = Math.cos(dl);
    const b = R_Q * Math.sqrt(2 / (1 + this.sinB1 * sinB + this.cosB1 * cosB * cosDl));
    const half = Math.sin(dl / 2);
    // cosβ₁ sinβ − sinβ₁ cosβ cos Δλ, written without the cancellation of two nearly equal terms
    const v = Math.sin(beta - this.b1) + 2 * this.sinB1 * cosB * half * half;
    return [b * this.d * cosB * Math.sin(dl), (b / this.d) * v];
  }
}

function isConvex(xs: number[], ys: number[]): boolean {
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const k = (i + 2) % n;
    if (orient(xs[i]!, ys[i]!, xs[j]!, ys[j]!, xs[k]!, ys[k]!) < 0) return false;
  }
  return true;
}

/** Sutherland–Hodgman: the subject polygon cut by a convex counter-clockwise window. */
function clipConvex(sx: number[], sy: number[], wx: number[], wy: number[]): [number[], number[]] {
  let xs = sx;
  let ys = sy;
  const m = wx.length;
  for (let e = 0; e < m && xs.length > 0; e++) {
    const ax = wx[e]!, ay = wy[e]!;
    const bx = wx[(e + 1) % m]!, by = wy[(e + 1) % m]!;
    const ox: number[] = [];
    const oy: number[] = [];
    const n = xs.length;
    let px = xs[n - 1]!, py = ys[n - 1]!;
    let dp = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    for (let i = 0; i < n; i++) {
      const cx = xs[i]!, cy = ys[i]!;
      const dc = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      if (dc >= 0 !== dp >= 0) {
        // where PC crosses the window's edge line
        const t = dp / (dp - dc);
        ox.push(px + t * (cx - px));
        oy.push(py + t * (cy - py));
      }
      if (dc >= 0) {
        ox.push(cx);
        oy.push(cy);
      }
      px = cx;
      py = cy;
      dp = dc;
    }
    xs = ox;
    ys = oy;
  }
  return [xs, ys];
}

function planarArea(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 3) return 0;
  const x0 = xs[0]!, y0 = ys[0]!;
  let twice = 0;
  for (let i = 1; i + 1 < n; i++) twice += (xs[i]! - x0) * (ys[i + 1]! - y0) - (xs[i + 1]! - x0) * (ys[i]! - y0);
  return twice / 2;
}

/**
 * Ear clipping of a simple counter-clockwise ring into triangles (convex windows for
 * Sutherland–Hodgman). Corners on a straight edge are dropped (they add no area). Null if it
 * cannot finish, which only a ring too degenerate to trust would cause.
 */
function triangulate(xs: number[], ys: number[]): [number[], number[]][] | null {
  const idx = xs.map((_, i) => i);
  const out: [number[], number[]][] = [];
  let guard = 2 * idx.length * idx.length + 16;
  while (idx.length > 3) {
    if (--guard < 0) return null;
    const n = idx.length;
    let cut = -1;
    let flat = -1;
    for (let k = 0; k < n; k++) {
      const a = idx[(k + n - 1) % n]!, b = idx[k]!, c = idx[(k + 1) % n]!;
      const o = orient(xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!);
      if (o === 0) {
        flat = k;
        continue;
      }
      if (o < 0) continue;
      // an ear: no other corner inside or on the triangle
      let empty = true;
      for (const p of idx) {
        if (p === a || p === b || p === c) continue;
        const px = xs[p]!, py = ys[p]!;
        if (
          orient(xs[a]!, ys[a]!, xs[b]!, ys[b]!, px, py) >= 0 &&
          orient(xs[b]!, ys[b]!, xs[c]!, ys[c]!, px, py) >= 0 &&
          orient(xs[c]!, ys[c]!, xs[a]!, ys[a]!, px, py) >= 0
        ) {
          empty = false;
          break;
        }
      }
      if (empty) {
        cut = k;
        break;
      }
    }
    if (cut >= 0) {
      const a = idx[(cut + n - 1) % n]!, b = idx[cut]!, c = idx[(cut + 1) % n]!;
      out.push([[xs[a]!, xs[b]!, xs[c]!], [ys[a]!, ys[b]!, ys[c]!]]);
      idx.splice(cut, 1);
    } else if (flat >= 0) {
      idx.splice(flat, 1);
    } else return null;
  }
  const [a, b, c] = idx as [number, number, number];
  if (orient(xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!) > 0) out.push([[xs[a]!, xs[b]!, xs[c]!], [ys[a]!, ys[b]!, ys[c]!]]);
  return out;
}

function inclusionExclusion(comp: Member[], adjacency: number[][]): Sums | null {
  const m = comp.length;
  if (comp.some((x) => !x.shape.simple)) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const x of comp) {
    const b = x.shape.bbox;
    if (b[0] < minX) minX = b[0];
    if (b[1] < minY) minY = b[1];
    if (b[2] > maxX) maxX = b[2];
    if (b[3] > maxY) maxY = b[3];
  }
  if (maxX - minX > MAX_LOCAL_DEG || maxY - minY > MAX_LOCAL_DEG) return null;
  const plane = new LocalEqualArea((minX + maxX) / 2, (minY + maxY) / 2);
  // Nodes: each parcel as one convex piece, or the triangles of a non-convex one (pieces of a
  // parcel meet only along edges, so no intersection term ever pairs two of them).
  const nx: number[][] = [];
  const ny: number[][] = [];
  const nParcel: number[] = [];
  for (let i = 0; i < m; i++) {
    const R = comp[i]!.shape.rings[0]!;
    const xs: number[] = new Array(R.n);
    const ys: number[] = new Array(R.n);
    for (let k = 0; k < R.n; k++) [xs[k], ys[k]] = plane.project(R.xs[k]!, R.ys[k]!);
    if (isConvex(xs, ys)) {
      nx.push(xs);
      ny.push(ys);
      nParcel.push(i);
    } else {
      const tris = triangulate(xs, ys);
      if (!tris) return null;
      for (const [tx, ty] of tris) {
        nx.push(tx);
        ny.push(ty);
        nParcel.push(i);
      }
    }
  }
  const nodes = nParcel.length;
  const adjacent = adjacency.map((list) => new Set(list));
  // Nodes of each parcel, in order, so "later neighbours" are quick to list.
  const nodesOf: number[][] = Array.from({ length: m }, () => []);
  nParcel.forEach((p, u) => nodesOf[p]!.push(u));
  const rank = comp.map((x) => RANK[x.entry.props.status]);
  const buckets = [0, 0, 0];
  // Each term costs a microsecond or two; parcels stacked several deep need tens of terms each.
  let budget = 256 * nodes + 4096;
  // The search: extend a set of mutually overlapping parcels with later neighbours of all of them.
  const grow = (xs: number[], ys: number[], cands: number[], size: number, r: number): boolean => {
    for (let c = 0; c < cands.length; c++) {
      if (--budget < 0) return false;
      const v = cands[c]!;
      const cut = clipConvex(xs, ys, nx[v]!, ny[v]!);
      const area = planarArea(cut[0], cut[1]);
      if (!(area > EMPTY_M2)) continue; // empty: so are all its supersets
      const pv = nParcel[v]!;
      const rr = Math.max(r, rank[pv]!);
      // a set of size + 1 parcels enters with the sign (−1)^size
      buckets[rr]! += (size % 2 === 1 ? -area : area) / 10_000;
      const adj = adjacent[pv]!;
      const next: number[] = [];
      for (let k = c + 1; k < cands.length; k++) if (adj.has(nParcel[cands[k]!]!)) next.push(cands[k]!);
      if (next.length > 0 && !grow(cut[0], cut[1], next, size + 1, rr)) return false;
    }
    return true;
  };
  for (let i = 0; i < m; i++) buckets[rank[i]!]! += comp[i]!.shape.areaHa;
  for (let u = 0; u < nodes; u++) {
    const p = nParcel[u]!;
    const later: number[] = [];
    for (const q of adjacency[p]!) if (q > p) later.push(...nodesOf[q]!);
    if (later.length === 0) continue;
    later.sort((x, y) => x - y);
    if (!grow(nx[u]!, ny[u]!, later, 1, rank[p]!)) return null;
  }
  // Round-off can leave a status a hair below zero when it is wholly covered: areas are never negative.
  return {
    cleared: Math.max(0, buckets[0]!),
    'in-progress': Math.max(0, buckets[1]!),
    'not-started': Math.max(0, buckets[2]!),
  };
}

// ----- Where is a parcel against the site outline? ----------------------------------------------

/** Uniform grid over the outline's edges, so a parcel meets only the edges near it. */
class SegmentGrid {
  private readonly cells: Map<number, number[]> = new Map();
  private readonly x0: number;
  private readonly y0: number;
  private readonly cw: number;
  private readonly ch: number;
  private readonly nx: number;
  private readonly ny: number;
  readonly ax: number[] = [];
  readonly ay: number[] = [];
  readonly bx: number[] = [];
  readonly by: number[] = [];
  private stamp: Int32Array;
  private tick = 0;

  constructor(shape: Shape) {
    for (const R of shape.rings) {
      for (let i = 0; i < R.n; i++) {
        const j = i + 1 === R.n ? 0 : i + 1;
        this.ax.push(R.xs[i]!);
        this.ay.push(R.ys[i]!);
        this.bx.push(R.xs[j]!);
        this.by.push(R.ys[j]!);
      }
    }
    const E = this.ax.length;
    const side = Math.max(1, Math.ceil(Math.sqrt(E)));
    const [minX, minY, maxX, maxY] = shape.bbox;
    this.x0 = minX;
    this.y0 = minY;
    this.nx = side;
    this.ny = side;
    this.cw = (maxX - minX) / side || 1;
    this.ch = (maxY - minY) / side || 1;
    this.stamp = new Int32Array(E);
    for (let e = 0; e < E; e++) {
      const [cx0, cy0, cx1, cy1] = this.cellRange(
        Math.min(this.ax[e]!, this.bx[e]!), Math.min(this.ay[e]!, this.by[e]!),
        Math.max(this.ax[e]!, this.bx[e]!), Math.max(this.ay[e]!, this.by[e]!),
      );
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const key = cy * this.nx + cx;
          let c = this.cells.get(key);
          if (!c) this.cells.set(key, (c = []));
          c.push(e);
        }
      }
    }
  }

  private cellRange(minX: number, minY: number, maxX: number, maxY: number): [number, number, number, number] {
    const clampX = (v: number) => Math.min(this.nx - 1, Math.max(0, Math.floor((v - this.x0) / this.cw)));
    const clampY = (v: number) => Math.min(this.ny - 1, Math.max(0, Math.floor((v - this.y0) / this.ch)));
    return [clampX(minX), clampY(minY), clampX(maxX), clampY(maxY)];
  }

  /** Calls `visit` once for each edge whose cell range meets the box; stops when it returns true. */
  some(minX: number, minY: number, maxX: number, maxY: number, visit: (e: number) => boolean): boolean {
    const t = ++this.tick;
    const [cx0, cy0, cx1, cy1] = this.cellRange(minX, minY, maxX, maxY);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const c = this.cells.get(cy * this.nx + cx);
        if (!c) continue;
        for (const e of c) {
          if (this.stamp[e] === t) continue;
          this.stamp[e] = t;
          if (visit(e)) return true;
        }
      }
    }
    return false;
  }
}

/** 'inside' or 'outside' only when certain (no contact with the outline's edges); else 'cross'. */
function relateToOutline(p: Shape, o: Shape, grid: SegmentGrid): 'inside' | 'outside' | 'cross' {
  if (!boxesOverlap(p.bbox, o.bbox)) return 'outside';
  for (const R of p.rings) {
    for (let i = 0; i < R.n; i++) {
      const j = i + 1 === R.n ? 0 : i + 1;
      const ax = R.xs[i]!, ay = R.ys[i]!, bx = R.xs[j]!, by = R.ys[j]!;
      const touches = grid.some(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (e) =>
        segRelation(ax, ay, bx, by, grid.ax[e]!, grid.ay[e]!, grid.bx[e]!, grid.by[e]!) !== NONE,
      );
      if (touches) return 'cross';
    }
  }
  // No boundary contact: each outer ring of the parcel is wholly inside or wholly outside, and one
  // corner tells which. An outline ring (a hole, or a small part) inside the parcel makes it partial.
  let inside = 0;
  let outside = 0;
  for (const R of p.rings) {
    if (R.hole) continue;
    const w = pointInRings(R.xs[0]!, R.ys[0]!, o.rings);
    if (w < 0) return 'cross';
    if (w > 0) inside++;
    else outside++;
  }
  if (inside > 0 && outside > 0) return 'cross';
  for (const S of o.rings) {
    if (!boxesOverlap(S.bbox, p.bbox)) continue;
    if (pointInRings(S.xs[0]!, S.ys[0]!, p.rings) !== 0) return 'cross';
  }
  return inside > 0 ? 'inside' : 'outside';
}
