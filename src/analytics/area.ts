// Ellipsoidal (WGS84 geodesic) area — the headline method of DESIGN.md — using GeographicLib's
// algorithm, which is exact to round-off for polygons of any size (Turf's spherical area reads
// ~0.25% high at 22°N, enough to flip "met"/"not met" near a 500 ha target).
import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicAreaM2, M2_PER_HA, samePos } from '../geo/geodesic';
import { checkPolygon, closeRings, spoilsArea, type PolygonProblem } from './polygonCheck';
import { toVn2000 } from './vn2000';

// The headline method lives in src/geo/geodesic.ts (it is on the app's start-up path, the rest is not).
export { geodesicAreaHa, geodesicAreaM2 } from '../geo/geodesic';

// ---------------------------------------------------------------------------------------------
// The three columns of DESIGN.md ("Areas: three methods, one headline"): ellipsoidal (headline,
// above), VN-2000 planar (how cadastral figures are made) and Turf's spherical area (kept for
// comparison; Turf does the geometry work elsewhere). Near 22°N Turf reads about +0.25% over the
// ellipsoid; the TM-3 plane reads from −0.02% (on the zone's central meridian, scale 0.9999) to
// about +0.04% (at the zone's edge, 1.5° out), crossing zero about 90 km either side; Thống Nhất,
// 69 km west of 104°45′, reads −0.009%.

/**
 * VN-2000 planar area in m²: every corner projected into the zone's TM-3 plane (`toVn2000`), then
 * the shoelace formula on the plane coordinates; outer rings minus holes, summed over the parts.
 * This is how a cadastral or planning decision's area is computed from its corner table, so it is
 * the figure to compare with "diện tích" in a decision. Edges are straight in the plane.
 * Throws RangeError on a position that is not a finite [lon, lat] (`threeAreas` checks first).
 */
export function vn2000AreaM2(g: Polygon | MultiPolygon, zone: number): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const a = planarRingAreaM2(ring, zone);
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** Unsigned shoelace area of one ring in the TM-3 plane (closed or not), in m². */
function planarRingAreaM2(ring: readonly Position[], zone: number): number {
  const n = ring.length > 1 && samePos(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;
  if (n < 3) return 0;
  const pts = ring.slice(0, n).map((p) => toVn2000(zone, p));
  // Relative to the first corner: plane coordinates are ~10⁶ m, and products of them would lose
  // the centimetres the area is made of.
  const x0 = pts[0]!.x;
  const y0 = pts[0]!.y;
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % n]!;
    twice += (a.y - y0) * (b.x - x0) - (b.y - y0) * (a.x - x0);
  }
  return Math.abs(twice) / 2;
}

/**
 * Turf's area in m²: spherical, on a sphere of radius 6,371,008.8 m (the mean radius), edges as
 * great-circle-ish segments. Kept as the third column because Turf does the app's geometry work;
 * about +0.25% over the ellipsoidal area at 22°N. Rings are closed first: Turf ignores the last
 * position of a ring, taking it to repeat the first.
 */
export function turfAreaM2(g: Polygon | MultiPolygon): number {
  return turfArea(closeRings(g));
}

/** The three figures for one geometry, in hectares. */
export interface ThreeAreas {
  /** WGS84 ellipsoid, geodesic edges (GeographicLib): the headline figure */
  ellipsoidalHa: number;
  /** VN-2000 TM-3 plane of the zone, shoelace: the official (cadastral) method */
  vn2000Ha: number;
  /** Turf's spherical area: for comparison */
  turfHa: number;
}

/**
 * The three areas together with what `checkPolygon` found. `reliable` is false when a problem
 * makes the figures meaningless (a self-intersecting ring, a ring of fewer than 3 corners, a hole
 * outside its ring, a position that is not lon/lat); callers must then show the problems and keep
 * the figures out of totals. The figures are still computed on the rings as drawn (a bow-tie's
 * lobes partly cancel), except for non-lon/lat positions, where all three are NaN.
 */
export interface CheckedAreas extends ThreeAreas {
  problems: PolygonProblem[];
  reliable: boolean;
}

/**
 * Areas by the three methods of DESIGN.md, plus the geometry check. Does not throw on bad geometry
 * (only on a zone outside 102–110°E, a programming error); never mutates g.
 */
export function threeAreas(g: Polygon | MultiPolygon, zone: number): CheckedAreas {
  const check = checkPolygon(g);
  const problems = check.ok ? [] : check.problems;
  const reliable = !problems.some(spoilsArea);
  if (problems.some((p) => p.kind === 'not-lonlat')) {
    return { ellipsoidalHa: NaN, vn2000Ha: NaN, turfHa: NaN, problems, reliable };
  }
  return {
    ellipsoidalHa: geodesicAreaM2(g) / M2_PER_HA,
    vn2000Ha: vn2000AreaM2(g, zone) / M2_PER_HA,
    turfHa: turfAreaM2(g) / M2_PER_HA,
    problems,
    reliable,
  };
}

// ---------------------------------------------------------------------------------------------
// An area report over the features of a file: what `npm run area` prints, and what the app can
// show for an imported file. Input is loose (whatever a file held), so nothing is assumed typed.

/** A feature as read from a file: geometry and properties not yet known to be anything. */
export interface LooseFeature {
  geometry?: unknown;
  properties?: unknown;
  id?: unknown;
}

export type SkipReason =
  /** the feature has no geometry (null) */
  | 'no-geometry'
  /** a Point, LineString, GeometryCollection…: it has no area */
  | 'not-polygon'
  /** claims to be a polygon, but its coordinates are not nested arrays of rings */
  | 'malformed'
  /** positions are not WGS84 lon/lat (often VN-2000 plane coordinates not converted) */
  | 'not-lonlat';

interface EntryBase {
  /** 0-based position of the feature in the input */
  index: number;
  /** name from the properties (name, name.vi, ten…), NFC-normalised, or null */
  name: string | null;
  /** id from the properties or the feature, or null */
  id: string | number | null;
}

export interface MeasuredEntry extends EntryBase, CheckedAreas {
  geometryType: 'Polygon' | 'MultiPolygon';
}

export interface SkippedEntry extends EntryBase {
  reason: SkipReason;
  /** the geometry's type, when there is one */
  geometryType: string | null;
  problems: PolygonProblem[];
}

export interface AreaReport {
  zone: number;
  measured: MeasuredEntry[];
  skipped: SkippedEntry[];
  /** sums over the measured entries that are `reliable`; `count` says how many that is */
  totals: ThreeAreas & { count: number };
  /** indexes of measured entries left out of the totals because their geometry is invalid */
  excluded: number[];
}

const NAME_KEYS = ['name', 'name.vi', 'name_vi', 'ten', 'Ten', 'TEN', 'tên', 'Tên', 'TÊN', 'Name', 'NAME'];
const ID_KEYS = ['id', 'ID', 'Id', 'ma', 'Ma', 'MA', 'mã', 'Mã', 'MÃ', 'code'];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * A feature's display name: the first non-empty of `name` (a string, or its `.vi` when it is the
 * app's `{ vi, en }`), `name.vi`, `name_vi`, `ten`/`tên` in any case, `Name`. NFC-normalised.
 */
export function featureName(properties: unknown): string | null {
  if (!isRecord(properties)) return null;
  for (const k of NAME_KEYS) {
    let v = properties[k];
    if (isRecord(v)) v = v['vi'] ?? v['en'];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().normalize('NFC');
  }
  return null;
}

/** A feature's id: the first of `id`, `ma`/`mã`, `code` in the properties, else the feature's own id. */
export function featureId(properties: unknown, featureIdValue?: unknown): string | number | null {
  const ok = (v: unknown): v is string | number =>
    (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));
  if (isRecord(properties)) for (const k of ID_KEYS) if (ok(properties[k])) return properties[k] as string | number;
  return ok(featureIdValue) ? featureIdValue : null;
}

function isRingList(x: unknown): boolean {
  return Array.isArray(x) && x.every((ring) => Array.isArray(ring) && ring.every((p) => Array.isArray(p)));
}

/** Checks the nesting of a Polygon/MultiPolygon's coordinates (positions themselves are checked later). */
function polygonal(geometry: Record<string, unknown>): Polygon | MultiPolygon | null {
  const c = geometry['coordinates'];
  if (geometry['type'] === 'Polygon') return isRingList(c) ? (geometry as unknown as Polygon) : null;
  return Array.isArray(c) && c.every(isRingList) ? (geometry as unknown as MultiPolygon) : null;
}

/**
 * Measures every polygon feature (three areas, with checks) and lists the others as skipped with the
 * reason. Totals add only reliable entries; the others are listed in `excluded`, so a bow-tie
 * never slips into a total. Overlaps between features are not dissolved here: the totals are the
 * plain sum of the file's polygons.
 */
export function areaReport(features: readonly LooseFeature[], zone: number): AreaReport {
  const measured: MeasuredEntry[] = [];
  const skipped: SkippedEntry[] = [];
  features.forEach((f, index) => {
    const base: EntryBase = { index, name: featureName(f.properties), id: featureId(f.properties, f.id) };
    const geom = f.geometry;
    if (!isRecord(geom)) {
      skipped.push({ ...base, reason: 'no-geometry', geometryType: null, problems: [] });
      return;
    }
    const type = typeof geom['type'] === 'string' ? geom['type'] : null;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      skipped.push({ ...base, reason: 'not-polygon', geometryType: type, problems: [] });
      return;
    }
    const g = polygonal(geom);
    if (!g) {
      skipped.push({ ...base, reason: 'malformed', geometryType: type, problems: [] });
      return;
    }
    const areas = threeAreas(g, zone);
    if (areas.problems.some((p) => p.kind === 'not-lonlat')) {
      skipped.push({ ...base, reason: 'not-lonlat', geometryType: type, problems: areas.problems });
      return;
    }
    measured.push({ ...base, geometryType: g.type, ...areas });
  });
  const counted = measured.filter((m) => m.reliable);
  const sum = (k: keyof ThreeAreas) => counted.reduce((s, m) => s + m[k], 0);
  return {
    zone,
    measured,
    skipped,
    totals: {
      ellipsoidalHa: sum('ellipsoidalHa'),
      vn2000Ha: sum('vn2000Ha'),
      turfHa: sum('turfHa'),
      count: counted.length,
    },
    excluded: measured.filter((m) => !m.reliable).map((m) => m.index),
  };
}
