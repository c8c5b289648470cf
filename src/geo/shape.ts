// A polygon parsed once into flat coordinate arrays, oriented (outer rings counter-clockwise, holes
// clockwise, so the interior is always left of an edge), with its boxes: the form every fast
// geometry test here works on. `geomOf` turns it back into GeoJSON for Turf.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { orient, type BBox } from './predicates';

export type Geom = Polygon | MultiPolygon;

export interface Ring {
  xs: number[];
  ys: number[];
  /** distinct corners (the closing repeat is not stored) */
  n: number;
  hole: boolean;
  /** 0-based polygon of a MultiPolygon (0 for a Polygon) */
  part: number;
  /** 0-based ring within its part (0 = outer) */
  index: number;
  bbox: BBox;
}

export interface Shape {
  rings: Ring[];
  bbox: BBox;
  /** one ring, no touching or doubling back: eligible for the fast overlap test */
  simple: boolean;
  multi: boolean;
  /** the same polygon(s) as GeoJSON, closed and oriented: built on first use by `geomOf` */
  geometry?: Geom;
  /** WGS84 ellipsoidal area of the input as given */
  readonly areaHa: number;
}

/** The box of the first `n` corners of a ring in flat arrays, written at `out[at…at+3]` as
 *  minX, minY, maxX, maxY (into a caller's array: no box object per ring). */
export function cornersBox(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number, out: Float64Array, at = 0): void {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let k = 0; k < n; k++) {
    const x = xs[k]!, y = ys[k]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  out[at] = x0;
  out[at + 1] = y0;
  out[at + 2] = x1;
  out[at + 3] = y1;
}

/** The shape as GeoJSON for Turf (only shapes that reach Turf pay for it). */
export function geomOf(s: Shape): Geom {
  if (s.geometry) return s.geometry;
  const closed = (r: Ring): Position[] => {
    const out: Position[] = new Array(r.n + 1);
    for (let i = 0; i < r.n; i++) out[i] = [r.xs[i]!, r.ys[i]!];
    out[r.n] = [r.xs[0]!, r.ys[0]!];
    return out;
  };
  if (!s.multi) s.geometry = { type: 'Polygon', coordinates: s.rings.map(closed) };
  else {
    const polys: Position[][][] = [];
    for (const r of s.rings) (polys[r.part] ??= []).push(closed(r));
    s.geometry = { type: 'MultiPolygon', coordinates: polys.filter((x) => x !== undefined) };
  }
  return s.geometry;
}

/** What `pointInRing` answers when the point is on (or too close to call) the ring. */
export const ON_BOUNDARY = 1e9;

/** Winding number of one ring around the point, or ON_BOUNDARY when on (or too close to call) it. */
export function pointInRing(px: number, py: number, R: Ring): number {
  const b = R.bbox;
  if (px < b[0] || px > b[2] || py < b[1] || py > b[3]) return 0;
  const { xs, ys, n } = R;
  let wn = 0;
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    const ax = xs[i]!, ay = ys[i]!, bx = xs[j]!, by = ys[j]!;
    if (ay <= py) {
      if (by > py) {
        const o = orient(ax, ay, bx, by, px, py);
        if (o === 0) return ON_BOUNDARY;
        if (o > 0) wn++;
        continue;
      }
    } else if (by <= py) {
      const o = orient(ax, ay, bx, by, px, py);
      if (o === 0) return ON_BOUNDARY;
      if (o < 0) wn--;
      continue;
    }
    // an edge that does not straddle the point's latitude can still pass through the point
    if (px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by)) {
      if (orient(ax, ay, bx, by, px, py) === 0) return ON_BOUNDARY;
    }
  }
  return wn;
}

/** Winding test against all the rings: 1 inside, 0 outside, −1 on (or too close to call) the boundary. */
export function pointInRings(px: number, py: number, rings: readonly Ring[]): number {
  let wn = 0;
  for (const R of rings) {
    const w = pointInRing(px, py, R);
    if (w === ON_BOUNDARY) return -1;
    wn += w;
  }
  return wn !== 0 ? 1 : 0;
}
