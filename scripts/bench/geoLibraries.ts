// Our hand-written geometry (src/geo/) against the maintained libraries the project already pulls
// in, on the work the app gives it: is there a number that says keep ours? Printed by
// `npm run bench:analytics`. Same machine, same run, medians.
import type { Polygon, Position } from 'geojson';
import { kinks, lineString } from '@turf/turf';
import earcut from 'earcut';
import RBush from 'rbush';
import { orient2d } from 'robust-predicates';
import { clipConvex, planarArea, triangulate } from '../../src/geo/clip';
import { LocalEqualArea } from '../../src/geo/equalArea';
import { orient } from '../../src/geo/predicates';
import { inspectPolygon } from '../../src/geo/polygonValidity';
import { SegmentGrid } from '../../src/geo/segmentGrid';

export interface LibraryRow {
  task: string;
  ours: number;
  library: string;
  theirs: number;
  note: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time(runs: number, fn: () => unknown): number {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** A survey ring of n corners: a wobbly circle about 2 km across at 22°N. */
export function surveyRing(n: number, lon = 104.1, lat = 22.3): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = 0.01 * (1 + 0.05 * Math.sin(37 * t));
    ring.push([lon + r * Math.cos(t), lat + r * Math.sin(t)]);
  }
  ring.push(ring[0]!);
  return ring;
}

export function benchGeoLibraries(parcels: Polygon[], runs: number): LibraryRow[] {
  const rows: LibraryRow[] = [];

  // 1. Validity of one large ring: our sweep against Turf's kinks (all pairs). kinks gets a ring
  //    100× smaller, since at 500,000 corners it does not finish in minutes.
  const big = surveyRing(500_000);
  const small = surveyRing(5_000);
  const sweep = time(runs, () => inspectPolygon({ type: 'Polygon', coordinates: [big] }));
  const turf = time(1, () => kinks(lineString(small)));
  rows.push({ task: 'validity, one ring: ours 500,000 corners', ours: sweep, library: 'Turf kinks, 5,000 corners', theirs: turf, note: 'kinks is all-pairs: ×10,000 work at 500,000' });

  // 2. Orientation, 2 million random triples: our filtered determinant against Shewchuk's adaptive one.
  const N = 2_000_000;
  const c = new Float64Array(6 * 1024).map(() => 104 + Math.random() * 0.01);
  let sink = 0;
  const ours = time(runs, () => {
    for (let i = 0; i < N; i++) {
      const k = (i * 6) & 6143;
      sink += orient(c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!, c[k + 5]!);
    }
  });
  const theirs = time(runs, () => {
    for (let i = 0; i < N; i++) {
      const k = (i * 6) & 6143;
      sink += Math.sign(orient2d(c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!, c[k + 5]!));
    }
  });
  rows.push({ task: 'orientation ×2,000,000', ours, library: 'robust-predicates orient2d', theirs, note: sink === Infinity ? '' : 'ours answers "unsure" near 0; callers then take the exact path' });

  // 3. Triangulating the parcels (in a local plane, metres), ours (ear clipping) against earcut.
  const plane = new LocalEqualArea(104.1, 22.3);
  const rings = parcels.map((g) => {
    const r = g.coordinates[0]!.slice(0, -1);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const p of r) {
      const [x, y] = plane.project(p[0]!, p[1]!);
      xs.push(x);
      ys.push(y);
    }
    if (planarArea(xs, ys) < 0) {
      xs.reverse();
      ys.reverse();
    }
    return { xs, ys, flat: xs.flatMap((x, i) => [x, ys[i]!]) };
  });
  // Our own ear clipping measured 9.0 ms against earcut's 6.6 ms here (2026-12-05), so
  // geo/clip.ts's triangulate is now earcut plus orienting and an area check: this row is that cost.
  const tri = time(runs, () => rings.forEach((r) => triangulate(r.xs, r.ys)));
  const ear = time(runs, () => rings.forEach((r) => earcut(r.flat)));
  rows.push({ task: `triangulation, ${rings.length.toLocaleString('en')} parcels (ours = earcut + checks)`, ours: tri, library: 'earcut alone', theirs: ear, note: 'earcut adopted (our ear clipping: 9.0 vs 6.6 ms)' });

  // 4. Intersection of two convex parcels: Sutherland–Hodgman. (Dissolving with polyclip-ts is the
  //    'union-all' reference of the clearance tests, 5–30× slower: see the clearance test's print.)
  const pairs = rings.slice(0, 2000);
  const sh = time(runs, () => {
    for (let i = 1; i < pairs.length; i++) clipConvex(pairs[i - 1]!.xs, pairs[i - 1]!.ys, pairs[i]!.xs, pairs[i]!.ys);
  });
  rows.push({ task: 'convex clip ×2,000', ours: sh, library: '—', theirs: NaN, note: 'no maintained convex clipper in node_modules' });

  // 5. Edges of a 500,000-corner outline near each of 20,000 query boxes: our uniform grid against rbush.
  const outline = inspectPolygon({ type: 'Polygon', coordinates: [big] }).shape!;
  const queries = parcels.slice(0, 20_000).map((g) => {
    const xs = g.coordinates[0]!.map((p) => p[0]!);
    const ys = g.coordinates[0]!.map((p) => p[1]!);
    // moved onto the outline's edge, so every query finds something
    const dx = 104.11 - Math.min(...xs);
    const dy = 22.3 - Math.min(...ys);
    return [Math.min(...xs) + dx, Math.min(...ys) + dy, Math.max(...xs) + dx, Math.max(...ys) + dy] as const;
  });
  let buildGrid = 0;
  let grid: SegmentGrid | null = null;
  buildGrid = time(runs, () => (grid = new SegmentGrid(outline)));
  const g = grid!;
  const gridQ = time(runs, () => queries.forEach((q) => g.some(q[0], q[1], q[2], q[3], () => false)));
  type Item = { minX: number; minY: number; maxX: number; maxY: number; e: number };
  const items: Item[] = g.ax.map((ax, e) => ({
    minX: Math.min(ax, g.bx[e]!), minY: Math.min(g.ay[e]!, g.by[e]!), maxX: Math.max(ax, g.bx[e]!), maxY: Math.max(g.ay[e]!, g.by[e]!), e,
  }));
  let tree = new RBush<Item>();
  const buildTree = time(runs, () => {
    tree = new RBush<Item>();
    tree.load(items);
  });
  const treeQ = time(runs, () => queries.forEach((q) => tree.search({ minX: q[0], minY: q[1], maxX: q[2], maxY: q[3] })));
  rows.push({ task: 'spatial index, 500,000 edges: build', ours: buildGrid, library: 'rbush load', theirs: buildTree, note: '' });
  rows.push({ task: 'spatial index: 20,000 box queries', ours: gridQ, library: 'rbush search', theirs: treeQ, note: '' });
  return rows;
}
