import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import type { Point } from 'geojson';
import { columnRole, detectDelimiter, importCsv, parseCsvNumber } from '../../../src/io/import/csv';
import { fixture, metresBetween, vn2000ToWgs84, fileError } from './reference';

const LAO_CAI = { defaultZone: 104.75 };
const at = (r: ReturnType<typeof importCsv>, i: number) => (r.features[i]!.geometry as Point).coordinates;

describe('CSV cells and headers', () => {
  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('Tên;Kinh độ;Vĩ độ')).toBe(';');
    expect(detectDelimiter('name,lon,lat')).toBe(',');
    expect(detectDelimiter('Tên\tKinh độ\tVĩ độ')).toBe('\t');
    expect(detectDelimiter('"Tên, khu";Kinh độ;Vĩ độ')).toBe(';');
    expect(detectDelimiter('toado')).toBe(',');
  });

  it('reads numbers as Vietnamese and English spreadsheets write them', () => {
    expect(parseCsvNumber('22,2950', true)).toBe(22.295);
    expect(parseCsvNumber('2.476.350,708', true)).toBe(2476350.708);
    expect(parseCsvNumber('1.100', true)).toBe(1.1); // one dot in a ";" file: still a decimal point
    expect(parseCsvNumber('2 476 350,708', true)).toBe(2476350.708);
    expect(parseCsvNumber('22.2950', false)).toBe(22.295);
    expect(parseCsvNumber('2,476,350.708', false)).toBe(2476350.708);
    expect(parseCsvNumber('22,2950', false)).toBeNull(); // a decimal comma in a "," file is ambiguous
    expect(parseCsvNumber('10x5', true)).toBeNull();
    expect(parseCsvNumber('', true)).toBeNull();
    // 103°59′42″ = 103 + 59/60 + 42/3600 = 103.995; 22°30′18″S is negative
    expect(parseCsvNumber(`103°59'42"E`, false)).toBeCloseTo(103.995, 10);
    expect(parseCsvNumber(`22°30'18,0"S`, true)).toBeCloseTo(-22.505, 10);
  });

  it('recognises coordinate and name headers in Vietnamese or English, with or without diacritics', () => {
    expect(['Kinh độ', 'KINH DO', 'kinh_do_wgs84', 'Lon', 'lng', 'Longitude'].map(columnRole)).toEqual(Array(6).fill('lon'));
    expect(['Vĩ độ', 'VI DO', 'lat', 'Latitude'].map(columnRole)).toEqual(Array(4).fill('lat'));
    expect(['X', 'x (m)', 'Toạ độ X', 'Northing'].map(columnRole)).toEqual(Array(4).fill('x'));
    expect(['Y', 'Y (m)', 'Tọa độ Y', 'Easting'].map(columnRole)).toEqual(Array(4).fill('y'));
    expect(['Tên', 'TEN KHU', 'Name', 'Tên cụm công nghiệp', 'Số hiệu mốc'].map(columnRole)).toEqual(Array(5).fill('name'));
    expect(['STT', 'Diện tích (ha)', 'Ghi chú', 'Vị trí'].map(columnRole)).toEqual([null, null, null, null]);
  });
});

describe('importCsv', () => {
  it('reads Vietnamese headers, semicolons, decimal commas, a BOM, a blank line and DMS', () => {
    const r = importCsv('diem-kcn.csv', fixture('diem-kcn.csv'), LAO_CAI);
    expect(r.format).toBe('csv');
    expect(r.layerName).toBe('diem-kcn');
    expect(r.crs).toEqual({ kind: 'wgs84' });
    expect(r.problems).toEqual([]);
    expect(r.features.map((f) => f.name)).toEqual(['KCN Đông Phố Mới', 'CCN Thống Nhất 1', 'KCN Tằng Loỏng', 'CCN Bắc Duyên Hải']);
    expect(at(r, 0)).toEqual([103.965, 22.485]);
    expect(at(r, 1)).toEqual([104.04668, 22.38409]);
    expect(at(r, 3)[0]).toBeCloseTo(103.995, 10);
    expect(at(r, 3)[1]).toBeCloseTo(22.505, 10);
    // Cells stay text under their own headers; the first header has no BOM stuck to it.
    expect(r.features[1]!.properties).toEqual({
      STT: '2',
      'Tên khu': 'CCN Thống Nhất 1',
      'Kinh độ': '104,04668',
      'Vĩ độ': '22,38409',
      'Diện tích (ha)': '75',
      'Ghi chú': 'Ô có dấu ; bên trong',
    });
    // Rows are numbered as in the file: the blank line 4 is skipped, KCN Tằng Loỏng is data row 4 (line 5).
    expect(r.features.map((f) => f.index)).toEqual([0, 1, 3, 4]);
  });

  it('reads English headers with commas, and X/Y in degrees in either order', () => {
    const en = importCsv('a.csv', strToU8('name,lng,lat\nSite A,104.05,22.38\n'), LAO_CAI);
    expect(at(en, 0)).toEqual([104.05, 22.38]);
    const xy = importCsv('a.csv', strToU8('ten,x,y\nA,104.05,22.38\n'), LAO_CAI);
    expect(at(xy, 0)).toEqual([104.05, 22.38]);
    const yx = importCsv('a.csv', strToU8('ten,x,y\nA,22.38,104.05\n'), LAO_CAI);
    expect(at(yx, 0)).toEqual([104.05, 22.38]);
  });

  it('converts VN-2000 X/Y metres with the 7-parameter shift, X = northing as Vietnamese tables write it', () => {
    const r = importCsv('moc-vn2000.csv', fixture('moc-vn2000.csv'), LAO_CAI);
    expect(r.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'region-default' });
    expect(r.problems).toEqual([]);
    expect(r.features.map((f) => f.name)).toEqual(['M1', 'M2', 'M3', 'M4']);
    // Stated: the four marks are the corners of 104.047–104.049°E × 22.384–22.386°N, to the millimetre.
    const expected = [
      [104.047, 22.384],
      [104.049, 22.384],
      [104.049, 22.386],
      [104.047, 22.386],
    ];
    expected.forEach((e, i) => expect(metresBetween(at(r, i), e)).toBeLessThan(0.01));
    expect(metresBetween(at(r, 0), vn2000ToWgs84(2476350.708, 427414.885))).toBeLessThan(0.005);
  });

  it('decides X/Y metres by magnitude: GIS order (X = easting) gives the same points; the user’s zone wins', () => {
    const gis = importCsv('a.csv', strToU8('Tên;X;Y\nM1;427414,885;2476350,708\n'), LAO_CAI);
    expect(metresBetween(at(gis, 0), [104.047, 22.384])).toBeLessThan(0.01);
    const user = importCsv('a.csv', strToU8('Tên;X;Y\nM1;427414,885;2476350,708\n'), { defaultZone: 104.75, zone: 104.5 });
    expect(user.crs).toEqual({ kind: 'vn2000', zone: 104.5, zoneFrom: 'user' });
    expect(metresBetween(at(user, 0), [104.047, 22.384])).toBeGreaterThan(20_000); // a quarter degree west
  });

  it('reads Excel’s “Unicode text”: UTF-16LE with a BOM, tab-separated', () => {
    const text = 'Tên\tKinh độ\tVĩ độ\r\nCCN Thống Nhất 1\t104,04668\t22,38409\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const r = importCsv('a.txt', bytes, LAO_CAI);
    expect(r.features[0]!.name).toBe('CCN Thống Nhất 1');
    expect(at(r, 0)).toEqual([104.04668, 22.38409]);
  });

  it('reports a bad cell with its line and column, and keeps the other rows', () => {
    const r = importCsv('a.csv', strToU8('Tên;Kinh độ;Vĩ độ\nA;104,05;22,38\nB;104,06;\nC;1O4,07;22,39\n'), LAO_CAI);
    expect(r.features.map((f) => f.name)).toEqual(['A']);
    expect(r.problems.map((p) => [p.code, p.detail?.['row'], p.detail?.['column'], p.detail?.['value']])).toEqual([
      ['bad-coordinate', 3, 'Vĩ độ', ''],
      ['bad-coordinate', 4, 'Kinh độ', '1O4,07'],
    ]);
  });

  it('refuses a CSV without coordinate columns, naming the columns it found, and an empty one', () => {
    const e = fileError(() => importCsv('a.csv', strToU8('STT;Tên khu;Diện tích (ha)\n1;KCN A;100\n'), LAO_CAI));
    expect(e.code).toBe('csv-no-coordinates');
    expect(e.detail['columns']).toBe('STT, Tên khu, Diện tích (ha)');
    expect(fileError(() => importCsv('a.csv', strToU8('Tên;Kinh độ;Vĩ độ\n\n'), LAO_CAI)).code).toBe('csv-empty');
    expect(fileError(() => importCsv('a.csv', strToU8('\n \n'), LAO_CAI)).code).toBe('csv-empty');
  });
});
