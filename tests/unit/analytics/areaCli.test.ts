// `npm run area` as a planner runs it: a real process over the fixture file.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromVn2000 } from '../../../src/analytics/vn2000';
import { bowTieCrossing, planarHa, planarTotalHa, ZONE } from '../../fixtures/area/parks';

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
});
