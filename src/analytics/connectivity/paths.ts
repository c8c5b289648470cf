// Shortest paths over the network (Dijkstra), and the route to the nearest of a landmark's access points.
import TinyQueue from 'tinyqueue';
import type { Access, Network } from './network';

/** an edge shorter than this is a joint between nodes, not a stretch of road */
const EDGE_EPS_M = 0.01;

export interface Tree {
  dist: Float64Array;
  /** the edge by which each node was reached (-1 at a start) */
  prevNode: Int32Array;
  prevRoad: Int32Array;
  prevM: Float64Array;
}

export function dijkstra(net: Network, starts: readonly Access[]): Tree {
  const n = net.nodes.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prevNode = new Int32Array(n).fill(-1);
  const prevRoad = new Int32Array(n).fill(-1);
  const prevM = new Float64Array(n);
  // A binary heap of [distance, node]; a node may sit in it more than once, the stale entries skipped.
  const heap = new TinyQueue<[number, number]>([], (x, y) => x[0] - y[0]);
  for (const s of starts) {
    if (s.gapM < (dist[s.node] as number)) {
      dist[s.node] = s.gapM;
      heap.push([s.gapM, s.node]);
    }
  }
  while (heap.length > 0) {
    const [d, v] = heap.pop() as [number, number];
    if (d > (dist[v] as number)) continue;
    for (const e of net.adj[v] ?? []) {
      const nd = d + e.m;
      if (nd < (dist[e.to] as number)) {
        dist[e.to] = nd;
        prevNode[e.to] = v;
        prevRoad[e.to] = e.road;
        prevM[e.to] = e.m;
        heap.push([nd, e.to]);
      }
    }
  }
  return { dist, prevNode, prevRoad, prevM };
}

export interface Route {
  totalM: number;
  roadM: number;
  roads: number[];
}

export function routeTo(tree: Tree, targets: readonly Access[]): Route | null {
  let best: Access | null = null;
  let bestM = Infinity;
  for (const t of targets) {
    const m = (tree.dist[t.node] as number) + t.gapM;
    if (m < bestM) {
      bestM = m;
      best = t;
    }
  }
  if (!best) return null;
  const roads: number[] = [];
  let roadM = 0;
  for (let v = best.node; (tree.prevNode[v] as number) >= 0; v = tree.prevNode[v] as number) {
    const road = tree.prevRoad[v] as number;
    const m = tree.prevM[v] as number;
    if (road < 0 || m < EDGE_EPS_M) continue;
    roadM += m;
    if (roads[roads.length - 1] !== road) roads.push(road);
  }
  roads.reverse();
  return { totalM: bestM, roadM, roads: roads.filter((r, i) => roads.indexOf(r) === i) };
}
