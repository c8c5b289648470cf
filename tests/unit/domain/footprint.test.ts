import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { indicativeFootprint } from '../../../src/domain/footprint';

// Independent check of the footprint's area: project the ring onto a local tangent plane with the
// WGS84 radii of curvature at the centre (meridional M, prime vertical N) and use the shoelace formula.
// For a ring a few km across this agrees with the ellipsoidal area to about 1e-6.
const a = 6378137;
const f = 1 / 298.257223563;
const e2 = f * (2 - f);
function localAreaM2(ring: Position[], lon0: number, lat0: number): number {
  const phi = (lat0 * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const M = (a * (1 - e2)) / w ** 1.5;
  const N = a / Math.sqrt(w);
  const rad = Math.PI / 180;
  const xy = ring.map(([lon, lat]) => [((lon as number) - lon0) * rad * N * Math.cos(phi), ((lat as number) - lat0) * rad * M]);
  let s = 0;
  for (let i = 0; i < xy.length - 1; i++) {
    const [x1, y1] = xy[i] as [number, number];
    const [x2, y2] = xy[i + 1] as [number, number];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

describe('indicative footprint', () => {
  it.each([
    ['Tằng Loỏng, 1,100 ha', [104.1443, 22.29499], 1100],
    ['CCN Đông Phố Mới, 3.5 ha', [103.986, 22.484], 3.5],
    ['Thống Nhất 1, 74.95 ha', [104.04668, 22.38409], 74.95],
  ] as const)('has the declared area at the located point: %s', (_n, center, ha) => {
    const poly = indicativeFootprint([...center], ha);
    const ring = poly.coordinates[0]!;
    // Counter-clockwise (positive shoelace), as RFC 7946 asks of exterior rings.
    const m2 = localAreaM2(ring, center[0], center[1]);
    expect(m2).toBeGreaterThan(0);
    expect(Math.abs(m2 / 10_000 - ha) / ha).toBeLessThan(1e-4);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const meanLon = ring.slice(0, -1).reduce((s, p) => s + (p[0] as number), 0) / (ring.length - 1);
    const meanLat = ring.slice(0, -1).reduce((s, p) => s + (p[1] as number), 0) / (ring.length - 1);
    expect(meanLon).toBeCloseTo(center[0], 5);
    expect(meanLat).toBeCloseTo(center[1], 5);
  });
});
