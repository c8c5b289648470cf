// Per-feature checks shared by every importer, run on WGS84 geometry (after any reprojection).
// A feature with an error is left out and reported; warnings (no name, an id used twice) are
// reported and the feature is still loaded. Polygon topology (closure, corners, crossings, holes)
// is polygonCheck's: this module only translates its findings into import problems.
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { checkPolygon, type PolygonProblem } from '../../analytics/polygonCheck';
import { repairSelfIntersection } from '../../geo/makeValid';
import { showPosition } from '../../geo/polygonValidity';
import { isIdKey } from './fields';
import type { AttributeValue, FeatureProblem, FeatureProblemCode, GeometryRepair, ImportedFeature, SourceCrs } from './types';

/**
 * A generous box around Vietnam, Hoàng Sa and Trường Sa included. It is a test for a wrong CRS or
 * swapped axes, not a border: a point outside it cannot be a Vietnamese site.
 */
export const VIETNAM_BBOX = { minLon: 102.0, maxLon: 117.5, minLat: 7.0, maxLat: 23.5 } as const;

export function insideVietnam(lon: number, lat: number): boolean {
  const b = VIETNAM_BBOX;
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}

/** A feature as an importer read it, before checking. `geometry` is whatever the file held. */
export interface RawFeature {
  index: number;
  name: string | null;
  /** the feature's own identifier (GeoJSON `id`, KML `id` attribute), if any */
  id?: string | number | null;
  geometry: unknown;
  properties: Record<string, AttributeValue>;
  /** added to the detail of every problem of this feature, e.g. `{ row: 7 }` for a CSV line */
  where?: Record<string, string | number>;
}

export interface ValidateOptions {
  /** where the coordinates came from; a VN-2000 file landing outside Vietnam suggests a wrong zone */
  crs?: SourceCrs;
  /** called as features are checked, at most every PROGRESS_EVERY_MS (checking is the long part of a big file) */
  onProgress?: ((checked: number, total: number) => void) | undefined;
}

const PROGRESS_EVERY_MS = 100;

export interface Validated {
  features: ImportedFeature[];
  problems: FeatureProblem[];
}

type Detail = Record<string, string | number>;
interface Found {
  code: FeatureProblemCode;
  detail?: Detail;
}

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A position as the message quotes it; what is nested inside shows as "[…]" (String() of 100 000 nested arrays overflows the stack). */
function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1])
  );
}

/**
 * Copies `coords` (nested `depth` levels above positions) keeping longitude and latitude only, or
 * returns the first thing that is not a position where one should be. `empty` is set when some
 * level holds no element at all.
 */
function copyCoords(
  coords: unknown,
  depth: number,
): { ok: true; value: unknown; count: number } | { ok: false; bad: unknown; count: number } {
  if (depth === 0) {
    if (isPosition(coords)) return { ok: true, value: [coords[0], coords[1]], count: 1 };
    return { ok: false, bad: coords, count: 1 };
  }
  if (!Array.isArray(coords)) return { ok: false, bad: coords, count: 1 };
  const out: unknown[] = [];
  let bad: unknown;
  let badCount = 0;
  let count = 0;
  for (const c of coords) {
    const r = copyCoords(c, depth - 1);
    if (r.ok) {
      out.push(r.value);
      count += r.count;
    } else {
      if (badCount === 0) bad = r.bad;
      badCount += r.count;
    }
  }
  return badCount > 0 ? { ok: false, bad, count: badCount } : { ok: true, value: out, count };
}

/** Every position of a geometry, in order. */
export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

function round(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

function outsideHint(lon: number, lat: number, crs: SourceCrs | undefined): Detail {
  const at = { lon: round(lon), lat: round(lat) };
  if (crs?.kind === 'vn2000') return { ...at, hint: 'zone', zone: crs.zone };
  // Swapped first: [22.38, 104.05] has a "latitude" over 90 and would otherwise pass for metres.
  if (insideVietnam(lat, lon)) return { ...at, hint: 'swapped' };
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return { ...at, hint: 'projected' };
  return { ...at, hint: 'far' };
}

function ringDetail(p: PolygonProblem, multi: boolean): Detail {
  return multi ? { part: p.part + 1, hole: p.index } : { hole: p.index };
}

/** polygonCheck's findings as import problems, one per kind and ring. */
function polygonProblems(g: Polygon | MultiPolygon): Found[] {
  const check = checkPolygon(g);
  if (check.ok) return [];
  const multi = g.type === 'MultiPolygon';
  const out: Found[] = [];
  const seen = new Set<string>();
  for (const p of check.problems) {
    const key = `${p.kind}:${p.ring}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = ringDetail(p, multi);
    switch (p.kind) {
      case 'not-lonlat':
        out.push({ code: 'bad-coordinate', detail: { ...where, position: showPosition(p.position) } });
        break;
      case 'too-few-points':
        out.push({ code: 'too-few-points', detail: { ...where, points: p.points, need: 4 } });
        break;
      case 'unclosed':
        out.push({
          code: 'unclosed-ring',
          detail: { ...where, first: showPosition(p.first), last: showPosition(p.last) },
        });
        break;
      case 'self-intersection': {
        const n = check.problems.filter((q) => q.kind === 'self-intersection' && q.ring === p.ring).length;
        out.push({ code: 'self-intersection', detail: { ...where, lon: round(p.at[0]), lat: round(p.at[1]), count: n } });
        break;
      }
      case 'hole-outside':
      case 'ring-crossing': // a hole reaching out of its ring: the same fault for a planner
        out.push({ code: 'hole-outside', detail: { ...where, lon: round(p.at[0]), lat: round(p.at[1]) } });
        break;
      case 'zero-area':
        out.push({ code: 'zero-area', detail: where });
        break;
      case 'not-polygon':
        out.push({ code: 'unsupported-geometry', detail: { type: g.type } });
        break;
    }
  }
  return out;
}

/** Crossings named in a repaired feature's note: enough to find them, not a 500,000-corner list. */
const MAX_REPAIR_POINTS = 20;

/**
 * A polygon whose only fault is a ring crossing itself: kept as its repaired shape, with where it
 * crossed (the found problem becomes a warning). Null when the repair cannot make it valid.
 */
function repaired(g: Polygon | MultiPolygon, found: Found[]): { geometry: Geometry; found: Found[]; repair: GeometryRepair } | null {
  if (!found.every((f) => f.code === 'self-intersection')) return null;
  const r = repairSelfIntersection(g);
  if (!r) return null;
  const at = r.crossings.slice(0, MAX_REPAIR_POINTS).map((p): [number, number] => [round(p.at[0]), round(p.at[1])]);
  const warnings = found.map((f): Found => ({ code: 'geometry-repaired', ...(f.detail ? { detail: f.detail } : {}) }));
  return { geometry: r.geometry, found: warnings, repair: { fault: 'self-intersection', at, count: r.crossings.length } };
}

/** Checks one geometry; returns the 2-D copy to load, or what is wrong with it. */
function checkGeometry(
  g: unknown,
  crs: SourceCrs | undefined,
): { geometry?: Geometry; found: Found[]; repair?: GeometryRepair } {
  if (g === null || g === undefined) return { found: [{ code: 'null-geometry' }] };
  if (!isObject(g) || typeof g['type'] !== 'string') {
    return { found: [{ code: 'unsupported-geometry', detail: { type: isObject(g) ? String(g['type']) : typeof g } }] };
  }
  const type = g['type'];
  if (type === 'GeometryCollection') {
    const members = g['geometries'];
    if (!Array.isArray(members) || members.length === 0) return { found: [{ code: 'empty-geometry' }] };
    const geometries: Geometry[] = [];
    const found: Found[] = [];
    members.forEach((m, i) => {
      const r = checkGeometry(m, crs);
      for (const f of r.found) found.push({ code: f.code, detail: { ...f.detail, member: i + 1 } });
      if (r.geometry) geometries.push(r.geometry);
    });
    return found.length ? { found } : { geometry: { type: 'GeometryCollection', geometries }, found };
  }
  const depth = DEPTH[type];
  if (depth === undefined) return { found: [{ code: 'unsupported-geometry', detail: { type } }] };
  const coords = g['coordinates'];
  if (coords === undefined || coords === null || (Array.isArray(coords) && coords.length === 0)) {
    return { found: [{ code: 'empty-geometry' }] };
  }
  const copied = copyCoords(coords, depth);
  if (!copied.ok) {
    return { found: [{ code: 'bad-coordinate', detail: { position: showPosition(copied.bad), count: copied.count } }] };
  }
  const geometry = { type, coordinates: copied.value } as Geometry;
  const positions = positionsOf(geometry);
  const outside = positions.filter((p) => !insideVietnam(p[0]!, p[1]!));
  if (outside.length > 0) {
    const [lon, lat] = outside[0] as [number, number];
    return {
      found: [{ code: 'outside-vietnam', detail: { ...outsideHint(lon, lat, crs), count: outside.length, of: positions.length } }],
    };
  }
  switch (geometry.type) {
    case 'LineString':
      return geometry.coordinates.length < 2
        ? { found: [{ code: 'too-few-points', detail: { points: geometry.coordinates.length, need: 2 } }] }
        : { geometry, found: [] };
    case 'MultiLineString': {
      const short = geometry.coordinates.findIndex((l) => l.length < 2);
      return short >= 0
        ? {
            found: [
              {
                code: 'too-few-points',
                detail: { part: short + 1, points: geometry.coordinates[short]!.length, need: 2 },
              },
            ],
          }
        : { geometry, found: [] };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const emptyPart =
        geometry.type === 'Polygon'
          ? -1
          : geometry.coordinates.findIndex((rings) => rings.length === 0);
      if (emptyPart >= 0) {
        return { found: [{ code: 'too-few-points', detail: { part: emptyPart + 1, hole: 0, points: 0, need: 4 } }] };
      }
      const found = polygonProblems(geometry);
      if (found.length === 0) return { geometry, found };
      return repaired(geometry, found) ?? { found };
    }
    default:
      return { geometry, found: [] };
  }
}

function idOf(f: RawFeature): string | null {
  if (f.id !== undefined && f.id !== null && String(f.id).trim() !== '') return String(f.id).trim();
  for (const [k, v] of Object.entries(f.properties)) {
    if (isIdKey(k) && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return null;
}

/**
 * Checks every feature: geometry present and non-empty, of a GeoJSON type, positions finite
 * numbers inside Vietnam (else a hint: swapped axes, unconverted metres, another place, a wrong
 * VN-2000 zone), lines of two points or more, polygon rings closed, of 3 distinct corners or more,
 * holes inside, not crossing themselves (a ring that does is kept as its repaired shape, with a
 * 'geometry-repaired' warning locating the crossing, unless the repair fails); then, among the features kept, ids used twice and missing
 * names (warnings). Keeps longitude and latitude only (altitudes dropped). Never mutates its input.
 */
export function validateFeatures(raw: Iterable<RawFeature>, options: ValidateOptions = {}): Validated {
  const features: ImportedFeature[] = [];
  const problems: FeatureProblem[] = [];
  const firstWithId = new Map<string, Detail>();
  const total = Array.isArray(raw) ? raw.length : NaN;
  let checked = 0;
  let told = 0;
  const tell = options.onProgress;
  for (const f of raw) {
    if (tell) {
      const now = Date.now();
      if (now - told >= PROGRESS_EVERY_MS) {
        told = now;
        tell(checked, total);
      }
      checked++;
    }
    const name = f.name !== null && f.name.trim() !== '' ? f.name : null;
    const problem = (code: FeatureProblemCode, severity: 'error' | 'warning', detail?: Detail): FeatureProblem => {
      const d = { ...detail, ...f.where };
      return Object.keys(d).length > 0
        ? { index: f.index, name, code, severity, detail: d }
        : { index: f.index, name, code, severity };
    };
    const { geometry, found, repair } = checkGeometry(f.geometry, options.crs);
    if (!geometry) {
      for (const x of found) problems.push(problem(x.code, 'error', x.detail));
      continue;
    }
    // A repaired polygon is loaded; what was wrong with it stays on the list, as a warning.
    for (const x of found) problems.push(problem(x.code, 'warning', x.detail));
    const id = idOf(f);
    if (id !== null) {
      // Where the first holder of the id is, as a person counts: feature number, and its line for a CSV.
      const first = firstWithId.get(id);
      if (first !== undefined) problems.push(problem('duplicate-id', 'warning', { id, ...first }));
      else firstWithId.set(id, f.where?.['row'] !== undefined ? { first: f.index + 1, firstRow: f.where['row'] } : { first: f.index + 1 });
    }
    if (name === null) problems.push(problem('missing-name', 'warning'));
    features.push({ index: f.index, name, geometry, properties: { ...f.properties }, ...(repair ? { repair } : {}) });
  }
  tell?.(checked, total);
  return { features, problems };
}
