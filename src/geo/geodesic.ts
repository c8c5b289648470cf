// The WGS84 geodesic of GeographicLib, in one place, and the headline area method built on it:
// ellipsoidal (WGS84 geodesic) area, exact to round-off for polygons of any size (Turf's spherical
// area reads ~0.25% high at 22°N, enough to flip "met"/"not met" near a 500 ha target).
// geographiclib-geodesic is a UMD file: bundlers and vitest expose its names, but Node's own ESM
// loader (tsx scripts) sees CommonJS and offers only a default export holding them.
import * as geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';

const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;

export const WGS84 = lib.Geodesic.WGS84;

const geod = WGS84;

/** Unsigned geodesic area of one closed ring, in m². */
export function ringAreaM2(ring: readonly Position[]): number {
  const poly = geod.Polygon(false);
  // GeoJSON rings repeat the first point at the end; GeographicLib closes the ring itself.
  const n = ring.length > 1 && samePos(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Position;
    poly.AddPoint(p[1] as number, p[0] as number);
  }
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
