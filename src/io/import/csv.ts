// CSV (and tab-separated text) of points, as planners keep them in spreadsheets: one row a point,
// headers in Vietnamese or English, with or without diacritics, in any case.
//
// - Delimiter: whichever of ";", tab or "," the header line uses most (outside quotes); Vietnamese
//   Excel writes ";" because "," is its decimal mark. With ";" or tab, "22,2950" is 22.2950 and
//   "2.476.350,708" is 2476350.708; with ",", numbers use a decimal point.
// - Coordinates: longitude/latitude columns (kinh độ, vĩ độ, lon, lng, long, lat…), or a pair of
//   X/Y (easting/northing) columns. For X/Y the values decide, not the letters: degrees if both
//   fit, the one between 100 and 120 being the longitude; otherwise VN-2000 TM-3 metres, the larger
//   number being the northing (Vietnamese tables write X = northing, GIS tools X = easting).
// - Degrees may also be written as degrees-minutes-seconds: 104°02'48,05"E.
// - Every cell is kept as text in the properties, under its header.
import Papa from 'papaparse';
import { decodeText } from './bytes';
import { baseName, foldKey, isNameKey } from './fields';
import { looksProjected, northingFirst, planeToLonLat, vn2000Crs } from './reproject';
import { ImportFileError, type AttributeValue, type ImportOptions, type ImportResult, type SourceCrs } from './types';
import { validateFeatures, type RawFeature } from './validateFeatures';

export type Delimiter = ',' | ';' | '\t';

/** The delimiter the header line uses most, outside quotes; ";" then tab win ties over ",". */
export function detectDelimiter(headerLine: string): Delimiter {
  const count: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === '\t' || ch === ',')) count[ch]++;
  }
  if (count[';'] + count['\t'] + count[','] === 0) return ',';
  const order: Delimiter[] = [';', '\t', ','];
  return order.reduce((best, d) => (count[d] > count[best] ? d : best));
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DMS = /^([+-]?\d+(?:[.,]\d+)?)\s*[°º]\s*(?:(\d+(?:[.,]\d+)?)\s*['′’]\s*)?(?:(\d+(?:[.,]\d+)?)\s*(?:"|″|”|''|′′)\s*)?([NSEWĐBTnsewđbt])?$/;

/**
 * A number as a spreadsheet cell writes it, or null. With `decimalComma`, "," is the decimal mark
 * and "." groups thousands; without, "." is the decimal mark and "," may only group thousands.
 * Spaces (also non-breaking) inside are ignored. Degrees-minutes-seconds become decimal degrees.
 */
export function parseCsvNumber(cell: string, decimalComma: boolean): number | null {
  let s = cell.replace(/[\s\u00a0\u202f]+/g, '');
  if (s === '') return null;
  const dms = DMS.exec(s);
  if (dms) {
    const part = (v: string | undefined) => (v === undefined ? 0 : Number(v.replace(',', '.')));
    const deg = part(dms[1]);
    const value = Math.abs(deg) + part(dms[2]) / 60 + part(dms[3]) / 3600;
    // S/W (and Vietnamese T = Tây, west) are negative; N, E, B (Bắc), Đ (Đông) positive.
    const negative = deg < 0 || /^[SWTswt]$/.test(dms[4] ?? '');
    return negative ? -value : value;
  }
  if (decimalComma) {
    if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
    else if ((s.match(/\./g) ?? []).length > 1) s = s.replace(/\./g, '');
  } else if (s.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  return PLAIN.test(s) ? Number(s) : null;
}

type Role = 'lon' | 'lat' | 'x' | 'y' | 'name';

/** What a header names, if anything this importer uses. */
export function columnRole(header: string): Role | null {
  const k = foldKey(header);
  const first = k.split(' ')[0] ?? '';
  if (k.startsWith('kinh do') || ['lon', 'lng', 'long', 'longitude', 'kinhdo'].includes(first)) return 'lon';
  if (k.startsWith('vi do') || ['lat', 'latitude', 'vido'].includes(first)) return 'lat';
  if (first === 'x' || k.startsWith('toa do x') || first === 'easting') return first === 'easting' ? 'y' : 'x';
  if (first === 'y' || k.startsWith('toa do y') || first === 'northing') return first === 'northing' ? 'x' : 'y';
  if (isNameKey(k)) return 'name';
  return null;
}

/** Headers as property keys: blanks become "Cột 3", repeats get " (2)". */
function propertyKeys(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h.trim() || `Cột ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');

/**
 * The headers as the message lists them: at most 12, each cut at 40 characters, so that a header
 * line of 20 000 columns or one 200 000-character cell cannot flood the message.
 */
function shownColumns(names: string[]): string {
  const shown = names.slice(0, 12).map((n) => (n.length > 40 ? `${n.slice(0, 39)}…` : n));
  return names.length > 12 ? `${shown.join(', ')}, … (${names.length})` : shown.join(', ');
}

/** Reads CSV bytes. Throws ImportFileError 'csv-empty' (no data row) or 'csv-no-coordinates'. */
export function importCsv(fileName: string, bytes: Uint8Array, options: ImportOptions): ImportResult {
  const text = decodeText(bytes);
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  if (firstLine === '') throw new ImportFileError('csv-empty', {});
  const delimiter = detectDelimiter(firstLine);
  const decimalComma = delimiter !== ',';
  // Blank lines are kept (and skipped below) so that data row i is line i + 2 + (blank lines on top)
  // of the file, the line number a spreadsheet or an editor shows.
  const top = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text)?.[0] ?? '';
  const lineOffset = (top.match(/\r\n|\n|\r/g) ?? []).length;
  const parsed = Papa.parse<string[]>(text.slice(top.length), { delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  const headers = (rows[0] ?? []).map((h) => h.trim());
  const data = rows.slice(1);
  if (data.every(isBlank)) throw new ImportFileError('csv-empty', { columns: headers.join(', ') });

  const roles = headers.map(columnRole);
  const col = (r: Role) => roles.indexOf(r);
  let a = col('lon');
  let b = col('lat');
  let kind: 'lonlat' | 'plane' = 'lonlat';
  if (a < 0 || b < 0) {
    a = col('x');
    b = col('y');
    kind = 'plane';
  }
  if (a < 0 || b < 0) {
    throw new ImportFileError('csv-no-coordinates', {
      columns: shownColumns(headers.map((h, i) => h || `Cột ${i + 1}`)),
      delimiter: delimiter === '\t' ? 'tab' : delimiter,
    });
  }
  const nameCol = col('name');
  const keys = propertyKeys(headers);
  const num = (row: string[], c: number) => parseCsvNumber(row[c] ?? '', decimalComma);

  // For X/Y, the first row with two numbers decides what they are, for the whole file.
  let crs: SourceCrs = { kind: 'wgs84' };
  let lonFirst = true;
  let nFirst = false;
  if (kind === 'plane') {
    const sample = data.map((r) => [num(r, a), num(r, b)]).find(([p, q]) => p !== null && q !== null) as
      | [number, number]
      | undefined;
    if (sample && looksProjected(sample[0], sample[1])) {
      crs = vn2000Crs(options);
      nFirst = northingFirst(sample);
    } else if (sample) {
      // Vietnam's longitudes are 102–117.5 and its latitudes 7–23.5: the one near 100 is the longitude.
      const lonLike = (v: number) => v >= 100 && v <= 120;
      lonFirst = !(lonLike(sample[1]) && !lonLike(sample[0]));
    }
  }

  const raw: RawFeature[] = [];
  data.forEach((row, i) => {
    if (isBlank(row)) return;
    const properties: Record<string, AttributeValue> = {};
    keys.forEach((k, c) => {
      properties[k] = (row[c] ?? '').trim();
    });
    const where: Record<string, string | number> = { row: i + 2 + lineOffset };
    const p = num(row, a);
    const q = num(row, b);
    let coordinates: number[];
    if (p === null || q === null) {
      const c = p === null ? a : b;
      where['column'] = keys[c]!;
      where['value'] = (row[c] ?? '').trim();
      coordinates = [p ?? Number.NaN, q ?? Number.NaN];
    } else if (crs.kind === 'vn2000') {
      coordinates = planeToLonLat(crs.zone, p, q, nFirst);
    } else {
      coordinates = lonFirst ? [p, q] : [q, p];
    }
    const name = nameCol >= 0 ? (row[nameCol] ?? '').trim() || null : null;
    raw.push({ index: i, name, geometry: { type: 'Point', coordinates }, properties, where });
  });
  const { features, problems } = validateFeatures(raw, { crs, onProgress: options.onProgress });
  return { format: 'csv', layerName: baseName(fileName), crs, features, problems };
}
