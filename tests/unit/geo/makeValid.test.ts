import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicAreaHa } from '../../../src/geo/geodesic';
import { inspectPolygon } from '../../../src/geo/polygonValidity';
import { repairSelfIntersection } from '../../../src/geo/makeValid';
import { cellHa } from '../../fixtures/ellipsoid';

// Corners in hundredths of a degree from 104°E, 22°N (a place in Lào Cai).
const at = (r: number[][]): Position[] => r.map(([x, y]) => [104 + x! / 100, 22 + y! / 100]);
const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings.map((r) => at(r)) });
const close = (r: Position[]): Position[] => [...r, r[0]!];

/** Where the segments p1p2 and p3p4 cross, by the textbook line–line formula (not the app's). */
function lineCrossing(p1: Position, p2: Position, p3: Position, p4: Position): Position {
  const [x1, y1] = p1 as [number, number];
  const [x2, y2] = p2 as [number, number];
  const [x3, y3] = p3 as [number, number];
  const [x4, y4] = p4 as [number, number];
  const d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
  const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d;
  return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
}

const triangleHa = (a: Position, b: Position, c: Position) => geodesicAreaHa({ type: 'Polygon', coordinates: [close([a, b, c])] });

describe('repairSelfIntersection (make-valid for a ring that crosses itself)', () => {
  it('splits a lopsided bow-tie into its two triangles: the area is the sum of the triangles', () => {
    // corners 2 and 3 swapped: edges 1→2 and 3→4 cross
    const [a, b, c, d] = at([[0, 0], [60, 20], [60, 0], [0, 50]]) as [Position, Position, Position, Position];
    const g: Polygon = { type: 'Polygon', coordinates: [close([a, b, c, d])] };
    expect(inspectPolygon(g).problems.map((p) => p.kind)).toEqual(['self-intersection']);
    const x = lineCrossing(a, b, c, d);
    const expected = triangleHa(a, x, d) + triangleHa(x, b, c);

    const r = repairSelfIntersection(g)!;
    expect(r).not.toBeNull();
    expect(r.geometry.type).toBe('MultiPolygon');
    expect((r.geometry as MultiPolygon).coordinates).toHaveLength(2);
    expect(inspectPolygon(r.geometry).problems).toEqual([]);
    expect(geodesicAreaHa(r.geometry)).toBeCloseTo(expected, 6);
    // The crossing is located where the two edges meet.
    expect(r.crossings).toHaveLength(1);
    expect(r.crossings[0]!.at[0]).toBeCloseTo(x[0]!, 9);
    expect(r.crossings[0]!.at[1]).toBeCloseTo(x[1]!, 9);
    // The lobes of the ring as given partly cancel: its own figure is not the repaired area.
    expect(Math.abs(geodesicAreaHa(g) - expected)).toBeGreaterThan(1);
  });

  it('a ring looping over itself becomes its outline, the doubly covered square counted once', () => {
    const g = poly([[0, 0], [4, 0], [4, 4], [1, 4], [1, 1], [3, 1], [3, 3], [0, 3], [0, 0]]);
    const r = repairSelfIntersection(g)!;
    expect(r).not.toBeNull();
    // its outline, written by hand and measured on its own
    const outline = poly([[0, 0], [4, 0], [4, 4], [1, 4], [1, 3], [0, 3], [0, 0]]);
    expect(inspectPolygon(r.geometry).problems).toEqual([]);
    expect(geodesicAreaHa(r.geometry)).toBeCloseTo(geodesicAreaHa(outline), 6);
    // and, as a check on that, the closed form of its two lon/lat cells (edges along parallels
    // rather than geodesics: a few parts in 10⁵ apart at this size)
    const c = (x1: number, y1: number, x2: number, y2: number) => cellHa(104 + x1 / 100, 22 + y1 / 100, 104 + x2 / 100, 22 + y2 / 100);
    expect(Math.abs(geodesicAreaHa(r.geometry) / (c(0, 0, 4, 3) + c(1, 3, 4, 4)) - 1)).toBeLessThan(5e-5);
  });

  it('leaves alone what it does not mend: a valid polygon, a hole outside its ring, a flat ring', () => {
    expect(repairSelfIntersection(poly([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]))).toBeNull();
    expect(repairSelfIntersection(poly([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [[5, 5], [6, 5], [6, 6], [5, 5]]))).toBeNull();
    expect(repairSelfIntersection(poly([[0, 0], [1, 0], [2, 0], [0, 0]]))).toBeNull();
  });

  it('does not change its input', () => {
    const g = poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]);
    const copy = structuredClone(g);
    repairSelfIntersection(g);
    expect(g).toEqual(copy);
  });
});
