import { describe, expect, it } from 'vitest';
import { clipConvex, isConvex, planarArea, triangulate } from '../../../src/geo/clip';
import { orient } from '../../../src/geo/predicates';

describe('planar clipping helpers', () => {
  it('cuts an L-shaped ring into counter-clockwise triangles that add up to its area (3 m²)', () => {
    // an L of three unit squares
    const xs = [0, 2, 2, 1, 1, 0];
    const ys = [0, 0, 1, 1, 2, 2];
    expect(isConvex(xs, ys)).toBe(false);
    expect(planarArea(xs, ys)).toBe(3);
    const tris = triangulate(xs, ys)!;
    expect(tris.reduce((s, [tx, ty]) => s + planarArea(tx, ty), 0)).toBeCloseTo(3, 12);
    for (const [tx, ty] of tris) expect(orient(tx[0]!, ty[0]!, tx[1]!, ty[1]!, tx[2]!, ty[2]!)).toBe(1);
  });

  it('clips a square by a convex window to their overlap (1 × 1 of two 2 × 2 squares)', () => {
    const [x, y] = clipConvex([0, 2, 2, 0], [0, 0, 2, 2], [1, 3, 3, 1], [1, 1, 3, 3]);
    expect(planarArea(x, y)).toBeCloseTo(1, 12);
  });

  it('gives each clip an answer of its own: a later clip changes neither an earlier answer nor its subject', () => {
    const sx = [0, 2, 2, 0];
    const sy = [0, 0, 2, 2];
    const [x1, y1] = clipConvex(sx, sy, [1, 3, 3, 1], [1, 1, 3, 3]);
    const kept = [[...x1], [...y1]];
    const [x2, y2] = clipConvex(sx, sy, [-1, 0.5, 0.5, -1], [-1, -1, 0.5, 0.5]);
    expect(planarArea(x2, y2)).toBeCloseTo(0.25, 12);
    expect([x1, y1]).toEqual(kept);
    expect(planarArea(x1, y1)).toBeCloseTo(1, 12);
    expect([sx, sy]).toEqual([[0, 2, 2, 0], [0, 0, 2, 2]]);
  });
});
