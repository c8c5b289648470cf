import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  checkPolygon,
  closeRings,
  describeProblem,
  spoilsArea,
  type PolygonProblem,
} from '../../../src/analytics/polygonCheck';

const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
function problems(g: Polygon | MultiPolygon): PolygonProblem[] {
  const r = checkPolygon(g);
  return r.ok ? [] : r.problems;
}

// A bow-tie: corners 2 and 3 of a square swapped, as when two rows of a corner table are typed
// in the wrong order. Its edges (104,22)–(104.01,22.01) and (104.01,22)–(104,22.01) cross at the
// centre, (104.005, 22.005), by symmetry.
const bowTie: Position[] = [
  [104, 22],
  [104.01, 22.01],
  [104.01, 22],
  [104, 22.01],
  [104, 22],
];

describe('checkPolygon', () => {
  it('passes a clean polygon with a hole, and a clean multipolygon', () => {
    expect(checkPolygon({ type: 'Polygon', coordinates: [square(104, 22, 0.02), square(104.005, 22.005, 0.005).reverse()] })).toEqual({ ok: true });
    expect(checkPolygon({ type: 'MultiPolygon', coordinates: [[square(104, 22, 0.01)], [square(104.02, 22, 0.01)]] })).toEqual({ ok: true });
  });

  it('reports a bow-tie with where its edges cross', () => {
    const r = checkPolygon({ type: 'Polygon', coordinates: [bowTie] });
    expect(r.ok).toBe(false);
    expect(problems({ type: 'Polygon', coordinates: [bowTie] })).toEqual([
      { kind: 'self-intersection', ring: 'outer', part: 0, index: 0, at: [expect.closeTo(104.005, 9), expect.closeTo(22.005, 9)] },
    ]);
  });

  // Corners in hundredths of a degree from (104°E, 22°N).
  const at = (r: number[][]): Position[] => r.map(([x, y]) => [104 + x! / 100, 22 + y! / 100]);

  it('reports every crossing of a ring', () => {
    // The bottom edge (0,0)–(3,0) is crossed by (3,2)–(2,−1) at x = 3 − 1/3 and by (2,−1)–(1,3)
    // at x = 2 − 1/4 (where each reaches y = 0).
    const found = problems({ type: 'Polygon', coordinates: [at([[0, 0], [3, 0], [3, 2], [2, -1], [1, 3], [0, 2], [0, 0]])] });
    // west to east, the order the sweep meets them
    expect(found).toEqual([
      expect.objectContaining({ kind: 'self-intersection', at: [expect.closeTo(104.0175, 9), expect.closeTo(22, 9)] }),
      expect.objectContaining({ kind: 'self-intersection', at: [expect.closeTo(104 + 7 / 300, 9), expect.closeTo(22, 9)] }),
    ]);
  });

  it('reports a ring touching itself at a corner once (turf finds it from two edges)', () => {
    // the corner (1,0) lies on the bottom edge (0,0)–(2,0)
    const found = problems({ type: 'Polygon', coordinates: [at([[0, 0], [2, 0], [2, 2], [1, 0], [0, 2], [0, 0]])] });
    expect(found).toEqual([expect.objectContaining({ kind: 'self-intersection', at: [104.01, 22] })]);
  });

  it('names the part and ring of a multipolygon', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(104, 22, 0.005)], [square(103.99, 21.99, 0.05), bowTie]],
    };
    const [p] = problems(g);
    expect(p).toMatchObject({ kind: 'self-intersection', ring: 'part 2 hole 1', part: 1, index: 1 });
    expect(describeProblem(p!, 'vi')).toBe('phần 2, lỗ 1 tự cắt tại [104.005000, 22.005000]');
    expect(describeProblem(p!, 'en')).toBe('part 2 hole 1 crosses itself at [104.005000, 22.005000]');
  });

  it('does not take a repeated corner for a crossing', () => {
    const ring = square(104, 22, 0.01);
    ring.splice(2, 0, ring[1]!); // corner 1 twice in a row
    expect(checkPolygon({ type: 'Polygon', coordinates: [ring] })).toEqual({ ok: true });
  });

  it('reports an unclosed ring, which does not spoil the area', () => {
    const [p] = problems({ type: 'Polygon', coordinates: [square(104, 22, 0.01).slice(0, -1)] });
    expect(p).toEqual({ kind: 'unclosed', ring: 'outer', part: 0, index: 0, first: [104, 22], last: [104, 22.01] });
    expect(spoilsArea(p!)).toBe(false);
    expect(describeProblem(p!, 'vi')).toContain('không khép kín');
  });

  it('reports a ring with too few corners', () => {
    const [p] = problems({ type: 'Polygon', coordinates: [[[104, 22], [104.01, 22], [104, 22]]] });
    expect(p).toMatchObject({ kind: 'too-few-points', ring: 'outer', points: 3 });
    expect(spoilsArea(p!)).toBe(true);
  });

  it('reports a hole outside its outer ring', () => {
    const [p] = problems({ type: 'Polygon', coordinates: [square(104, 22, 0.01), square(104.02, 22, 0.002)] });
    expect(p).toEqual({ kind: 'hole-outside', ring: 'hole 1', part: 0, index: 1, at: [104.02, 22] });
    expect(describeProblem(p!, 'vi')).toBe('lỗ 1 nằm ngoài vòng ngoài (điểm [104.020000, 22.000000])');
  });

  it('reports VN-2000 plane coordinates left unconverted, without throwing', () => {
    const ring: Position[] = [[430_000, 2_470_000], [430_100, 2_470_000], [430_100, 2_470_100], [430_000, 2_470_000]];
    const [p] = problems({ type: 'Polygon', coordinates: [ring] });
    expect(p).toMatchObject({ kind: 'not-lonlat', ring: 'outer', position: [430_000, 2_470_000] });
    expect(describeProblem(p!, 'vi')).toContain('có thể là VN-2000 chưa chuyển đổi');
  });

  it('never mutates its input; closeRings returns a closed copy', () => {
    const open = square(104, 22, 0.01).slice(0, -1);
    const g = Object.freeze({ type: 'Polygon', coordinates: Object.freeze([Object.freeze(open)]) }) as unknown as Polygon;
    expect(() => checkPolygon(g)).not.toThrow();
    const closed = closeRings(g);
    expect(closed.coordinates[0]).toHaveLength(5);
    expect(g.coordinates[0]).toHaveLength(4);
  });
});
