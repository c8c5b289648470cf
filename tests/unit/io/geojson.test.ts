import { describe, expect, it } from 'vitest';
import type { Point, Polygon } from 'geojson';
import { importGeoJson, nonFiniteAsNull } from '../../../src/io/import/geojson';
import { jsonErrorOffset } from '../../../src/io/import/jsonLocate';
import { fixtureText, metresBetween, vn2000ToWgs84, vn2000ToWgs84NoShift, fileError } from './reference';

const LAO_CAI = { defaultZone: 104.75 };

describe('importGeoJson', () => {
  it('reads a WGS84 FeatureCollection: names from ten/Tên/name/TEN_KCN, ids, properties, 2-D geometry', () => {
    const r = importGeoJson('khu-cong-nghiep.geojson', fixtureText('khu-cong-nghiep.geojson'), LAO_CAI);
    expect(r.format).toBe('geojson');
    expect(r.crs).toEqual({ kind: 'wgs84' });
    expect(r.layerName).toBe('Khu, cụm công nghiệp (bản thử)');
    expect(r.features.map((f) => f.name)).toEqual([
      'KCN Đông Phố Mới',
      'CCN Thống Nhất 1',
      'Đường nối cao tốc Nội Bài – Lào Cai',
      'CCN Bắc Duyên Hải',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.features[0]!.properties).toEqual({ ten: 'KCN Đông Phố Mới', loai: 'KCN', dien_tich_ha: 100.5, ghi_chu: null });
    // A nested attribute comes through as its JSON text, not as an object.
    expect(r.features[1]!.properties['thong_tin']).toBe('{"nam":2021}');
    expect(r.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [104.04668, 22.38409] });
  });

  it('reads a single Feature and a bare geometry, named after the file', () => {
    const f = importGeoJson(
      'mot-diem.json',
      JSON.stringify({ type: 'Feature', properties: { name: 'Điểm A' }, geometry: { type: 'Point', coordinates: [104.1, 22.4] } }),
      LAO_CAI,
    );
    expect(f.layerName).toBe('mot-diem');
    expect(f.features).toHaveLength(1);
    const g = importGeoJson('hinh.geojson', JSON.stringify({ type: 'Point', coordinates: [104.1, 22.4] }), LAO_CAI);
    expect(g.features).toHaveLength(1);
    expect(g.problems.map((p) => p.code)).toEqual(['missing-name']);
  });

  it('converts VN-2000 TM-3 metres with the 7-parameter shift, zone from the crs member', () => {
    const r = importGeoJson('ranh-gioi-vn2000.geojson', fixtureText('ranh-gioi-vn2000.geojson'), LAO_CAI);
    expect(r.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'file' });
    expect(r.problems).toEqual([]);
    const ring = (r.features[0]!.geometry as Polygon).coordinates[0]!;
    // Stated expectation: these corners were laid out as the square 104.047–104.049°E, 22.384–22.386°N
    // (to the millimetre), so they must come back to those round numbers within about a centimetre.
    const expected = [
      [104.047, 22.384],
      [104.049, 22.384],
      [104.049, 22.386],
      [104.047, 22.386],
      [104.047, 22.384],
    ];
    ring.forEach((p, i) => expect(metresBetween(p, expected[i]!)).toBeLessThan(0.01));
    // And independently, proj4 with the published parameters typed out in the test (its bare inverse
    // takes the point at VN-2000 height 0, about a millimetre from src's refined inverse):
    expect(metresBetween(ring[0]!, vn2000ToWgs84(2476350.708, 427414.885))).toBeLessThan(0.005);
    // A shift-less conversion would be about 200 m away: the import did not take that road.
    expect(metresBetween(ring[0]!, vn2000ToWgs84NoShift(2476350.708, 427414.885))).toBeGreaterThan(150);
  });

  it('uses the user’s zone over the file’s, the region’s default when neither says, and any axis order', () => {
    const northingFirst = JSON.stringify({
      type: 'Feature',
      properties: { name: 'Mốc 1' },
      geometry: { type: 'Point', coordinates: [2476350.708, 427414.885] },
    });
    const r = importGeoJson('moc.geojson', northingFirst, LAO_CAI);
    expect(r.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'region-default' });
    expect(metresBetween((r.features[0]!.geometry as Point).coordinates, [104.047, 22.384])).toBeLessThan(0.01);

    const file = fixtureText('ranh-gioi-vn2000.geojson');
    const user = importGeoJson('ranh-gioi-vn2000.geojson', file, { defaultZone: 104.75, zone: 107.25 });
    expect(user.crs).toEqual({ kind: 'vn2000', zone: 107.25, zoneFrom: 'user' });
    // 2.5° of longitude further east: Lạng Sơn's zone moves the square out of Lào Cai, to about 106.55°E.
    const lon = (user.features[0]!.geometry as Polygon).coordinates[0]![0]![0]!;
    expect(lon).toBeGreaterThan(106.5);
    expect(lon).toBeLessThan(106.6);
  });

  it('reads degrees as degrees even when the crs member names a projection', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'VN-2000 / TM-3 104-45' } },
      features: [{ type: 'Feature', properties: { ten: 'A' }, geometry: { type: 'Point', coordinates: [104.1, 22.4] } }],
    });
    const r = importGeoJson('a.geojson', text, LAO_CAI);
    expect(r.crs).toEqual({ kind: 'wgs84' });
    expect(r.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [104.1, 22.4] });
  });

  it('says where JSON stops: truncated, or a syntax error with its line and column', () => {
    const cut = fileError(() => importGeoJson('a.geojson', '{"type": "FeatureCollection",\n "features": [', LAO_CAI));
    expect(cut.code).toBe('not-json');
    expect(cut.detail).toMatchObject({ reason: 'truncated', line: 2 });
    const bad = fileError(() => importGeoJson('a.geojson', '{\n  "type": "Feature",\n  x: 1\n}', LAO_CAI));
    expect(bad.detail).toEqual({ reason: 'syntax', line: 3, column: 3 });
  });

  it('refuses JSON that is not GeoJSON, and a collection without features', () => {
    expect(fileError(() => importGeoJson('a.json', '{"ten": "KCN", "dien_tich": 5}', LAO_CAI)).code).toBe('not-geojson');
    expect(fileError(() => importGeoJson('a.json', '[1, 2, 3]', LAO_CAI)).code).toBe('not-geojson');
    expect(fileError(() => importGeoJson('a.json', '{"type": "Topology", "objects": {}}', LAO_CAI)).detail).toEqual({
      found: 'type "Topology"',
    });
    expect(fileError(() => importGeoJson('a.json', '{"type":"FeatureCollection","features":[]}', LAO_CAI)).code).toBe(
      'no-features',
    );
  });

  it('reads Python’s NaN and Infinity as missing numbers, refusing only the features that hold them', () => {
    const text =
      '{"type":"FeatureCollection","features":[' +
      '{"type":"Feature","properties":{"ten":"NaN"},"geometry":{"type":"Point","coordinates":[NaN,22.38]}},' +
      '{"type":"Feature","properties":{"ten":"B"},"geometry":{"type":"Point","coordinates":[104.05,22.38]}}]}';
    const r = importGeoJson('a.geojson', text, LAO_CAI);
    expect(r.features.map((f) => f.name)).toEqual(['B']);
    expect(r.problems.map((p) => [p.index, p.code])).toEqual([[0, 'bad-coordinate']]);
    // Only bare words outside strings are touched.
    expect(nonFiniteAsNull('{"a":"NaN","b":-Infinity,"c":[NaN],"NaNx":1}')).toBe('{"a":"NaN","b":null,"c":[null],"NaNx":1}');
    expect(nonFiniteAsNull('{"a":1}')).toBeNull();
  });
});

describe('jsonErrorOffset', () => {
  it('finds where the text stops being JSON, the same in every browser', () => {
    expect(jsonErrorOffset('{"a": [1, 2]}')).toBe(-1);
    expect(jsonErrorOffset('{"a": [1, 2]')).toBe(12); // cut short: the end
    expect(jsonErrorOffset('{"a": "xy')).toBe(9);
    expect(jsonErrorOffset('{"a": tr')).toBe(8);
    expect(jsonErrorOffset('{"a": 1,, "b": 2}')).toBe(8);
    expect(jsonErrorOffset('{a: 1}')).toBe(1);
    expect(jsonErrorOffset('[1, 2] x')).toBe(7);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('"escaped\\ttab"')).toBe(-1); // backslash-t is JSON's tab
    expect(jsonErrorOffset('"raw\ttab"')).toBe(4); // a raw tab inside a string is not allowed
  });
});
