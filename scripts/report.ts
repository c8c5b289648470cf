// `npm run report -- --region lao-cai [--format md|csv|json] [--as-of YYYY-MM-DD]`
// The monthly progress report provinces send to the Department of Industry and Trade: the targets
// table and the per-site table, computed by the same code as the app's panels (analytics/report).
import { buildReport, type RegionReport } from '../src/analytics/report';
import type { TargetResult } from '../src/analytics/targets';
import { prepareRegion } from '../src/domain/prepare';
import '../src/domain/zodVietnamese';
import { formatIssue, validateRegion } from '../src/domain/validate';
import { formatDate, formatHa, formatNumber, formatPct } from '../src/i18n/format';
import { vi, type MessageKey } from '../src/i18n/messages';
import { listRegionIds, readRegionFiles, RegionReadError } from './regionFs';
import { obligationsCsvRows, obligationsMarkdown } from './reportObligations';
import { verdictText } from '../src/features/targets/formatTarget';
import { basisNote, withBasis } from '../src/io/export/labels';
import { clearanceBasis, targetBasis } from '../src/io/export/records';
import type { RegionData } from '../src/domain/types';

const t = vi;
type Format = 'md' | 'csv' | 'json';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): { region: string; format: Format; asOf: string | null } {
  let region = 'lao-cai';
  let format: Format = 'md';
  let asOf: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? fail(`Thiếu giá trị sau ${a}`);
    if (a === '--region') region = next();
    else if (a === '--format') {
      const f = next();
      if (f !== 'md' && f !== 'csv' && f !== 'json') fail(`--format phải là md, csv hoặc json (nhận được "${f}")`);
      format = f;
    } else if (a === '--as-of') {
      asOf = next();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) fail(`--as-of phải là ngày dạng YYYY-MM-DD (nhận được "${asOf}")`);
    } else fail(`Không hiểu tham số "${a}". Cách dùng: npm run report -- --region lao-cai [--format md|csv|json] [--as-of YYYY-MM-DD]`);
  }
  return { region, format, asOf };
}

function targetValue(r: TargetResult, v: number | null): string {
  if (v === null) return '—';
  if (r.target.unit === 'ha') return formatHa(v, 'vi');
  if (r.target.unit === 'pct') return formatPct(v, 'vi');
  return formatNumber(v, 'vi');
}

/** The target as the plan words it: a figure, or a range such as 3–4 or 12–14%. */
function goalOf(x: TargetResult): string {
  const v = x.target.value;
  if (v === null) return '—';
  return x.target.valueMax === undefined ? targetValue(x, v) : `${formatNumber(v, 'vi')}–${targetValue(x, x.target.valueMax)}`;
}

const statusOf = (s: string) => t[`status_${s}` as MessageKey] as string;
const ha = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, 'vi', 2));
const mdEscape = (s: string) => s.replace(/\|/g, '\\|');

function markdown(r: RegionReport, data: RegionData): string {
  const regionName = data.region.name.vi;
  const out: string[] = [];
  out.push(`# Báo cáo khu, cụm công nghiệp — ${regionName}`, '', `${t.asOfLabel} ${formatDate(r.asOf, 'vi')}.`);
  if (r.sample) out.push('', `> ${t.sampleBadge}: ${t.sampleExplain}`);
  out.push('', '## Mục tiêu', '', '| Mục tiêu | Đạt | Chỉ tiêu | Còn thiếu | Thời hạn | Còn (ngày) | Ghi chú |', '|---|---:|---:|---:|---|---:|---|');
  for (const x of r.targets) {
    const note = [
      x.state === 'no-data' ? t.noData : x.state === 'entered' ? t.enteredFrom.toLowerCase() : null,
      verdictText(x, t),
      x.sample ? t.sampleBadge.toLowerCase() : null,
      // the sample label sits in the same words as the pace verdict, not only in a column beside it
      x.pace ? ((s: string) => (x.sample ? t.sample_verdict(s) : s))(x.pace.reaches ? 'kịp theo tốc độ hiện nay' : 'không kịp theo tốc độ hiện nay') : null,
      x.target.note ? x.target.note.vi : null,
    ]
      .filter(Boolean)
      .join('; ');
    out.push(
      `| ${mdEscape(x.target.label.vi)} | ${withBasis(targetValue(x, x.value), targetBasis(x, r), 'vi')} | ${goalOf(x)} | ${targetValue(x, x.gap)} | ${
        x.target.deadlineLabel?.vi ?? formatDate(x.target.deadline, 'vi')
      } | ${x.daysLeft} | ${note} |`,
    );
  }
  out.push('', '## Khu, cụm công nghiệp', '', `| Tên | Trạng thái | Xã/phường | Công bố (ha) | Elipxoit (ha) | VN-2000 (ha) | Mặt cầu (ha) | Mặt bằng sạch (ha) | Đang giải phóng (ha) | Còn lại (ha) | Lấp đầy (%) | Đã cho thuê (ha) | Còn cho thuê (ha) | Doanh nghiệp | Ngày số liệu |`, '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const s of r.sites) {
    const c = s.clearance && s.clearance.method !== 'none' ? s.clearance : null;
    out.push(
      `| ${s.kind.toUpperCase()} ${mdEscape(s.name.vi)}${s.flagged ? ' ⚠' : ''} | ${statusOf(s.status)} | ${mdEscape(s.commune)} | ${ha(s.declaredHa)} | ${ha(s.areas?.ellipsoidalHa)} | ${ha(
        s.areas?.vn2000Ha,
      )} | ${ha(s.areas?.turfHa)} | ${withBasis(ha(c?.clearedHa), clearanceBasis(s), 'vi')} | ${ha(c?.inProgressHa)} | ${ha(c?.remainingHa)} | ${ha(s.occupancyPct)} | ${ha(s.leasedHa)} | ${s.availableComputed && s.availableHa !== null ? '≈ ' : ''}${ha(s.availableHa)} | ${s.enterprises ?? '—'} | ${s.investorAsOf ? formatDate(s.investorAsOf, 'vi') : '—'} |`,
    );
  }
  for (const tb of r.tables) {
    const share = (v?: number) => (v === undefined ? '—' : formatNumber(v, 'vi', 2));
    const diff = (v?: number, digits = 2) => (v === undefined || Math.abs(v) < 0.005 ? '' : `${v > 0 ? '+' : ''}${formatNumber(v, 'vi', digits)}`);
    const rounded = [...tb.rows, tb.total].some((row) => row.rounded);
    out.push('', `## Đối chiếu: ${tb.table.label.vi}`, '', `${tb.matches ? (rounded ? 'Khớp với văn bản (văn bản làm tròn).' : 'Khớp với văn bản.') : 'KHÔNG khớp với văn bản: xem cột chênh lệch.'}`, '');
    out.push('| Nhóm | Số cụm (văn bản) | Số cụm (tính) | Diện tích văn bản (ha) | Diện tích tính (ha) | Chênh lệch (ha) | Tỷ lệ văn bản (%) | Tỷ lệ tính (%) |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of [...tb.rows, tb.total]) {
      out.push(
        `| ${row.key === 'total' ? '**Tổng**' : mdEscape(row.key)} | ${row.document.count ?? '—'} | ${row.computed.count} | ${ha(row.document.areaHa)} | ${ha(row.computed.areaHa)} | ${diff(row.diff.areaHa)} | ${share(row.document.sharePct)} | ${share(row.computed.sharePct)} |`,
      );
    }
    if (tb.extraKeys.length) out.push('', `Nhóm có trong dữ liệu nhưng không có trong văn bản: ${tb.extraKeys.join(', ')}.`);
    if (tb.table.note) out.push('', tb.table.note.vi);
  }
  if (data.region.capital.parts.length > 0 && data.region.capital.totalIsSum) out.push('', `Vốn: tổng ${formatNumber(data.region.capital.totalBnVnd, 'vi', 3)} tỷ đồng (${t.capital_computed}). ${t.capital_totalIsSum}`);
  out.push(...obligationsMarkdown(data, r.asOf));
  out.push(
    '',
    `Toàn tỉnh: sạch ${formatHa(r.province.clearedHa, 'vi')}, đang giải phóng ${formatHa(r.province.inProgressHa, 'vi')}.`,
    '',
    '⚠ diện tích theo hình vẽ lệch quá 2% so với công bố. Diện tích elipxoit: trên elipxoit WGS84; VN-2000: phẳng trong múi TM-3 của tỉnh; mặt cầu: để đối chiếu. ≈ còn cho thuê tính từ đã cho thuê và tỷ lệ lấp đầy của nguồn; — nguồn chưa có số liệu.',
  );
  return out.join('\n');
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 100) / 100) : v;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(r: RegionReport, data: RegionData): string {
  const rows: (string | number | null | undefined)[][] = [
    // The note column stands right after the figure it qualifies ("Số liệu minh họa", "Phác thảo trên bản đồ").
    ['muc_tieu', 'dat', 'dat_la', 'chi_tieu', 'con_thieu', 'don_vi', 'thoi_han', 'con_ngay', 'trang_thai_so_lieu'],
    ...r.targets.map((x) => [x.target.label.vi, x.value, x.value === null ? '' : basisNote(targetBasis(x, r), 'vi'), x.target.value, x.gap, x.target.unit, x.target.deadline, x.daysLeft, x.state]),
    [],
    ['ma', 'loai', 'ten', 'trang_thai', 'xa_phuong', 'cong_bo_ha', 'elipxoit_ha', 'vn2000_ha', 'turf_ha', 'lech_pct', 'sach_ha', 'so_lieu_gpmb_la', 'dang_gpmb_ha', 'con_lai_ha', 'ngay_so_lieu', 'lap_day_pct', 'da_cho_thue_ha', 'con_cho_thue_ha', 'con_cho_thue_tinh', 'so_doanh_nghiep', 'ngay_so_lieu_dau_tu'],
    ...r.sites.map((s) => {
      const c = s.clearance && s.clearance.method !== 'none' ? s.clearance : null;
      return [s.id, s.kind.toUpperCase(), s.name.vi, s.status, s.commune, s.declaredHa, s.areas?.ellipsoidalHa, s.areas?.vn2000Ha, s.areas?.turfHa, s.diffPct, c?.clearedHa, c ? basisNote(clearanceBasis(s), 'vi') : '', c?.inProgressHa, c?.remainingHa, c?.dataAsOf, s.occupancyPct, s.leasedHa, s.availableHa, s.availableHa !== null && s.availableComputed ? 'có' : '', s.enterprises, s.investorAsOf];
    }),
    ...r.tables.flatMap((tb) => [
      [],
      ['doi_chieu', 'nhom', 'so_van_ban', 'so_tinh', 'ha_van_ban', 'ha_tinh', 'chenh_lech_ha', 'ty_le_van_ban', 'ty_le_tinh'],
      ...[...tb.rows, tb.total].map((row) => [tb.table.id, row.key, row.document.count, row.computed.count, row.document.areaHa, row.computed.areaHa, row.diff.areaHa, row.document.sharePct, row.computed.sharePct]),
    ]),
    ...obligationsCsvRows(data, r.asOf),
  ];
  // A BOM so that Excel opens the Vietnamese text as UTF-8.
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const known = listRegionIds();
  if (!known.includes(args.region)) fail(`Không có vùng "${args.region}" trong data/regions (có: ${known.join(', ')})`);
  let files;
  try {
    files = readRegionFiles(args.region);
  } catch (e) {
    if (e instanceof RegionReadError) fail(e.message);
    throw e;
  }
  const { data, issues } = validateRegion(files);
  if (!data) fail([`Dữ liệu vùng ${args.region} có lỗi:`, ...issues.map((i) => `  ${formatIssue(i)}`)].join('\n'));
  const report = buildReport(prepareRegion(data), args.asOf ?? data.region.asOf);
  const text = args.format === 'json' ? JSON.stringify(report, null, 2) : args.format === 'csv' ? csv(report, data) : markdown(report, data);
  process.stdout.write(text + '\n');
}

main();
