// Zipped Shapefiles as surveyors deliver them to planners: VN-2000 TM-3 metres with a .prj that
// lacks the datum shift, Vietnamese names in UTF-8 or Windows-1258, parcels with holes, roads,
// several layers in folders. Every file is written byte by byte by tests/fixtures/io/shp/build.ts,
// and every expected position or area below is computed here, independently of src/.
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { Geodesic } from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { importShapefile, importShapefileFiles } from '../../../src/io/import/shapefile';
import { crsFromPrjText, readPrj } from '../../../src/io/import/prj';
import type { ImportedFeature, ImportOptions } from '../../../src/io/import/types';
import {
  cp1258,
  dbf,
  PRJ_VN2000_104_45,
  PRJ_WGS84,
  SHAPE,
  shp,
  squareCcw,
  squareCw,
  utf8,
  zip,
  type DbfField,
  type ShpRecord,
} from '../../fixtures/io/shp/build';

const OPTIONS: ImportOptions = { defaultZone: 104.75 };

// ---- independent references ---------------------------------------------------------------

/** VN-2000 TM-3 104°45′ with QĐ 05/2007/QĐ-BTNMT's seven parameters, written out here. */
const VN2000_104_45 =
  '+proj=tmerc +lat_0=0 +lon_0=104.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
  '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';
/** The same plane with no datum shift: what the .prj alone describes. */
const PLAIN_104_45 = '+proj=tmerc +lat_0=0 +lon_0=104.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m +no_defs';

const expectedLonLat = (e: number, n: number) => proj4(VN2000_104_45, 'WGS84', [e, n]) as [number, number];
const shiftlessLonLat = (e: number, n: number) => proj4(PLAIN_104_45, 'WGS84', [e, n]) as [number, number];

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;
const geod = Geodesic.WGS84;

/** Metres between two lon/lat points on the ellipsoid. */
function metres(a: readonly number[], b: readonly number[]): number {
  return geod.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12 ?? NaN;
}

/** GeographicLib's area of a polygon or multipolygon (outer rings minus holes), m². */
function ellipsoidalM2(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const p = geod.Polygon(false);
      for (const pt of ring.slice(0, -1)) p.AddPoint(pt[1]!, pt[0]!);
      const a = Math.abs(p.Compute(false, true).area ?? NaN);
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** Meridian (ρ) and prime-vertical (ν) radii of curvature of WGS84 at latitude φ (degrees). */
function radii(latDeg: number): { rho: number; nu: number } {
  const s2 = Math.sin(latDeg * RAD) ** 2;
  return { rho: (A * (1 - E2)) / (1 - E2 * s2) ** 1.5, nu: A / Math.sqrt(1 - E2 * s2) };
}

/**
 * What the ellipsoidal area of a figure drawn in the VN-2000 TM-3 104°45′ plane must be, from its
 * planar area and where it lies (E, N of its centre):
 * 1. The TM plane scales lengths by k = k0 (1 + x²/(2ρν) + x⁴/(24ρ²ν²)), x = (E − 500 000)/k0, so
 *    the area on the VN-2000 ellipsoid is planar / k² (the variation of k across a few hundred
 *    metres averages out to below 1e-9).
 * 2. The Helmert shift moves that figure rigidly, scales it by (1 + s)², and leaves it at height h
 *    above or below the WGS84 ellipsoid; projected onto the ellipsoid along the normals its area is
 *    divided by (1 + h/ρ)(1 + h/ν). h is computed here by hand: geodetic → geocentric, the seven
 *    parameters (position-vector convention, as proj4's +towgs84), geocentric → geodetic.
 */
function expectedEllipsoidalM2(planarM2: number, e: number, n: number): { m2: number; k: number; h: number } {
  const k0 = 0.9999;
  const [lon, lat] = proj4(PLAIN_104_45, 'WGS84', [e, n]) as [number, number]; // VN-2000 geodetic
  const { rho, nu } = radii(lat);
  const x = (e - 500000) / k0;
  const k = k0 * (1 + (x * x) / (2 * rho * nu) + x ** 4 / (24 * rho * rho * nu * nu));

  const φ = lat * RAD;
  const λ = lon * RAD;
  const X = [nu * Math.cos(φ) * Math.cos(λ), nu * Math.cos(φ) * Math.sin(λ), nu * (1 - E2) * Math.sin(φ)];
  const sec = RAD / 3600;
  const [rx, ry, rz] = [-0.00928836 * sec, 0.01975479 * sec, -0.00427372 * sec];
  const s = 0.252906278e-6;
  const m = 1 + s;
  const Y = [
    -191.90441429 + m * (X[0]! - rz * X[1]! + ry * X[2]!),
    -39.30318279 + m * (rz * X[0]! + X[1]! - rx * X[2]!),
    -111.45032835 + m * (-ry * X[0]! + rx * X[1]! + X[2]!),
  ];
  const p = Math.hypot(Y[0]!, Y[1]!);
  let φw = Math.atan2(Y[2]!, p * (1 - E2));
  let h = 0;
  for (let i = 0; i < 10; i++) {
    const N = A / Math.sqrt(1 - E2 * Math.sin(φw) ** 2);
    h = p / Math.cos(φw) - N;
    φw = Math.atan2(Y[2]!, p * (1 - (E2 * N) / (N + h)));
  }
  const w = radii(φw / RAD);
  return { m2: ((planarM2 / (k * k)) * m * m) / ((1 + h / w.rho) * (1 + h / w.nu)), k, h };
}

/** Twice the signed area of a lon/lat ring: > 0 counter-clockwise. */
function orientation(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

// ---- the fixtures ---------------------------------------------------------------------------

/** The key parcel: a 300 m square in VN-2000 TM-3 104°45′, south-west corner E 430 000, N 2 466 000. */
const SQ = { e: 430000, n: 2466000, side: 300 };

const FIELDS: DbfField[] = [
  { name: 'TEN', type: 'C', length: 60 },
  { name: 'MA', type: 'C', length: 10 },
  { name: 'DIENTICH', type: 'N', length: 12, decimals: 2 },
  { name: 'NGAY_QD', type: 'D', length: 8 },
];

function keyParcelZip(extra: Record<string, Uint8Array | string> = {}): Uint8Array {
  const { shp: s, shx } = shp(SHAPE.polygon, [[squareCw(SQ.e, SQ.n, SQ.side)]]);
  return zip({
    'KCN_DongPhoMoi.shp': s,
    'KCN_DongPhoMoi.shx': shx,
    'KCN_DongPhoMoi.dbf': dbf(FIELDS, [['Lô CN-01 Khu công nghiệp Đông Phố Mới', 'CN-01', 9.0, '20240315']]),
    'KCN_DongPhoMoi.prj': PRJ_VN2000_104_45,
    'KCN_DongPhoMoi.cpg': 'UTF-8',
    ...extra,
  });
}

const only = (features: ImportedFeature[]) => {
  expect(features).toHaveLength(1);
  return features[0]!;
};

// ---- tests ------------------------------------------------------------------------------------

describe('reading the .prj', () => {
  it('takes an agency VN-2000 TM-3 .prj without TOWGS84 as VN-2000 with its zone', () => {
    const info = readPrj(PRJ_VN2000_104_45);
    expect(info.kind).toBe('transverse-mercator');
    if (info.kind !== 'transverse-mercator') return;
    expect(info).toMatchObject({
      centralMeridian: 104.75,
      scaleFactor: 0.9999,
      falseEasting: 500000,
      datum: 'D_Vietnam_2000',
      hasToWgs84: false,
    });
    expect(info.spheroid.name).toBe('WGS_1984');
    expect(crsFromPrjText(PRJ_VN2000_104_45)).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'prj' });
    expect(crsFromPrjText(PRJ_WGS84)).toEqual({ kind: 'wgs84' });
  });

  it('reads an OGC WKT with a TOWGS84 and AUTHORITY the same way (the shift in the file is not used)', () => {
    const ogc =
      'PROJCS["VN-2000 / TM-3 zone 107-15",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563,' +
      'AUTHORITY["EPSG","7030"]],TOWGS84[-192.873,-39.382,-111.202,-0.00205,-0.0005,0.00335,0.0188]],PRIMEM["Greenwich",0],' +
      'UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
      'PARAMETER["central_meridian",107.25],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],' +
      'PARAMETER["false_northing",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]';
    expect(crsFromPrjText(ogc)).toEqual({ kind: 'vn2000', zone: 107.25, zoneFrom: 'prj' });
  });

  it('reads WKT2 too, and refuses Hà Nội-72 (Krasovsky, k = 1) by name rather than guessing', () => {
    const wkt2 =
      'PROJCRS["VN-2000 / TM-3 108-15",BASEGEOGCRS["VN-2000",DATUM["Vietnam 2000",ELLIPSOID["WGS 84",6378137,298.257223563,' +
      'LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]]],CONVERSION["TM-3 108-15",' +
      'METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433]],' +
      'PARAMETER["Longitude of natural origin",108.25,ANGLEUNIT["degree",0.0174532925199433]],' +
      'PARAMETER["Scale factor at natural origin",0.9999,SCALEUNIT["unity",1]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1]],' +
      'PARAMETER["False northing",0,LENGTHUNIT["metre",1]]],CS[Cartesian,2],AXIS["easting (X)",east,ORDER[1],LENGTHUNIT["metre",1]],' +
      'AXIS["northing (Y)",north,ORDER[2],LENGTHUNIT["metre",1]]]';
    expect(crsFromPrjText(wkt2)).toEqual({ kind: 'vn2000', zone: 108.25, zoneFrom: 'prj' });
    const hn72 =
      'PROJCS["Hanoi_1972_GK_Zone_18",GEOGCS["GCS_Hanoi_1972",DATUM["D_Hanoi_1972",SPHEROID["Krasovsky_1940",6378245.0,298.3]],' +
      'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",18500000.0],' +
      'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],' +
      'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(() => crsFromPrjText(hn72)).toThrow(expect.objectContaining({ code: 'unknown-prj' }));
  });
});

describe('importShapefile: the key parcel near Lào Cai', () => {
  it('lands where the published seven parameters put it, not 220 m off where the .prj alone would', async () => {
    const r = await importShapefile('KCN_DongPhoMoi.zip', keyParcelZip(), OPTIONS);
    expect(r.format).toBe('shapefile');
    expect(r.layerName).toBe('KCN_DongPhoMoi');
    expect(r.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'prj' });
    const f = only(r.features);
    expect(f.name).toBe('Lô CN-01 Khu công nghiệp Đông Phố Mới');
    expect(f.properties).toEqual({
      TEN: 'Lô CN-01 Khu công nghiệp Đông Phố Mới',
      MA: 'CN-01',
      DIENTICH: 9,
      NGAY_QD: '2024-03-15',
    });
    expect(r.textEncoding).toEqual({ label: 'utf-8', from: 'declared' });
    expect(f.geometry.type).toBe('Polygon');
    const ring = (f.geometry as Polygon).coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // RFC 7946: the outer ring counter-clockwise (the Shapefile had it clockwise)
    expect(orientation(ring)).toBeGreaterThan(0);

    // Every corner within 1 cm (1e-7° of latitude is 1.1 cm) of proj4 with the published
    // parameters; vn2000.ts's height convention moves corners by about a millimetre.
    const corners: [number, number][] = [
      [SQ.e, SQ.n],
      [SQ.e + SQ.side, SQ.n],
      [SQ.e + SQ.side, SQ.n + SQ.side],
      [SQ.e, SQ.n + SQ.side],
    ];
    for (const [e, n] of corners) {
      const want = expectedLonLat(e, n);
      const got = ring.find((p) => metres(p, want) < 0.5);
      expect(got, `corner E ${e} N ${n}`).toBeDefined();
      expect(Math.abs(got![0]! - want[0])).toBeLessThan(1e-7);
      expect(Math.abs(got![1]! - want[1])).toBeLessThan(1e-7);
      expect(metres(got!, want)).toBeLessThan(0.01);
      // the shift-less conversion (trusting the .prj) would be ~220 m away
      const off = metres(got!, shiftlessLonLat(e, n));
      expect(off).toBeGreaterThan(200);
      expect(off).toBeLessThan(240);
    }
    // The south-west corner, to the digit (computed with proj4 above): 104.0725552°E, 22.2906310°N.
    expect(expectedLonLat(SQ.e, SQ.n)[0]).toBeCloseTo(104.0725552, 7);
    expect(expectedLonLat(SQ.e, SQ.n)[1]).toBeCloseTo(22.290631, 7);
  });

  it('measures 9 ha in the plane and 90 008.13 m² on the ellipsoid, as the TM scale and the datum height predict', async () => {
    const r = await importShapefile('KCN_DongPhoMoi.zip', keyParcelZip(), OPTIONS);
    const g = only(r.features).geometry as Polygon;
    const planar = SQ.side * SQ.side; // 90 000 m² in the TM-3 plane
    const c = SQ.side / 2;
    const want = expectedEllipsoidalM2(planar, SQ.e + c, SQ.n + c);
    // 70 km west of the central meridian the plane is shrunk by k = 0.999 960 3 (area × 0.999 921);
    // the VN-2000 surface lies 32.8 m below the WGS84 ellipsoid here, which adds 1.03e-5.
    expect(want.k).toBeCloseTo(0.9999603, 7);
    expect(want.h).toBeCloseTo(-32.76, 1);
    expect(want.m2).toBeCloseTo(90008.13, 1);
    // Tolerance 0.01 m² (1.1e-7): GeographicLib joins corners by geodesics where the plane has
    // straight lines (a few µm apart over 300 m) and vn2000.ts takes the corners at WGS84 height 0
    // (about 1 mm from proj4's): both far below it (measured: 5e-5 m²). Without the height term
    // the expectation would be 90 007.15 m², 1 m² off.
    expect(Math.abs(ellipsoidalM2(g) - want.m2)).toBeLessThan(0.01);
  });
});

describe('importShapefile: geometry', () => {
  it('reads a multi-part parcel with a hole as a MultiPolygon with RFC 7946 winding and the right area', async () => {
    // Part 1: a 400 m square with a 100 m courtyard (hole); part 2: a 200 m square 600 m east.
    const e = 431000;
    const n = 2467000;
    const record: ShpRecord = [squareCw(e, n, 400), squareCcw(e + 150, n + 150, 100), squareCw(e + 1000, n, 200)];
    const { shp: s } = shp(SHAPE.polygon, [record]);
    const r = await importShapefile(
      'lo_dat.zip',
      zip({ 'lo_dat.shp': s, 'lo_dat.dbf': dbf(FIELDS, [['Lô B2 – khu nhà xưởng', 'B2', 19, null]]), 'lo_dat.prj': PRJ_VN2000_104_45 }),
      OPTIONS,
    );
    const f = only(r.features);
    expect(f.geometry.type).toBe('MultiPolygon');
    const polys = (f.geometry as MultiPolygon).coordinates;
    expect(polys).toHaveLength(2);
    const withHole = polys.find((p) => p.length === 2)!;
    const plain = polys.find((p) => p.length === 1)!;
    expect(withHole).toBeDefined();
    expect(plain).toBeDefined();
    expect(orientation(withHole[0]!)).toBeGreaterThan(0); // outer counter-clockwise
    expect(orientation(withHole[1]!)).toBeLessThan(0); // hole clockwise
    expect(orientation(plain[0]!)).toBeGreaterThan(0);
    // the hole's corners are where the seven parameters put them
    for (const [x, y] of [[e + 150, n + 150], [e + 250, n + 250]] as const) {
      expect(withHole[1]!.some((p) => metres(p, expectedLonLat(x, y)) < 0.01)).toBe(true);
    }
    // 400² − 100² + 200² = 190 000 m² in the plane; each ring scaled where it lies (k changes by
    // 1.7e-9 per metre of easting here, 0.12 m² between the two parts' positions)
    const want =
      expectedEllipsoidalM2(400 * 400, e + 200, n + 200).m2 -
      expectedEllipsoidalM2(100 * 100, e + 200, n + 200).m2 +
      expectedEllipsoidalM2(200 * 200, e + 1100, n + 100).m2;
    expect(Math.abs(ellipsoidalM2(f.geometry as MultiPolygon) - want)).toBeLessThan(0.02);
    expect(f.name).toBe('Lô B2 – khu nhà xưởng');
    expect(f.properties['NGAY_QD']).toBeNull();
  });

  it('reads polylines, points, PolygonZ and null shapes', async () => {
    const road: ShpRecord = [[[430000, 2466000], [430500, 2466100], [431000, 2466400]]];
    const lines = shp(SHAPE.polyline, [road, null]);
    const gate = shp(SHAPE.point, [[[[430020, 2466010]]]]);
    const z = shp(SHAPE.polygonZ, [[squareCw(SQ.e, SQ.n, 100)]]);
    const tf: DbfField[] = [{ name: 'TEN', type: 'C', length: 40 }];
    const r = await importShapefile(
      'giao_nop.zip',
      zip({
        'duong.shp': lines.shp,
        'duong.dbf': dbf(tf, [['Đường trục chính'], ['(không có hình)']]),
        'duong.prj': PRJ_VN2000_104_45,
        'cong.shp': gate.shp,
        'cong.dbf': dbf(tf, [['Cổng chính']]),
        'cong.prj': PRJ_VN2000_104_45,
        'nha.shp': z.shp,
        'nha.dbf': dbf(tf, [['Nhà điều hành']]),
        'nha.prj': PRJ_VN2000_104_45,
      }),
      OPTIONS,
    );
    const byName = (s: string) => r.features.find((f) => f.name === s)!;
    expect(byName('Đường trục chính').geometry.type).toBe('LineString');
    const line = byName('Đường trục chính').geometry as { coordinates: Position[] };
    expect(line.coordinates).toHaveLength(3);
    expect(metres(line.coordinates[1]!, expectedLonLat(430500, 2466100))).toBeLessThan(0.01);
    const point = byName('Cổng chính').geometry as { type: string; coordinates: Position };
    expect(point.type).toBe('Point');
    expect(metres(point.coordinates, expectedLonLat(430020, 2466010))).toBeLessThan(0.01);
    const house = byName('Nhà điều hành').geometry as Polygon;
    expect(house.type).toBe('Polygon');
    expect(house.coordinates[0]!.every((p) => p.length === 2)).toBe(true); // heights dropped
    // the null shape is reported, not loaded
    const nullShape = r.problems.find((p) => p.code === 'null-geometry');
    expect(nullShape?.name).toBe('(không có hình)');
    expect(r.features).toHaveLength(3);
  });
});

describe('importShapefile: several layers in folders', () => {
  it('merges every layer with a `layer` property, runs indices on, and ignores __MACOSX', async () => {
    const a = shp(SHAPE.polygon, [[squareCw(SQ.e, SQ.n, 100)], [squareCw(SQ.e + 200, SQ.n, 100)]]);
    const b = shp(SHAPE.polyline, [[[[430000, 2465900], [430400, 2465900]]]]);
    const tf: DbfField[] = [{ name: 'TEN', type: 'C', length: 40 }];
    const bytes = zip({
      'HoSo/ranh_gioi/LoDat.SHP': a.shp,
      'HoSo/ranh_gioi/LoDat.DBF': dbf(tf, [['Lô A1'], ['Lô A2']]),
      'HoSo/ranh_gioi/LoDat.PRJ': PRJ_VN2000_104_45,
      'HoSo/giao_thong/Duong.shp': b.shp,
      'HoSo/giao_thong/Duong.dbf': dbf(tf, [['Đường D1']]),
      'HoSo/giao_thong/Duong.prj': PRJ_VN2000_104_45,
      '__MACOSX/HoSo/ranh_gioi/._LoDat.SHP': new Uint8Array([0, 5, 22, 7]),
      'HoSo/DocMe.txt': 'Hồ sơ giao nộp',
    });
    const r = await importShapefile('HoSo.zip', bytes, OPTIONS);
    expect(r.layerName).toBe('HoSo');
    expect(r.features.map((f) => [f.index, f.name, f.properties['layer']])).toEqual([
      [0, 'Đường D1', 'HoSo/giao_thong/Duong'],
      [1, 'Lô A1', 'HoSo/ranh_gioi/LoDat'],
      [2, 'Lô A2', 'HoSo/ranh_gioi/LoDat'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('takes the parts picked together, without a zip', async () => {
    const a = shp(SHAPE.polygon, [[squareCw(SQ.e, SQ.n, 100)]]);
    const r = await importShapefileFiles(
      'LoDat.shp',
      { 'LoDat.shp': a.shp, 'LoDat.dbf': dbf([{ name: 'TEN', type: 'C', length: 20 }], [['Lô A1']]), 'LoDat.prj': utf8(PRJ_VN2000_104_45) },
      OPTIONS,
    );
    expect(only(r.features).name).toBe('Lô A1');
    expect(r.features[0]!.properties).toEqual({ TEN: 'Lô A1' });
  });
});

describe('importShapefile: attribute text', () => {
  const NAMES = ['Cụm công nghiệp Bắc Duyên Hải', 'Khu công nghiệp Tằng Loỏng – giai đoạn 2', 'Đất ở đô thị'];
  const tf: DbfField[] = [{ name: 'TEN', type: 'C', length: 80 }];
  const three = shp(SHAPE.polygon, [0, 1, 2].map((i): ShpRecord => [squareCw(SQ.e + 200 * i, SQ.n, 100)]));

  it('decodes a Windows-1258 table that its .cpg names, into composed (NFC) Vietnamese', async () => {
    const table = dbf(tf, NAMES.map((n) => [n]), cp1258);
    // the bytes really are Windows-1258: "ụ" is u + combining dot below (0xF2), not UTF-8
    expect([...table].includes(0xf2)).toBe(true);
    for (const cpg of ['1258', 'ANSI 1258', 'CP1258', 'windows-1258']) {
      const r = await importShapefile('ccn.zip', zip({ 'ccn.shp': three.shp, 'ccn.dbf': table, 'ccn.cpg': cpg, 'ccn.prj': PRJ_VN2000_104_45 }), OPTIONS);
      expect(r.features.map((f) => f.name), cpg).toEqual(NAMES);
      expect(r.features.every((f) => f.name === f.name!.normalize('NFC'))).toBe(true);
      expect(r.textEncoding).toEqual({ label: 'windows-1258', from: 'declared' });
    }
  });

  it('without a .cpg, reads valid UTF-8 as UTF-8 and anything else as Windows-1258, and says which', async () => {
    const u = await importShapefile(
      'ccn.zip',
      zip({ 'ccn.shp': three.shp, 'ccn.dbf': dbf(tf, NAMES.map((n) => [n])), 'ccn.prj': PRJ_VN2000_104_45 }),
      OPTIONS,
    );
    expect(u.features.map((f) => f.name)).toEqual(NAMES);
    expect(u.textEncoding).toEqual({ label: 'utf-8', from: 'detected' });
    const w = await importShapefile(
      'ccn.zip',
      zip({ 'ccn.shp': three.shp, 'ccn.dbf': dbf(tf, NAMES.map((n) => [n]), cp1258), 'ccn.prj': PRJ_VN2000_104_45 }),
      OPTIONS,
    );
    expect(w.features.map((f) => f.name)).toEqual(NAMES);
    expect(w.textEncoding).toEqual({ label: 'windows-1258', from: 'fallback' });
  });

  it('is not misled by the binary parts of the header (a 200-byte field is 0xC8, not text)', async () => {
    const wide: DbfField[] = [{ name: 'TEN', type: 'C', length: 200 }];
    const r = await importShapefile(
      'ccn.zip',
      zip({ 'ccn.shp': three.shp, 'ccn.dbf': dbf(wide, NAMES.map((n) => [n])), 'ccn.prj': PRJ_VN2000_104_45 }),
      OPTIONS,
    );
    expect(r.textEncoding).toEqual({ label: 'utf-8', from: 'detected' });
    expect(r.features.map((f) => f.name)).toEqual(NAMES);
  });
});

describe('importShapefile: no .prj', () => {
  const tf: DbfField[] = [{ name: 'TEN', type: 'C', length: 20 }];

  it('takes metres as VN-2000 in the zone the user gave, else the region’s', async () => {
    const { shp: s } = shp(SHAPE.polygon, [[squareCw(SQ.e, SQ.n, SQ.side)]]);
    const bytes = zip({ 'a.shp': s, 'a.dbf': dbf(tf, [['Lô A']]) });
    const region = await importShapefile('a.zip', bytes, OPTIONS);
    expect(region.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'region-default' });
    const sw = (region.features[0]!.geometry as Polygon).coordinates[0]!.find((p) => metres(p, expectedLonLat(SQ.e, SQ.n)) < 0.01);
    expect(sw).toBeDefined();
    // The user's answer wins over the region's default. 104°30′ puts the square 25.8 km further west.
    const user = await importShapefile('a.zip', bytes, { defaultZone: 104.75, zone: 104.5 });
    expect(user.crs).toEqual({ kind: 'vn2000', zone: 104.5, zoneFrom: 'user' });
    const moved = (user.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(Math.min(...moved.map((p) => metres(p, expectedLonLat(SQ.e, SQ.n))))).toBeGreaterThan(25000);
  });

  it('takes degrees as WGS84, untouched', async () => {
    const ring = [[104.0, 22.3], [104.0, 22.31], [104.01, 22.31], [104.01, 22.3], [104.0, 22.3]] as const;
    const { shp: s } = shp(SHAPE.polygon, [[ring]]);
    const r = await importShapefile('wgs.zip', zip({ 'wgs.shp': s, 'wgs.dbf': dbf(tf, [['Lô W']]) }), OPTIONS);
    expect(r.crs).toEqual({ kind: 'wgs84' });
    const got = (r.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(got.map((p) => p.join(',')).sort()).toEqual(
      [...ring.map((p) => p.join(','))].sort(), // the same five positions, only the winding reversed
    );
  });
});
