// The bad-file corpus: files a planner will really meet (cut downloads, error pages saved as .kml,
// Python's NaN, swapped columns, bow-ties…) and what the import must say about each. Most are files
// in tests/fixtures/io/bad/ (their bytes are the point); a few are built here. For each: either the
// file error, or the features kept and the problems found, and words the Vietnamese message must
// contain so that it names what is wrong and where.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { checkSize, importFile, type ImportFileOptions } from '../../../src/io/import/index';
import { featureProblemMessage, fileErrorMessage } from '../../../src/io/import/messages';
import { ImportFileError, type FileErrorCode, type ImportResult } from '../../../src/io/import/types';
import { fixture, parseXml } from './reference';

const OPTS: ImportFileOptions = { defaultZone: 104.75, parseXml };

interface Case {
  /** the file name given to the importer (and the fixture in bad/, unless `bytes` builds it) */
  file: string;
  bytes?: () => Uint8Array;
  options?: Partial<ImportFileOptions>;
  /** the file error expected… */
  error?: FileErrorCode;
  /** …or how many features are kept and the problems, as "code@feature number" (1-based) */
  kept?: number;
  problems?: string[];
  /** words the Vietnamese message(s) must contain */
  says: string[];
}

const CASES: Case[] = [
  // ---- JSON / GeoJSON ----
  { file: 'cat-cut.geojson', error: 'not-json', says: ['bị cắt cụt', 'dòng'] },
  { file: 'cu-phap-sai.geojson', error: 'not-json', says: ['lỗi cú pháp ở dòng 4, cột'] },
  { file: 'khong-phai-geojson.json', error: 'not-geojson', says: ['là JSON nhưng không phải GeoJSON'] },
  { file: 'topojson.json', error: 'not-geojson', says: ['thấy type "Topology"'] },
  { file: 'rong.geojson', error: 'no-features', says: ['không có đối tượng nào'] },
  { file: '0-byte.geojson', error: 'empty-file', says: ['rỗng (0 byte)'] },
  { file: 'hinh-hoc-null.geojson', kept: 2, problems: ['null-geometry@2'], says: ['Đối tượng thứ 2 (“CCN Chưa vẽ”) không có hình học'] },
  { file: 'hinh-hoc-rong.geojson', kept: 1, problems: ['empty-geometry@1'], says: ['Đối tượng thứ 1 (“CCN Rỗng”) có hình học rỗng'] },
  {
    file: 'vong-ho.geojson',
    kept: 0,
    problems: ['unclosed-ring@1'],
    says: ['Đối tượng thứ 1 (“KCN Vòng hở”): vòng ngoài không khép kín', 'điểm cuối [104.046, 22.385] khác điểm đầu [104.046, 22.384]'],
  },
  {
    file: 'no-buom.geojson',
    kept: 2,
    problems: ['geometry-repaired@2'],
    // The swapped corners make the diagonals cross at the square's centre, 104.0465°E 22.3845°N.
    says: ['Đối tượng thứ 2 (“KCN Nơ bướm”): vòng ngoài tự cắt chính nó tại [104.0465, 22.3845]', 'nơ bướm'],
  },
  { file: 'no-buom-phan-2.geojson', kept: 1, problems: ['geometry-repaired@1'], says: ['(“KCN Hai phần”): phần 2, vòng ngoài tự cắt'] },
  { file: 'lo-ngoai-vung.geojson', kept: 0, problems: ['hole-outside@1'], says: ['(“KCN Lỗ lạc”): lỗ thứ 1 nằm ngoài vòng ngoài'] },
  {
    file: 'qua-it-diem.geojson',
    kept: 0,
    problems: ['too-few-points@1', 'too-few-points@2'],
    says: ['(“Đường cụt”) chỉ có 1 điểm, chưa đủ tạo thành đường', '(“Vùng dẹt”): vòng ngoài chỉ có 3 điểm, chưa đủ tạo thành vùng'],
  },
  { file: 'kieu-la.geojson', kept: 1, problems: ['unsupported-geometry@1'], says: ['(“Vòng tròn”) có kiểu hình học “Circle”'] },
  {
    file: 'ngoai-viet-nam.geojson',
    kept: 1,
    problems: ['outside-vietnam@1'],
    says: ['(“Điểm ở Paris”) nằm ngoài Việt Nam, tại [2.3522, 48.8566]', 'hệ tọa độ khác WGS84'],
  },
  {
    file: 'dao-truc.geojson',
    kept: 0,
    problems: ['outside-vietnam@1'],
    says: ['(“CCN Thống Nhất 1”) nằm ngoài Việt Nam', '[22.38409, 104.04668] có vẻ bị đảo', 'đổi chỗ kinh độ và vĩ độ'],
  },
  {
    file: 'nan-python.geojson',
    kept: 1,
    problems: ['bad-coordinate@1', 'bad-coordinate@2'],
    says: ['(“Mốc lỗi”) có tọa độ không hợp lệ', '(“Mốc vô cực”) có tọa độ không hợp lệ', 'NaN/vô cực'],
  },
  {
    file: 'trung-ma.geojson',
    kept: 3,
    problems: ['duplicate-id@2'],
    says: ['Đối tượng thứ 2 (“KCN Bắc Duyên Hải”) có mã “LC-01” trùng với đối tượng thứ 1', 'Vẫn được nạp'],
  },
  {
    file: 'thieu-ten.geojson',
    kept: 3,
    problems: ['missing-name@1', 'missing-name@2'],
    says: ['Đối tượng thứ 1 không có tên', 'Đối tượng thứ 2 không có tên', 'Vẫn được nạp'],
  },
  { file: 'html-trong-ten.geojson', kept: 2, problems: [], says: [] },

  // ---- KML / KMZ / zip ----
  { file: 'khong-phai-xml.kml', error: 'not-xml', says: ['không phải XML hợp lệ', 'trang web báo lỗi'] },
  { file: 'cat-cut.kml', error: 'not-xml', says: ['không phải XML hợp lệ', 'bị cắt cụt'] },
  { file: 'nhi-phan.kml', error: 'not-xml', says: ['không phải XML hợp lệ'] },
  { file: 'khong-phai-kml.kml', error: 'not-kml', says: ['là XML nhưng không phải KML', '“gpx”'] },
  { file: 'khong-placemark.kml', error: 'no-features', says: ['không có đối tượng nào'] },
  { file: 'vong-ho.kml', kept: 1, problems: ['unclosed-ring@1'], says: ['Đối tượng thứ 1 (“CCN Vòng hở”): vòng ngoài không khép kín'] },
  { file: 'toa-do-chu.kml', kept: 0, problems: ['bad-coordinate@1'], says: ['(“Đường lỗi”) có tọa độ không hợp lệ [104.1, "hai-mươi-hai"]'] },
  {
    file: 'toa-do-met.kml',
    kept: 0,
    problems: ['outside-vietnam@1'],
    says: ['(“Mốc VN-2000”) có tọa độ [427414.885, 2476350.708] tính bằng mét', 'tệp có vẻ ở hệ VN-2000'],
  },
  { file: 'html-trong-ten.kml', kept: 1, problems: [], says: [] },
  { file: 'khong-co-kml.kmz', error: 'kmz-without-kml', says: ['không chứa tệp .kml nào', 'anh-ve-tinh.png'] },
  { file: 'hong.kmz', error: 'bad-zip', says: ['không giải nén được'] },
  { file: 'gia-zip.kmz', error: 'bad-zip', says: ['không giải nén được'] },
  { file: 'chi-co-pdf.zip', error: 'zip-without-shp', says: ['không chứa Shapefile (.shp) hay KML nào', 'Quyet-dinh-phe-duyet.pdf'] },
  {
    // A KMZ whose doc.kml unpacks to more than the limit: refused before it is inflated.
    file: 'qua-lon-khi-giai-nen.kmz',
    bytes: () => zipSync({ 'doc.kml': new Uint8Array(300_000).fill(0x20) }),
    options: { maxBytes: 100_000 },
    error: 'too-large',
    says: ['chứa “doc.kml” nặng 293 KB khi giải nén, vượt giới hạn 98 KB'],
  },

  // ---- CSV ----
  {
    file: 'khong-cot-toa-do.csv',
    error: 'csv-no-coordinates',
    says: ['không có cột tọa độ', 'Các cột tìm thấy: STT, Tên khu, Diện tích (ha), Chủ đầu tư', 'Kinh độ/Vĩ độ'],
  },
  { file: 'mot-cot.csv', error: 'csv-no-coordinates', says: ['Tên|Kinh độ|Vĩ độ', 'Chỉ thấy một cột'] },
  {
    file: 'so-sai-dong-7.csv',
    kept: 5,
    problems: ['bad-coordinate@6'],
    says: ['Dòng 7 (“Điểm lỗi”): ô “Vĩ độ” ghi “22,3x7”, không phải là số'],
  },
  { file: 'rong.csv', error: 'csv-empty', says: ['không có dòng dữ liệu nào (chỉ có dòng tiêu đề)'] },
  { file: 'o-trong.csv', kept: 1, problems: ['bad-coordinate@2'], says: ['Dòng 3 (“KCN B”): ô “lon” để trống'] },
  { file: 'nan.csv', kept: 1, problems: ['bad-coordinate@1'], says: ['Dòng 2 (“Site A”): ô “lon” ghi “NaN”, không phải là số'] },
  {
    file: 'dao-cot.csv',
    kept: 0,
    problems: ['outside-vietnam@1'],
    says: ['Dòng 2 (“CCN Thống Nhất 1”) nằm ngoài Việt Nam', 'đổi chỗ kinh độ và vĩ độ'],
  },
  {
    file: 'sai-he-toa-do.csv',
    kept: 0,
    problems: ['outside-vietnam@1'],
    says: ['Dòng 2 (“Điểm lạ”) nằm ngoài Việt Nam', 'sau khi chuyển từ VN-2000 múi chiếu 104°45′', 'chọn đúng múi chiếu'],
  },
  { file: 'trung-ma.csv', kept: 3, problems: ['duplicate-id@3'], says: ['Dòng 4 (“Mốc 3”) có mã “M1” trùng với dòng 2'] },

  // ---- anything else ----
  { file: 'ngau-nhien.txt', error: 'unknown-format', says: ['Không nhận ra định dạng của tệp “ngau-nhien.txt”'] },
  {
    file: 'qua-lon.geojson',
    bytes: () => fixture('khu-cong-nghiep.geojson'),
    options: { maxBytes: 1024 },
    error: 'too-large',
    says: ['vượt giới hạn'],
  },
];

function bytesOf(c: Case): Uint8Array {
  return c.bytes ? c.bytes() : fixture(`bad/${c.file}`);
}

async function run(c: Case): Promise<ImportResult | ImportFileError> {
  try {
    return await importFile(c.file, bytesOf(c), { ...OPTS, ...c.options });
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
}

describe('the bad-file corpus', () => {
  it('has at least 30 cases, each with one expected outcome', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const c of CASES) expect((c.error !== undefined) !== (c.kept !== undefined)).toBe(true);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  it.each(CASES)('$file', async (c) => {
    const r = await run(c);
    if (c.error) {
      expect(r).toBeInstanceOf(ImportFileError);
      const e = r as ImportFileError;
      expect(e.code).toBe(c.error);
      const vi = fileErrorMessage(e, 'vi');
      // Every file message names the file…
      expect(vi).toContain(`“${c.file}”`);
      // …and says what is wrong.
      for (const s of c.says) expect(vi).toContain(s);
      expect(fileErrorMessage(e, 'en')).toContain(`“${c.file}”`);
    } else {
      expect(r).not.toBeInstanceOf(ImportFileError);
      const res = r as ImportResult;
      expect(res.features).toHaveLength(c.kept!);
      expect(res.problems.map((p) => `${p.code}@${p.index + 1}`)).toEqual(c.problems);
      const vi = res.problems.map((p) => featureProblemMessage(p, 'vi')).join('\n');
      for (const s of c.says) expect(vi).toContain(s);
      // Whoever is at fault is named: by its name when it has one, else by its number.
      for (const p of res.problems) {
        const m = featureProblemMessage(p, 'vi');
        if (p.name) expect(m).toContain(`“${p.name}”`);
        else expect(m).toMatch(/Đối tượng thứ \d+|Dòng \d+/);
      }
    }
  });

  it('keeps HTML and script in names and attributes as plain text, never as markup to render', async () => {
    const g = (await run({ file: 'html-trong-ten.geojson', says: [] })) as ImportResult;
    expect(g.features.map((f) => f.name)).toEqual(['<script>alert("xin chào")</script>KCN A', '<b>CCN</b> <img src=x onerror="alert(1)">']);
    expect(g.features[1]!.properties['ghi_chu']).toBe('<a href="javascript:alert(1)">bấm</a>');
    for (const f of g.features) for (const v of Object.values(f.properties)) expect(typeof v === 'string' || v === null).toBe(true);

    const k = (await run({ file: 'html-trong-ten.kml', says: [] })) as ImportResult;
    // The name is the text the file holds, kept as text; the description's table is read as text
    // and its script is dropped, not kept.
    expect(k.features[0]!.name).toBe('<img src=x onerror="alert(1)">KCN <b>Tằng Loỏng</b>');
    expect(k.features[0]!.properties['Tên']).toBe('KCN Tằng Loỏng');
    expect(JSON.stringify(k.features[0]!.properties)).not.toContain('alert(2)');
  });

  it('refuses an over-size file by its size before reading it', () => {
    const tiny = { defaultZone: 104.75, maxBytes: 1000 };
    expect(() => checkSize(999, tiny)).not.toThrow();
    try {
      checkSize(1001, tiny, 'ban-do-toan-tinh.kmz');
      expect.unreachable();
    } catch (e) {
      const err = e as ImportFileError;
      expect(err.code).toBe('too-large');
      expect(fileErrorMessage(err, 'vi')).toMatch(/^Tệp “ban-do-toan-tinh\.kmz” nặng 1001 byte, vượt giới hạn 1000 byte/);
    }
  });

  it('reads a KMZ renamed .zip and a zip of KML the same as a KMZ, not as a broken Shapefile', async () => {
    const kml = strToU8(
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><Point><coordinates>104.05,22.38</coordinates></Point></Placemark></kml>',
    );
    const r = (await importFile('ban-do.zip', zipSync({ 'ban-do/a.kml': kml }), OPTS)) as ImportResult;
    expect(r.format).toBe('kmz');
    expect(r.features).toHaveLength(1);
  });
});
