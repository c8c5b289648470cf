/**
 * Small geometry helpers for the basemap builder: rounding, clipping to the basemap box, chaining line pieces,
 * bounding boxes and deterministic GeoJSON output. Everything is plain lon/lat (WGS84).
 */
import { bboxClip, bboxPolygon, featureCollection, intersect, rewind } from '@turf/turf';
import type {
  BBox,
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/** 5 decimals of a degree is about 1 m: far below what zoom ≤ 11 can show. */
export const DECIMALS = 5;
const SCALE = 10 ** DECIMALS;

export type Areal = Polygon | MultiPolygon;
export type Linear = LineString | MultiLineString;

export function roundPosition([x = NaN, y = NaN]: Position): Position {
  // `+ 0` turns -0 into 0 so the output never says "-0".
  return [Math.round(x * SCALE) / SCALE + 0, Math.round(y * SCALE) / SCALE + 0];
}

/** Rounds a line and drops the repeated positions rounding creates. */
export function roundLine(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const r = roundPosition(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

/** Rounds a ring; returns null when it collapses to fewer than 4 positions (a triangle plus closing point). */
export function roundRing(ring: readonly Position[]): Position[] | null {
  const out = roundLine(ring);
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  return out.length >= 4 ? out : null;
}

/** Rounds polygons, dropping rings (and polygons) that collapse. Returns null when nothing is left. */
export function roundAreal(geometry: Areal): Areal | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept: Position[][][] = [];
  for (const polygon of polygons) {
    const outer = polygon[0] ? roundRing(polygon[0]) : null;
    if (!outer) continue; // a collapsed outer ring takes its holes with it
    const holes = polygon.slice(1).map(roundRing).filter((r): r is Position[] => r !== null);
    kept.push([outer, ...holes]);
  }
  if (kept.length === 0) return null;
  const [only] = kept;
  return kept.length === 1 && only ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: kept };
}

/** Rounds lines, dropping those that collapse to a point. Returns null when nothing is left. */
export function roundLinear(geometry: Linear): Linear | null {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const kept = lines.map(roundLine).filter((l) => l.length >= 2);
  if (kept.length === 0) return null;
  const [only] = kept;
  return kept.length === 1 && only ? { type: 'LineString', coordinates: only } : { type: 'MultiLineString', coordinates: kept };
}

/**
 * Clips polygons to a box with a real polygon intersection (turf/polyclip), not Sutherland–Hodgman, so concave
 * coastlines do not grow zero-width spikes along the box edge.
 */
export function clipAreal(geometry: Areal, box: BBox): Areal | null {
  const clipped = intersect(featureCollection<Areal>([{ type: 'Feature', properties: {}, geometry }, bboxPolygon(box)]));
  return clipped ? clipped.geometry : null;
}

/** Clips lines to a box; a line that leaves and re-enters the box becomes several lines. */
export function clipLinear(geometry: Linear, box: BBox): MultiLineString | null {
  // bboxClip's declared result also covers polygons; lines in give lines out.
  const clipped = bboxClip({ type: 'Feature', properties: {}, geometry }, box).geometry as Linear;
  const lines: Position[][] = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  const kept = lines.filter((l) => l.length >= 2);
  if (kept.length === 0) return null;
  return { type: 'MultiLineString', coordinates: kept };
}

/** RFC 7946 winding (outer rings counter-clockwise), which some renderers and validators expect. */
export function rewindAreal(geometry: Areal): Areal {
  // turf types the result as any GeoJSON; rewinding never changes the geometry type.
  return rewind(geometry, { mutate: false }) as Areal;
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Chains line pieces that meet end to end into longer lines: GMT cuts rivers and lake shores at the edges of its
 * storage bins, and shared province edges come out as two-point segments. A node where exactly two pieces meet is
 * joined through; nodes where one or three or more pieces meet stay line ends, so confluences keep their shape.
 * Pieces that close on themselves come out as closed lines (first position repeated at the end).
 * Deterministic: pieces are visited in input order.
 */
export function mergeLines(pieces: readonly (readonly Position[])[]): Position[][] {
  const lines = pieces.filter((p) => p.length >= 2);
  const ends = new Map<string, number[]>(); // node → indices of pieces touching it (twice if both ends)
  lines.forEach((line, i) => {
    for (const p of [line[0], line[line.length - 1]]) {
      if (!p) continue;
      const k = key(p);
      const list = ends.get(k);
      if (list) list.push(i);
      else ends.set(k, [i]);
    }
  });
  const used = new Array<boolean>(lines.length).fill(false);

  /** The other unused piece at a node where exactly two piece ends meet. */
  const continuation = (node: Position, from: number): number | undefined => {
    const touching = ends.get(key(node));
    if (!touching || touching.length !== 2) return undefined;
    const next = touching[0] === from ? touching[1] : touching[0];
    return next !== undefined && next !== from && !used[next] ? next : undefined;
  };

  /** Appends pieces to `chain` at its end for as long as the chain continues through two-piece nodes. */
  const extend = (chain: Position[], lastPiece: number): void => {
    let current = lastPiece;
    for (;;) {
      const tail = chain[chain.length - 1];
      if (!tail) return;
      const next = continuation(tail, current);
      if (next === undefined) return;
      const piece = lines[next] ?? [];
      const forward = key(piece[0] ?? []) === key(tail);
      const oriented = forward ? piece : [...piece].reverse();
      chain.push(...oriented.slice(1));
      used[next] = true;
      current = next;
    }
  };

  const out: Position[][] = [];
  lines.forEach((line, i) => {
    if (used[i]) return;
    used[i] = true;
    const chain = [...line];
    extend(chain, i);
    chain.reverse();
    extend(chain, i);
    out.push(chain);
  });
  return out;
}

export function isClosed(line: readonly Position[]): boolean {
  const a = line[0];
  const b = line[line.length - 1];
  return line.length >= 4 && !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Visits every position of a geometry. */
export function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((l) => l.forEach(visit));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((poly) => poly.forEach((l) => l.forEach(visit)));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => eachPosition(g, visit));
      break;
  }
}

export function bboxOf(features: readonly Feature<Geometry | null, unknown>[]): BBox | null {
  let box: [number, number, number, number] | null = null;
  for (const f of features) {
    if (!f.geometry) continue;
    eachPosition(f.geometry, ([x, y]) => {
      if (x === undefined || y === undefined) return;
      if (!box) box = [x, y, x, y];
      else box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
    });
  }
  return box;
}

export function countPositions(features: readonly Feature<Geometry | null, unknown>[]): number {
  let n = 0;
  for (const f of features) if (f.geometry) eachPosition(f.geometry, () => (n += 1));
  return n;
}

/**
 * Serialises a FeatureCollection with one feature per line: still compact, but diffs of the committed files stay
 * readable and a changed feature shows up as one changed line.
 */
export function stringifyCollection<G extends Geometry, P>(collection: FeatureCollection<G, P>): string {
  const lines = collection.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** Distance in km on a local flat approximation (equirectangular): enough for label spacing and edge lengths. */
export function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const kx = 111.32 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot((a.lon - b.lon) * kx, (a.lat - b.lat) * 110.57);
}
