// Planar predicates on longitude/latitude (as Turf's own clipping uses). Every test that is too
// close to call in floating point answers "unsure" (0 / TOUCH), so callers can send the case to a
// slower, robust path: round-off may cost time, never a wrong answer.
import type { Position } from 'geojson';

export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

// Relative error bound of the orientation determinant below which its sign is not trusted.
// Shewchuk's bound for this formula is 3.3e-16; 300× that is cheap insurance. Measured against
// robust-predicates' orient2d (npm run bench:analytics): this filter answers the same on every
// non-degenerate case and is faster, and "unsure" is all the callers need for the rest.
const ORIENT_EPS = 1e-13;

/** Sign of the turn a→b→c: 1 left, −1 right, 0 collinear or too close to call. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const l = (bx - ax) * (cy - ay);
  const r = (by - ay) * (cx - ax);
  const det = l - r;
  const bound = ORIENT_EPS * (Math.abs(l) + Math.abs(r));
  return det > bound ? 1 : det < -bound ? -1 : 0;
}

/** The segments do not meet. */
export const NONE = 0;
/** The segments cross at one point inside both. */
export const CROSS = 1;
/** Touching, collinear overlap, or too close to call. */
export const TOUCH = 2;
export type SegmentRelation = typeof NONE | typeof CROSS | typeof TOUCH;

/** How segments ab and cd meet. */
export function segRelation(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): SegmentRelation {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return NONE;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return NONE;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  if (o1 * o2 > 0) return NONE;
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o3 * o4 > 0) return NONE;
  if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return CROSS;
  return TOUCH;
}

/** Where the lines through ab and cd meet (call only for segments that CROSS). */
export function crossingPoint(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): [number, number] {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
  return [ax + t * (bx - ax), ay + t * (by - ay)];
}

/** Strict: boxes that only touch hold shapes that can only touch, never overlap. */
export function boxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** A GeoJSON position that is WGS84 [lon, lat] in range (finite numbers, |lon| ≤ 180, |lat| ≤ 90). */
export function isLonLat(p: unknown): p is Position {
  if (!Array.isArray(p) || p.length < 2) return false;
  const lon = p[0] as unknown;
  const lat = p[1] as unknown;
  return (
    typeof lon === 'number' && typeof lat === 'number' &&
    Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
  );
}
