// Planar helpers for convex clipping in a local plane (metres): convexity, Sutherland–Hodgman,
// shoelace area, and ear clipping of a simple ring into convex windows.
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

/** Sutherland–Hodgman: the subject polygon cut by a convex counter-clockwise window. */
export function clipConvex(sx: number[], sy: number[], wx: number[], wy: number[]): [number[], number[]] {
  let xs = sx;
  let ys = sy;
  const m = wx.length;
  for (let e = 0; e < m && xs.length > 0; e++) {
    const ax = wx[e]!, ay = wy[e]!;
    const bx = wx[(e + 1) % m]!, by = wy[(e + 1) % m]!;
    const ox: number[] = [];
    const oy: number[] = [];
    const n = xs.length;
    let px = xs[n - 1]!, py = ys[n - 1]!;
    let dp = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    for (let i = 0; i < n; i++) {
      const cx = xs[i]!, cy = ys[i]!;
      const dc = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      if (dc >= 0 !== dp >= 0) {
        // where PC crosses the window's edge line
        const t = dp / (dp - dc);
        ox.push(px + t * (cx - px));
        oy.push(py + t * (cy - py));
      }
      if (dc >= 0) {
        ox.push(cx);
        oy.push(cy);
      }
      px = cx;
      py = cy;
      dp = dc;
    }
    xs = ox;
    ys = oy;
  }
  return [xs, ys];
}

export function planarArea(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 3) return 0;
  const x0 = xs[0]!, y0 = ys[0]!;
  let twice = 0;
  for (let i = 1; i + 1 < n; i++) twice += (xs[i]! - x0) * (ys[i + 1]! - y0) - (xs[i + 1]! - x0) * (ys[i]! - y0);
  return twice / 2;
}

/**
 * Ear clipping of a simple counter-clockwise ring into triangles (convex windows for
 * Sutherland–Hodgman). Corners on a straight edge are dropped (they add no area). Null if it
 * cannot finish, which only a ring too degenerate to trust would cause.
 */
export function triangulate(xs: number[], ys: number[]): [number[], number[]][] | null {
  const idx = xs.map((_, i) => i);
  const out: [number[], number[]][] = [];
  let guard = 2 * idx.length * idx.length + 16;
  while (idx.length > 3) {
    if (--guard < 0) return null;
    const n = idx.length;
    let cut = -1;
    let flat = -1;
    for (let k = 0; k < n; k++) {
      const a = idx[(k + n - 1) % n]!, b = idx[k]!, c = idx[(k + 1) % n]!;
      const o = orient(xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!);
      if (o === 0) {
        flat = k;
        continue;
      }
      if (o < 0) continue;
      // an ear: no other corner inside or on the triangle
      let empty = true;
      for (const p of idx) {
        if (p === a || p === b || p === c) continue;
        const px = xs[p]!, py = ys[p]!;
        if (
          orient(xs[a]!, ys[a]!, xs[b]!, ys[b]!, px, py) >= 0 &&
          orient(xs[b]!, ys[b]!, xs[c]!, ys[c]!, px, py) >= 0 &&
          orient(xs[c]!, ys[c]!, xs[a]!, ys[a]!, px, py) >= 0
        ) {
          empty = false;
          break;
        }
      }
      if (empty) {
        cut = k;
        break;
      }
    }
    if (cut >= 0) {
      const a = idx[(cut + n - 1) % n]!, b = idx[cut]!, c = idx[(cut + 1) % n]!;
      out.push([[xs[a]!, xs[b]!, xs[c]!], [ys[a]!, ys[b]!, ys[c]!]]);
      idx.splice(cut, 1);
    } else if (flat >= 0) {
      idx.splice(flat, 1);
    } else return null;
  }
  const [a, b, c] = idx as [number, number, number];
  if (orient(xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!) > 0) out.push([[xs[a]!, xs[b]!, xs[c]!], [ys[a]!, ys[b]!, ys[c]!]]);
  return out;
}
