// The road network connectivity measures along: the region's roads (and the basemap's, when given)
// as a graph of vertices and geodesic edges, with where each site and landmark reaches it. The rules
// are stated at the top of ../connectivity.ts.
import type { FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { PreparedRegion } from '../../domain/prepare';
import { geodesicDistanceM } from '../../geo/geodesic';
import { boxesNear, boxOf, interpolate, lineToArea, nearestOnLine, type Nearest } from '../../geo/nearness';
import type { BBox } from '../../geo/predicates';

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

export interface Edge {
  to: number;
  m: number;
  /** index into Network.roads, or -1 for a gap joining roads, sites and landmarks */
  road: number;
}

export interface Access {
  node: number;
  gapM: number;
}

export interface RoadInfo {
  id: string;
  indicative: boolean;
  unbuilt: boolean;
  basemap: boolean;
}

export interface Network {
  nodes: Position[];
  adj: Edge[][];
  roads: RoadInfo[];
  siteAccess: Map<string, Access[]>;
  landmarkAccess: Map<string, Access[]>;
}

export function buildNetwork(region: PreparedRegion, joinM: number, attachM: number, basemapRoads: ConnectivityOptions['basemapRoads']): Network {
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
      const endBox: BBox = [end[0] as number, end[1] as number, end[0] as number, end[1] as number];
      coords.forEach((other, s) => {
        if (s === r || !boxesNear(endBox, boxes[s] as BBox, joinM)) return;
        const near = nearestOnLine(end, other);
        if (near.d > joinM) return;
        const q = insertAt(s, near);
        addEdge(vertexNodes[r]?.[i] as number, q, geodesicDistanceM(end, nodes[q] as Position), -1);
      });
    }
  });

  // Where sites and landmarks join the roads.
  const accessOf = (at: Position, reaches: (r: number) => boolean, box: BBox, nearM = attachM): Access[] => {
    const out: Access[] = [];
    coords.forEach((line, r) => {
      if (!boxesNear(box, boxes[r] as BBox, nearM) || !reaches(r)) return;
      const q = insertAt(r, nearestOnLine(at, line));
      out.push({ node: q, gapM: geodesicDistanceM(at, nodes[q] as Position) });
    });
    return out;
  };
  const pointBox = (p: Position): BBox => [p[0] as number, p[1] as number, p[0] as number, p[1] as number];

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

// One network per region (and per basemap roads collection) at the default tolerances: a fact sheet
// asks for one site at a time, the index for all.
const cache = new WeakMap<PreparedRegion, Network>();
/** with the basemap's roads: per region, per roads collection */
const basemapCache = new WeakMap<PreparedRegion, WeakMap<object, Network>>();

export function networkOf(region: PreparedRegion, opts?: ConnectivityOptions): Network {
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
