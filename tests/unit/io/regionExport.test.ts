// The editor's exports: the region folder (zip) that replaces data/regions/<id>/ and passes the
// validate:data code again, and the monthly report workbook with Vietnamese headers.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { readRegionFiles, REGIONS_DIR } from '../../../scripts/regionFs';
import { applyEdits, type Edit } from '../../../src/domain/edits/edits';
import { validateRegion } from '../../../src/domain/validate';
import { regionFolderZip, regionFileText } from '../../../src/io/export/regionFolder';
import { monthlyReportTables, monthlyReportXlsx } from '../../../src/io/export/monthlyReport';

const ID = 'lao-cai';
const base = readRegionFiles(ID);
const shippedText = (name: string) => readFileSync(join(REGIONS_DIR, ID, name), 'utf8');
const names = ['region.json', 'sites.geojson', 'roads.geojson', 'relocations.geojson', 'landmarks.geojson', 'clearance.geojson', 'story.json', 'tasks.json'];
const shipped = new Map(names.map((n) => [n, shippedText(n)]));
const SITE = 'lc-kcn-tang-loong';
const edits: Edit[] = [
  { op: 'document', id: 'bc-45-tang-loong', doc: { title: { vi: 'Báo cáo 45/BC-UBND xã Tằng Loỏng', en: 'Báo cáo 45/BC-UBND xã Tằng Loỏng' }, date: '2026-05-31' } },
  { op: 'progress', record: { siteId: SITE, asOf: '2026-05-31', clearedHa: 130.25, remainingHa: 969.75, doc: 'bc-45-tang-loong', where: 'dòng 3' } },
  { op: 'site-field', siteId: SITE, field: 'occupancyPct', value: 71 },
  { op: 'site-source', siteId: SITE, source: { doc: 'bc-45-tang-loong', about: ['occupancyPct'] } },
];
const edited = applyEdits(base, edits);

describe('region folder zip', () => {
  const entries = unzipSync(regionFolderZip(ID, edited, shipped));

  it('holds every file of the folder under <id>/; untouched files exactly as shipped', () => {
    expect(Object.keys(entries).sort()).toEqual(names.map((n) => `${ID}/${n}`).sort());
    for (const n of ['roads.geojson', 'relocations.geojson', 'story.json', 'tasks.json']) expect(strFromU8(entries[`${ID}/${n}`]!)).toBe(shippedText(n));
    expect(strFromU8(entries[`${ID}/sites.geojson`]!)).not.toBe(shippedText('sites.geojson'));
  });

  it('unpacked over a copy of data/regions, passes validate:data’s code and holds the edits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-edit-'));
    try {
      mkdirSync(join(dir, ID));
      for (const [path, bytes] of Object.entries(entries)) writeFileSync(join(dir, path), bytes);
      const files = readRegionFiles(ID, dir);
      const { data, issues } = validateRegion(files);
      expect(issues).toEqual([]);
      const site = data!.sites.features.find((f) => f.properties.id === SITE)!;
      expect(site.properties.occupancyPct).toBe(71);
      expect(data!.clearance.features.some((f) => f.properties.siteId === SITE && f.properties.asOf === '2026-05-31' && f.properties.kind === 'record' && f.properties.clearedHa === 130.25)).toBe(true);
      expect(data!.region.sources['bc-45-tang-loong']?.date).toBe('2026-05-31');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes JSON that reads back to the same value, two-space indented, short lists on one line', () => {
    const value = { a: [1, 2], b: { c: 'Tằng Loỏng', d: [{ e: null }] } };
    const text = regionFileText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toBe('{\n  "a": [1, 2],\n  "b": {\n    "c": "Tằng Loỏng",\n    "d": [\n      {\n        "e": null\n      }\n    ]\n  }\n}\n');
  });
});

describe('monthly report', () => {
  const { data } = validateRegion(edited);
  const tables = monthlyReportTables(data!, '2026-05');

  it('takes each site’s latest record on or before the month’s end, with its date and source', () => {
    const progress = tables[0]!;
    const row = progress.rows.find((r) => r[0] === 'KCN Tằng Loỏng');
    expect(row).toEqual(['KCN Tằng Loỏng', 'xã Tằng Loỏng', 1100, 130.25, null, 969.75, '31/05/2026', 'Báo cáo 45/BC-UBND xã Tằng Loỏng (dòng 3)', '']);
    // A month before the record: the record is not in it.
    const april = monthlyReportTables(data!, '2026-04')[0]!;
    expect(april.rows.find((r) => r[0] === 'KCN Tằng Loỏng')).toBeUndefined();
    // Sample records say so beside their figures.
    expect(progress.rows.filter((r) => r[8] !== '').every((r) => r[8] === 'Số liệu minh họa, không phải số liệu thật')).toBe(true);
  });

  it('writes a workbook whose sheets read back with their Vietnamese title, headers and numbers', async () => {
    const blob = await monthlyReportXlsx(tables);
    const buf = await blob.arrayBuffer();
    const sheet = await readSheet(buf, 'Tiến độ GPMB');
    expect(String(sheet[0]![0])).toContain('Tiến độ giải phóng mặt bằng đến ngày 31/05/2026');
    expect(sheet[1]).toEqual(tables[0]!.headers);
    const row = sheet.find((r) => r[0] === 'KCN Tằng Loỏng');
    expect(row?.[3]).toBe(130.25);
    const occupancy = await readSheet(buf, 'Lấp đầy');
    expect(occupancy.find((r) => r[0] === 'KCN Tằng Loỏng')?.[2]).toBe(71);
  });
});
