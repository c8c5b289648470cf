// Indicative footprint: where only a located point and a declared area are known, the map shows a
// regular polygon of exactly that area centred on the point. It is a sketch of size, not a boundary,
// and it is round on purpose so that nobody reads it as a surveyed parcel.
import type { Polygon, Position } from 'geojson';
import { geodesicAreaHa, WGS84 as geod } from '../geo/geodesic';

const SEGMENTS = 48;

function ringAt(lon: number, lat: number, radiusM: number): Position[] {
  const ring: Position[] = [];
  // Decreasing azimuth walks counter-clockwise, the exterior-ring order RFC 7946 asks for.
  for (let i = 0; i < SEGMENTS; i++) {
    const azi = 360 - (i * 360) / SEGMENTS;
    const d = geod.Direct(lat, lon, azi, radiusM);
    ring.push([round(d.lon2 ?? lon), round(d.lat2 ?? lat)]);
  }
  ring.push([...(ring[0] as Position)]);
  return ring;
}

// 1e-7° is about 1 cm: enough for exact-looking areas without 17-digit coordinates.
function round(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

/** A polygon centred on [lon, lat] whose WGS84 geodesic area equals `areaHa` (to well under 0.01%). */
export function indicativeFootprint(center: Position, areaHa: number): Polygon {
  const [lon, lat] = center as [number, number];
  const targetM2 = areaHa * 10_000;
  // Area of a regular n-gon with circumradius r is (n/2)·r²·sin(2π/n); refine on the ellipsoid.
  let r = Math.sqrt(targetM2 / ((SEGMENTS / 2) * Math.sin((2 * Math.PI) / SEGMENTS)));
  let poly: Polygon = { type: 'Polygon', coordinates: [ringAt(lon, lat, r)] };
  for (let k = 0; k < 3; k++) {
    const got = geodesicAreaHa(poly);
    if (Math.abs(got - areaHa) / areaHa < 1e-6) break;
    r *= Math.sqrt(areaHa / got);
    poly = { type: 'Polygon', coordinates: [ringAt(lon, lat, r)] };
  }
  return poly;
}
