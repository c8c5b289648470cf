// The site table as CSV for a spreadsheet.
//
// Choices (see README, "Export"): UTF-8 with a byte-order mark, because Excel reads a CSV without one
// in the machine's legacy code page and garbles every Vietnamese diacritic; comma-separated fields
// quoted per RFC 4180 and CRLF line ends; numbers written plainly with a dot decimal separator and no
// thousands grouping in both languages (1100.5, never 1.100,5), so the figures stay numbers in any
// tool that reads the file as data. Headers follow the interface language.
import type { RegionReport } from '../../analytics/report';
import type { Lang } from '../../i18n/format';
import { COLUMN_ORDER, COLUMNS } from './labels';
import { siteRecord, type Cell } from './records';

export const BOM = '\uFEFF';

/** One field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sitesToCsv(report: RegionReport, lang: Lang): string {
  const lines = [COLUMN_ORDER.map((k) => csvField(COLUMNS[lang][k])).join(',')];
  for (const row of report.sites) {
    const r = siteRecord(row, lang);
    lines.push(COLUMN_ORDER.map((k) => csvField(r[k])).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
