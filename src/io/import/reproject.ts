// VN-2000 TM-3 plane coordinates in an imported file → WGS84, always through analytics/vn2000
// (proj4 with the QĐ 05/2007 seven-parameter shift; a shift-less conversion lands ~220 m off).
//
// Which number is the northing is decided by magnitude, never by a column letter or an axis order
// the file claims: in Vietnam a TM-3 northing is at least ~900 000 m (8°N) and an easting within a
// zone stays between ~300 000 and ~700 000 m, so the larger of the two is the northing.
import { fromVn2000 } from '../../analytics/vn2000';
import type { ImportOptions, SourceCrs } from './types';

/**
 * Plane coordinates in metres rather than degrees: both numbers over 180. In Vietnam a TM-3
 * easting is ~300 000–700 000 m and a northing ~900 000 m or more, while degrees, even with
 * latitude and longitude swapped ([22.38, 104.05]), have at least one number under 90.
 */
export function looksProjected(a: number, b: number): boolean {
  return Math.abs(a) > 180 && Math.abs(b) > 180;
}

/** The zone to use for a projected file: the user's answer, else the file's own, else the region's. */
export function vn2000Crs(options: ImportOptions, fileZone?: number | null): Extract<SourceCrs, { kind: 'vn2000' }> {
  if (options.zone !== undefined) return { kind: 'vn2000', zone: options.zone, zoneFrom: 'user' };
  if (fileZone !== undefined && fileZone !== null) return { kind: 'vn2000', zone: fileZone, zoneFrom: 'file' };
  return { kind: 'vn2000', zone: options.defaultZone, zoneFrom: 'region-default' };
}

/**
 * A VN-2000 TM-3 zone named in a CRS text: "VN-2000 / TM-3 104-45", "VN_2000_TM_3_107_15",
 * "TM3 10445", or a proj string's "+lon_0=104.75". Null when none (or not a zone of Vietnam).
 */
export function zoneFromCrsName(text: string): number | null {
  let zone: number | null = null;
  const lon0 = /lon_0\s*=\s*(\d{3}(?:\.\d+)?)/i.exec(text);
  const tm3 = /TM[\s_-]*3\D*?(1\d\d)[\s_°º-]*(\d\d)(?!\d)/i.exec(text);
  if (lon0) zone = Number(lon0[1]);
  else if (tm3) zone = Number(tm3[1]) + Number(tm3[2]) / 60;
  return zone !== null && zone >= 102 && zone <= 110 ? zone : null;
}

/** Converts one plane position, given which of its two numbers comes first; non-finite ones are left as they are. */
export function planeToLonLat(zone: number, a: number, b: number, northingFirst: boolean): [number, number] {
  const [x, y] = northingFirst ? [a, b] : [b, a];
  try {
    return fromVn2000(zone, { x, y });
  } catch {
    // proj4 gave no finite answer (absurd numbers): keep them, validation reports them outside Vietnam.
    return [a, b];
  }
}

function isPositionLike(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number';
}

/**
 * The first position in a nested coordinate structure whose two numbers are finite. Looks no deeper
 * than a MultiPolygon's positions (4 levels): a file nesting 100 000 arrays must not overflow the stack.
 */
export function firstFinitePosition(coords: unknown, depth = 0): [number, number] | null {
  if (isPositionLike(coords)) {
    const [a, b] = coords as [unknown, unknown];
    return typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
  }
  if (Array.isArray(coords) && depth < 4) {
    for (const c of coords) {
      const p = firstFinitePosition(c, depth + 1);
      if (p) return p;
    }
  }
  return null;
}

/** Is the first of the two numbers the northing? Decided on one position, for the whole file. */
export function northingFirst(sample: [number, number]): boolean {
  return Math.abs(sample[0]) > Math.abs(sample[1]);
}

/**
 * A copy of a nested coordinate structure (any GeoJSON `coordinates`) with every finite plane
 * position converted to [lon, lat]; anything else (NaN, text, wrong nesting) is copied unchanged
 * for validation to report.
 */
export function reprojectCoords(coords: unknown, zone: number, nFirst: boolean, depth = 0): unknown {
  if (isPositionLike(coords)) {
    const [a, b] = coords as [unknown, unknown];
    if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
      return planeToLonLat(zone, a, b, nFirst);
    }
    return [...coords];
  }
  // Deeper than a MultiPolygon: left as it is, for validation to refuse (and no stack overflow).
  if (Array.isArray(coords) && depth < 4) return coords.map((c) => reprojectCoords(c, zone, nFirst, depth + 1));
  return coords;
}

/** A copy of a GeoJSON-shaped geometry (possibly malformed) with its plane coordinates converted. */
export function reprojectGeometry(g: unknown, zone: number, nFirst: boolean): unknown {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return g;
  const o = g as Record<string, unknown>;
  if (o['type'] === 'GeometryCollection' && Array.isArray(o['geometries'])) {
    return { ...o, geometries: o['geometries'].map((m) => reprojectGeometry(m, zone, nFirst)) };
  }
  return 'coordinates' in o ? { ...o, coordinates: reprojectCoords(o['coordinates'], zone, nFirst) } : { ...o };
}
