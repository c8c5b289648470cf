import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { inspectPolygon } from '../../../src/geo/polygonValidity';
import { surveyRing } from '../../../scripts/bench/geoLibraries';

const at = (r: number[][]): Position[] => r.map(([x, y]) => [104 + x! / 100, 22 + y! / 100]);

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
});
