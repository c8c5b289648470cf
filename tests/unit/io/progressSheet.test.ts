// The communes' monthly progress sheet, as .xlsx (made here with write-excel-file) and as CSV with
// Vietnamese headers: good rows become records, a bad row is refused with its row number and reason.
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { readSheetCells } from '../../../src/io/import/progressFile';
import { parseSheetDate, progressColumn, readProgressRows, type SheetSite } from '../../../src/io/import/progressSheet';

const SITES: SheetSite[] = [
  { id: 'lc-kcn-tang-loong', kind: 'kcn', name: 'Tằng Loỏng', declaredAreaHa: 1100 },
  { id: 'lc-ccn-bac-van-yen', kind: 'ccn', name: 'Bắc Văn Yên', declaredAreaHa: 50 },
];
const TODAY = '2026-06-15';
const HEADERS = ['STT', 'Khu/cụm', 'Đã GPMB (ha)', 'Còn lại (ha)', 'Ngày', 'Nguồn'];

describe('headers', () => {
  it('recognises Vietnamese headers with or without diacritics', () => {
    expect(['Khu/cụm', 'Đã GPMB (ha)', 'Đang GPMB (ha)', 'Còn lại (ha)', 'Ngày', 'Nguồn', 'STT'].map(progressColumn)).toEqual(['site', 'cleared', 'inProgress', 'remaining', 'date', 'source', null]);
    expect(['khu cum', 'da giai phong mat bang (ha)', 'ngay bao cao', 'van ban'].map(progressColumn)).toEqual(['site', 'cleared', 'date', 'source']);
  });
  it('reads day-first dates and refuses days that do not exist', () => {
    expect(parseSheetDate('31/05/2026')).toBe('2026-05-31');
    expect(parseSheetDate('2026-05-31')).toBe('2026-05-31');
    expect(parseSheetDate('31/02/2026')).toBeNull();
    expect(parseSheetDate(new Date(Date.UTC(2026, 4, 31)))).toBe('2026-05-31');
  });
});

describe('CSV', () => {
  it('keeps the good rows and refuses the bad ones with their row numbers', async () => {
    const csv = [
      HEADERS.join(';'),
      '1;KCN Tằng Loỏng;120,5;979,5;31/05/2026;Báo cáo 45/BC-UBND xã Tằng Loỏng',
      '2;CCN Bắc Văn Yên;abc;;31/05/2026;Báo cáo 12/BC-UBND',
      '3;Khu không có;5;;31/05/2026;Báo cáo 1',
      '4;Bắc Văn Yên;60;;31/05/2026;Báo cáo 12/BC-UBND',
      '5;CCN Bắc Văn Yên;12;38;30/06/2026;',
      '',
      '6;lc-ccn-bac-van-yen;12;38;31/05/2026;Báo cáo 12/BC-UBND',
    ].join('\r\n');
    const cells = await readSheetCells('tien-do.csv', new TextEncoder().encode(csv));
    const sheet = readProgressRows(cells, SITES, TODAY);
    expect(sheet.fatal).toBeNull();
    expect(sheet.rows).toEqual([
      { row: 2, siteId: 'lc-kcn-tang-loong', siteName: 'Tằng Loỏng', asOf: '2026-05-31', clearedHa: 120.5, remainingHa: 979.5, source: 'Báo cáo 45/BC-UBND xã Tằng Loỏng' },
      { row: 8, siteId: 'lc-ccn-bac-van-yen', siteName: 'Bắc Văn Yên', asOf: '2026-05-31', clearedHa: 12, remainingHa: 38, source: 'Báo cáo 12/BC-UBND' },
    ]);
    expect(sheet.errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    const byRow = Object.fromEntries(sheet.errors.map((e) => [e.row, e.messages.join('; ')]));
    expect(byRow[3]).toContain('"abc" ở cột "Đã GPMB (ha)" không phải là số');
    expect(byRow[4]).toContain('không có khu/cụm nào tên "Khu không có"');
    expect(byRow[5]).toContain('đã GPMB 60 ha lớn hơn diện tích công bố 50 ha');
    expect(byRow[6]).toContain('chưa tới');
    expect(byRow[6]).toContain('thiếu văn bản nguồn');
  });

  it('says which header is missing when the sheet has none usable', async () => {
    const cells = await readSheetCells('x.csv', new TextEncoder().encode('Tên,Số\nA,1\n'));
    expect(readProgressRows(cells, SITES, TODAY).fatal).toContain('Không tìm thấy dòng tiêu đề');
  });
});

describe('Excel .xlsx', () => {
  it('reads numbers and dates as Excel stores them, with a title row above the headers', async () => {
    const blob = await writeXlsxFile([
      ['Báo cáo tiến độ GPMB tháng 5/2026'],
      HEADERS,
      [1, 'KCN Tằng Loỏng', 130.25, null, { value: new Date(Date.UTC(2026, 4, 31)), type: Date, format: 'dd/mm/yyyy' }, 'Báo cáo 45/BC-UBND'],
      [2, 'CCN Bắc Văn Yên', -3, null, '31/05/2026', 'Báo cáo 12/BC-UBND'],
      [3, 'CCN Bắc Văn Yên', 20, 30, '31/05/2026', 'Báo cáo 12/BC-UBND'],
    ]).toBlob();
    const cells = await readSheetCells('tien-do.xlsx', new Uint8Array(await blob.arrayBuffer()));
    const sheet = readProgressRows(cells, SITES, TODAY);
    expect(sheet.rows.map((r) => [r.row, r.siteId, r.clearedHa, r.remainingHa, r.asOf])).toEqual([
      [3, 'lc-kcn-tang-loong', 130.25, undefined, '2026-05-31'],
      [5, 'lc-ccn-bac-van-yen', 20, 30, '2026-05-31'],
    ]);
    expect(sheet.errors).toEqual([{ row: 4, messages: ['số ha ở cột "Đã GPMB (ha)" không được âm (-3)'] }]);
  });

  it('refuses a file named .xlsx that is not a workbook, with its name', async () => {
    await expect(readSheetCells('hong.xlsx', new TextEncoder().encode('không phải excel'))).rejects.toThrow('hong.xlsx: không phải tệp Excel .xlsx');
  });
});
