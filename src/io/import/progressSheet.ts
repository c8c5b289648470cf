// The monthly clearance-progress sheet the communes send (Excel or CSV), read into records: one row a
// site, headers in Vietnamese (with or without diacritics): "Khu/cụm", "Đã GPMB (ha)", "Ngày", "Nguồn"
// and optionally "Đang GPMB (ha)", "Còn lại (ha)". A bad row is refused with its row number and what
// is wrong; the good rows are kept.
import { foldKey } from './fields';
import { parseCsvNumber } from './csv';

export type SheetCell = string | number | boolean | Date | null | undefined;

export interface SheetSite {
  id: string;
  kind: 'kcn' | 'ccn';
  name: string;
  declaredAreaHa?: number;
}

export interface ProgressRow {
  /** row number as the spreadsheet shows it (1 = first row) */
  row: number;
  siteId: string;
  siteName: string;
  asOf: string;
  clearedHa: number;
  inProgressHa?: number;
  remainingHa?: number;
  /** the report the commune names, as written */
  source: string;
}

export interface RowError {
  row: number;
  messages: string[];
}

export interface ProgressSheet {
  rows: ProgressRow[];
  errors: RowError[];
  /** a problem with the whole sheet (no header row found): nothing was read */
  fatal: string | null;
}

type Column = 'site' | 'cleared' | 'inProgress' | 'remaining' | 'date' | 'source';

const COLUMN_LABEL: Record<Column, string> = {
  site: 'Khu/cụm',
  cleared: 'Đã GPMB (ha)',
  inProgress: 'Đang GPMB (ha)',
  remaining: 'Còn lại (ha)',
  date: 'Ngày',
  source: 'Nguồn',
};

/** What a header names, if anything this reader uses. */
export function progressColumn(header: string): Column | null {
  const k = foldKey(header);
  if (!k) return null;
  if (/\bnguon\b|van ban|can cu|so hieu/.test(k)) return 'source';
  if (/^ngay|thoi diem|ngay bao cao/.test(k)) return 'date';
  if (/con lai|chua gpmb|chua giai phong/.test(k)) return 'remaining';
  if (/^dang\b|dang gpmb|dang giai phong|dang thuc hien/.test(k)) return 'inProgress';
  if (/gpmb|giai phong|mat bang sach|da ban giao/.test(k)) return 'cleared';
  if (/\bkhu\b|\bcum\b|\bkcn\b|\bccn\b|ten du an/.test(k)) return 'site';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell: an Excel date, "dd/mm/yyyy" (as Vietnamese sheets write it) or "yyyy-mm-dd". */
export function parseSheetDate(cell: SheetCell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  if (typeof cell !== 'string') return null;
  const s = cell.trim();
  let y: number, m: number, d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // 31/02 rolls over to March in Date: such a day does not exist.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return parseSheetDate(cell) ?? '';
  return String(cell).trim();
}

function hectares(cell: SheetCell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  // Vietnamese sheets write 12,5 for 12.5 and 1.156,77 for 1156.77; "12.5" still reads as 12.5.
  return typeof cell === 'string' ? parseCsvNumber(cell, true) : null;
}

/** "KCN Tằng Loỏng", "CCN Bắc Văn Yên", "lc-kcn-tang-loong" or just "Tằng Loỏng" → the site. */
function findSite(text: string, sites: readonly SheetSite[]): SheetSite | 'ambiguous' | null {
  const byId = sites.find((s) => s.id === text.trim());
  if (byId) return byId;
  const k = foldKey(text);
  const kindOf = /^(kcn|khu cong nghiep)\b/.test(k) ? 'kcn' : /^(ccn|cum cong nghiep)\b/.test(k) ? 'ccn' : null;
  const name = k.replace(/^(kcn|ccn|khu cong nghiep|cum cong nghiep)\s*/, '');
  const hits = sites.filter((s) => foldKey(s.name) === name && (!kindOf || s.kind === kindOf));
  if (hits.length === 1) return hits[0]!;
  return hits.length > 1 ? 'ambiguous' : null;
}

/**
 * Reads the sheet's rows (the first row holding a "Khu/cụm" header and a cleared-area header is the
 * header row). `today` bounds the report dates: a report cannot be dated after it.
 */
export function readProgressRows(cells: readonly (readonly SheetCell[])[], sites: readonly SheetSite[], today: string): ProgressSheet {
  const headerAt = cells.findIndex((r) => {
    const cols = r.map((c) => progressColumn(cellText(c)));
    return cols.includes('site') && cols.includes('cleared');
  });
  if (headerAt < 0) {
    return { rows: [], errors: [], fatal: `Không tìm thấy dòng tiêu đề: bảng cần các cột "${COLUMN_LABEL.site}", "${COLUMN_LABEL.cleared}", "${COLUMN_LABEL.date}", "${COLUMN_LABEL.source}".` };
  }
  const index = new Map<Column, number>();
  cells[headerAt]!.forEach((c, i) => {
    const col = progressColumn(cellText(c));
    if (col && !index.has(col)) index.set(col, i);
  });
  const missing = (['date', 'source'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    return { rows: [], errors: [], fatal: `Thiếu cột ${missing.map((c) => `"${COLUMN_LABEL[c]}"`).join(', ')} ở dòng tiêu đề (dòng ${headerAt + 1}).` };
  }
  const rows: ProgressRow[] = [];
  const errors: RowError[] = [];
  for (let r = headerAt + 1; r < cells.length; r++) {
    const line = cells[r]!;
    const at = (c: Column) => (index.has(c) ? line[index.get(c)!] : undefined);
    if (line.every((c) => cellText(c) === '')) continue;
    const messages: string[] = [];
    const siteText = cellText(at('site'));
    const site = siteText ? findSite(siteText, sites) : null;
    if (!siteText) messages.push(`thiếu tên khu/cụm ở cột "${COLUMN_LABEL.site}"`);
    else if (site === 'ambiguous') messages.push(`"${siteText}" trùng tên nhiều khu/cụm: ghi rõ KCN hoặc CCN`);
    else if (!site) messages.push(`không có khu/cụm nào tên "${siteText}" trong dữ liệu của tỉnh`);
    const figure = (c: Column, required: boolean): number | undefined => {
      const raw = at(c);
      if (cellText(raw) === '') {
        if (required) messages.push(`thiếu số ha ở cột "${COLUMN_LABEL[c]}"`);
        return undefined;
      }
      const n = hectares(raw ?? null);
      if (n === null) messages.push(`"${cellText(raw)}" ở cột "${COLUMN_LABEL[c]}" không phải là số`);
      else if (n < 0) messages.push(`số ha ở cột "${COLUMN_LABEL[c]}" không được âm (${cellText(raw)})`);
      else return n;
      return undefined;
    };
    const clearedHa = figure('cleared', true);
    const inProgressHa = figure('inProgress', false);
    const remainingHa = figure('remaining', false);
    if (site && site !== 'ambiguous' && clearedHa !== undefined && site.declaredAreaHa !== undefined && clearedHa > site.declaredAreaHa) {
      messages.push(`đã GPMB ${clearedHa} ha lớn hơn diện tích công bố ${site.declaredAreaHa} ha`);
    }
    const dateText = cellText(at('date'));
    const asOf = parseSheetDate(at('date') ?? null);
    if (!dateText) messages.push(`thiếu ngày ở cột "${COLUMN_LABEL.date}"`);
    else if (!asOf) messages.push(`"${dateText}" ở cột "${COLUMN_LABEL.date}" không phải ngày (ghi dd/mm/yyyy)`);
    else if (asOf > today) messages.push(`ngày ${dateText} chưa tới: số liệu không thể ghi ngày sau hôm nay`);
    const source = cellText(at('source'));
    if (!source) messages.push(`thiếu văn bản nguồn ở cột "${COLUMN_LABEL.source}"`);
    if (messages.length > 0 || !site || site === 'ambiguous' || clearedHa === undefined || !asOf) {
      errors.push({ row: r + 1, messages });
      continue;
    }
    rows.push({
      row: r + 1,
      siteId: site.id,
      siteName: site.name,
      asOf,
      clearedHa,
      ...(inProgressHa !== undefined ? { inProgressHa } : {}),
      ...(remainingHa !== undefined ? { remainingHa } : {}),
      source,
    });
  }
  return { rows, errors, fatal: null };
}
