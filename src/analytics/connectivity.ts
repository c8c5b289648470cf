// How far each park or cluster lies from what an investor measures access against: the nearest
// expressway interchange, border gate, railway station, airport and the provincial centre.
//
// Along the drawn roads where they join the site to the landmark, in a straight line otherwise,
// and every row says which. All lengths are WGS84 geodesics (GeographicLib): a road is the sum of
// the geodesics between its vertices, a straight line the geodesic between the two points.
//
// The road network is built from the region's road LineStrings (railway lines are not roads):
// - every vertex is a node and consecutive vertices are joined by an edge;
// - a road whose END lies within `joinToleranceM` (100 m) of another road (a vertex or any point
//   of a segment) is joined to it there, the short gap counted in the length. Two roads that merely
//   cross without either ending on the other are not joined: a drawn crossing may be a bridge;
// - a site is on the network where a road comes within `attachToleranceM` (100 m) of its outline
//   (or of its anchor, when it has no outline); a landmark where a road comes within that distance
//   of its point. It joins the road at the road's point nearest the site's anchor (or the landmark),
//   and that gap is counted too: distances are measured from where the site is, its anchor.
// - the basemap's roads (OpenStreetMap national and provincial roads, `basemapRoads`) join the same
//   network by the same rules when given, so a park a QL or ĐT road reaches is measured along it;
//   the row then says the path uses a basemap road (`basemapRoad`). A landmark reaches a basemap road
//   within BASEMAP_LANDMARK_M (1 km: the basemap has no town streets), the gap counted in the length.
// Dijkstra finds the shortest path. A path that runs along no stretch of road (the site and the
// landmark touch the same point of a road) is a straight line and is reported as one.
//
// Pure: imports neither React nor MapLibre, and never changes the region it reads.
import type { Position } from 'geojson';
import type { PreparedRegion } from '../domain/prepare';
import type { LandmarkProperties } from '../domain/schema';
import { geodesicDistanceM } from '../geo/geodesic';
import { networkOf, type ConnectivityOptions, type Network, type RoadInfo } from './connectivity/network';
import { dijkstra, routeTo, type Tree } from './connectivity/paths';

export type { ConnectivityOptions } from './connectivity/network';

export type LandmarkKind = LandmarkProperties['kind'];

/** The kinds a fact sheet lists, in the order it lists them. */
export const CONNECTIVITY_KINDS = ['interchange', 'border-gate', 'station', 'airport', 'centre'] as const satisfies readonly LandmarkKind[];

/** Why a distance is only indicative:
 *  - `road-geometry`: the path uses a road drawn only indicatively (a sketch, not a survey);
 *  - `landmark-location`: the landmark's location confidence is low;
 *  - `site-location`: the site's own location confidence is low. */
export type IndicativeReason = 'road-geometry' | 'landmark-location' | 'site-location';
const REASON_ORDER: readonly IndicativeReason[] = ['road-geometry', 'landmark-location', 'site-location'];

export interface ConnectivityRow {
  kind: LandmarkKind;
  landmarkId: string;
  /** the landmark's name, from landmarks.geojson */
  name: { vi: string; en: string };
  /** the distance shown: along roads when `method` is 'road', else the straight line; km, unrounded */
  km: number;
  method: 'road' | 'straight';
  /** the part of `km` run along roads (the rest is the short gaps joining site, roads and landmark); 0 for a straight line */
  roadKm: number;
  /** the straight line (geodesic) from the site's anchor to the landmark, km, whatever the method */
  straightKm: number;
  /** the roads the path runs along, in order from the site; empty for a straight line */
  roadIds: string[];
  /** the path uses a road that is not operating yet (under construction, approved or proposed) */
  unbuiltRoad: boolean;
  /** the path runs along at least one of the basemap's roads (OpenStreetMap), not only the region's own */
  basemapRoad: boolean;
  /** true when any of `reasons` applies: show the figure as approximate */
  indicative: boolean;
  reasons: IndicativeReason[];
}

/** a path along basemap roads longer than this many times the straight line is not trusted (see rowFor) */
export const MAX_BASEMAP_DETOUR = 2;
/** below this a stretch of road is round-off, not a road travelled */
const MIN_ROAD_M = 1;

// ---------------------------------------------------------------------------------------------
// Rows

interface SiteContext {
  net: Network;
  anchor: Position;
  siteLow: boolean;
  tree: Tree;
}

function siteContext(region: PreparedRegion, siteId: string, opts?: ConnectivityOptions): SiteContext | null {
  const anchor = region.siteAnchors.features.find((f) => f.properties.id === siteId)?.geometry.coordinates;
  if (!anchor) return null;
  const net = networkOf(region, opts);
  const site = region.data.sites.features.find((f) => f.properties.id === siteId);
  return {
    net,
    anchor,
    siteLow: site?.properties.locationConfidence === 'low',
    tree: dijkstra(net, net.siteAccess.get(siteId) ?? []),
  };
}

function rowFor(region: PreparedRegion, ctx: SiteContext, landmarkId: string): ConnectivityRow | null {
  const f = region.data.landmarks.features.find((x) => x.properties.id === landmarkId);
  if (!f || f.geometry?.type !== 'Point') return null;
  const p = f.properties;
  const straightM = geodesicDistanceM(ctx.anchor, f.geometry.coordinates);
  const route = routeTo(ctx.tree, ctx.net.landmarkAccess.get(landmarkId) ?? []);
  // The basemap's routes were merged per road number and lost most junctions: a path through them that runs more
  // than MAX_BASEMAP_DETOUR times the straight line goes round a junction that is missing, not along a real road.
  const viaBasemap = route !== null && route.roads.some((r) => ctx.net.roads[r]?.basemap);
  const detour = viaBasemap && route.totalM > MAX_BASEMAP_DETOUR * straightM;
  const byRoad = route !== null && route.roadM >= MIN_ROAD_M && !detour;
  const used = byRoad ? route.roads.map((r) => ctx.net.roads[r] as RoadInfo) : [];
  const reasons = new Set<IndicativeReason>();
  if (used.some((r) => r.indicative)) reasons.add('road-geometry');
  if (p.locationConfidence === 'low') reasons.add('landmark-location');
  if (ctx.siteLow) reasons.add('site-location');
  const ordered = REASON_ORDER.filter((r) => reasons.has(r));
  return {
    kind: p.kind,
    landmarkId: p.id,
    name: { vi: p.name.vi, en: p.name.en },
    km: (byRoad ? route.totalM : straightM) / 1000,
    method: byRoad ? 'road' : 'straight',
    roadKm: byRoad ? route.roadM / 1000 : 0,
    straightKm: straightM / 1000,
    roadIds: used.map((r) => r.id),
    unbuiltRoad: used.some((r) => r.unbuilt),
    basemapRoad: used.some((r) => r.basemap),
    indicative: ordered.length > 0,
    reasons: ordered,
  };
}

/** The distance from one site to one landmark (any kind), or null when either has no location. */
export function siteToLandmark(
  region: PreparedRegion,
  siteId: string,
  landmarkId: string,
  opts?: ConnectivityOptions,
): ConnectivityRow | null {
  const ctx = siteContext(region, siteId, opts);
  return ctx ? rowFor(region, ctx, landmarkId) : null;
}

/** One row per kind of landmark the region has, in CONNECTIVITY_KINDS order: the landmark of that kind
 *  with the smallest distance shown (by road where a road joins them, else straight; ties by id).
 *  A kind with no landmark in the data gets no row. A site without a location gets no rows. */
export function siteConnectivity(region: PreparedRegion, siteId: string, opts?: ConnectivityOptions): ConnectivityRow[] {
  const ctx = siteContext(region, siteId, opts);
  if (!ctx) return [];
  const rows: ConnectivityRow[] = [];
  for (const kind of CONNECTIVITY_KINDS) {
    let best: ConnectivityRow | null = null;
    for (const f of region.data.landmarks.features) {
      if (f.properties.kind !== kind) continue;
      const row = rowFor(region, ctx, f.properties.id);
      if (!row) continue;
      if (!best || row.km < best.km || (row.km === best.km && row.landmarkId < best.landmarkId)) best = row;
    }
    if (best) rows.push(best);
  }
  return rows;
}

/** siteConnectivity for every site of the region, by site id (an unlocated site maps to []). */
export function connectivityIndex(region: PreparedRegion, opts?: ConnectivityOptions): Record<string, ConnectivityRow[]> {
  const out: Record<string, ConnectivityRow[]> = {};
  for (const f of region.data.sites.features) out[f.properties.id] = siteConnectivity(region, f.properties.id, opts);
  return out;
}
