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

import type { MultiPolygon, Polygon, FeatureCollection } from 'geojson';
import { entriesAsOf, groupHistories } from './history';
import type { SiteInfo, Strategy } from './model';
import { computeSite } from './siteClearance';
import { assemble } from './totals';
import { timed } from '../stepTimes';
import type {
  ClearanceData,
  ClearanceIndex,
  ClearanceOptions,
  ClearancePoint,
  ClearanceReport,
  SiteClearance,
  SiteOutlines,
} from './types';

export type * from './types';

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

function buildIndex(data: ClearanceData, outlines: SiteOutlines, strategy: Strategy): ClearanceIndex {
  const outlineOf = outlineMap(outlines);
  const sites: SiteInfo[] = [];
  const siteById = new Map<string, SiteInfo>();
  for (const f of data.sites.features) {
    const info: SiteInfo = { props: f.properties, outline: outlineOf.get(f.properties.id) ?? null, memo: new Map(), histories: [] };
    sites.push(info);
    siteById.set(f.properties.id, info);
  }

  const { dates: sorted, unknownWarnings } = timed('history by parcel id', () => groupHistories(data.clearance, siteById));
  const dates = Object.freeze(sorted) as string[];
  const reports = new Map<string, ClearanceReport>();

  const at = (asOf: string): ClearanceReport => {
    if (!DATE.test(asOf)) throw new RangeError(`clearance: date must be YYYY-MM-DD, got "${asOf}"`);
    const cached = reports.get(asOf);
    if (cached) return cached;
    const bySite = sites.map((s) => siteAsOf(s, asOf, strategy));
    const report = timed('totals', () => assemble(asOf, bySite, unknownWarnings));
    reports.set(asOf, report);
    return report;
  };
  return {
    dates,
    at,
    series: (ds) => [...new Set(ds ?? dates)].sort().map((date) => ({ date, ...at(date).province })),
  };
}

function siteAsOf(site: SiteInfo, asOf: string, strategy: Strategy): SiteClearance {
  const used = timed('latest entry per parcel', () => entriesAsOf(site, asOf));
  // The same entries give the same answer: memoise by their identity (id@date).
  const signature = used.map((e) => `${e.props.id}@${e.props.asOf}`).sort().join('|');
  let result = site.memo.get(signature);
  if (!result) {
    result = computeSite(site, used, strategy);
    site.memo.set(signature, result);
  }
  return result;
}
