// `npm run area` as a planner runs it: a real process over the fixture file.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromVn2000 } from '../../../src/analytics/vn2000';
import { bowTieCrossing, planarHa, planarTotalHa, ZONE } from '../../fixtures/area/parks';
import { cp1258, dbf, PRJ_VN2000_104_45, SHAPE, shp, squareCw, zip } from '../../fixtures/io/shp/build';
import { bytesOf, drawing, lwpolyline, square, text } from '../../fixtures/io/dxf/build';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PARKS = join('tests', 'fixtures', 'area', 'parks.geojson');

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'area.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** vi-VN hectares as the table prints them: 1.156,77 */
const vi = (x: number) => x.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.');

describe('npm run area', () => {
  it('prints a table with the three areas, the totals, the flagged bow-tie and the skipped point', () => {
    const r = run(PARKS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain('kinh tuyến trục / central meridian 104°45′');
    expect(out).toMatch(/Tên\s+Elipxoit WGS84\s+VN-2000 phẳng\s+Turf \(mặt cầu\)/);
    expect(out).toMatch(/Name\s+Ellipsoidal\s+VN-2000 plane\s+Turf \(sphere\)/);

    // rows: name, then ellipsoidal, VN-2000 (known by hand), Turf
    const row = (name: string) => out.split('\n').find((l) => l.includes(name)) ?? '';
    expect(row('KCN Đông Phố Mới')).toMatch(new RegExp(`KCN Đông Phố Mới\\s+[\\d.,]+\\s+${vi(planarHa.dongPhoMoi)}\\s+[\\d.,]+$`));
    expect(row('CCN Thống Nhất 1')).toContain(` ${vi(planarHa.thongNhat)} `);
    expect(row('KCN Tằng Loỏng')).toContain(` ${vi(planarHa.tangLoong)} `);

    // the total: 3 polygons, VN-2000 245,00 ha, the bow-tie left out
    const total = row('Tổng / Total');
    expect(total).toContain('(3 vùng / polygons)');
    expect(total).toContain(` ${vi(planarTotalHa)} `);
    const [ell, , turf] = (total.match(/\d[\d.]*,\d\d/g) ?? []).map((s) => Number(s.replace(/\./g, '').replace(',', '.')));
    expect(turf! / ell!).toBeGreaterThan(1.0023); // Turf ~0.25% over the ellipsoid
    expect(turf! / ell!).toBeLessThan(1.0028);

    // the bow-tie: flagged on its row, described with where it crosses, and not in the totals
    expect(row('CCN Phú Thịnh 4')).toContain('⚠');
    expect(row('CCN Phú Thịnh 4')).toContain('không cộng vào tổng');
    const [lon, lat] = fromVn2000(ZONE, { x: bowTieCrossing[0], y: bowTieCrossing[1] });
    const at = out.match(/CCN Phú Thịnh 4 \(ranh vẽ lỗi\): vòng ngoài tự cắt tại \[([\d.]+), ([\d.]+)\]/);
    expect(at).not.toBeNull();
    expect(Math.abs(Number(at![1]) - lon)).toBeLessThan(2e-6);
    expect(Math.abs(Number(at![2]) - lat)).toBeLessThan(2e-6);
    expect(out).toContain('outer ring crosses itself at');
    expect(out).toContain('Tổng không gồm 1 vùng có hình học lỗi (số 3)');

    // skipped: the gate (a point) and the road (a line)
    expect(out).toContain('Bỏ qua / Skipped:');
    expect(out).toContain('5  Cổng KCN Bắc Duyên Hải: không phải vùng (Point) / not a polygon (Point)');
    expect(out).toContain('6  duong-ct05: không phải vùng (LineString)');
  }, 30_000);

  it('prints plain numbers in JSON, with the problems and the skipped features', () => {
    const r = run(PARKS, '--format', 'json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.zone).toBe(104.75);
    expect(j.totals.count).toBe(3);
    expect(typeof j.totals.vn2000Ha).toBe('number');
    expect(Math.abs(j.totals.vn2000Ha - planarTotalHa)).toBeLessThan(0.01);
    expect(j.excluded).toEqual([2]);
    const bow = j.measured.find((m: { index: number }) => m.index === 2);
    expect(bow.reliable).toBe(false);
    expect(bow.problems[0].kind).toBe('self-intersection');
    expect(j.measured.find((m: { name: string }) => m.name === 'CCN Thống Nhất 1').id).toBe('ccn-thong-nhat-1');
    expect(j.skipped.map((s: { geometryType: string; reason: string }) => `${s.geometryType}:${s.reason}`)).toEqual([
      'Point:not-polygon',
      'LineString:not-polygon',
    ]);
  }, 30_000);

  it('uses the zone it is given', () => {
    const r = run(PARKS, '--zone=107.25', '--format', 'json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.zone).toBe(107.25);
    // Lào Cai lies 3° west of the Lạng Sơn meridian: the plane there is stretched by ~0.2%
    expect(j.totals.vn2000Ha / planarTotalHa).toBeGreaterThan(1.001);
  }, 30_000);

  it('prints no total, not 0 ha, for a file with points only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'area-points-'));
    const file = join(dir, 'diem.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'Cổng KCN' }, geometry: { type: 'Point', coordinates: [104.0, 22.4] } }],
      }),
    );
    const r = run(file);
    expect(r.status).toBe(0);
    const total = r.stdout.split('\n').find((l) => l.includes('Tổng / Total')) ?? '';
    expect(total).toContain('(0 vùng / polygons)');
    expect(total).not.toMatch(/0,00/);
    expect(total).toContain('—');
  }, 30_000);

  it('names a missing file in one Vietnamese message and exits 1', () => {
    const r = run('khong-co/kcn.geojson');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('Lỗi: không tìm thấy tệp "khong-co/kcn.geojson".');
  }, 30_000);

  it('names a file that is not JSON, or not GeoJSON, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-area-'));
    const broken = join(dir, 'hong.geojson');
    writeFileSync(broken, '{"type": "FeatureCollection", "features": [');
    const r1 = run(broken);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain(`Lỗi: tệp "${broken}" không phải JSON hợp lệ`);
    const other = join(dir, 'khac.json');
    writeFileSync(other, JSON.stringify({ ten: 'KCN', dien_tich: 100 }));
    const r2 = run(other);
    expect(r2.status).toBe(1);
    expect(r2.stderr.trim()).toBe(
      `Lỗi: tệp "${other}" không phải GeoJSON (cần FeatureCollection, Feature hoặc một đối tượng hình học).`,
    );
    const r3 = run();
    expect(r3.status).toBe(1);
    expect(r3.stderr).toContain('Lỗi: chưa chỉ định tệp.');
  }, 30_000);

  describe('other formats, through the importers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-area-import-'));
    // Two parcels of 300 m and 200 m sides drawn in the VN-2000 TM-3 plane (9 ha and 4 ha there),
    // and one in degrees by mistake; names in Windows-1258 as the .cpg says.
    const parcels = shp(SHAPE.polygon, [
      [squareCw(430000, 2466000, 300)],
      [squareCw(430500, 2466000, 200)],
      [squareCw(104.0, 22.3, 0.01)],
    ]);
    const table = dbf([{ name: 'TEN_KCN', type: 'C', length: 60 }], [['Lô CN-01 Đông Phố Mới'], ['Lô CN-02 Bắc Duyên Hải'], ['Lô nhập sai']], cp1258);
    const shpZip = join(dir, 'ranh_KCN.zip');
    writeFileSync(shpZip, zip({ 'ranh_KCN.shp': parcels.shp, 'ranh_KCN.dbf': table, 'ranh_KCN.cpg': '1258', 'ranh_KCN.prj': PRJ_VN2000_104_45 }));
    // the same first parcel, in a .prj of zone 104°30′
    const zone10430 = join(dir, 'mui_104_30.zip');
    writeFileSync(
      zone10430,
      zip({
        'a.shp': shp(SHAPE.polygon, [[squareCw(455000, 2466000, 300)]]).shp,
        'a.dbf': dbf([{ name: 'TEN', type: 'C', length: 20 }], [['Lô A']]),
        'a.prj': PRJ_VN2000_104_45.replace('104.75', '104.5'),
      }),
    );
    const dxfFile = join(dir, 'ban_ve.dxf');
    writeFileSync(
      dxfFile,
      bytesOf(drawing([lwpolyline(square(430000, 2466000, 300), { layer: 'RANH_GIOI', closed: true, handle: '2A0' }), text([430100, 2466100], 'Lô CN-01', 'CHU')])),
    );

    it('measures a zipped VN-2000 Shapefile: the plane column gives back the drawn 9 ha and 4 ha', () => {
      const r = run(shpZip);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Định dạng / Format: Shapefile');
      expect(r.stdout).toContain('VN-2000 TM-3 104°45′ (theo tệp .prj / from the .prj)');
      const row = (name: string) => r.stdout.split('\n').find((l) => l.includes(name)) ?? '';
      expect(row('Lô CN-01 Đông Phố Mới')).toMatch(/Lô CN-01 Đông Phố Mới\s+9,00\s+9,00\s+9,02$/);
      expect(row('Lô CN-02 Bắc Duyên Hải')).toMatch(/\s+4,00\s+4,00\s+4,01$/);
      expect(row('Tổng / Total')).toContain('(2 vùng / polygons)');
      // the parcel in degrees is refused with the importer's message, naming it
      expect(r.stdout).toContain('Không nạp được / Not loaded (1):');
      expect(r.stdout).toMatch(/Lô nhập sai.*nằm ngoài Việt Nam/);

      const j = JSON.parse(run(shpZip, '--format', 'json').stdout);
      expect(j.import.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'prj' });
      expect(j.import.textEncoding).toEqual({ label: 'windows-1258', from: 'declared' });
      const [a, b] = j.measured;
      expect(Math.abs(a.vn2000Ha - 9)).toBeLessThan(1e-6);
      expect(Math.abs(b.vn2000Ha - 4)).toBeLessThan(1e-6);
      // 90 008.13 m² on the ellipsoid: the TM scale 70 km off the meridian (×1/0.999 921) and the
      // VN-2000 surface 32.8 m under the WGS84 ellipsoid there (×1.000 010 3); derived by hand in
      // tests/unit/io/shapefile.test.ts
      expect(Math.abs(a.ellipsoidalHa - 9.000813)).toBeLessThan(1e-5);
      expect(j.totals.count).toBe(2);
    }, 30_000);

    it('measures the plane column in the zone of the file’s .prj unless --zone is given', () => {
      const own = JSON.parse(run(zone10430, '--format', 'json').stdout);
      expect(own.zone).toBe(104.5);
      expect(Math.abs(own.measured[0].vn2000Ha - 9)).toBeLessThan(1e-6);
      const forced = JSON.parse(run(zone10430, '--zone', '104.75', '--format', 'json').stdout);
      expect(forced.zone).toBe(104.75);
      // the file's .prj still places it (in zone 104°30′); only the plane column is in 104°45′
      expect(forced.import.crs.zone).toBe(104.5);
      expect(Math.abs(forced.measured[0].ellipsoidalHa - own.measured[0].ellipsoidalHa)).toBeLessThan(1e-9);
    }, 30_000);

    it('measures a DXF drawing, labels outlines by layer and handle, and says what was skipped', () => {
      const r = run(dxfFile);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Định dạng / Format: DXF');
      expect(r.stdout).toMatch(/1 {2}RANH_GIOI #2A0\s+9,00\s+9,00\s+9,02$/m);
      expect(r.stdout).toContain('Ghi chú khi đọc tệp / Import remarks:');
      expect(r.stdout).toContain('TEXT');
    }, 30_000);

    it('names a broken zip in one Vietnamese message and exits 1', () => {
      const broken = join(dir, 'hong.zip');
      const whole = zip({ 'a.shp': parcels.shp, 'a.dbf': table });
      writeFileSync(broken, whole.subarray(0, 40));
      const r = run(broken);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toMatch(/^Lỗi: .*hong\.zip.*không giải nén được/);
    }, 30_000);
  });

  it('refuses a GeoJSON in another coordinate system, declared or not, in one line naming it, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-area-'));
    const square = [[[11_580_000, 2_560_000], [11_581_000, 2_560_000], [11_581_000, 2_561_000], [11_580_000, 2_560_000]]];
    const mercator = join(dir, 'mercator.geojson');
    writeFileSync(mercator, JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } }],
    }));
    const undeclared = join(dir, 'met.geojson');
    writeFileSync(undeclared, JSON.stringify({ type: 'Polygon', coordinates: square }));
    for (const [file, says] of [[mercator, 'khai báo hệ tọa độ urn:ogc:def:crs:EPSG::3857'], [undeclared, 'ngoài kinh độ ±180°']] as const) {
      const r = run(file);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Lỗi: tệp "${file}" `);
      expect(lines[0]).toContain(says);
    }
  }, 30_000);

  it('never prints a stack trace, even for a file nested 100,000 levels deep', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-area-deep-'));
    const D = 100_000;
    const deepCoordinates = join(dir, 'toa-do-long-sau.geojson');
    writeFileSync(deepCoordinates, `{"type":"Polygon","coordinates":${'['.repeat(D)}${']'.repeat(D)}}`);
    const deepProperties = join(dir, 'thuoc-tinh-long-sau.geojson');
    writeFileSync(
      deepProperties,
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":${'{"a":'.repeat(D)}1${'}'.repeat(D)},"geometry":null}]}`,
    );
    for (const file of [deepCoordinates, deepProperties]) {
      const r = run(file);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a stack trace's frames
      expect(r.stderr).not.toContain('RangeError');
      expect(r.status === 0 || r.status === 1 || r.status === 2).toBe(true);
    }
    // the polygon whose ring is an array 100,000 deep is named and left out, with its position shown shortly
    const r = run(deepCoordinates);
    expect(r.stdout).toContain('không phải kinh độ/vĩ độ WGS84');
    expect(r.stdout).toContain('[[…]]');
  }, 60_000);
});
