// Which parcels may overlap which, and the groups (components) that relation links: only those
// need dissolving.
import { NONE, boxesOverlap, orient, segRelation } from '../../geo/predicates';
import { pointInRing, type Ring, type Shape } from '../../geo/shape';
import type { Member } from './model';

// ----- Do two parcels overlap? -----------------------------------------------------------------
// For two plain rings A and B (one ring each, counter-clockwise, no self-contact) the interiors are
// certainly disjoint when (i) their edges meet only at shared corners (identical coordinates) or
// along shared edges (identical end corners), (ii) at each shared corner the interior angles of A and
// B do not overlap, and (iii) no other corner of either lies inside the other. Sketch of why: an
// overlap region would be bounded by pieces of ∂A inside B or ∂B inside A; by (i) such a piece can
// only leave the other polygon through a shared corner, where it would enter the other's interior
// angle, which (ii) excludes; a whole ring inside the other is excluded by (iii). Cadastral parcels
// that tile pass this test without Turf; anything else, or too close to call, is "maybe overlap".

const TAU = 2 * Math.PI;
const ANGLE_TOL = 1e-10;

function normAngle(x: number): number {
  let r = x % TAU;
  if (r < 0) r += TAU;
  return r;
}

/** Interior angle at corner i of a counter-clockwise ring: from the next edge, turning left to the previous one. */
function sector(R: Ring, i: number): [start: number, width: number] {
  const n = R.n;
  const vx = R.xs[i]!, vy = R.ys[i]!;
  const nx = R.xs[(i + 1) % n]!, ny = R.ys[(i + 1) % n]!;
  const px = R.xs[(i + n - 1) % n]!, py = R.ys[(i + n - 1) % n]!;
  const start = Math.atan2(ny - vy, nx - vx);
  const end = Math.atan2(py - vy, px - vx);
  return [start, normAngle(end - start)];
}

/** true when the interior angles overlap, or are too close to call. */
function sectorsOverlap(A: Ring, i: number, B: Ring, j: number): boolean {
  const [sa, wa] = sector(A, i);
  const [sb, wb] = sector(B, j);
  const dBA = normAngle(sb - sa); // where B's angle starts, seen from A's start
  const dAB = normAngle(sa - sb);
  // Exact equality is what shared edges give (same corners → same directions → same atan2).
  if (dBA !== wa && Math.abs(dBA - wa) < ANGLE_TOL) return true;
  if (dAB !== wb && Math.abs(dAB - wb) < ANGLE_TOL) return true;
  return dBA < wa || dAB < wb;
}


/** false only when the interiors of A and B are certainly disjoint. */
export function mayOverlap(A: Shape, B: Shape): boolean {
  if (!boxesOverlap(A.bbox, B.bbox)) return false;
  if (!A.simple || !B.simple) return true;
  const a = A.rings[0]!;
  const b = B.rings[0]!;
  const ix0 = Math.max(a.bbox[0], b.bbox[0]);
  const iy0 = Math.max(a.bbox[1], b.bbox[1]);
  const ix1 = Math.min(a.bbox[2], b.bbox[2]);
  const iy1 = Math.min(a.bbox[3], b.bbox[3]);
  // Edges reaching into the common box: only they can meet.
  const ea = edgesIn(a, ix0, iy0, ix1, iy1);
  const eb = edgesIn(b, ix0, iy0, ix1, iy1);
  // Shared corners (identical coordinates): few, so plain arrays.
  const sharedA: number[] = [];
  const sharedB: number[] = [];
  for (let i = 0; i < a.n; i++) {
    const x = a.xs[i]!, y = a.ys[i]!;
    if (x < ix0 || x > ix1 || y < iy0 || y > iy1) continue;
    for (let j = 0; j < b.n; j++) {
      if (b.xs[j] === x && b.ys[j] === y) {
        sharedA.push(i);
        sharedB.push(j);
      }
    }
  }
  // (i) edges meet only at shared corners or along shared edges.
  for (const i of ea) {
    const i2 = i + 1 === a.n ? 0 : i + 1;
    const ax = a.xs[i]!, ay = a.ys[i]!, bx = a.xs[i2]!, by = a.ys[i2]!;
    for (const j of eb) {
      const j2 = j + 1 === b.n ? 0 : j + 1;
      const cx = b.xs[j]!, cy = b.ys[j]!, dx = b.xs[j2]!, dy = b.ys[j2]!;
      const aC = ax === cx && ay === cy, aD = ax === dx && ay === dy;
      const bC = bx === cx && by === cy, bD = bx === dx && by === dy;
      if ((aC && bD) || (aD && bC)) continue; // a shared edge: (ii) decides the sides
      if (aC || aD || bC || bD) {
        // One shared corner v: fine unless the two edges run along each other from v.
        const atA = aC || aD;
        const vx = atA ? ax : bx, vy = atA ? ay : by;
        const px = atA ? bx : ax, py = atA ? by : ay;
        const qx = aC || bC ? dx : cx, qy = aC || bC ? dy : cy;
        if (orient(vx, vy, px, py, qx, qy) !== 0) continue;
        if ((px - vx) * (qx - vx) + (py - vy) * (qy - vy) < 0) continue;
        return true;
      }
      if (segRelation(ax, ay, bx, by, cx, cy, dx, dy) !== NONE) return true;
    }
  }
  // (ii) interior angles at shared corners.
  for (let k = 0; k < sharedA.length; k++) if (sectorsOverlap(a, sharedA[k]!, b, sharedB[k]!)) return true;
  // (iii) no other corner inside the other ring.
  for (let i = 0; i < a.n; i++) {
    if (sharedA.includes(i)) continue;
    const x = a.xs[i]!, y = a.ys[i]!;
    if (x >= ix0 && x <= ix1 && y >= iy0 && y <= iy1 && pointInRing(x, y, b) !== 0) return true;
  }
  for (let j = 0; j < b.n; j++) {
    if (sharedB.includes(j)) continue;
    const x = b.xs[j]!, y = b.ys[j]!;
    if (x >= ix0 && x <= ix1 && y >= iy0 && y <= iy1 && pointInRing(x, y, a) !== 0) return true;
  }
  return false;
}

function edgesIn(R: Ring, x0: number, y0: number, x1: number, y1: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < R.n; i++) {
    const j = i + 1 === R.n ? 0 : i + 1;
    const ax = R.xs[i]!, ay = R.ys[i]!, bx = R.xs[j]!, by = R.ys[j]!;
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
    out.push(i);
  }
  return out;
}

/**
 * Which parcels may overlap which (candidate pairs from a grid of their boxes, then `mayOverlap`),
 * and the components that relation links (union–find). Components are lists of member indices;
 * `adjacency(component)` gives, for each of its members, the positions of the members it may overlap.
 */
export function overlapGraph(members: Member[]): { components: number[][]; adjacency: (idx: number[]) => number[][] } {
  const n = members.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // pairs that may overlap, flat: (edgeA[k], edgeB[k])
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  if (n > 1) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    const sizes = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const b = members[i]!.shape.bbox;
      sizes[i] = Math.max(b[2] - b[0], b[3] - b[1]);
      if (b[0] < minX) minX = b[0];
      if (b[1] < minY) minY = b[1];
      if (b[2] > maxX) maxX = b[2];
      if (b[3] > maxY) maxY = b[3];
    }
    sizes.sort();
    // Cells about the size of a typical parcel, so each parcel meets its neighbours, not the site;
    // at most ~4n cells in all (a few huge parcels or a sparse site cannot make the grid explode).
    let cell = sizes[n >> 1]! || 1;
    const w = maxX - minX;
    const h = maxY - minY;
    if ((w / cell + 1) * (h / cell + 1) > 4 * n) cell = Math.max(cell, Math.sqrt((w * h) / (4 * n)), w / (4 * n), h / (4 * n));
    const cols = Math.floor(w / cell) + 1;
    const rows = Math.floor(h / cell) + 1;
    const cells: (number[] | undefined)[] = new Array(cols * rows);
    const seen = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      const bk = members[k]!.shape.bbox;
      const cx0 = Math.floor((bk[0] - minX) / cell), cx1 = Math.min(cols - 1, Math.floor((bk[2] - minX) / cell));
      const cy0 = Math.floor((bk[1] - minY) / cell), cy1 = Math.min(rows - 1, Math.floor((bk[3] - minY) / cell));
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) {
          const key = cy * cols + cx;
          let list = cells[key];
          if (!list) cells[key] = list = [];
          for (let t = 0; t < list.length; t++) {
            const j = list[t]!;
            if (seen[j] === k) continue;
            seen[j] = k;
            if (!boxesOverlap(members[j]!.shape.bbox, bk)) continue;
            if (!mayOverlap(members[k]!.shape, members[j]!.shape)) continue;
            edgeA.push(j);
            edgeB.push(k);
            parent[find(k)] = find(j);
          }
          list.push(k);
        }
      }
    }
  }
  const byRoot: (number[] | undefined)[] = new Array(n);
  const components: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = byRoot[r];
    if (!g) components.push((byRoot[r] = g = []));
    g.push(i);
  }
  // Edges by component, for the few components that need their adjacency.
  let edgesOf: Map<number, number[]> | null = null;
  const adjacency = (idx: number[]): number[][] => {
    if (!edgesOf) {
      edgesOf = new Map();
      for (let e = 0; e < edgeA.length; e++) {
        const r = find(edgeA[e]!);
        let l = edgesOf.get(r);
        if (!l) edgesOf.set(r, (l = []));
        l.push(e);
      }
    }
    const local = new Map<number, number>();
    idx.forEach((g, l) => local.set(g, l));
    const adj: number[][] = idx.map(() => []);
    for (const e of edgesOf.get(find(idx[0]!)) ?? []) {
      const a = local.get(edgeA[e]!)!;
      const b = local.get(edgeB[e]!)!;
      adj[a]!.push(b);
      adj[b]!.push(a);
    }
    for (const l of adj) l.sort((x, y) => x - y);
    return adj;
  };
  return { components, adjacency };
}
