// `npm run area -- <file.geojson> [--zone 104.75] [--format text|json]`
//
// Prints the area of every polygon feature of a file by the three methods of DESIGN.md (WGS84
// ellipsoid — the headline; VN-2000 TM-3 plane — the cadastral method; Turf's sphere), with the
// totals. Features that are not polygons are listed as skipped; rings that cross themselves are
// flagged and kept out of the totals. Exits 1, with one message naming the file, when the input
// cannot be read.
//
// Thin on purpose: the measuring (`areaReport`) and the geometry checks live in src/analytics, so
// the app shows the same figures. Reading is one function per format (`READERS`), so KML or a
// Shapefile can be added by writing a reader that returns features.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  areaReport,
  type AreaReport,
  type LooseFeature,
  type MeasuredEntry,
  type SkippedEntry,
} from '../src/analytics/area';
import { describeProblem } from '../src/analytics/polygonCheck';
import { VN2000_ZONES } from '../src/analytics/vn2000';
import { formatNumber } from '../src/i18n/format';

/** A problem with the input; the message is for the user, in Vietnamese, and names the file. */
class InputError extends Error {}

/** Reads one file into features (geometry and properties as found). Throws InputError. */
type Reader = (path: string) => LooseFeature[];

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The features of a parsed GeoJSON value (FeatureCollection, Feature or bare geometry), or null. */
function geojsonFeatures(json: unknown): LooseFeature[] | null {
  if (!isRecord(json)) return null;
  if (json['type'] === 'FeatureCollection' && Array.isArray(json['features'])) {
    return json['features'].map((f): LooseFeature => (isRecord(f) ? f : {}));
  }
  if (json['type'] === 'Feature' && 'geometry' in json) return [json];
  if (typeof json['type'] === 'string' && GEOMETRY_TYPES.has(json['type'])) return [{ geometry: json }];
  return null;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`Lỗi: không tìm thấy tệp "${path}".`);
    if (code === 'EISDIR') throw new InputError(`Lỗi: "${path}" là thư mục, không phải tệp.`);
    throw new InputError(`Lỗi: không đọc được tệp "${path}" (${code ?? String(e)}).`);
  }
}

const readGeoJson: Reader = (path) => {
  const text = readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`Lỗi: tệp "${path}" không phải JSON hợp lệ (${(e as Error).message}).`);
  }
  const features = geojsonFeatures(json);
  if (!features) {
    throw new InputError(
      `Lỗi: tệp "${path}" không phải GeoJSON (cần FeatureCollection, Feature hoặc một đối tượng hình học).`,
    );
  }
  return features;
};

/** Readers by file extension; anything else is tried as GeoJSON. */
const READERS: Record<string, Reader> = { '.geojson': readGeoJson, '.json': readGeoJson };

function readFeatures(path: string): LooseFeature[] {
  return (READERS[extname(path).toLowerCase()] ?? readGeoJson)(path);
}

// ---- arguments ----

const USAGE = 'Cách dùng / usage: npm run area -- <tệp.geojson> [--zone 104.75] [--format text|json]';

interface Args {
  file: string;
  zone: number;
  format: 'text' | 'json';
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | null = null;
  let zone: number = VN2000_ZONES.laoCai;
  let format: Args['format'] = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    // --zone=104.75 as well as --zone 104.75
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new InputError(`Lỗi: thiếu giá trị sau ${flag}. ${USAGE}`);
      return v;
    };
    if (flag === '--zone') {
      const v = value();
      zone = Number(v.replace(',', '.')); // 104,75 as a Vietnamese would write it
      if (v.trim() === '' || !Number.isFinite(zone) || zone < 102 || zone > 110) {
        throw new InputError(
          `Lỗi: múi chiếu "${v}" không hợp lệ: cần kinh tuyến trục từ 102 đến 110, ví dụ 104.75.`,
        );
      }
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') {
        throw new InputError(`Lỗi: định dạng "${v}" không hợp lệ: dùng text hoặc json.`);
      }
      format = v;
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag.startsWith('-')) {
      throw new InputError(`Lỗi: không hiểu tuỳ chọn "${arg}". ${USAGE}`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new InputError(`Lỗi: chỉ nhận một tệp, nhưng có thêm "${arg}". ${USAGE}`);
    }
  }
  if (file === null) throw new InputError(`Lỗi: chưa chỉ định tệp. ${USAGE}`);
  return { file, zone, format };
}

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
      return `toạ độ ${s.geometryType} sai cấu trúc / malformed ${s.geometryType} coordinates`;
    case 'not-lonlat': {
      const p = s.problems.find((x) => x.kind === 'not-lonlat');
      if (!p) return 'toạ độ không hợp lệ / bad coordinates';
      return `${describeProblem(p, 'vi')} / ${describeProblem(p, 'en')}`;
    }
  }
}

function renderText(file: string, r: AreaReport): string {
  const out: string[] = [];
  out.push('Diện tích theo ba phương pháp / Areas by three methods');
  out.push(`Tệp / File: ${file}`);
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
    m.reliable
      ? m.problems.length > 0
        ? 'vòng chưa khép, đã tự khép / ring closed for you'
        : ''
      : '⚠ hình học lỗi, không cộng vào tổng / invalid geometry, not in totals',
  ]);
  const totalLabel = `Tổng / Total (${r.totals.count} vùng / polygons)`;
  const totalRow = ['', totalLabel, ha(r.totals.ellipsoidalHa), ha(r.totals.vn2000Ha), ha(r.totals.turfHa), ''];
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
  out.push('');
  out.push('Elipxoit WGS84: diện tích chính (GeographicLib) / headline figure.');
  out.push('VN-2000 phẳng: cách tính của hồ sơ địa chính / cadastral method.');
  out.push('Turf: mặt cầu, để so sánh (cao hơn khoảng 0,25% ở vĩ độ 22°) / spherical, for comparison.');
  return out.join('\n');
}

// ---- main ----

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    const report = areaReport(readFeatures(args.file), args.zone);
    if (args.format === 'json') console.log(JSON.stringify({ file: args.file, ...report }, null, 2));
    else console.log(renderText(args.file, report));
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    console.error(e.message);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
