// The province switcher's list, read from the region folders at build time (vite.config.ts builds it
// into the app as virtual:region-index): every folder with a region.json, named as the file names it,
// in the order of the Vietnamese alphabet.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegionIndex } from '../../../scripts/regionFs';

function folder(dir: string, id: string, regionJson: string | null) {
  mkdirSync(join(dir, id), { recursive: true });
  if (regionJson !== null) writeFileSync(join(dir, id, 'region.json'), regionJson);
  else writeFileSync(join(dir, id, 'sites.geojson'), '{}');
}

describe('readRegionIndex', () => {
  it('lists every region by its own name, in Vietnamese alphabetical order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-index-'));
    folder(dir, 'thua-thien-hue', JSON.stringify({ id: 'thua-thien-hue', name: { vi: 'Thừa Thiên Huế', en: 'Thua Thien Hue' } }));
    folder(dir, 'dak-lak', JSON.stringify({ id: 'dak-lak', name: { vi: 'Đắk Lắk', en: 'Dak Lak' } }));
    folder(dir, 'bac-giang', JSON.stringify({ id: 'bac-giang', name: { vi: 'Bắc Giang' } }));
    // Đ is a letter of its own, after D: Đắk Lắk comes after Dương Kinh.
    folder(dir, 'do-son', JSON.stringify({ id: 'do-son', name: { vi: 'Dương Kinh', en: 'Duong Kinh' } }));
    expect(readRegionIndex(dir)).toEqual([
      { id: 'bac-giang', name: { vi: 'Bắc Giang', en: 'Bắc Giang' } },
      { id: 'do-son', name: { vi: 'Dương Kinh', en: 'Duong Kinh' } },
      { id: 'dak-lak', name: { vi: 'Đắk Lắk', en: 'Dak Lak' } },
      { id: 'thua-thien-hue', name: { vi: 'Thừa Thiên Huế', en: 'Thua Thien Hue' } },
    ]);
  });

  it('lists a region whose region.json cannot be read by its folder, and skips a folder without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-index-'));
    folder(dir, 'hong', '{ "name": { "vi": "Hỏng"');
    folder(dir, 'khong-ten', JSON.stringify({ id: 'khong-ten' }));
    folder(dir, 'chi-co-ranh-gioi', null);
    expect(readRegionIndex(dir)).toEqual([
      { id: 'hong', name: { vi: 'hong', en: 'hong' } },
      { id: 'khong-ten', name: { vi: 'khong-ten', en: 'khong-ten' } },
    ]);
  });

  it('is empty for a folder that does not exist', () => {
    expect(readRegionIndex(join(tmpdir(), 'kcn-no-such-folder-' + Date.now()))).toEqual([]);
  });
});
