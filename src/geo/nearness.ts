// Nearness over a few kilometres, for deciding what is near what and where along a segment: a
// local equirectangular frame in metres is within a fraction of a percent there, ample for tolerances
// of 100 m to 1 km. Lengths a user reads are geodesics (./geodesic.ts) between the points found here.
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CROSS, segRelation, type BBox } from './predicates';

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

/** Planar distance between two segments: 0 where they cross (touching ones measure 0 at the touch). */
function segmentSegment(a: XY, b: XY, c: XY, d: XY): number {
  if (segRelation(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]) === CROSS) return 0;
  return Math.min(pointSegment(a, c, d).d, pointSegment(b, c, d).d, pointSegment(c, a, b).d, pointSegment(d, a, b).d);
}

export interface Nearest {
  seg: number;
  t: number;
  /** planar distance in m, for tolerance checks */
  d: number;
}

/** The point of a polyline nearest to p. */
export function nearestOnLine(p: Position, line: readonly Position[]): Nearest {
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
export function lineToArea(line: readonly Position[], area: Polygon | MultiPolygon, origin: Position): number {
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

export function interpolate(line: readonly Position[], seg: number, t: number): Position {
  const a = line[seg] as Position;
  const b = line[seg + 1] as Position;
  return [(a[0] as number) + t * ((b[0] as number) - (a[0] as number)), (a[1] as number) + t * ((b[1] as number) - (a[1] as number))];
}

/** The lon/lat box of some points. */
export function boxOf(points: readonly Position[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    b[0] = Math.min(b[0], p[0] as number);
    b[1] = Math.min(b[1], p[1] as number);
    b[2] = Math.max(b[2], p[0] as number);
    b[3] = Math.max(b[3], p[1] as number);
  }
  return b;
}

/** Whether two boxes come within `m` metres of each other (generously: a cheap pre-filter). */
export function boxesNear(a: BBox, b: BBox, m: number): boolean {
  const lat = Math.max(Math.abs(a[1]), Math.abs(a[3]));
  const dLat = (1.5 * m) / M_PER_DEG;
  const dLon = dLat / Math.max(0.01, Math.cos((Math.min(89, lat + dLat) * Math.PI) / 180));
  return a[0] - dLon <= b[2] && b[0] - dLon <= a[2] && a[1] - dLat <= b[3] && b[1] - dLat <= a[3];
}
