import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { Geodesic } from 'geographiclib-geodesic';
import { fromVn2000, toVn2000, vn2000Proj, VN2000_ZONES } from '../../../src/analytics/vn2000';

// The same TM-3 projection with no datum shift: what a Vietnamese shapefile's .prj describes.
function plainTm(zone: number): proj4.Converter {
  return proj4('WGS84', vn2000Proj(zone).replace(/ \+towgs84=\S+/, ''));
}

// ---- An independent datum shift, by hand --------------------------------------------------
// QĐ 05/2007/QĐ-BTNMT gives VN-2000 → WGS84 as a 7-parameter Helmert transformation in the
// position-vector convention (what proj4's +towgs84 means): X_wgs = T + (1 + s)·R·X_vn with
// R = [[1, −rz, ry], [rz, 1, −rx], [−ry, rx, 1]]. Here it is undone by solving the 3×3 system
// exactly, on geocentric coordinates computed from the ellipsoid's formulas; only the plain TM
// projection afterwards is proj4's.
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const SEC = Math.PI / (180 * 3600);
const T = [-191.90441429, -39.30318279, -111.45032835];
const [RX, RY, RZ] = [-0.00928836 * SEC, 0.01975479 * SEC, -0.00427372 * SEC];
const S = 0.252906278e-6;

function toEcef(lon: number, lat: number, h = 0): number[] {
  const φ = (lat * Math.PI) / 180;
  const λ = (lon * Math.PI) / 180;
  const N = A / Math.sqrt(1 - E2 * Math.sin(φ) ** 2);
  return [(N + h) * Math.cos(φ) * Math.cos(λ), (N + h) * Math.cos(φ) * Math.sin(λ), (N * (1 - E2) + h) * Math.sin(φ)];
}

function fromEcef([x, y, z]: number[]): [number, number] {
  const p = Math.hypot(x!, y!);
  let φ = Math.atan2(z!, p * (1 - E2));
  for (let i = 0; i < 10; i++) {
    const N = A / Math.sqrt(1 - E2 * Math.sin(φ) ** 2);
    const h = p / Math.cos(φ) - N;
    φ = Math.atan2(z!, p * (1 - (E2 * N) / (N + h)));
  }
  return [(Math.atan2(y!, x!) * 180) / Math.PI, (φ * 180) / Math.PI];
}

function solve3(m: number[][], b: number[]): number[] {
  const det = (q: number[][]) =>
    q[0]![0]! * (q[1]![1]! * q[2]![2]! - q[1]![2]! * q[2]![1]!) -
    q[0]![1]! * (q[1]![0]! * q[2]![2]! - q[1]![2]! * q[2]![0]!) +
    q[0]![2]! * (q[1]![0]! * q[2]![1]! - q[1]![1]! * q[2]![0]!);
  const d = det(m);
  return [0, 1, 2].map((c) => det(m.map((row, r) => row.map((v, k) => (k === c ? b[r]! : v)))) / d);
}

/** WGS84 lon/lat (height 0) → VN-2000 lon/lat, by hand. */
function wgs84ToVn2000Geodetic(lon: number, lat: number): [number, number] {
  const w = toEcef(lon, lat);
  const m = [
    [1, -RZ, RY],
    [RZ, 1, -RX],
    [-RY, RX, 1],
  ].map((row) => row.map((v) => v * (1 + S)));
  return fromEcef(solve3(m, [w[0]! - T[0]!, w[1]! - T[1]!, w[2]! - T[2]!]));
}

const SAMPLES: [string, number, [number, number]][] = [
  ['Lào Cai city', VN2000_ZONES.laoCai, [103.9717, 22.4856]],
  ['CCN Thống Nhất 1', VN2000_ZONES.laoCai, [104.04668, 22.38409]],
  ['Yên Bái (Phú Thịnh)', VN2000_ZONES.yenBai, [104.97054, 21.69032]],
  ['Lạng Sơn', VN2000_ZONES.langSon, [106.7615, 21.8537]],
  ['Quy Nhơn, Bình Định', VN2000_ZONES.binhDinh, [109.2197, 13.7765]],
];

describe('VN-2000 TM-3 ↔ WGS84', () => {
  it('builds the proj4 definition of QĐ 05/2007/QĐ-BTNMT for a zone', () => {
    expect(vn2000Proj(104.75)).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=104.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
        '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 ' +
        '+units=m +no_defs',
    );
    expect(vn2000Proj(VN2000_ZONES.langSon)).toContain('+lon_0=107.25 ');
    expect(vn2000Proj(VN2000_ZONES.binhDinh)).toContain('+lon_0=108.25 ');
    expect(() => vn2000Proj(10475)).toThrow(RangeError);
    expect(() => toVn2000(Number.NaN, [104, 22])).toThrow(RangeError);
    expect(() => toVn2000(104.75, [Number.NaN, 22])).toThrow(RangeError);
  });

  it('projects with scale 0.9999 on the central meridian (reference: GeographicLib meridian arc)', () => {
    // On the central meridian a transverse Mercator northing is k0 × the meridian arc from the
    // equator, and the easting is the false easting; the arc is a geodesic along the meridian.
    for (const lat of [13.7, 21.7, 22.4]) {
      const arc = Geodesic.WGS84.Inverse(0, 104.75, lat, 104.75).s12 as number;
      const [e, n] = plainTm(104.75).forward([104.75, lat]) as [number, number];
      expect(Math.abs(e - 500_000)).toBeLessThan(1e-6);
      expect(Math.abs(n - 0.9999 * arc)).toBeLessThan(1e-3);
    }
  });

  it.each(SAMPLES)('applies the 7-parameter shift as a hand-computed Helmert does (%s)', (_n, zone, ll) => {
    const p = toVn2000(zone, ll);
    const [e, n] = plainTm(zone).forward(wgs84ToVn2000Geodetic(ll[0], ll[1])) as [number, number];
    expect(Math.hypot(p.x - n, p.y - e)).toBeLessThan(0.001);
  });

  it('uses the Vietnamese axis order: x = northing, y = easting', () => {
    const p = toVn2000(104.75, [104.04668, 22.38409]); // west of the central meridian, 22.4°N
    expect(p.x).toBeGreaterThan(2_470_000);
    expect(p.x).toBeLessThan(2_480_000);
    expect(p.y).toBeGreaterThan(420_000);
    expect(p.y).toBeLessThan(440_000);
  });

  it('round-trips VN-2000 corners to well under a millimetre, and lon/lat to 1e-10°', () => {
    let worst = 0;
    for (const [, zone, ll] of SAMPLES) {
      const p = toVn2000(zone, ll);
      const q = { x: Math.round(p.x * 1000) / 1000 + 123.456, y: Math.round(p.y * 1000) / 1000 - 654.321 };
      const back = toVn2000(zone, fromVn2000(zone, q));
      worst = Math.max(worst, Math.hypot(back.x - q.x, back.y - q.y));
      const ll2 = fromVn2000(zone, toVn2000(zone, ll));
      expect(Math.abs(ll2[0] - ll[0])).toBeLessThan(1e-10);
      expect(Math.abs(ll2[1] - ll[1])).toBeLessThan(1e-10);
    }
    // measured: about 2e-9 m (proj4's bare inverse alone is about 1 mm off; see fromVn2000)
    expect(worst).toBeLessThan(1e-6);
  });

  it('lands 200–250 m off without the +towgs84 shift: why a plain .prj is not enough', () => {
    for (const [, zone, ll] of SAMPLES) {
      const p = toVn2000(zone, ll);
      const [e, n] = plainTm(zone).forward(ll) as [number, number];
      const d = Math.hypot(p.x - n, p.y - e);
      expect(d).toBeGreaterThan(100);
      expect(d).toBeLessThan(260);
    }
  });

  it('does not mutate its input', () => {
    const ll = Object.freeze([104.05, 22.38]) as unknown as number[];
    const p = Object.freeze({ x: 2_475_000, y: 431_000 });
    expect(() => fromVn2000(104.75, toVn2000(104.75, ll))).not.toThrow();
    expect(() => fromVn2000(104.75, p)).not.toThrow();
  });
});
