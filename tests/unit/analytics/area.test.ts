import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { Geodesic } from 'geographiclib-geodesic';
import {
  geodesicAreaHa,
  geodesicAreaM2,
  threeAreas,
  turfAreaM2,
  vn2000AreaM2,
} from '../../../src/analytics/area';
import { fromVn2000, VN2000_ZONES } from '../../../src/analytics/vn2000';

// Independent reference: the closed-form ellipsoidal area of a lon/lat cell (tests/fixtures/ellipsoid.ts).
import { a, cell, cellAreaM2, e2 } from '../../fixtures/ellipsoid';

describe('geodesic area (WGS84)', () => {
  it.each([
    ['a 0.003° cell near Tằng Loỏng (~10 ha)', 104.14, 22.29, 104.143, 22.293],
    ['a 0.03° cell at Lào Cai (~1,000 ha)', 103.95, 22.48, 103.98, 22.51],
    ['a 0.06° cell at Yên Bái (~4,600 ha)', 104.85, 21.68, 104.91, 21.74],
  ])('matches the closed-form ellipsoidal cell area for %s', (_name, x1, y1, x2, y2) => {
    const expected = cellAreaM2(x1, y1, x2, y2);
    expect(Math.abs(geodesicAreaM2(cell(x1, y1, x2, y2)) - expected) / expected).toBeLessThan(1e-5);
  });

  it('is independent of ring orientation', () => {
    const ccw = cell(104, 22, 104.01, 22.01);
    const cw: Polygon = { type: 'Polygon', coordinates: [[...(ccw.coordinates[0] ?? [])].reverse()] };
    expect(geodesicAreaM2(cw)).toBeCloseTo(geodesicAreaM2(ccw), 6);
  });

  it('subtracts holes and adds the parts of a multipolygon', () => {
    const outer = cell(104, 22, 104.02, 22.02).coordinates[0]!;
    const hole = [...cell(104.005, 22.005, 104.01, 22.01).coordinates[0]!].reverse();
    const withHole: Polygon = { type: 'Polygon', coordinates: [outer, hole] };
    const expected = cellAreaM2(104, 22, 104.02, 22.02) - cellAreaM2(104.005, 22.005, 104.01, 22.01);
    expect(Math.abs(geodesicAreaM2(withHole) - expected) / expected).toBeLessThan(1e-5);
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [withHole.coordinates, cell(104.1, 22, 104.11, 22.01).coordinates],
    };
    const expectedMulti = expected + cellAreaM2(104.1, 22, 104.11, 22.01);
    expect(Math.abs(geodesicAreaM2(multi) - expectedMulti) / expectedMulti).toBeLessThan(1e-5);
  });

  it('reads lower than Turf’s spherical area by about a quarter of a percent at 22°N', () => {
    // The reason the headline uses the ellipsoid: near a 500 ha target Turf's excess matters.
    const p = cell(104.1, 22.3, 104.13, 22.33);
    const ratio = turfArea(p) / (geodesicAreaHa(p) * 10_000);
    expect(ratio).toBeGreaterThan(1.002);
    expect(ratio).toBeLessThan(1.003);
  });
});

// ---------------------------------------------------------------------------------------------
// The three methods of DESIGN.md: ellipsoidal (headline), VN-2000 planar (cadastral), Turf.

describe('ellipsoidal area from 0.1 ha to 5,000 ha at 22°N', () => {
  // Side of a square of the wanted area, in degrees at 22°N (1° of latitude ≈ 110.7 km, of
  // longitude ≈ 103.3 km); the reference below does not depend on how close this is.
  const sizesHa = [0.1, 1, 10, 100, 1_000, 5_000];

  // measured: 8e-12 (0.1 ha) rising to 7e-8 (5,000 ha), where the reference's parallels start to
  // differ from the geodesic edges
  it.each(sizesHa)('a %s ha cell matches the closed-form ellipsoidal cell area within 0.01%%', (ha) => {
    const side = Math.sqrt(ha * 10_000);
    const dLat = side / 110_700;
    const dLon = side / 103_300;
    const expected = cellAreaM2(104.1, 22, 104.1 + dLon, 22 + dLat);
    const rel = Math.abs(geodesicAreaM2(cell(104.1, 22, 104.1 + dLon, 22 + dLat)) - expected) / expected;
    expect(expected / 10_000).toBeGreaterThan(ha * 0.98);
    expect(expected / 10_000).toBeLessThan(ha * 1.02);
    expect(rel).toBeLessThan(1e-4);
  });

  // A reference that does not go through the coordinates we pass: walk an irregular polygon with
  // GeographicLib's Direct (azimuth, distance) and let its PolygonArea accumulate the same walk
  // edge by edge (AddEdge); our function only sees the resulting lon/lat corners.
  // measured: 1.1e-5 at 0.1 ha falling to 2e-10 at 5,000 ha. The 0.1 ha figure is 0.01 m² of
  // round-off in the AddEdge accumulation itself: a shoelace in a local TM plane agrees with our
  // value to 5e-10 there.
  function walked(ha: number): { g: Polygon; expectedM2: number } {
    const scale = Math.sqrt(ha / 1_000); // the unit walk below is about 1,000 ha
    const steps: [number, number][] = [
      [80, 4_000],
      [10, 2_500],
      [300, 2_000],
      [200, 2_600],
      [250, 1_900],
    ];
    const ref = Geodesic.WGS84.Polygon(false);
    let lat = 22;
    let lon = 104.3;
    const ring: [number, number][] = [[lon, lat]];
    ref.AddPoint(lat, lon);
    for (const [azi, s] of steps) {
      ref.AddEdge(azi, s * scale);
      const r = Geodesic.WGS84.Direct(lat, lon, azi, s * scale);
      lat = r.lat2 as number;
      lon = r.lon2 as number;
      ring.push([lon, lat]);
    }
    // close back to the start (the reference closes itself the same way: a geodesic to the start)
    ring.push(ring[0]!);
    const expectedM2 = Math.abs(ref.Compute(false, true).area as number);
    return { g: { type: 'Polygon', coordinates: [ring] }, expectedM2 };
  }

  it.each(sizesHa)('an irregular %s ha polygon matches GeographicLib’s edge-by-edge area within 0.01%%', (ha) => {
    const { g, expectedM2 } = walked(ha);
    const rel = Math.abs(geodesicAreaM2(g) - expectedM2) / expectedM2;
    expect(rel).toBeLessThan(1e-4);
  });
});

// A decision's corner table: VN-2000 TM-3, zone 104°45′, x = northing, y = easting (metres).
type XY = [number, number];
const ZONE = VN2000_ZONES.laoCai;
const cornerTable: XY[] = [
  [2_470_012.345, 430_004.567],
  [2_470_120.111, 430_512.222],
  [2_470_398.765, 430_889.1],
  [2_470_850.5, 430_801.25],
  [2_471_102.0, 430_433.75],
  [2_470_933.333, 430_101.0],
  [2_470_611.2, 429_880.8],
  [2_470_300.0, 429_950.0],
];
const holeTable: XY[] = [
  [2_470_500, 430_300],
  [2_470_500, 430_450],
  [2_470_650, 430_450],
  [2_470_650, 430_300],
];
const secondPart: XY[] = [
  [2_472_000, 431_000],
  [2_472_000, 431_700],
  [2_472_450, 431_700],
  [2_472_450, 431_000],
];

/** Shoelace area of a corner table, in m² (unsigned). */
function shoelace(t: XY[]): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    const [x1, y1] = t[i]!;
    const [x2, y2] = t[(i + 1) % t.length]!;
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s) / 2;
}
/** The corner table as a closed WGS84 ring. */
function wgsRing(t: XY[]): Position[] {
  const ring = t.map(([x, y]) => fromVn2000(ZONE, { x, y }));
  return [...ring, ring[0]!];
}

describe('VN-2000 planar area', () => {
  it('equals the shoelace area of the corner table within 0.01 ha', () => {
    const expected = shoelace(cornerTable); // 75.09 ha
    const got = vn2000AreaM2({ type: 'Polygon', coordinates: [wgsRing(cornerTable)] }, ZONE);
    expect(Math.abs(got - expected)).toBeLessThan(100); // 0.01 ha; measured 1e-5 m²
  });

  it('subtracts a hole and adds the parts of a multipolygon', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [wgsRing(cornerTable), wgsRing(holeTable).reverse()] };
    const expected = shoelace(cornerTable) - shoelace(holeTable); // − 2.25 ha
    expect(Math.abs(vn2000AreaM2(withHole, ZONE) - expected)).toBeLessThan(100);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [withHole.coordinates, [wgsRing(secondPart)]] };
    const expectedMulti = expected + shoelace(secondPart); // + 31.5 ha
    expect(Math.abs(vn2000AreaM2(multi, ZONE) - expectedMulti)).toBeLessThan(100);
    expect(threeAreas(multi, ZONE).vn2000Ha).toBeCloseTo(expectedMulti / 10_000, 2);
  });

  it('does not depend on ring orientation or on the closing corner', () => {
    const ring = wgsRing(cornerTable);
    const a = vn2000AreaM2({ type: 'Polygon', coordinates: [ring] }, ZONE);
    expect(vn2000AreaM2({ type: 'Polygon', coordinates: [[...ring].reverse()] }, ZONE)).toBeCloseTo(a, 6);
    expect(vn2000AreaM2({ type: 'Polygon', coordinates: [ring.slice(0, -1)] }, ZONE)).toBeCloseTo(a, 6);
  });

  it('differs from the ellipsoidal area by the square of the TM-3 scale factor', () => {
    // Reference: the point scale of a transverse Mercator projection at distance E from the
    // central meridian is k = k0·(1 + E²/(2ρν) + E⁴/(24ρ²ν²)) (Snyder eq. 8-11, to E⁴); areas
    // scale by k². 0.9999² on the meridian: −0.02%; about −0.01% 69 km west (Thống Nhất);
    // k = 1 about 90 km out. The remaining ~1e-5 is the datum shift applied without heights.
    for (const y0 of [500_000, 431_000, 430_000 - 40_000]) {
      const t = [[2_475_000, y0], [2_475_000, y0 + 1_000], [2_475_800, y0 + 1_000], [2_475_800, y0]] as XY[];
      const g: Polygon = { type: 'Polygon', coordinates: [wgsRing(t)] };
      const lat = (fromVn2000(ZONE, { x: 2_475_400, y: y0 + 500 })[1] * Math.PI) / 180;
      const w = Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
      const rhoNu = (a * (1 - e2)) / w ** 3 * (a / w);
      const E = y0 + 500 - 500_000;
      const k = 0.9999 * (1 + E ** 2 / (2 * rhoNu) + E ** 4 / (24 * rhoNu ** 2));
      const ratio = vn2000AreaM2(g, ZONE) / geodesicAreaM2(g);
      expect(Math.abs(ratio - k * k)).toBeLessThan(2.5e-5);
    }
  });
});

describe('Turf’s spherical area (the third column)', () => {
  it('reads about +0.25% over the ellipsoidal area on an exact 75 ha cell at 22.4°N', () => {
    // An exact 75 ha cell by the closed form: fix the north–south side, solve for Δλ.
    const lat1 = 22.38;
    const lat2 = lat1 + 866 / 110_700;
    const dLon = 750_000 / cellAreaM2(0, lat1, 1, lat2);
    const g = cell(104.04, lat1, 104.04 + dLon, lat2);
    expect(cellAreaM2(104.04, lat1, 104.04 + dLon, lat2)).toBeCloseTo(750_000, 3);
    const excess = turfAreaM2(g) / geodesicAreaM2(g) - 1;
    // the notes measured +0.254% (1,904 m²) on such a square
    expect(excess).toBeGreaterThan(0.0024);
    expect(excess).toBeLessThan(0.0027);
    expect(turfAreaM2(g) - 750_000).toBeGreaterThan(1_800);
    expect(turfAreaM2(g) - 750_000).toBeLessThan(2_000);
  });

  it('closes an unclosed ring itself (Turf alone would drop its last corner)', () => {
    const closed = cell(104, 22, 104.01, 22.01);
    const open: Polygon = { type: 'Polygon', coordinates: [closed.coordinates[0]!.slice(0, -1)] };
    expect(turfAreaM2(open)).toBeCloseTo(turfAreaM2(closed), 6);
    expect(turfAreaM2(open)).toBeGreaterThan(1_000_000);
  });
});

describe('a park straddling two communes', () => {
  // An irregular hexagon cut by the chord from corner 0 to corner 3 into two quadrilaterals that
  // share that edge: each method must give the whole as the sum of the parts.
  const hex: Position[] = [
    [104.03, 22.37],
    [104.045, 22.366],
    [104.058, 22.372],
    [104.061, 22.385],
    [104.047, 22.392],
    [104.033, 22.386],
  ];
  const close = (r: Position[]) => [...r, r[0]!];
  const whole: Polygon = { type: 'Polygon', coordinates: [close(hex)] };
  const east: Polygon = { type: 'Polygon', coordinates: [close([hex[0]!, hex[1]!, hex[2]!, hex[3]!])] };
  const west: Polygon = { type: 'Polygon', coordinates: [close([hex[3]!, hex[4]!, hex[5]!, hex[0]!])] };
  const both: MultiPolygon = { type: 'MultiPolygon', coordinates: [east.coordinates, west.coordinates] };

  it.each([
    ['ellipsoidal', (g: Polygon | MultiPolygon) => geodesicAreaM2(g)],
    ['VN-2000 planar', (g: Polygon | MultiPolygon) => vn2000AreaM2(g, ZONE)],
    ['Turf', (g: Polygon | MultiPolygon) => turfAreaM2(g)],
  ])('%s: the two parts add up to the whole within 0.01%%', (_m, f) => {
    const w = f(whole);
    expect(w).toBeGreaterThan(2_000_000); // about 300 ha
    expect(Math.abs(f(east) + f(west) - w) / w).toBeLessThan(1e-4);
    expect(Math.abs(f(both) - w) / w).toBeLessThan(1e-4);
  });

  it('threeAreas gives the three figures with no problems', () => {
    const r = threeAreas(both, ZONE);
    expect(r.problems).toEqual([]);
    expect(r.reliable).toBe(true);
    expect(r.vn2000Ha).toBeCloseTo(vn2000AreaM2(whole, ZONE) / 10_000, 6);
    expect(r.turfHa / r.ellipsoidalHa).toBeGreaterThan(1.002);
  });
});

describe('threeAreas on broken geometry', () => {
  it('reports a bow-tie instead of throwing, and marks the figures unreliable', () => {
    const bow: Polygon = { type: 'Polygon', coordinates: [[[104, 22], [104.01, 22.01], [104.01, 22], [104, 22.01], [104, 22]]] };
    const r = threeAreas(bow, ZONE);
    expect(r.reliable).toBe(false);
    expect(r.problems).toEqual([
      { kind: 'self-intersection', ring: 'outer', part: 0, index: 0, at: [expect.closeTo(104.005, 9), expect.closeTo(22.005, 9)] },
    ]);
    // the lobes cancel: this is why such a figure must never reach a total
    expect(r.ellipsoidalHa).toBeLessThan(1);
  });

  it('gives NaN, not a wrong number, for VN-2000 coordinates left unconverted', () => {
    const vn: Polygon = { type: 'Polygon', coordinates: [[[430_000, 2_470_000], [430_100, 2_470_000], [430_100, 2_470_100], [430_000, 2_470_000]]] };
    const r = threeAreas(vn, ZONE);
    expect(r.reliable).toBe(false);
    expect(r.problems[0]?.kind).toBe('not-lonlat');
    expect(r.ellipsoidalHa).toBeNaN();
  });

  it('never mutates its input', () => {
    const deepFreeze = <T>(x: T): T => {
      if (typeof x === 'object' && x !== null) Object.values(x).forEach(deepFreeze);
      return Object.freeze(x);
    };
    const g = deepFreeze({
      type: 'MultiPolygon',
      coordinates: [[wgsRing(cornerTable).slice(0, -1), wgsRing(holeTable)], [wgsRing(secondPart)]],
    } as MultiPolygon);
    const copy = JSON.parse(JSON.stringify(g));
    expect(() => threeAreas(g, ZONE)).not.toThrow();
    expect(g).toEqual(copy);
  });
});
