// DXF drawings as surveyors send them: a parcel drawn as a closed LWPOLYLINE, a road as an open one,
// labels and hatching around them, in VN-2000 TM-3 metres. Expected positions come from proj4 with
// the published seven parameters written out here, and areas from the plane coordinates we drew.
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { Geodesic } from 'geographiclib-geodesic';
import type { LineString, Point, Polygon, Position } from 'geojson';
import { importDxf } from '../../../src/io/import/dxf';
import type { ImportOptions } from '../../../src/io/import/types';
import { bytesOf, drawing, hatch, line, lwpolyline, point, polyline, square, text } from '../../fixtures/io/dxf/build';
import { cp1258 } from '../../fixtures/io/shp/build';

const OPTIONS: ImportOptions = { defaultZone: 104.75 };

const VN2000_104_45 =
  '+proj=tmerc +lat_0=0 +lon_0=104.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
  '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';
const lonLat = (e: number, n: number) => proj4(VN2000_104_45, 'WGS84', [e, n]) as [number, number];
/** Back to the plane with the same independent definition, for planar areas. */
const plane = (p: Position) => proj4(VN2000_104_45, 'WGS84').inverse([p[0]!, p[1]!]) as [number, number];

const metres = (a: Position, b: Position) => Geodesic.WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12 ?? NaN;

function planarArea(ring: readonly Position[]): number {
  const pts = ring.map(plane);
  const [x0, y0] = pts[0]!;
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    s += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return s / 2; // > 0 counter-clockwise
}

const PARCEL = { e: 432000, n: 2468000, side: 200 };
const ROAD: Array<[number, number]> = [
  [431900, 2467950],
  [432300, 2467950],
  [432600, 2468100],
];

function surveyDrawing(): string {
  return drawing([
    lwpolyline(square(PARCEL.e, PARCEL.n, PARCEL.side), { layer: 'RANH_GIOI_KCN', closed: true, handle: '1F4' }),
    lwpolyline(ROAD, { layer: 'GIAO_THONG', closed: false, handle: '1F5' }),
    text([PARCEL.e + 80, PARCEL.n + 100], 'Lô CN-01', 'CHU_GIAI'),
    text([PARCEL.e + 80, PARCEL.n + 90], 'S = 4,00 ha', 'CHU_GIAI'),
    hatch(square(PARCEL.e, PARCEL.n, PARCEL.side), 'TO_MAU'),
  ]);
}

describe('importDxf', () => {
  it('reads a closed LWPOLYLINE as a parcel and an open one as a road, reprojected with the datum shift', async () => {
    const r = await importDxf('ban_ve_KCN.dxf', bytesOf(surveyDrawing()), OPTIONS);
    expect(r.format).toBe('dxf');
    expect(r.layerName).toBe('ban_ve_KCN');
    expect(r.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'region-default' });
    expect(r.features).toHaveLength(2);

    const parcel = r.features.find((f) => f.properties['layer'] === 'RANH_GIOI_KCN')!;
    expect(parcel.properties).toEqual({ layer: 'RANH_GIOI_KCN', handle: '1F4', entity: 'LWPOLYLINE' });
    expect(parcel.name).toBeNull();
    expect(parcel.geometry.type).toBe('Polygon');
    const ring = (parcel.geometry as Polygon).coordinates[0]!;
    expect(ring).toHaveLength(5); // four corners, closed
    expect(ring[0]).toEqual(ring[4]);
    for (const [e, n] of square(PARCEL.e, PARCEL.n, PARCEL.side)) {
      expect(Math.min(...ring.map((p) => metres(p, lonLat(e, n))))).toBeLessThan(0.01);
    }
    // 200 m × 200 m = 4 ha in the plane, counter-clockwise (RFC 7946)
    expect(planarArea(ring)).toBeCloseTo(40000, 2);

    const road = r.features.find((f) => f.properties['layer'] === 'GIAO_THONG')!;
    expect(road.geometry.type).toBe('LineString');
    const coords = (road.geometry as LineString).coordinates;
    expect(coords).toHaveLength(3);
    ROAD.forEach(([e, n], i) => expect(metres(coords[i]!, lonLat(e, n))).toBeLessThan(0.01));
    expect(road.properties['handle']).toBe('1F5');
  });

  it('says which entity kinds were left out, with their counts, and no "missing name" on every feature', async () => {
    const r = await importDxf('ban_ve_KCN.dxf', bytesOf(surveyDrawing()), OPTIONS);
    const skipped = r.problems.filter((p) => p.code === 'skipped-entities');
    expect(skipped.map((p) => [p.detail?.['type'], p.detail?.['count'], p.index, p.severity])).toEqual([
      ['TEXT', 2, 2, 'warning'],
      ['HATCH', 1, 4, 'warning'],
    ]);
    expect(r.problems.filter((p) => p.code === 'missing-name')).toEqual([]);
    expect(r.problems).toHaveLength(2);
  });

  it('reads the old POLYLINE/VERTEX form, LINE and POINT, and a closed outline drawn by repeating its corner', async () => {
    const [e, n] = [433000, 2469000];
    const repeated = [...square(e + 500, n, 100), [e + 500, n] as const];
    const r = await importDxf(
      'cu.dxf',
      bytesOf(
        drawing([
          polyline(square(e, n, 150), { layer: 'THUA_DAT', closed: true }),
          lwpolyline(repeated, { layer: 'THUA_DAT', closed: false }),
          line([e, n - 50], [e + 300, n - 50], 'HANG_RAO'),
          point([e + 75, n + 75], 'MOC'),
        ]),
      ),
      OPTIONS,
    );
    expect(r.features.map((f) => [f.properties['entity'], f.geometry.type])).toEqual([
      ['POLYLINE', 'Polygon'],
      ['LWPOLYLINE', 'Polygon'],
      ['LINE', 'LineString'],
      ['POINT', 'Point'],
    ]);
    expect(planarArea((r.features[0]!.geometry as Polygon).coordinates[0]!)).toBeCloseTo(22500, 2);
    expect(planarArea((r.features[1]!.geometry as Polygon).coordinates[0]!)).toBeCloseTo(10000, 2);
    expect(metres((r.features[3]!.geometry as Point).coordinates, lonLat(e + 75, n + 75))).toBeLessThan(0.01);
  });

  it('follows arcs given by bulges: a 100 m × 60 m lot with a semicircular end measures 6 000 + π·30²/2 m²', async () => {
    // Corners counter-clockwise; the segment from (x+100, y) to (x+100, y+60) bulges outwards by a
    // semicircle (bulge 1 = tan(180°/4)) of radius 30.
    const [x, y] = [434000, 2470000];
    const r = await importDxf(
      'cong.dxf',
      bytesOf(
        drawing([
          lwpolyline(
            [
              [x, y],
              [x + 100, y],
              [x + 100, y + 60],
              [x, y + 60],
            ],
            { layer: 'LO_DAT', closed: true, bulges: [0, 1, 0, 0] },
          ),
        ]),
      ),
      OPTIONS,
    );
    const ring = (r.features[0]!.geometry as Polygon).coordinates[0]!;
    const exact = 6000 + (Math.PI * 30 * 30) / 2; // 7 413.7 m²
    // Chords within 1 cm of the arc lose at most (2/3)·1 cm × 94 m of arc ≈ 0.63 m².
    const got = planarArea(ring);
    expect(got).toBeLessThanOrEqual(exact + 0.01);
    expect(got).toBeGreaterThan(exact - 0.7);
    // the points east of the straight edge lie on the circle of radius 30 m around its midpoint,
    // and reach within 1 cm of the far point 30 m east of it
    const onArc = ring.map(plane).filter(([e]) => e > x + 100 + 1e-3);
    expect(onArc.length).toBeGreaterThan(10);
    for (const [e, n] of onArc) expect(Math.abs(Math.hypot(e - (x + 100), n - (y + 30)) - 30)).toBeLessThan(0.001);
    expect(Math.max(...onArc.map(([e]) => e))).toBeGreaterThan(x + 130 - 0.01);
  });

  it('undoes a mirrored entity (extrusion 0, 0, −1): its x is the drawing’s −x', async () => {
    const [x, y] = [435000, 2466500];
    const mirroredSquare = square(-x - 50, y, 50);
    const r = await importDxf(
      'guong.dxf',
      bytesOf(drawing([lwpolyline(mirroredSquare, { layer: 'L', closed: true, mirrored: true })])),
      OPTIONS,
    );
    const ring = (r.features[0]!.geometry as Polygon).coordinates[0]!;
    for (const [e, n] of square(x, y, 50)) expect(Math.min(...ring.map((p) => metres(p, lonLat(e, n))))).toBeLessThan(0.01);
  });

  it('uses the zone the user gave, and takes a drawing in degrees as WGS84', async () => {
    const user = await importDxf('a.dxf', bytesOf(surveyDrawing()), { defaultZone: 104.75, zone: 105 });
    expect(user.crs).toEqual({ kind: 'vn2000', zone: 105, zoneFrom: 'user' });
    const deg = await importDxf(
      'b.dxf',
      bytesOf(drawing([lwpolyline([[104.0, 22.3], [104.01, 22.3], [104.01, 22.31]], { layer: 'L', closed: true })])),
      OPTIONS,
    );
    expect(deg.crs).toEqual({ kind: 'wgs84' });
    expect((deg.features[0]!.geometry as Polygon).coordinates[0]![1]).toEqual([104.01, 22.3]);
  });

  it('reads a Windows-1258 drawing its header names, and \\U+ escapes, into Vietnamese layer names', async () => {
    const body = drawing(
      [
        lwpolyline(square(PARCEL.e, PARCEL.n, 100), { layer: 'Ranh giới KCN', closed: true }),
        lwpolyline(square(PARCEL.e + 200, PARCEL.n, 100), { layer: 'L\\U+00F4 \\U+0111\\U+1EA5t', closed: true }),
      ],
      'ANSI_1258',
    );
    const r = await importDxf('cu.dxf', cp1258(body), OPTIONS);
    expect(r.textEncoding).toEqual({ label: 'windows-1258', from: 'declared' });
    expect(r.features.map((f) => f.properties['layer'])).toEqual(['Ranh giới KCN', 'Lô đất']);
    const utf = await importDxf('moi.dxf', bytesOf(body), OPTIONS);
    expect(utf.textEncoding).toEqual({ label: 'utf-8', from: 'detected' });
    expect(utf.features[0]!.properties['layer']).toBe('Ranh giới KCN');
  });
});
