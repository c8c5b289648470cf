// The WGS84 geodesic of GeographicLib, in one place, and the headline area method built on it:
// ellipsoidal (WGS84 geodesic) area, exact to round-off for polygons of any size, small ones through a
// local equal-area plane to under 10⁻⁷ (Turf's spherical area reads ~0.25% high at 22°N, enough to flip
// "met"/"not met" near a 500 ha target).
// geographiclib-geodesic is a UMD file: bundlers and vitest expose its names, but Node's own ESM
// loader (tsx scripts) sees CommonJS and offers only a default export holding them.
import * as geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { LocalEqualArea } from './equalArea';
import { cornersBox } from './shape';

/** scratch for a ring's box (cornersAreaM2 keeps no box between calls) */
const box = new Float64Array(4);

const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;

export const WGS84 = lib.Geodesic.WGS84;

const geod = WGS84;

/** Rings at most this wide (degrees, either way; about 2 km) are measured in a local equal-area plane. */
const LOCAL_PLANE_DEG = 0.02;

/** Unsigned geodesic area of one closed ring, in m². */
export function ringAreaM2(ring: readonly Position[]): number {
  // GeoJSON rings repeat the first point at the end; the corner form does not.
  const n = ring.length > 1 && samePos(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;
  const xs = new Array<number>(n);
  const ys = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Position;
    xs[i] = p[0] as number;
    ys[i] = p[1] as number;
  }
  return cornersAreaM2(xs, ys, n);
}

/** Unsigned geodesic area, in m², of a ring given as its `n` corners (lon in `xs`, lat in `ys`,
 *  the first not repeated at the end): the form a parsed shape (geo/shape.ts) already holds. */
export function cornersAreaM2(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): number {
  // A small ring (a land parcel, a plot) is measured in a Lambert azimuthal equal-area plane of the WGS84
  // ellipsoid centred on it: the plane keeps area exactly, and its straight edges stand for the geodesic
  // ones to under 10⁻⁷ of the area at this size (tests/unit/geo/geodesicArea.test.ts checks it against
  // GeographicLib), at a fraction of the cost. 20,000 clearance parcels are measured on every report.
  cornersBox(xs, ys, n, box);
  const minX = box[0]!, minY = box[1]!, maxX = box[2]!, maxY = box[3]!;
  if (n < 3) return 0;
  if (maxX - minX <= LOCAL_PLANE_DEG && maxY - minY <= LOCAL_PLANE_DEG) {
    const plane = new LocalEqualArea((minX + maxX) / 2, (minY + maxY) / 2);
    let twice = 0;
    plane.projectPoint(xs[n - 1]!, ys[n - 1]!);
    let px = plane.x;
    let py = plane.y;
    for (let i = 0; i < n; i++) {
      plane.projectPoint(xs[i]!, ys[i]!);
      twice += px * plane.y - plane.x * py;
      px = plane.x;
      py = plane.y;
    }
    return Math.abs(twice) / 2;
  }
  // GeographicLib closes the ring itself.
  const poly = geod.Polygon(false);
  for (let i = 0; i < n; i++) poly.AddPoint(ys[i]!, xs[i]!);
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/** true when two positions are the same point (a ring's closing repeat) */
export function samePos(a: Position | undefined, b: Position | undefined): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Geodesic area in m²: outer rings minus holes, summed over the parts of a multipolygon. */
export function geodesicAreaM2(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const a = ringAreaM2(ring);
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

export const M2_PER_HA = 10_000;

export function geodesicAreaHa(g: Polygon | MultiPolygon): number {
  return geodesicAreaM2(g) / M2_PER_HA;
}

/** Length in metres of the WGS84 geodesic (the shortest path on the ellipsoid) between two
 *  [lon, lat] positions: the "straight line" of a distance on the map, exact to round-off. */
export function geodesicDistanceM(a: Position, b: Position): number {
  const r = geod.Inverse(a[1] as number, a[0] as number, b[1] as number, b[0] as number, lib.Geodesic.DISTANCE);
  return r.s12 ?? 0;
}

/** Length in metres of a polyline whose vertices are joined by geodesics. */
export function geodesicLengthM(line: readonly Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += geodesicDistanceM(line[i - 1] as Position, line[i] as Position);
  return total;
}
