// The headline area against GeographicLib's own polygon area, computed here directly: small rings go
// through a local equal-area plane (src/geo/geodesic.ts), which must agree to 10⁻⁷ of the area, and
// large ones through GeographicLib itself.
import { describe, expect, it } from 'vitest';
import * as geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { geodesicAreaM2, ringAreaM2 } from '../../../src/geo/geodesic';

const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;

/** GeographicLib's area of a ring, straight from the library (geodesic edges). */
function reference(ring: Position[]): number {
  const poly = lib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) poly.AddPoint(lat!, lon!);
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A star-shaped ring of `n` corners around (lon, lat), `r` degrees across at most, closed. */
function ring(rand: () => number, lon: number, lat: number, r: number, n: number): Position[] {
  const pts: Position[] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const d = (r / 2) * (0.4 + 0.6 * rand());
    pts.push([lon + d * Math.cos(a), lat + d * Math.sin(a)]);
  }
  pts.push(pts[0]!);
  return pts;
}

describe('ringAreaM2', () => {
  it('agrees with GeographicLib to 10⁻⁷ for parcels from 20 m to 2 km across, anywhere in Vietnam', () => {
    const rand = rng(42);
    for (let i = 0; i < 500; i++) {
      const size = 0.0002 * Math.pow(100, rand()); // 0.0002° … 0.02°
      const r = ring(rand, 102 + 8 * rand(), 8.5 + 15 * rand(), size, 3 + Math.floor(rand() * 30));
      const want = reference(r);
      // 10⁻⁷ of the area, and a thousandth of a square metre for round-off (a 20 m plot is 400 m²;
      // GeographicLib's own sum carries about that much for it).
      expect(Math.abs(ringAreaM2(r) - want), `ring ${i}, ${size.toFixed(4)}° across`).toBeLessThan(1e-7 * want + 1e-3);
    }
  });

  it('measures a ring wider than 2 km with GeographicLib itself (exact to round-off)', () => {
    const r = ring(rng(7), 104, 22.3, 0.3, 40);
    expect(Math.abs(ringAreaM2(r) - reference(r)) / reference(r)).toBeLessThan(1e-12);
  });

  it('subtracts a small hole from a large outline', () => {
    const outer = ring(rng(1), 104, 22.3, 0.1, 24);
    const hole: Position[] = [[104, 22.3], [104, 22.301], [104.001, 22.301], [104.001, 22.3], [104, 22.3]];
    const got = geodesicAreaM2({ type: 'Polygon', coordinates: [outer, hole] });
    const want = reference(outer) - reference(hole);
    expect(Math.abs(got - want)).toBeLessThan(1e-7 * reference(hole) + 1e-3);
  });
});
