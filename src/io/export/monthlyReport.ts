// The monthly progress report as an Excel workbook: per site, the latest clearance figures on or before
// the month's end with their date and source, and the investor figures. The tables are built here as
// plain rows (tested); write-excel-file, a maintained writer, is fetched only when a report is saved.
import type { RegionData } from '../../domain/types';

export interface ReportTable {
  sheet: string;
  title: string;
  headers: string[];
  /** number columns (by index) get a number format and right alignment */
  numeric: ReadonlySet<number>;
  rows: (string | number | null)[][];
  widths: number[];
}

/** The last day of a month "YYYY-MM", as YYYY-MM-DD. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

const KIND = { kcn: 'KCN', ccn: 'CCN' } as const;

export function monthlyReportTables(data: RegionData, month: string): ReportTable[] {
  const end = monthEnd(month);
  const docTitle = (doc: string) => data.region.sources[doc]?.title.vi ?? doc;
  const progress: ReportTable['rows'] = [];
  for (const f of data.sites.features) {
    const p = f.properties;
    const records = data.clearance.features
      .map((c) => c.properties)
      .filter((c) => c.kind === 'record' && c.siteId === p.id && c.asOf <= end)
      .sort((a, b) => a.asOf.localeCompare(b.asOf));
    const last = records[records.length - 1];
    if (!last || last.kind !== 'record') continue;
    progress.push([
      `${KIND[p.kind]} ${p.name.vi}`,
      p.commune,
      p.declaredAreaHa ?? null,
      last.clearedHa,
      last.inProgressHa ?? null,
      last.remainingHa ?? null,
      last.asOf.split('-').reverse().join('/'),
      last.sources.map((s) => docTitle(s.doc) + (s.where ? ` (${s.where})` : '')).join('; '),
      last.sample ? 'Số liệu minh họa, không phải số liệu thật' : '',
    ]);
  }
  const investor: ReportTable['rows'] = [];
  for (const f of data.sites.features) {
    const p = f.properties;
    if (p.occupancyPct === undefined && p.leasedHa === undefined && p.enterprises === undefined) continue;
    const refs = p.sources.filter((s) => s.about.some((a) => a === 'occupancyPct' || a === 'leasedHa' || a === 'enterprises'));
    investor.push([
      `${KIND[p.kind]} ${p.name.vi}`,
      p.declaredAreaHa ?? null,
      p.occupancyPct ?? null,
      p.leasedHa ?? null,
      p.enterprises ?? null,
      refs.map((s) => docTitle(s.doc)).join('; '),
    ]);
  }
  const [y, m] = month.split('-');
  return [
    {
      sheet: 'Tiến độ GPMB',
      title: `Tiến độ giải phóng mặt bằng đến ngày ${end.split('-').reverse().join('/')} — ${data.region.name.vi}`,
      headers: ['Khu/cụm', 'Xã/phường', 'Diện tích công bố (ha)', 'Đã GPMB (ha)', 'Đang GPMB (ha)', 'Còn lại (ha)', 'Ngày số liệu', 'Nguồn', 'Ghi chú'],
      numeric: new Set([2, 3, 4, 5]),
      rows: progress,
      widths: [32, 22, 14, 12, 12, 12, 12, 48, 30],
    },
    {
      sheet: 'Lấp đầy',
      title: `Tỷ lệ lấp đầy và doanh nghiệp — tháng ${m}/${y}`,
      headers: ['Khu/cụm', 'Diện tích công bố (ha)', 'Tỷ lệ lấp đầy (%)', 'Đã cho thuê (ha)', 'Số doanh nghiệp', 'Nguồn'],
      numeric: new Set([1, 2, 3, 4]),
      rows: investor,
      widths: [32, 14, 12, 12, 12, 48],
    },
  ];
}

/** The tables as an .xlsx file: a bold title, a shaded header row kept in view, numbers as numbers. */
export async function monthlyReportXlsx(tables: readonly ReportTable[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  type Sheet = Parameters<typeof writeXlsxFile>[0];
  const sheets = tables.map((t) => ({
    sheet: t.sheet,
    columns: t.widths.map((width) => ({ width })),
    stickyRowsCount: 2,
    data: [
      [{ value: t.title, fontWeight: 'bold' as const, fontSize: 13 }],
      t.headers.map((h) => ({ value: h, fontWeight: 'bold' as const, backgroundColor: '#dde6f0', wrap: true, borderStyle: 'thin' as const })),
      ...t.rows.map((r) =>
        r.map((v, i) =>
          v === null
            ? { value: '', borderStyle: 'thin' as const }
            : t.numeric.has(i) && typeof v === 'number'
              ? { value: v, type: Number, format: '#,##0.##', borderStyle: 'thin' as const }
              : { value: String(v), type: String, wrap: true, borderStyle: 'thin' as const },
        ),
      ),
    ],
  }));
  return writeXlsxFile(sheets as unknown as Sheet).toBlob();
}
