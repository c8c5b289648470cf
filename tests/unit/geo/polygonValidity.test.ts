import { describe, expect, it } from 'vitest';
import * as geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { inspectPolygon } from '../../../src/geo/polygonValidity';
import { surveyRing } from '../../../scripts/bench/geoLibraries';

const at = (r: number[][]): Position[] => r.map(([x, y]) => [104 + x! / 100, 22 + y! / 100]);

const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;
/** GeographicLib's area of a closed ring (m²), straight from the library. */
function geographicLibM2(ring: Position[]): number {
  const poly = lib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) poly.AddPoint(lat!, lon!);
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/** A five-pointed star drawn in one stroke (corners 0, 2, 4, 1, 3 of a pentagon), closed, each edge cut into `pieces`. */
function pentagram(pieces: number): Position[] {
  const corner = (k: number): [number, number] => [104 + 0.01 * Math.cos((2 * Math.PI * k) / 5), 22 + 0.01 * Math.sin((2 * Math.PI * k) / 5)];
  const order = [0, 2, 4, 1, 3];
  const out: Position[] = [];
  for (let e = 0; e < 5; e++) {
    const [ax, ay] = corner(order[e]!);
    const [bx, by] = corner(order[(e + 1) % 5]!);
    for (let t = 0; t < pieces; t++) out.push([ax + ((bx - ax) * t) / pieces, ay + ((by - ay) * t) / pieces]);
  }
  out.push(out[0]!);
  return out;
}

describe('inspectPolygon (the one validity checker)', () => {
  it('finds the one crossing of a 500,000-corner survey ring where two corners were swapped', () => {
    const ring = surveyRing(500_000);
    // swap corners 1000 and 1001: edges 999→1001 and 1000→1002 now cross between them
    const k = 1000;
    [ring[k], ring[k + 1]] = [ring[k + 1]!, ring[k]!];
    const t0 = performance.now();
    const { problems } = inspectPolygon({ type: 'Polygon', coordinates: [ring] });
    const ms = performance.now() - t0;
    console.log(`500,000-corner ring checked in ${ms.toFixed(0)} ms`);
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p.kind).toBe('self-intersection');
    // the crossing lies within the box of the four corners involved
    const box = [ring[k - 1]!, ring[k]!, ring[k + 1]!, ring[k + 2]!];
    const xs = box.map((q) => q[0]!);
    const ys = box.map((q) => q[1]!);
    const [x, y] = (p as { at: [number, number] }).at;
    expect(x).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(x).toBeLessThanOrEqual(Math.max(...xs));
    expect(y).toBeGreaterThanOrEqual(Math.min(...ys));
    expect(y).toBeLessThanOrEqual(Math.max(...ys));
  });

  it('passes the same ring unswapped and gives its parsed shape', () => {
    const r = inspectPolygon({ type: 'Polygon', coordinates: [surveyRing(1000)] });
    expect(r.problems).toEqual([]);
    expect(r.shape?.rings[0]?.n).toBe(1000);
    expect(r.shape?.simple).toBe(true);
  });

  it('names a hole crossing its outer ring on the hole, where they cross', () => {
    const outer = at([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]);
    // the hole's edge (3,1)→(5,1) leaves the outer ring through x = 4 at y = 1
    const hole = at([[1, 1], [1, 3], [5, 3], [5, 1], [1, 1]]);
    const { problems } = inspectPolygon({ type: 'Polygon', coordinates: [outer, hole] });
    expect(problems.map((p) => [p.kind, p.index])).toEqual([['ring-crossing', 1], ['ring-crossing', 1]]);
    const xs = problems.map((p) => (p as { at: [number, number] }).at[0]);
    for (const x of xs) expect(x).toBeCloseTo(104.04, 9);
  });

  it('accepts parts of a multipolygon that touch, and refuses a ring with no area', () => {
    const a = at([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    const b = at([[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]);
    const touching = inspectPolygon({ type: 'MultiPolygon', coordinates: [[a], [b]] });
    expect(touching.problems).toEqual([]);
    expect(touching.shape?.simple).toBe(false);
    const line = at([[0, 0], [1, 0], [2, 0], [0, 0]]);
    expect(inspectPolygon({ type: 'Polygon', coordinates: [line] }).problems.map((p) => p.kind)).toContain('zero-area');
  });

  it('never throws on what is not a polygon', () => {
    expect(inspectPolygon(null).problems).toEqual([{ kind: 'not-polygon', part: 0, index: 0 }]);
    expect(inspectPolygon({ type: 'Polygon', coordinates: [[[1, 2], ['x', 3]]] }).problems[0]?.kind).toBe('not-lonlat');
  });

  it('finds the same five crossings of a star whether drawn with 5 corners or 60', () => {
    // A parcel-sized ring's edges are sorted one way, a long one's another (geo/polygonValidity.ts):
    // the same crossings either way (listed west to east, then south to north, here).
    const crossings = (pieces: number) => {
      const { problems } = inspectPolygon({ type: 'Polygon', coordinates: [pentagram(pieces)] });
      expect(problems.every((p) => p.kind === 'self-intersection')).toBe(true);
      return problems.map((p) => (p as { at: [number, number] }).at).sort((a, b) => Math.round((a[0] - b[0]) * 1e7) || a[1] - b[1]);
    };
    const few = crossings(1);
    const many = crossings(12);
    expect(few).toHaveLength(5);
    expect(many).toHaveLength(5);
    for (let i = 0; i < 5; i++) {
      expect(many[i]![0]).toBeCloseTo(few[i]![0], 9);
      expect(many[i]![1]).toBeCloseTo(few[i]![1], 9);
    }
  });

  it("measures the parsed shape as GeographicLib measures the file's rings: clockwise, repeated corners and a hole", () => {
    // a 200 m × 150 m plot given clockwise, with a corner repeated, and a 50 m square hole
    const outer = at([[0, 0], [0, 0.135], [0.19, 0.135], [0.19, 0.135], [0.19, 0], [0, 0]]);
    const hole = at([[0.05, 0.05], [0.1, 0.05], [0.1, 0.095], [0.05, 0.095], [0.05, 0.05]]);
    const { problems, shape } = inspectPolygon({ type: 'Polygon', coordinates: [outer, hole] });
    expect(problems).toEqual([]);
    const want = (geographicLibM2(outer) - geographicLibM2(hole)) / 10_000;
    expect(Math.abs(shape!.areaHa - want)).toBeLessThan(1e-7 * want);
  });
});
