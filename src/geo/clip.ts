// Planar helpers for convex clipping in a local plane (metres): convexity, Sutherland–Hodgman,
// shoelace area, and a simple ring cut into triangles (convex windows).
import earcut from 'earcut';
import { orient } from './predicates';

export function isConvex(xs: number[], ys: number[]): boolean {
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const k = (i + 2) % n;
    if (orient(xs[i]!, ys[i]!, xs[j]!, ys[j]!, xs[k]!, ys[k]!) < 0) return false;
  }
  return true;
}

// Two scratch rings the passes of a clip write into in turn: a clip allocates nothing, and its caller
// copies the cut only when it needs to keep it (inclusion–exclusion over 20,000 parcels makes ~10⁵
// clips, and keeps a few of them).
const scratch: [number[], number[]][] = [
  [[], []],
  [[], []],
];

/** A cut: its first `n` corners in `xs`/`ys`. */
export interface Cut {
  xs: number[];
  ys: number[];
  n: number;
}
const cut: Cut = { xs: [], ys: [], n: 0 };

/**
 * Sutherland–Hodgman: the subject polygon cut by a convex counter-clockwise window, into scratch
 * arrays: the answer is valid until the next call (copy it to keep it, or to clip it again: a subject
 * must not be the scratch itself). The subject is never changed.
 */
export function clipConvexScratch(sx: readonly number[], sy: readonly number[], wx: readonly number[], wy: readonly number[]): Readonly<Cut> {
  let xs = sx;
  let ys = sy;
  let n = sx.length;
  const m = wx.length;
  for (let e = 0; e < m && n > 0; e++) {
    const ax = wx[e]!, ay = wy[e]!;
    const bx = wx[e + 1 === m ? 0 : e + 1]!, by = wy[e + 1 === m ? 0 : e + 1]!;
    const [ox, oy] = scratch[e & 1]!;
    let w = 0;
    let px = xs[n - 1]!, py = ys[n - 1]!;
    let dp = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    for (let i = 0; i < n; i++) {
      const cx = xs[i]!, cy = ys[i]!;
      const dc = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      if (dc >= 0 !== dp >= 0) {
        // where PC crosses the window's edge line
        const t = dp / (dp - dc);
        ox[w] = px + t * (cx - px);
        oy[w++] = py + t * (cy - py);
      }
      if (dc >= 0) {
        ox[w] = cx;
        oy[w++] = cy;
      }
      px = cx;
      py = cy;
      dp = dc;
    }
    xs = ox;
    ys = oy;
    n = w;
  }
  cut.xs = xs as number[];
  cut.ys = ys as number[];
  cut.n = n;
  return cut;
}

/** `clipConvexScratch`, its answer in arrays of its own. */
export function clipConvex(sx: number[], sy: number[], wx: number[], wy: number[]): [number[], number[]] {
  const c = clipConvexScratch(sx, sy, wx, wy);
  return [c.xs.slice(0, c.n), c.ys.slice(0, c.n)];
}

/** Signed shoelace area of the first `n` corners (all of them by default); positive counter-clockwise. */
export function planarArea(xs: readonly number[], ys: readonly number[], n = xs.length): number {
  if (n < 3) return 0;
  const x0 = xs[0]!, y0 = ys[0]!;
  let twice = 0;
  for (let i = 1; i + 1 < n; i++) twice += (xs[i]! - x0) * (ys[i + 1]! - y0) - (xs[i + 1]! - x0) * (ys[i]! - y0);
  return twice / 2;
}

/**
 * A simple counter-clockwise ring cut into counter-clockwise triangles (convex windows for
 * Sutherland–Hodgman), by earcut: measured against our own ear clipping it was faster on the
 * parcels (npm run bench:analytics, docs/benchmarks.md). Flat triangles (corners on a straight
 * edge) are dropped: they add no area. Null when the triangles do not add up to the ring's area,
 * which only a ring too degenerate to trust would cause (the caller then takes Turf's path).
 */
export function triangulate(xs: number[], ys: number[]): [number[], number[]][] | null {
  const n = xs.length;
  const flat = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    flat[2 * i] = xs[i]!;
    flat[2 * i + 1] = ys[i]!;
  }
  const idx = earcut(flat as unknown as number[]);
  const out: [number[], number[]][] = [];
  let sum = 0;
  for (let t = 0; t + 2 < idx.length; t += 3) {
    let a = idx[t]!, b = idx[t + 1]!;
    const c = idx[t + 2]!;
    const o = orient(xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!);
    if (o === 0) continue;
    if (o < 0) [a, b] = [b, a];
    const tx = [xs[a]!, xs[b]!, xs[c]!];
    const ty = [ys[a]!, ys[b]!, ys[c]!];
    sum += planarArea(tx, ty);
    out.push([tx, ty]);
  }
  const whole = planarArea(xs, ys);
  return Math.abs(sum - whole) <= 1e-9 * Math.abs(whole) + 1e-9 ? out : null;
}
