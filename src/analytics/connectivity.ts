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
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { PreparedRegion } from '../domain/prepare';
import type { LandmarkProperties } from '../domain/schema';
import { geodesicDistanceM } from '../geo/geodesic';

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

export interface ConnectivityOptions {
  /** a road end this close to another road joins it (m); default 100 */
  joinToleranceM?: number;
  /** a road this close to a site's outline (or anchor), or to a landmark, reaches it (m); default 100 */
  attachToleranceM?: number;
  /** the basemap's roads (public/basemap/osm-roads.geojson: `ref` like "QL.4E"), added to the region's own */
  basemapRoads?: FeatureCollection<LineString, { ref?: string }> | null;
}

const DEFAULT_JOIN_M = 100;
const DEFAULT_ATTACH_M = 100;
/** how far a landmark may lie from a basemap road and still be reached by it (m); see buildNetwork */
export const BASEMAP_LANDMARK_M = 1000;
/** a path along basemap roads longer than this many times the straight line is not trusted (see rowFor) */
export const MAX_BASEMAP_DETOUR = 2;
/** below this a stretch of road is round-off, not a road travelled */
const MIN_ROAD_M = 1;
const EDGE_EPS_M = 0.01;

// ---------------------------------------------------------------------------------------------
// Local flat geometry, only to decide what is near what and where along a segment: over a few km a
// local equirectangular frame is within a fraction of a percent, ample for a 100 m tolerance. The
// lengths reported are all geodesics between the points it finds.

const M_PER_DEG = 111_320;
type XY = [number, number];

function frameAt(origin: Position): (p: Position) => XY {
  const lon0 = origin[0] as number;
  const lat0 = origin[1] as number;
  const k = Math.cos((lat0 * Math.PI) / 180) * M_PER_DEG;
  return (p) => [((p[0] as number) - lon0) * k, ((p[1] as number) - lat0) * M_PER_DEG];
}

function pointSegment(p: XY, a: XY, b: XY): { t: number; d: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return { t, d: Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]) };
}

function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function segmentSegment(a: XY, b: XY, c: XY, d: XY): number {
  if (segmentsCross(a, b, c, d)) return 0;
  return Math.min(pointSegment(a, c, d).d, pointSegment(b, c, d).d, pointSegment(c, a, b).d, pointSegment(d, a, b).d);
}

interface Nearest {
  seg: number;
  t: number;
  /** planar distance in m, for tolerance checks */
  d: number;
}

/** The point of a polyline nearest to p. */
function nearestOnLine(p: Position, line: readonly Position[]): Nearest {
  const f = frameAt(p);
  const q: XY = [0, 0];
  let best: Nearest = { seg: 0, t: 0, d: Infinity };
  for (let i = 0; i + 1 < line.length; i++) {
    const r = pointSegment(q, f(line[i] as Position), f(line[i + 1] as Position));
    if (r.d < best.d) best = { seg: i, t: r.t, d: r.d };
  }
  return best;
}

/** Planar distance (m) from a polyline to an area: 0 when the line enters it. */
function lineToArea(line: readonly Position[], area: Polygon | MultiPolygon, origin: Position): number {
  if (line.some((p) => booleanPointInPolygon(p, area))) return 0;
  const f = frameAt(origin);
  const pts = line.map(f);
  const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
  let best = Infinity;
  for (const ring of rings) {
    const rp = ring.map(f);
    for (let i = 0; i + 1 < pts.length; i++) {
      for (let j = 0; j + 1 < rp.length; j++) {
        best = Math.min(best, segmentSegment(pts[i] as XY, pts[i + 1] as XY, rp[j] as XY, rp[j + 1] as XY));
        if (best === 0) return 0;
      }
    }
  }
  return best;
}

function interpolate(line: readonly Position[], seg: number, t: number): Position {
  const a = line[seg] as Position;
  const b = line[seg + 1] as Position;
  return [(a[0] as number) + t * ((b[0] as number) - (a[0] as number)), (a[1] as number) + t * ((b[1] as number) - (a[1] as number))];
}

type Box = [number, number, number, number];

function boxOf(points: readonly Position[]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    b[0] = Math.min(b[0], p[0] as number);
    b[1] = Math.min(b[1], p[1] as number);
    b[2] = Math.max(b[2], p[0] as number);
    b[3] = Math.max(b[3], p[1] as number);
  }
  return b;
}

/** Whether two boxes come within `m` metres of each other (generously: a cheap pre-filter). */
function boxesNear(a: Box, b: Box, m: number): boolean {
  const lat = Math.max(Math.abs(a[1]), Math.abs(a[3]));
  const dLat = (1.5 * m) / M_PER_DEG;
  const dLon = dLat / Math.max(0.01, Math.cos((Math.min(89, lat + dLat) * Math.PI) / 180));
  return a[0] - dLon <= b[2] && b[0] - dLon <= a[2] && a[1] - dLat <= b[3] && b[1] - dLat <= a[3];
}

// ---------------------------------------------------------------------------------------------
// The network

interface Edge {
  to: number;
  m: number;
  /** index into Network.roads, or -1 for a gap joining roads, sites and landmarks */
  road: number;
}

interface Access {
  node: number;
  gapM: number;
}

interface RoadInfo {
  id: string;
  indicative: boolean;
  unbuilt: boolean;
  basemap: boolean;
}

interface Network {
  nodes: Position[];
  adj: Edge[][];
  roads: RoadInfo[];
  siteAccess: Map<string, Access[]>;
  landmarkAccess: Map<string, Access[]>;
}

function buildNetwork(region: PreparedRegion, joinM: number, attachM: number, basemapRoads: ConnectivityOptions['basemapRoads']): Network {
  // The basemap has no urban streets: a station or border gate in town lies some 650–750 m from the nearest QL or
  // ĐT road (Ga Lào Cai, Lào Cai border gate), so a landmark reaches a basemap road within 1 km, the gap counted.
  const landmarkM = Math.max(attachM, BASEMAP_LANDMARK_M);
  const nodes: Position[] = [];
  const adj: Edge[][] = [];
  const addNode = (p: Position) => {
    nodes.push(p);
    adj.push([]);
    return nodes.length - 1;
  };
  const addEdge = (a: number, b: number, m: number, road: number) => {
    adj[a]?.push({ to: b, m, road });
    adj[b]?.push({ to: a, m, road });
  };

  const lines = region.roads.features.filter((f) => f.properties.role !== 'railway' && f.geometry.coordinates.length >= 2);
  const roads: RoadInfo[] = lines.map((f) => ({
    id: f.properties.id,
    indicative: f.properties.quality === 'indicative',
    unbuilt: f.properties.status !== 'operating',
    basemap: false,
  }));
  const coords = lines.map((f) => f.geometry.coordinates);
  for (const f of basemapRoads?.features ?? []) {
    if (f.geometry?.type !== 'LineString' || f.geometry.coordinates.length < 2) continue;
    // Surveyed by OpenStreetMap's mappers and in use: neither indicative nor unbuilt.
    roads.push({ id: `basemap:${f.properties?.ref ?? coords.length}`, indicative: false, unbuilt: false, basemap: true });
    coords.push(f.geometry.coordinates);
  }
  const boxes = coords.map(boxOf);
  const vertexNodes = coords.map((line) => line.map(addNode));
  // points added along a road's segments: where another road ends on it, or a site or landmark joins it
  const inserted: { seg: number; t: number; node: number }[][] = coords.map(() => []);
  const insertAt = (r: number, at: Nearest) => {
    const node = addNode(interpolate(coords[r] as Position[], at.seg, at.t));
    inserted[r]?.push({ seg: at.seg, t: at.t, node });
    return node;
  };

  // Roads that share a vertex meet there.
  const byKey = new Map<string, number>();
  vertexNodes.forEach((ids, r) =>
    ids.forEach((id, i) => {
      const p = coords[r]?.[i] as Position;
      const key = `${p[0]},${p[1]}`;
      const first = byKey.get(key);
      if (first === undefined) byKey.set(key, id);
      else addEdge(first, id, 0, -1);
    }),
  );

  // A road that ends on or near another joins it.
  coords.forEach((line, r) => {
    for (const i of [0, line.length - 1]) {
      const end = line[i] as Position;
      const endBox: Box = [end[0] as number, end[1] as number, end[0] as number, end[1] as number];
      coords.forEach((other, s) => {
        if (s === r || !boxesNear(endBox, boxes[s] as Box, joinM)) return;
        const near = nearestOnLine(end, other);
        if (near.d > joinM) return;
        const q = insertAt(s, near);
        addEdge(vertexNodes[r]?.[i] as number, q, geodesicDistanceM(end, nodes[q] as Position), -1);
      });
    }
  });

  // Where sites and landmarks join the roads.
  const accessOf = (at: Position, reaches: (r: number) => boolean, box: Box, nearM = attachM): Access[] => {
    const out: Access[] = [];
    coords.forEach((line, r) => {
      if (!boxesNear(box, boxes[r] as Box, nearM) || !reaches(r)) return;
      const q = insertAt(r, nearestOnLine(at, line));
      out.push({ node: q, gapM: geodesicDistanceM(at, nodes[q] as Position) });
    });
    return out;
  };
  const pointBox = (p: Position): Box => [p[0] as number, p[1] as number, p[0] as number, p[1] as number];

  const outlines = new Map(region.siteOutlines.features.map((f) => [f.properties.id, f.geometry]));
  const siteAccess = new Map<string, Access[]>();
  for (const f of region.siteAnchors.features) {
    const anchor = f.geometry.coordinates;
    const outline = outlines.get(f.properties.id);
    const access = outline
      ? accessOf(anchor, (r) => lineToArea(coords[r] as Position[], outline, anchor) <= attachM, boxOf(outlineRing(outline)))
      : accessOf(anchor, (r) => nearestOnLine(anchor, coords[r] as Position[]).d <= attachM, pointBox(anchor));
    siteAccess.set(f.properties.id, access);
  }
  const landmarkAccess = new Map<string, Access[]>();
  for (const f of region.landmarks.features) {
    const at = f.geometry.coordinates;
    landmarkAccess.set(
      f.properties.id,
      accessOf(at, (r) => nearestOnLine(at, coords[r] as Position[]).d <= (roads[r]?.basemap ? landmarkM : attachM), pointBox(at), landmarkM),
    );
  }

  // Chain each road's vertices and added points in order along it.
  coords.forEach((line, r) => {
    const extra = [...(inserted[r] ?? [])].sort((a, b) => a.seg - b.seg || a.t - b.t);
    const seq: number[] = [];
    let k = 0;
    for (let i = 0; i < line.length; i++) {
      seq.push(vertexNodes[r]?.[i] as number);
      while (k < extra.length && (extra[k]?.seg as number) === i) seq.push((extra[k++] as { node: number }).node);
    }
    for (let i = 1; i < seq.length; i++) {
      const a = seq[i - 1] as number;
      const b = seq[i] as number;
      addEdge(a, b, geodesicDistanceM(nodes[a] as Position, nodes[b] as Position), r);
    }
  });

  return { nodes, adj, roads, siteAccess, landmarkAccess };
}

function outlineRing(g: Polygon | MultiPolygon): Position[] {
  return g.type === 'Polygon' ? (g.coordinates[0] ?? []) : g.coordinates.flatMap((p) => p[0] ?? []);
}

// ---------------------------------------------------------------------------------------------
// Shortest paths

interface Tree {
  dist: Float64Array;
  /** the edge by which each node was reached (-1 at a start) */
  prevNode: Int32Array;
  prevRoad: Int32Array;
  prevM: Float64Array;
}

function dijkstra(net: Network, starts: readonly Access[]): Tree {
  const n = net.nodes.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prevNode = new Int32Array(n).fill(-1);
  const prevRoad = new Int32Array(n).fill(-1);
  const prevM = new Float64Array(n);
  const heap: [number, number][] = [];
  const push = (d: number, v: number) => {
    heap.push([d, v]);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((heap[p] as [number, number])[0] <= d) break;
      [heap[p], heap[i]] = [heap[i] as [number, number], heap[p] as [number, number]];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0] as [number, number];
    const last = heap.pop() as [number, number];
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && (heap[l] as [number, number])[0] < (heap[m] as [number, number])[0]) m = l;
        if (r < heap.length && (heap[r] as [number, number])[0] < (heap[m] as [number, number])[0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i] as [number, number], heap[m] as [number, number]];
        i = m;
      }
    }
    return top;
  };
  for (const s of starts) {
    if (s.gapM < (dist[s.node] as number)) {
      dist[s.node] = s.gapM;
      push(s.gapM, s.node);
    }
  }
  while (heap.length > 0) {
    const [d, v] = pop();
    if (d > (dist[v] as number)) continue;
    for (const e of net.adj[v] ?? []) {
      const nd = d + e.m;
      if (nd < (dist[e.to] as number)) {
        dist[e.to] = nd;
        prevNode[e.to] = v;
        prevRoad[e.to] = e.road;
        prevM[e.to] = e.m;
        push(nd, e.to);
      }
    }
  }
  return { dist, prevNode, prevRoad, prevM };
}

interface Route {
  totalM: number;
  roadM: number;
  roads: number[];
}

function routeTo(tree: Tree, targets: readonly Access[]): Route | null {
  let best: Access | null = null;
  let bestM = Infinity;
  for (const t of targets) {
    const m = (tree.dist[t.node] as number) + t.gapM;
    if (m < bestM) {
      bestM = m;
      best = t;
    }
  }
  if (!best) return null;
  const roads: number[] = [];
  let roadM = 0;
  for (let v = best.node; (tree.prevNode[v] as number) >= 0; v = tree.prevNode[v] as number) {
    const road = tree.prevRoad[v] as number;
    const m = tree.prevM[v] as number;
    if (road < 0 || m < EDGE_EPS_M) continue;
    roadM += m;
    if (roads[roads.length - 1] !== road) roads.push(road);
  }
  roads.reverse();
  return { totalM: bestM, roadM, roads: roads.filter((r, i) => roads.indexOf(r) === i) };
}

// ---------------------------------------------------------------------------------------------
// Rows

const cache = new WeakMap<PreparedRegion, Network>();
/** with the basemap's roads: per region, per roads collection */
const basemapCache = new WeakMap<PreparedRegion, WeakMap<object, Network>>();

function networkOf(region: PreparedRegion, opts?: ConnectivityOptions): Network {
  const joinM = opts?.joinToleranceM ?? DEFAULT_JOIN_M;
  const attachM = opts?.attachToleranceM ?? DEFAULT_ATTACH_M;
  const isDefault = joinM === DEFAULT_JOIN_M && attachM === DEFAULT_ATTACH_M;
  const basemap = opts?.basemapRoads ?? null;
  const byRoads = basemap ? (basemapCache.get(region) ?? new WeakMap<object, Network>()) : null;
  const hit = isDefault ? (basemap ? byRoads?.get(basemap) : cache.get(region)) : undefined;
  if (hit) return hit;
  const net = buildNetwork(region, joinM, attachM, basemap);
  if (isDefault && basemap && byRoads) {
    byRoads.set(basemap, net);
    basemapCache.set(region, byRoads);
  } else if (isDefault) cache.set(region, net);
  return net;
}

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
