// The one polygon validity checker: import (io/import/validateFeatures.ts), the area report
// (analytics/polygonCheck.ts) and the clearance totals (analytics/clearance/) all judge a ring here,
// so one bow-tie gets one verdict everywhere.
//
// A polygon is parsed once into a `Shape` (flat arrays, oriented) and its edges are swept by their
// west end: only edges whose x-ranges overlap are compared, so a 500,000-corner survey ring costs a
// sort and a near-linear pass instead of Turf `kinks`' all-pairs comparison (see the test's timing).
//
// Verdicts (as GEOS/PostGIS judge validity, except where noted):
//  - a ring crossing or touching itself (a bow-tie; a corner lying on another edge): 'self-intersection',
//    located; a spike (an edge doubling back on the previous one) is only "complex": Turf normalises it;
//  - a hole crossing its outer ring: 'ring-crossing'; a hole wholly outside: 'hole-outside'; a hole
//    touching its outer ring at a point is valid;
//  - parts of a MultiPolygon that overlap or touch are "complex" (dissolved, not summed), not invalid;
//  - fewer than 3 distinct corners, positions that are not [lon, lat], no area at all: invalid;
//  - an unclosed ring is reported but does not spoil the area (the area functions close it).
import { cornersAreaM2, M2_PER_HA } from './geodesic';
import { CROSS, NONE, crossingPoint, isLonLat, orient, segRelation, type BBox } from './predicates';
import { pointInRings, type Geom, type Ring, type Shape } from './shape';

export type LonLat = [lon: number, lat: number];

/** Where a problem is: `part` the 0-based polygon of a MultiPolygon (0 for a Polygon), `index` the ring (0 = outer). */
export interface RingAt {
  part: number;
  index: number;
}

export type ValidityProblem =
  /** not a Polygon/MultiPolygon at all */
  | (RingAt & { kind: 'not-polygon' })
  /** a position that is not [lon, lat] in range: not numbers, or plane coordinates (VN-2000?) */
  | (RingAt & { kind: 'not-lonlat'; position: unknown })
  /** fewer than 3 distinct corners; `points` counts the positions as given */
  | (RingAt & { kind: 'too-few-points'; points: number })
  /** first position ≠ last */
  | (RingAt & { kind: 'unclosed'; first: LonLat; last: LonLat })
  /** two edges of the ring cross or touch at `at` */
  | (RingAt & { kind: 'self-intersection'; at: LonLat })
  /** this hole crosses its outer ring (or another hole) at `at` */
  | (RingAt & { kind: 'ring-crossing'; at: LonLat })
  /** this hole lies outside its outer ring; `at` is one of its corners */
  | (RingAt & { kind: 'hole-outside'; at: LonLat })
  /** the ring encloses no area (every corner on one line) */
  | (RingAt & { kind: 'zero-area' });

export type ValidityProblemKind = ValidityProblem['kind'];

export interface PolygonInspection {
  /** in the order: parsing (by ring), crossings (west to east), holes, zero area */
  problems: ValidityProblem[];
  /** the parsed shape; null when a ring could not be parsed (not-polygon, not-lonlat, too few points) */
  shape: Shape | null;
}

export interface InspectOptions {
  /** stop after this many crossings (clearance needs one to refuse a parcel; a report lists more) */
  maxCrossings?: number;
}

/** Does this problem make the polygon's area meaningless? Every kind but 'unclosed' does. */
export function spoilsArea(p: ValidityProblem): boolean {
  return p.kind !== 'unclosed';
}

/** Parse, orient and check a Polygon or MultiPolygon. Never throws; never mutates its input. */
export function inspectPolygon(g: unknown, options: InspectOptions = {}): PolygonInspection {
  const maxCrossings = options.maxCrossings ?? 100;
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') || !Array.isArray(geom.coordinates)) {
    return { problems: [{ kind: 'not-polygon', part: 0, index: 0 }], shape: null };
  }
  const multi = geom.type === 'MultiPolygon';
  const parts = (multi ? geom.coordinates : [geom.coordinates]) as unknown[];
  const problems: ValidityProblem[] = [];
  const rings: Ring[] = [];
  const flat: RingAt[] = [];
  let parsed = true;
  for (let part = 0; part < parts.length; part++) {
    const rs = parts[part];
    if (!Array.isArray(rs)) {
      problems.push({ kind: 'not-polygon', part, index: 0 });
      parsed = false;
      continue;
    }
    if (rs.length === 0) {
      problems.push({ kind: 'too-few-points', part, index: 0, points: 0 });
      parsed = false;
      continue;
    }
    for (let index = 0; index < rs.length; index++) {
      const r = parseRing(rs[index], part, index, problems);
      if (!r) parsed = false;
      else {
        rings.push(r.ring);
        if (r.flat) flat.push({ part, index });
      }
    }
  }
  if (parts.length === 0) {
    problems.push({ kind: 'too-few-points', part: 0, index: 0, points: 0 });
    parsed = false;
  }
  if (!parsed) return { problems, shape: null };

  const sweep = sweepEdges(rings, maxCrossings);
  let complex = sweep.complex;
  // (The sets are built only when there is something to look up: most polygons have no problem.)
  const named = (kind: ValidityProblemKind) =>
    sweep.problems.length === 0 ? null : new Set(sweep.problems.filter((p) => p.kind === kind).map((p) => key(p)));
  problems.push(...sweep.problems);
  const crossedHoles = named('ring-crossing');
  // A hole must lie inside its outer ring. With no crossings, one corner tells where the whole hole is.
  for (const h of rings) {
    if (!h.hole || crossedHoles?.has(key(h))) continue;
    const outer = rings.find((r) => r.part === h.part && !r.hole)!;
    const where = pointInRings(h.xs[0]!, h.ys[0]!, [outer]);
    if (where === 0) problems.push({ kind: 'hole-outside', part: h.part, index: h.index, at: [h.xs[0]!, h.ys[0]!] });
    if (where < 0) complex = true;
  }
  // No area: all corners on a line. (A symmetric bow-tie also sums to none; it was named above.)
  const selfCrossed = named('self-intersection');
  for (const f of flat) if (!selfCrossed?.has(key(f))) problems.push({ kind: 'zero-area', ...f });

  const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) {
    bbox[0] = Math.min(bbox[0], r.bbox[0]);
    bbox[1] = Math.min(bbox[1], r.bbox[1]);
    bbox[2] = Math.max(bbox[2], r.bbox[2]);
    bbox[3] = Math.max(bbox[3], r.bbox[3]);
  }
  return { problems, shape: new ParsedShape(rings, bbox, rings.length === 1 && !complex, multi) };
}

/** A `Shape` as parsed here: one class, so that 20,000 parcels share one object layout. */
class ParsedShape implements Shape {
  geometry?: Geom;
  private area: number | undefined;

  constructor(
    readonly rings: Ring[],
    readonly bbox: BBox,
    readonly simple: boolean,
    readonly multi: boolean,
  ) {}

  /**
   * The ellipsoidal area of the input as given, on first use (a validity check alone, at import or
   * of a 500,000-corner survey, need not pay for it). Measured on the parsed corners: the same figure
   * as the GeoJSON's (a dropped repeated corner or a reversed ring leaves an area as it is).
   */
  get areaHa(): number {
    if (this.area === undefined) {
      let m2 = 0;
      for (const r of this.rings) m2 += (r.hole ? -1 : 1) * cornersAreaM2(r.xs, r.ys, r.n);
      this.area = m2 / M2_PER_HA;
    }
    return this.area;
  }
}

/**
 * A position from a file, for a message: one level deep only (a file can nest arrays 100,000 deep,
 * and showing that whole would overflow the stack, or the screen).
 */
export function showPosition(p: unknown): string {
  const inner = (v: unknown) =>
    typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? '[…]' : typeof v === 'object' && v !== null ? '{…}' : String(v);
  if (!Array.isArray(p)) return typeof p === 'object' && p !== null ? '{…}' : String(p);
  return `[${p.slice(0, 4).map(inner).join(', ')}${p.length > 4 ? ', …' : ''}]`;
}

const key = (r: RingAt): string => `${r.part}:${r.index}`;

/** One ring: positions checked, consecutive repeats dropped, oriented (outer CCW, holes CW). */
function parseRing(
  raw: unknown,
  part: number,
  index: number,
  problems: ValidityProblem[],
): { ring: Ring; flat: boolean } | null {
  if (!Array.isArray(raw)) {
    problems.push({ kind: 'not-polygon', part, index });
    return null;
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of raw) {
    if (!isLonLat(p)) {
      problems.push({ kind: 'not-lonlat', part, index, position: p });
      return null;
    }
    const x = p[0] as number;
    const y = p[1] as number;
    // Consecutive repeats make zero-length edges: drop them (the area is unchanged).
    if (xs.length > 0 && xs[xs.length - 1] === x && ys[ys.length - 1] === y) continue;
    xs.push(x);
    ys.push(y);
  }
  const first = raw[0] as number[] | undefined;
  const last = raw[raw.length - 1] as number[] | undefined;
  if (first && last && raw.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    problems.push({ kind: 'unclosed', part, index, first: [first[0]!, first[1]!], last: [last[0]!, last[1]!] });
  }
  if (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[xs.length - 1]) {
    xs.pop();
    ys.pop();
  }
  const n = xs.length;
  if (n < 3) {
    problems.push({ kind: 'too-few-points', part, index, points: raw.length });
    return null;
  }
  // Shoelace relative to the first corner (products of raw longitudes would lose the digits).
  let twice = 0;
  const x0 = xs[0]!;
  const y0 = ys[0]!;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const j = i + 1 === n ? 0 : i + 1;
    twice += (x - x0) * (ys[j]! - y0) - (xs[j]! - x0) * (y - y0);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const flat = !(Math.abs(twice) > 1e-12 * (maxX - minX) * (maxY - minY));
  const hole = index > 0;
  // Outer rings counter-clockwise, holes clockwise (RFC 7946), whatever the file had.
  // The first corner stays first, so that a problem located "at a corner" names the file's own.
  if ((twice > 0) === hole) {
    xs.reverse();
    ys.reverse();
    xs.unshift(xs.pop()!);
    ys.unshift(ys.pop()!);
  }
  return { ring: { xs, ys, n, hole, part, index, bbox: [minX, minY, maxX, maxY] }, flat };
}

/** Where two segments that touch (without crossing) meet: the first end lying on the other segment. */
function touchPoint(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): LonLat {
  const on = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    orient(qx, qy, rx, ry, px, py) === 0 &&
    px >= Math.min(qx, rx) && px <= Math.max(qx, rx) && py >= Math.min(qy, ry) && py <= Math.max(qy, ry);
  if (on(cx, cy, ax, ay, bx, by)) return [cx, cy];
  if (on(dx, dy, ax, ay, bx, by)) return [dx, dy];
  if (on(ax, ay, cx, cy, dx, dy)) return [ax, ay];
  if (on(bx, by, cx, cy, dx, dy)) return [bx, by];
  // too close to call: the middle of the nearer pair of ends is as good a pointer as any
  return [(ax + bx + cx + dx) / 4, (ay + by + cy + dy) / 4];
}

/**
 * All edges of all rings, swept by their west end: an edge is compared only with the edges still
 * "active" (whose east end lies beyond its west end). Returns the crossings (at most `maxCrossings`,
 * each point once per ring) and whether the shape is "complex" (touching parts, spikes).
 */
function sweepEdges(rings: Ring[], maxCrossings: number): { problems: ValidityProblem[]; complex: boolean } {
  const problems: ValidityProblem[] = [];
  let seen: Set<string> | null = null;
  let complex = false;
  const report = (R: Ring, kind: 'self-intersection' | 'ring-crossing', at: LonLat) => {
    const k = `${R.part}:${R.index}:${at[0].toFixed(9)},${at[1].toFixed(9)}`;
    seen ??= new Set();
    if (seen.has(k)) return;
    seen.add(k);
    problems.push({ kind, part: R.part, index: R.index, at });
  };
  let E = 0;
  for (const R of rings) E += R.n;
  const er = new Uint32Array(E);
  const ei = new Uint32Array(E);
  const minXs = new Float64Array(E);
  for (let r = 0, k = 0; r < rings.length; r++) {
    const R = rings[r]!;
    for (let i = 0; i < R.n; i++, k++) {
      er[k] = r;
      ei[k] = i;
      minXs[k] = Math.min(R.xs[i]!, R.xs[i + 1 === R.n ? 0 : i + 1]!);
    }
  }
  const order = E <= SMALL_SORT ? insertionOrder(minXs) : sortedOrder(minXs);
  const active: number[] = [];
  for (let o = 0; o < E; o++) {
    const k = order[o]!;
    const R = rings[er[k]!]!;
    const i = ei[k]!;
    const i2 = i + 1 === R.n ? 0 : i + 1;
    const ax = R.xs[i]!, ay = R.ys[i]!, bx = R.xs[i2]!, by = R.ys[i2]!;
    const kMinX = minXs[k]!;
    let w = 0;
    for (let a = 0; a < active.length; a++) {
      const j = active[a]!;
      const S = rings[er[j]!]!;
      const s = ei[j]!;
      const s2 = s + 1 === S.n ? 0 : s + 1;
      const cx = S.xs[s]!, cy = S.ys[s]!, dx = S.xs[s2]!, dy = S.ys[s2]!;
      if (Math.max(cx, dx) < kMinX) continue; // passed: drop from the active list
      active[w++] = j;
      if (R === S && (i2 === s || s2 === i)) {
        // Neighbouring edges share a corner; they are wrong only when they double back on each
        // other (a spike), which Turf normalises: complex, not invalid.
        const [vx, vy, px, py, qx, qy] = i2 === s ? [bx, by, ax, ay, dx, dy] : [ax, ay, bx, by, cx, cy];
        if (orient(vx, vy, px, py, qx, qy) === 0 && (px - vx) * (qx - vx) + (py - vy) * (qy - vy) > 0) complex = true;
        continue;
      }
      const rel = segRelation(ax, ay, bx, by, cx, cy, dx, dy);
      if (rel === NONE) continue;
      if (R === S) {
        const at = rel === CROSS ? crossingPoint(ax, ay, bx, by, cx, cy, dx, dy) : touchPoint(ax, ay, bx, by, cx, cy, dx, dy);
        report(R, 'self-intersection', at);
      } else if (rel === CROSS && R.part === S.part) {
        // named on the hole (of two holes, the later one)
        const H = R.index > S.index ? R : S;
        report(H, 'ring-crossing', crossingPoint(ax, ay, bx, by, cx, cy, dx, dy));
      } else complex = true;
      if (problems.length >= maxCrossings) return { problems, complex };
    }
    active.length = w;
    active.push(k);
  }
  return { problems, complex };
}

/** Up to this many edges (a land parcel's ring), `insertionOrder` sorts them: no copy of the keys, no searches. */
const SMALL_SORT = 24;

/** The indices of `keys` in ascending order of key, equal keys in their order (a stable insertion sort). */
function insertionOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const v = keys[k]!;
    let p = k;
    while (p > 0 && keys[order[p - 1]!]! > v) {
      order[p] = order[p - 1]!;
      p--;
    }
    order[p] = k;
  }
  return order;
}

/**
 * The indices of `keys` in ascending order of key. A numeric sort of the keys themselves, then each
 * index placed by binary search: twice as fast as sorting indices with a comparator (the sort is
 * most of a large ring's check), and equal keys keep their order.
 */
function sortedOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const sorted = Float64Array.from(keys).sort();
  const taken = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const v = keys[k]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    order[lo + taken[lo]!++] = k;
  }
  return order;
}
