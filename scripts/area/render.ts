// The report as text: a table in both languages, then what the importer said.
import { type AreaReport, type MeasuredEntry, type SkippedEntry } from '../../src/analytics/area';
import { describeProblem } from '../../src/analytics/polygonCheck';
import { formatNumber } from '../../src/i18n/format';
import { FORMAT_LABEL } from '../../src/io/import/types';
import {
  crsMessage,
  featureProblemMessage,
  textEncodingMessage,
  type FeatureProblem,
  type SourceCrs,
} from '../../src/io/import';

import type { Read } from './read';

// ---- text output ----

const ha = (x: number) => formatNumber(x, 'vi', 2);

/** 104.75 → 104°45′ */
function zoneLabel(zone: number): string {
  let deg = Math.floor(zone);
  let min = Math.round((zone - deg) * 60 * 100) / 100;
  if (min >= 60) {
    deg += 1;
    min -= 60;
  }
  return `${deg}°${String(min).padStart(2, '0')}′`;
}

/** Display width: code points of the NFC form (Vietnamese letters are one each once composed). */
const width = (s: string) => [...s.normalize('NFC')].length;
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

function clip(s: string, max: number): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= max ? s.normalize('NFC') : `${chars.slice(0, max - 1).join('')}…`;
}

function label(e: { name: string | null; id: string | number | null }): string {
  return e.name ?? (e.id !== null ? String(e.id) : '(không tên / unnamed)');
}

function skipReason(s: SkippedEntry): string {
  switch (s.reason) {
    case 'no-geometry':
      return 'không có hình học / no geometry';
    case 'not-polygon':
      return `không phải vùng (${s.geometryType}) / not a polygon (${s.geometryType})`;
    case 'malformed':
      return `tọa độ ${s.geometryType} sai cấu trúc / malformed ${s.geometryType} coordinates`;
    case 'not-lonlat': {
      const p = s.problems.find((x) => x.kind === 'not-lonlat');
      if (!p) return 'tọa độ không hợp lệ / bad coordinates';
      return `${describeProblem(p, 'vi')} / ${describeProblem(p, 'en')}`;
    }
  }
}

function crsLabel(crs: SourceCrs): string {
  if (crs.kind === 'wgs84') return 'WGS84 (kinh độ, vĩ độ / longitude, latitude)';
  const from = {
    prj: 'theo tệp .prj / from the .prj',
    file: 'theo tệp / from the file',
    user: 'theo --zone / from --zone',
    'region-default': 'mặc định / default',
  }[crs.zoneFrom];
  return `VN-2000 TM-3 ${zoneLabel(crs.zone)} (${from}), đã chuyển sang WGS84 với 7 tham số / converted with the 7-parameter shift`;
}

/** An importer's remark in both languages, indented under its heading. */
function bilingual(vi: string | null, en: string | null): string[] {
  return vi && en ? [`  ${vi}`, `    ${en}`] : [];
}

function renderImport(imported: NonNullable<Read['imported']>): string[] {
  const out: string[] = [];
  out.push(`Định dạng / Format: ${FORMAT_LABEL[imported.format] ?? imported.format}`);
  out.push(`Hệ tọa độ của tệp / File CRS: ${crsLabel(imported.crs)}`);
  const notes = [
    ...bilingual(crsMessage(imported.crs, 'vi'), crsMessage(imported.crs, 'en')),
    ...bilingual(textEncodingMessage(imported.textEncoding, 'vi'), textEncodingMessage(imported.textEncoding, 'en')),
  ];
  if (notes.length > 0) out.push(...notes);
  return out;
}

/** The importer's problems: features it refused, then remarks (a missing name is not repeated). */
function renderProblems(problems: readonly FeatureProblem[]): string[] {
  const out: string[] = [];
  const errors = problems.filter((p) => p.severity === 'error');
  const remarks = problems.filter((p) => p.severity === 'warning' && p.code !== 'missing-name');
  const list = (ps: readonly FeatureProblem[]) =>
    ps.flatMap((p) => bilingual(featureProblemMessage(p, 'vi'), featureProblemMessage(p, 'en')));
  if (errors.length > 0) {
    out.push('');
    out.push(`Không nạp được / Not loaded (${errors.length}):`);
    out.push(...list(errors));
  }
  if (remarks.length > 0) {
    out.push('');
    out.push('Ghi chú khi đọc tệp / Import remarks:');
    out.push(...list(remarks));
  }
  return out;
}

export function renderText(file: string, r: AreaReport, imported?: Read['imported']): string {
  const out: string[] = [];
  out.push('Diện tích theo ba phương pháp / Areas by three methods');
  out.push(`Tệp / File: ${file}`);
  if (imported) out.push(...renderImport(imported));
  out.push(`Múi chiếu VN-2000 TM-3, kinh tuyến trục / central meridian ${zoneLabel(r.zone)}`);
  out.push('');

  const headVi = ['#', 'Tên', 'Elipxoit WGS84', 'VN-2000 phẳng', 'Turf (mặt cầu)', 'Ghi chú'];
  const headEn = ['', 'Name', 'Ellipsoidal', 'VN-2000 plane', 'Turf (sphere)', 'Notes'];
  const headUnit = ['', '', 'ha', 'ha', 'ha', ''];
  const rows: string[][] = r.measured.map((m: MeasuredEntry) => [
    String(m.index + 1),
    clip(label(m), 48),
    ha(m.ellipsoidalHa),
    ha(m.vn2000Ha),
    ha(m.turfHa),
    imported?.repaired?.includes(m.index)
      ? 'đã sửa hình (vùng tự cắt) / shape repaired (crossed itself)'
      : m.reliable
        ? m.problems.length > 0
          ? 'vòng chưa khép, đã tự khép / ring closed for you'
          : ''
        : '⚠ hình học lỗi, không cộng vào tổng / invalid geometry, not in totals',
  ]);
  const totalLabel = `Tổng / Total (${r.totals.count} vùng / polygons)`;
  // No polygon measured is no data, not 0 ha: the totals then read "—".
  const total = (x: number) => (r.totals.count === 0 ? '—' : ha(x));
  const totalRow = ['', totalLabel, total(r.totals.ellipsoidalHa), total(r.totals.vn2000Ha), total(r.totals.turfHa), ''];
  const all = [headVi, headEn, headUnit, ...rows];
  // The total's label may run into the number columns' space only through the name column.
  const w = [0, 1, 2, 3, 4].map((c) => Math.max(...all.map((row) => width(row[c] as string))));
  w[1] = Math.max(w[1] as number, width(totalLabel));
  const line = (row: string[], alignRight: boolean[]) =>
    row
      .slice(0, 5)
      .map((cell, c) => (alignRight[c] ? padStart(cell, w[c] as number) : padEnd(cell, w[c] as number)))
      .concat(row[5] ? [row[5]] : [])
      .join('  ')
      .trimEnd();
  const right = [true, false, true, true, true];
  for (const h of [headVi, headEn, headUnit]) out.push(line(h, right));
  out.push('-'.repeat(w.reduce((s, x) => s + x, 0) + 2 * 5 + width('Ghi chú')));
  if (rows.length === 0) out.push('(không có vùng nào / no polygons)');
  for (const row of rows) out.push(line(row, right));
  out.push('-'.repeat(w.reduce((s, x) => s + x, 0) + 2 * 5 + width('Ghi chú')));
  out.push(line(totalRow, right));

  const flagged = r.measured.filter((m) => m.problems.length > 0);
  if (flagged.length > 0) {
    out.push('');
    out.push('⚠ Lỗi hình học / Geometry problems:');
    for (const m of flagged) {
      for (const p of m.problems) {
        out.push(`  ${m.index + 1}  ${label(m)}: ${describeProblem(p, 'vi')}`);
        out.push(`     ${' '.repeat(width(String(m.index + 1)))}${describeProblem(p, 'en')}`);
      }
    }
    if (r.excluded.length > 0) {
      out.push(
        `  Tổng không gồm ${r.excluded.length} vùng có hình học lỗi ` +
          `(số ${r.excluded.map((i) => i + 1).join(', ')}) / ` +
          `totals leave out ${r.excluded.length} invalid polygon(s).`,
      );
    }
  }
  if (r.skipped.length > 0) {
    out.push('');
    out.push('Bỏ qua / Skipped:');
    for (const s of r.skipped) out.push(`  ${s.index + 1}  ${label(s)}: ${skipReason(s)}`);
  }
  if (imported) out.push(...renderProblems(imported.problems));
  out.push('');
  out.push('Elipxoit WGS84: diện tích chính (GeographicLib) / headline figure.');
  out.push('VN-2000 phẳng: cách tính của hồ sơ địa chính / cadastral method.');
  out.push('Turf: mặt cầu, để so sánh (cao hơn khoảng 0,25% ở vĩ độ 22°) / spherical, for comparison.');
  return out.join('\n');
}

