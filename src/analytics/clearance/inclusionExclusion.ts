import { clipConvexScratch, isConvex, planarArea, triangulate } from '../../geo/clip';
import { LocalEqualArea } from '../../geo/equalArea';
import { cornersBox } from '../../geo/shape';
import type { Member, Status, Sums } from './model';

// ----- Inclusion–exclusion over overlapping parcels -------------------------------------------
// |A ∪ B ∪ …| = Σ|A| − Σ|A∩B| + Σ|A∩B∩C| − …, where only sets of mutually overlapping parcels
// (cliques of the overlap graph) have a non-empty intersection, and a set whose intersection is
// empty has only empty supersets (so the search stops there). Intersections are cut with
// Sutherland–Hodgman against convex parcels (exact for a convex window, whatever the subject).
// Precedence falls out of the same sums: a set counts towards "cleared" when all its parcels are
// cleared, towards "cleared or in progress" when all are at least in progress, and so on; the
// differences are the status areas after precedence.
// Areas: Σ|A| are the parcels' own ellipsoidal areas (GeographicLib). The intersection terms are
// measured in a local Lambert azimuthal equal-area plane of the WGS84 ellipsoid centred on the
// component: the map is exactly equal-area, and straight lines in it stand for geodesics to ~10⁻⁷
// of a polygon's area for parcels up to 2 km (tested against GeographicLib), at a tenth of the cost.
// Returns null (Turf then dissolves) when a set holds two non-convex parcels, the component is too
// spread out for the local plane, or the search grows past a budget (heavily stacked parcels).

const RANK: Record<Status, number> = { cleared: 0, 'in-progress': 1, 'not-started': 2 };
/** planar area (m²) under which an intersection counts as empty */
const EMPTY_M2 = 1e-6;
/** the local plane serves components up to this size (degrees, either way; ~100 km): measured
 *  against GeographicLib, its error stays ~10⁻⁷ of an overlap's area even 1° from the centre */
const MAX_LOCAL_DEG = 1;

export function inclusionExclusion(comp: Member[], adjacency: number[][]): Sums | null {
  const m = comp.length;
  if (comp.some((x) => !x.shape.simple)) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const x of comp) {
    const b = x.shape.bbox;
    if (b[0] < minX) minX = b[0];
    if (b[1] < minY) minY = b[1];
    if (b[2] > maxX) maxX = b[2];
    if (b[3] > maxY) maxY = b[3];
  }
  if (maxX - minX > MAX_LOCAL_DEG || maxY - minY > MAX_LOCAL_DEG) return null;
  const plane = new LocalEqualArea((minX + maxX) / 2, (minY + maxY) / 2);
  // Nodes: each parcel as one convex piece, or the triangles of a non-convex one (pieces of a
  // parcel meet only along edges, so no intersection term ever pairs two of them).
  const nx: number[][] = [];
  const ny: number[][] = [];
  const nParcel: number[] = [];
  for (let i = 0; i < m; i++) {
    const R = comp[i]!.shape.rings[0]!;
    const xs: number[] = new Array(R.n);
    const ys: number[] = new Array(R.n);
    plane.projectRing(R.xs, R.ys, R.n, xs, ys);
    if (isConvex(xs, ys)) {
      nx.push(xs);
      ny.push(ys);
      nParcel.push(i);
    } else {
      const tris = triangulate(xs, ys);
      if (!tris) return null;
      for (const [tx, ty] of tris) {
        nx.push(tx);
        ny.push(ty);
        nParcel.push(i);
      }
    }
  }
  const nodes = nParcel.length;
  // Each node's box in the plane: a candidate whose box misses the set's intersection is skipped
  // without clipping (deeper in the search the intersection is small and most candidates miss it).
  const box = new Float64Array(4 * nodes);
  for (let u = 0; u < nodes; u++) cornersBox(nx[u]!, ny[u]!, nx[u]!.length, box, 4 * u);
  const cutBox = new Float64Array(4);
  const adjacent = adjacency.map((list) => new Set(list));
  // Nodes of each parcel, in order, so "later neighbours" are quick to list.
  const nodesOf: number[][] = Array.from({ length: m }, () => []);
  nParcel.forEach((p, u) => nodesOf[p]!.push(u));
  const rank = comp.map((x) => RANK[x.entry.props.status]);
  const buckets = [0, 0, 0];
  // Each term costs a microsecond or two; parcels stacked several deep need tens of terms each.
  let budget = 256 * nodes + 4096;
  // The search: extend a set of mutually overlapping parcels with later neighbours of all of them.
  const grow = (xs: number[], ys: number[], b0: number, b1: number, b2: number, b3: number, cands: number[], size: number, r: number): boolean => {
    for (let c = 0; c < cands.length; c++) {
      if (--budget < 0) return false;
      const v = cands[c]!;
      const o = 4 * v;
      if (box[o]! > b2 || box[o + 2]! < b0 || box[o + 1]! > b3 || box[o + 3]! < b1) continue; // apart: empty
      const cut = clipConvexScratch(xs, ys, nx[v]!, ny[v]!);
      const area = planarArea(cut.xs, cut.ys, cut.n);
      if (!(area > EMPTY_M2)) continue; // empty: so are all its supersets
      const pv = nParcel[v]!;
      const rr = Math.max(r, rank[pv]!);
      // a set of size + 1 parcels enters with the sign (−1)^size
      buckets[rr]! += (size % 2 === 1 ? -area : area) / 10_000;
      const adj = adjacent[pv]!;
      let next: number[] | null = null;
      for (let k = c + 1; k < cands.length; k++) if (adj.has(nParcel[cands[k]!]!)) (next ??= []).push(cands[k]!);
      if (!next) continue;
      // The cut is kept for the next level (the scratch it is in serves the next clip).
      const cx = cut.xs.slice(0, cut.n);
      const cy = cut.ys.slice(0, cut.n);
      cornersBox(cx, cy, cx.length, cutBox);
      if (!grow(cx, cy, cutBox[0]!, cutBox[1]!, cutBox[2]!, cutBox[3]!, next, size + 1, rr)) return false;
    }
    return true;
  };
  for (let i = 0; i < m; i++) buckets[rank[i]!]! += comp[i]!.shape.areaHa;
  for (let u = 0; u < nodes; u++) {
    const p = nParcel[u]!;
    const later: number[] = [];
    for (const q of adjacency[p]!) if (q > p) later.push(...nodesOf[q]!);
    // (ascending already: adjacency lists are sorted, and a parcel's nodes numbered in order)
    if (later.length === 0) continue;
    if (!grow(nx[u]!, ny[u]!, box[4 * u]!, box[4 * u + 1]!, box[4 * u + 2]!, box[4 * u + 3]!, later, 1, rank[p]!)) return null;
  }
  // Round-off can leave a status a hair below zero when it is wholly covered: areas are never negative.
  return {
    cleared: Math.max(0, buckets[0]!),
    'in-progress': Math.max(0, buckets[1]!),
    'not-started': Math.max(0, buckets[2]!),
  };
}

