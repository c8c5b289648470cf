import { describe, expect, it } from 'vitest';
import {
  crsMessage,
  FEATURE_PROBLEM_CODES,
  featureProblemMessage,
  FILE_ERROR_CODES,
  fileErrorMessage,
  textEncodingMessage,
  zoneLabel,
} from '../../../src/io/import/messages';
import type { FeatureProblem, FeatureProblemCode, FileErrorCode } from '../../../src/io/import/types';

// One realistic problem of every kind, as the importers report them.
const FEATURE_SAMPLES: Record<FeatureProblemCode, FeatureProblem> = {
  'null-geometry': { index: 2, name: 'KCN Đông Phố Mới', code: 'null-geometry', severity: 'error' },
  'empty-geometry': { index: 2, name: 'KCN Đông Phố Mới', code: 'empty-geometry', severity: 'error' },
  'unsupported-geometry': { index: 2, name: 'KCN Đông Phố Mới', code: 'unsupported-geometry', severity: 'error', detail: { type: 'Circle' } },
  'bad-coordinate': { index: 2, name: 'KCN Đông Phố Mới', code: 'bad-coordinate', severity: 'error', detail: { position: '[NaN, 22.3]', count: 1 } },
  'outside-vietnam': { index: 2, name: 'KCN Đông Phố Mới', code: 'outside-vietnam', severity: 'error', detail: { lon: 2.35, lat: 48.85, hint: 'far' } },
  'too-few-points': { index: 2, name: 'KCN Đông Phố Mới', code: 'too-few-points', severity: 'error', detail: { hole: 0, points: 3, need: 4 } },
  'unclosed-ring': {
    index: 2,
    name: 'KCN Đông Phố Mới',
    code: 'unclosed-ring',
    severity: 'error',
    detail: { hole: 0, first: '[104.046, 22.384]', last: '[104.046, 22.385]' },
  },
  'self-intersection': {
    index: 2,
    name: 'KCN Đông Phố Mới',
    code: 'self-intersection',
    severity: 'error',
    detail: { hole: 0, lon: 104.0465, lat: 22.3845, count: 1 },
  },
  'geometry-repaired': {
    index: 2,
    name: 'KCN Đông Phố Mới',
    code: 'geometry-repaired',
    severity: 'warning',
    detail: { hole: 0, lon: 104.0465, lat: 22.3845, count: 2 },
  },
  'zero-area': { index: 2, name: 'KCN Đông Phố Mới', code: 'zero-area', severity: 'error', detail: { hole: 0 } },
  'hole-outside': { index: 2, name: 'KCN Đông Phố Mới', code: 'hole-outside', severity: 'error', detail: { hole: 1, lon: 104.06, lat: 22.384 } },
  'duplicate-id': { index: 2, name: 'KCN Đông Phố Mới', code: 'duplicate-id', severity: 'warning', detail: { id: 'LC-01', first: 1 } },
  'missing-name': { index: 2, name: null, code: 'missing-name', severity: 'warning' },
  'skipped-entities': { index: 2, name: null, code: 'skipped-entities', severity: 'warning', detail: { type: 'HATCH', count: 4 } },
};

const FILE_SAMPLES: Record<FileErrorCode, Record<string, string | number>> = {
  'too-large': { file: 'ban-do.geojson', bytes: 250 * 1024 * 1024, max: 200 * 1024 * 1024 },
  'empty-file': { file: 'trong.kml' },
  'unknown-format': { file: 'ghi-chu.txt' },
  'not-json': { file: 'a.geojson', reason: 'truncated', line: 12 },
  'not-geojson': { file: 'a.json', found: 'type "Topology"' },
  'not-xml': { file: 'a.kml', line: 3 },
  'not-kml': { file: 'a.kml', root: 'svg' },
  'kmz-without-kml': { file: 'a.kmz', files: 1, names: 'anh.png' },
  'bad-zip': { file: 'a.zip' },
  'zip-without-shp': { file: 'a.zip', files: 2, names: 'bao-cao.pdf, anh.png' },
  'shp-without-dbf': { file: 'a.zip', layer: 'ranh_gioi' },
  'bad-shp': { file: 'a.zip', layer: 'ranh_gioi' },
  'bad-dbf': { file: 'a.zip', layer: 'ranh_gioi' },
  'unknown-prj': { file: 'a.zip', projection: 'Lambert Conformal Conic', datum: 'Indian 1960' },
  'csv-no-coordinates': { file: 'a.csv', columns: 'STT, Tên khu, Diện tích (ha)' },
  'csv-empty': { file: 'a.csv', columns: 'Tên, Kinh độ, Vĩ độ' },
  'bad-dxf': { file: 'a.dxf' },
  'no-features': { file: 'a.kml' },
};

// Letters only Vietnamese uses: a sentence without any of them has lost its diacritics.
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

function clean(s: string) {
  expect(s).not.toMatch(/undefined|\[object|\{\w+\}/);
  expect(s.trim()).toBe(s);
  expect(s.endsWith('.')).toBe(true);
}

describe('import messages', () => {
  it('covers every problem and file error code, in both languages', () => {
    expect([...FEATURE_PROBLEM_CODES].sort()).toEqual(Object.keys(FEATURE_SAMPLES).sort());
    expect([...FILE_ERROR_CODES].sort()).toEqual(Object.keys(FILE_SAMPLES).sort());
  });

  it.each(Object.values(FEATURE_SAMPLES))('says which feature and what is wrong: $code', (p) => {
    const vi = featureProblemMessage(p, 'vi');
    const en = featureProblemMessage(p, 'en');
    clean(vi);
    clean(en);
    // Counted as a person counts: index 2 is the third feature (entity, for a drawing's skipped kinds).
    expect(vi).toMatch(/[Đđ]ối tượng thứ 3/);
    expect(en).toMatch(/Feature 3|entity 3/);
    if (p.name) {
      expect(vi).toContain('“KCN Đông Phố Mới”');
      expect(en).toContain('“KCN Đông Phố Mới”');
    }
    expect(vi).toMatch(VIETNAMESE);
    expect(vi).not.toBe(en);
    // Errors say the feature was left out; warnings say it was loaded (except a drawing's skipped
    // kinds: a warning about the file, but those entities themselves are not loaded).
    if (p.severity === 'error' || p.code === 'skipped-entities') {
      expect(vi).toContain('không được nạp');
      expect(en).toMatch(/not loaded/);
    } else {
      expect(vi).toContain('Vẫn được nạp');
      expect(en).toContain('Loaded anyway');
    }
  });

  it('names the line, column and value of a CSV cell', () => {
    const p: FeatureProblem = {
      index: 5,
      name: 'CCN Thống Nhất 1',
      code: 'bad-coordinate',
      severity: 'error',
      detail: { row: 7, column: 'Kinh độ', value: '1O4,05', position: '[NaN, 22.38]', count: 1 },
    };
    expect(featureProblemMessage(p, 'vi')).toBe(
      'Dòng 7 (“CCN Thống Nhất 1”): ô “Kinh độ” ghi “1O4,05”, không phải là số, nên dòng này không được nạp. Hãy sửa ô đó rồi nạp lại.',
    );
    expect(featureProblemMessage(p, 'en')).toBe(
      'Row 7 (“CCN Thống Nhất 1”): the “Kinh độ” cell reads “1O4,05”, which is not a number, so the row was not loaded. Correct the cell and load the file again.',
    );
    const empty = featureProblemMessage({ ...p, detail: { row: 9, column: 'Vĩ độ', value: '' } }, 'vi');
    expect(empty).toBe('Dòng 9 (“CCN Thống Nhất 1”): ô “Vĩ độ” để trống, nên dòng này không có tọa độ và không được nạp.');
  });

  it('tells what to do about coordinates outside Vietnam', () => {
    const base = FEATURE_SAMPLES['outside-vietnam'];
    const vi = (hint: string, extra = {}) => featureProblemMessage({ ...base, detail: { lon: 22.38, lat: 104.05, hint, ...extra } }, 'vi');
    expect(vi('swapped')).toContain('Hãy đổi chỗ kinh độ và vĩ độ');
    expect(vi('projected')).toContain('tệp có vẻ ở hệ VN-2000');
    expect(vi('zone', { zone: 104.75 })).toContain('múi chiếu 104°45′');
    expect(vi('zone', { zone: 104.75 })).toContain('Hãy chọn đúng múi chiếu');
    expect(vi('far')).toContain('hệ tọa độ khác WGS84');
  });

  it('words rings and parts, and duplicate ids with where the first one is', () => {
    const ring = featureProblemMessage({ ...FEATURE_SAMPLES['self-intersection'], detail: { part: 2, hole: 1, lon: 104, lat: 22, count: 3 } }, 'vi');
    expect(ring).toContain('phần 2, lỗ thứ 1 tự cắt chính nó ở 3 chỗ');
    const csvDup = featureProblemMessage({ ...FEATURE_SAMPLES['duplicate-id'], detail: { id: 'M1', first: 1, firstRow: 2, row: 5 } }, 'vi');
    expect(csvDup).toBe('Dòng 5 (“KCN Đông Phố Mới”) có mã “M1” trùng với dòng 2. Vẫn được nạp, nhưng không thể phân biệt hai đối tượng theo mã này.');
  });

  it.each(Object.entries(FILE_SAMPLES))('says which file and what is wrong: %s', (code, detail) => {
    const vi = fileErrorMessage({ code: code as FileErrorCode, detail }, 'vi');
    const en = fileErrorMessage({ code: code as FileErrorCode, detail }, 'en');
    clean(vi);
    clean(en);
    expect(vi).toMatch(VIETNAMESE);
    // Either the file or the layer inside it is named.
    expect(vi).toMatch(/“a\.|“ban-do|“trong|“ghi-chu|“ranh_gioi”|\.prj/);
    expect(en).not.toBe(vi);
  });

  it('writes sizes, zones and lists as a reader expects', () => {
    expect(fileErrorMessage({ code: 'too-large', detail: FILE_SAMPLES['too-large'] }, 'vi')).toBe(
      'Tệp “ban-do.geojson” nặng 250 MB, vượt giới hạn 200 MB, nên không được đọc. Hãy chia nhỏ tệp hoặc chỉ giữ vùng cần dùng.',
    );
    expect(fileErrorMessage({ code: 'too-large', detail: { bytes: 1_572_864, max: 1_048_576 } }, 'vi')).toContain('nặng 1,5 MB');
    expect(fileErrorMessage({ code: 'empty-file' }, 'vi')).toBe('Tệp này rỗng (0 byte): không có gì để nạp.');
    expect(zoneLabel(104.75)).toBe('104°45′');
    expect(zoneLabel(105)).toBe('105°');
    expect(zoneLabel(107.25)).toBe('107°15′');
    expect(fileErrorMessage({ code: 'csv-no-coordinates', detail: { columns: 'Tên|Kinh độ|Vĩ độ' } }, 'vi')).toContain(
      'Chỉ thấy một cột',
    );
  });

  it('remarks on a VN-2000 file read with the region’s zone, and on a guessed text encoding', () => {
    expect(crsMessage({ kind: 'vn2000', zone: 104.75, zoneFrom: 'region-default' }, 'vi')).toBe(
      'Tệp có vẻ ở hệ VN-2000 (tọa độ tính bằng mét) nhưng không ghi múi chiếu; đã dùng múi chiếu 104°45′ của tỉnh. Nếu các đối tượng lệch chỗ, hãy chọn múi chiếu khác.',
    );
    expect(crsMessage({ kind: 'vn2000', zone: 104.75, zoneFrom: 'user' }, 'vi')).toBeNull();
    expect(crsMessage({ kind: 'wgs84' }, 'en')).toBeNull();
    expect(textEncodingMessage({ label: 'windows-1258', from: 'fallback', layer: 'ranh_gioi' }, 'vi')).toContain('TCVN3');
    expect(textEncodingMessage({ label: 'utf-8', from: 'declared' }, 'vi')).toBeNull();
  });
});
