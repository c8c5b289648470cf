import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import type { GeometryCollection, MultiPolygon, Point } from 'geojson';
import { importKml, importKmz } from '../../../src/io/import/kml';
import { ImportFileError, type ImportResult } from '../../../src/io/import/types';
import { fixture, parseXml } from './reference';

const OPTS = { defaultZone: 104.75, parseXml };

function kmlOf(placemarks: string): Uint8Array {
  return strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks}</Document></kml>`,
  );
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportFileError) return e.code;
    throw e;
  }
  return 'no error';
}

function checkPortalFile(r: ImportResult) {
  expect(r.layerName).toBe('Khu, cụm công nghiệp tỉnh (bản thử)');
  expect(r.crs).toEqual({ kind: 'wgs84' });
  expect(r.problems).toEqual([]);
  expect(r.features.map((f) => f.name)).toEqual([
    'KCN Đông Phố Mới',
    'KCN Tằng Loỏng',
    'CCN Bắc Duyên Hải',
    'Đường vào CCN Thống Nhất',
    'Cảng cạn & trạm',
  ]);
  // The HTML table of the description becomes text fields; ExtendedData SchemaData keeps its types.
  expect(r.features[0]!.properties).toEqual({
    name: 'KCN Đông Phố Mới',
    MA_KCN: 'LC-KCN-01',
    DIEN_TICH: 100.5,
    'Tên': 'KCN Đông Phố Mới',
    'Diện tích (ha)': '100,5',
    'Chủ đầu tư': 'Công ty Cổ phần A & B',
    'Trạng thái': 'Đã thành lập',
    description: 'KCN Đông Phố Mới',
    folder: 'Khu công nghiệp',
  });
  // No HTML survives anywhere: every text property is plain text.
  for (const f of r.features) {
    for (const v of Object.values(f.properties)) expect(String(v)).not.toMatch(/<|&amp;|&lt;/);
  }
  // MultiGeometry of two polygons, the first with a hole.
  const mp = r.features[1]!.geometry as MultiPolygon;
  expect(mp.type).toBe('MultiPolygon');
  expect(mp.coordinates.map((p) => p.length)).toEqual([2, 1]);
  // Folders nest; <Data name> fields; "104.1, 22.3" with a space after the comma; altitude dropped.
  expect(r.features[2]!.properties).toMatchObject({ folder: 'Cụm công nghiệp / Quy hoạch đến 2030', 'Loại': 'CCN', 'Huyện': 'Bát Xát' });
  expect((r.features[2]!.geometry as Point).coordinates).toEqual([103.995, 22.505]);
  // No <name>: the table's "Ten" row names it.
  expect(r.features[3]!.properties).toMatchObject({ Ten: 'Đường vào CCN Thống Nhất', 'Chiều dài': '2,1 km' });
  // Escaped HTML (no CDATA) is read the same way, and the script's text is dropped, not kept.
  expect(r.features[4]!.properties).toMatchObject({ 'Mã': 'CC-01', description: 'Ghi chú: đang xây' });
  expect(JSON.stringify(r.features[4]!.properties)).not.toContain('alert');
  expect((r.features[4]!.geometry as GeometryCollection).geometries.map((g) => g.type)).toEqual(['Point', 'Polygon']);
}

describe('importKml', () => {
  it('reads a portal-style KML: Vietnamese names, folders, ExtendedData, HTML tables, MultiGeometry', () => {
    const r = importKml('cong-thong-tin.kml', fixture('cong-thong-tin.kml'), OPTS);
    expect(r.format).toBe('kml');
    checkPortalFile(r);
  });

  it('reads the same file zipped as a KMZ (doc.kml beside an image)', () => {
    const kmz = zipSync({ 'doc.kml': fixture('cong-thong-tin.kml'), 'files/logo.png': new Uint8Array([137, 80, 78, 71]) });
    const r = importKmz('cong-thong-tin.kmz', kmz, OPTS);
    expect(r.format).toBe('kmz');
    checkPortalFile(r);
  });

  it('takes the first .kml of a KMZ when there is no doc.kml, skipping macOS leftovers', () => {
    const kmz = zipSync({
      '__MACOSX/._a.kml': strToU8('junk'),
      'du-lieu/a.kml': kmlOf('<Placemark><name>Điểm A</name><Point><coordinates>104.05,22.38</coordinates></Point></Placemark>'),
    });
    expect(importKmz('a.kmz', kmz, OPTS).features.map((f) => f.name)).toEqual(['Điểm A']);
  });

  it('reports an open ring instead of closing it as togeojson would, and keeps the other placemarks', () => {
    const r = importKml(
      'a.kml',
      kmlOf(
        '<Placemark><name>Hở</name><Polygon><outerBoundaryIs><LinearRing><coordinates>104.0,22.3 104.1,22.3 104.1,22.4 104.0,22.4</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>' +
          '<Placemark><name>Kín</name><Point><coordinates>104.05,22.38</coordinates></Point></Placemark>',
      ),
      OPTS,
    );
    expect(r.features.map((f) => f.name)).toEqual(['Kín']);
    expect(r.problems.map((p) => [p.index, p.name, p.code])).toEqual([[0, 'Hở', 'unclosed-ring']]);
  });

  it('reports a coordinate that is not a number, which togeojson would drop silently', () => {
    const r = importKml(
      'a.kml',
      kmlOf('<Placemark><name>Sai</name><LineString><coordinates>104.0,22.3 104.1,abc 104.2,22.5</coordinates></LineString></Placemark>'),
      OPTS,
    );
    expect(r.problems.map((p) => p.code)).toEqual(['bad-coordinate']);
    expect(r.problems[0]!.detail!['position']).toBe('[104.1, "abc"]');
  });

  it('keeps a placemark id and warns when two placemarks share one', () => {
    const pt = '<Point><coordinates>104.05,22.38</coordinates></Point>';
    const r = importKml('a.kml', kmlOf(`<Placemark id="p1"><name>A</name>${pt}</Placemark><Placemark id="p1"><name>B</name>${pt}</Placemark>`), OPTS);
    expect(r.features).toHaveLength(2);
    expect(r.problems.map((p) => [p.index, p.code])).toEqual([[1, 'duplicate-id']]);
  });

  it('needs an XML parser outside the browser, and says so', () => {
    expect(() => importKml('a.kml', fixture('cong-thong-tin.kml'), { defaultZone: 104.75 })).toThrow(/parseXml/);
  });

  it('refuses text that is not XML, XML that is not KML, a KML without placemarks, and bad zips', () => {
    expect(codeOf(() => importKml('a.kml', strToU8('<html><body><p>Lỗi 404<br></body></html>'), OPTS))).toBe('not-xml');
    expect(codeOf(() => importKml('a.kml', strToU8('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'), OPTS))).toBe(
      'not-kml',
    );
    expect(codeOf(() => importKml('a.kml', kmlOf('<name>Trống</name>'), OPTS))).toBe('no-features');
    expect(codeOf(() => importKmz('a.kmz', zipSync({ 'anh.png': new Uint8Array([1, 2]) }), OPTS))).toBe('kmz-without-kml');
    expect(codeOf(() => importKmz('a.kmz', strToU8('PK\u0003\u0004 not really a zip'), OPTS))).toBe('bad-zip');
  });
});
