// `npm run area -- <file> [--zone 104.75] [--format text|json]`
//
// <file>: GeoJSON, or any file the app imports (zipped Shapefile, DXF, KML/KMZ, CSV).
//
// Prints the area of every polygon feature of a file by the three methods of DESIGN.md (WGS84
// ellipsoid — the headline; VN-2000 TM-3 plane — the cadastral method; Turf's sphere), with the
// totals. Features that are not polygons are listed as skipped; rings that cross themselves are
// flagged and kept out of the totals. Exits 1, with one message naming the file, when the input
// cannot be read.
//
// Thin on purpose: the measuring (`areaReport`) and the geometry checks live in src/analytics, so
// the app shows the same figures. GeoJSON is read here as it is, so that a bow-tie is measured and
// flagged rather than refused; every other format goes through the app's importers
// (src/io/import: the same reprojection with the VN-2000 datum shift, the same validation), and
// the features they refuse are listed with the importers' own messages.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
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
import { FORMAT_LABEL } from '../src/io/import/types';
import { GEOMETRY_TYPES, isObject } from '../src/io/import/geojson';
import {
  crsMessage,
  featureProblemMessage,
  fileErrorMessage,
  ImportFileError,
  importFile,
  textEncodingMessage,
  type FeatureProblem,
  type ImportResult,
  type SourceCrs,
} from '../src/io/import';

/** A problem with the input; the message is for the user, in Vietnamese, and names the file. */
class InputError extends Error {}

/** What a file gave: its features, and for imported formats what the importer said. */
interface Read {
  features: LooseFeature[];
  /** `repaired`: the positions in `features` of polygons that crossed themselves, measured on their repaired shape */
  imported?: Pick<ImportResult, 'format' | 'crs' | 'problems' | 'textEncoding'> & { repaired?: number[] };
}

/** Reads one file into features (geometry and properties as found). Throws InputError. */
type Reader = (path: string, args: Args) => Read | Promise<Read>;

/** The features of a parsed GeoJSON value (FeatureCollection, Feature or bare geometry), or null. */
function geojsonFeatures(json: unknown): LooseFeature[] | null {
  if (!isObject(json)) return null;
  if (json['type'] === 'FeatureCollection' && Array.isArray(json['features'])) {
    return json['features'].map((f): LooseFeature => (isObject(f) ? f : {}));
  }
  if (json['type'] === 'Feature' && 'geometry' in json) return [json];
  if (typeof json['type'] === 'string' && GEOMETRY_TYPES.has(json['type'])) return [{ geometry: json }];
  return null;
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`Lỗi: không tìm thấy tệp "${path}".`);
    if (code === 'EISDIR') throw new InputError(`Lỗi: "${path}" là thư mục, không phải tệp.`);
    throw new InputError(`Lỗi: không đọc được tệp "${path}" (${code ?? String(e)}).`);
  }
}

function readText(path: string): string {
  return readBytes(path).toString('utf8').replace(/^\uFEFF/, '');
}

/** The old-style `crs` member's name (GeoJSON 2008), or null when the file has none. */
function declaredCrs(json: unknown): string | null {
  if (!isObject(json) || !isObject(json['crs'])) return null;
  const props = json['crs']['properties'];
  return isObject(props) && typeof props['name'] === 'string' ? props['name'] : null;
}

/** Whether some coordinate lies outside degrees; walked without recursion (files may nest 100,000 deep). */
function outOfDegrees(features: readonly LooseFeature[]): boolean {
  const stack: unknown[] = features.map((f) => (isObject(f.geometry) ? f.geometry['coordinates'] : null));
  while (stack.length > 0) {
    const v = stack.pop();
    if (!Array.isArray(v)) continue;
    if (typeof v[0] === 'number' && typeof v[1] === 'number') {
      if (Math.abs(v[0]) > 180 || Math.abs(v[1]) > 90) return true;
    } else for (const x of v) stack.push(x);
  }
  return false;
}

const readGeoJson: Reader = (path) => {
  const text = readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`Lỗi: tệp "${path}" không phải JSON hợp lệ (${(e as Error).message}).`);
  }
  const crs = declaredCrs(json);
  if (crs !== null && !/(CRS84|EPSG:+4326)$/i.test(crs)) {
    throw new InputError(`Lỗi: tệp "${path}" khai báo hệ tọa độ ${crs}; lệnh chỉ đọc GeoJSON theo WGS84 (kinh độ, vĩ độ). Hãy xuất lại tệp theo WGS84.`);
  }
  const features = geojsonFeatures(json);
  if (features && outOfDegrees(features)) {
    throw new InputError(`Lỗi: tệp "${path}" có tọa độ ngoài kinh độ ±180°, vĩ độ ±90°: không phải WGS84 (có thể là mét VN-2000). Hãy xuất lại tệp theo WGS84.`);
  }
  if (!features) {
    throw new InputError(
      `Lỗi: tệp "${path}" không phải GeoJSON (cần FeatureCollection, Feature hoặc một đối tượng hình học).`,
    );
  }
  return { features };
};

/**
 * Any other format, through the app's importers. A file with no zone of its own is VN-2000 in the
 * --zone given, else Lào Cai's 104°45′ (and the output says which was used).
 */
const readImported: Reader = async (path, args) => {
  const bytes = new Uint8Array(readBytes(path));
  const parseXml = (text: string) => new DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
  let r: ImportResult;
  try {
    r = await importFile(path, bytes, {
      defaultZone: args.zone,
      ...(args.zoneGiven ? { zone: args.zone } : {}),
      parseXml,
    });
  } catch (e) {
    if (e instanceof ImportFileError) throw new InputError(`Lỗi: ${fileErrorMessage(e, 'vi')}`);
    throw e;
  }
  const features = r.features.map(
    (f): LooseFeature => ({
      geometry: f.geometry,
      // the importer's name (TEN_KCN, Tên…) as the `name` the report looks for
      properties: f.name !== null ? { ...f.properties, name: f.name } : f.properties,
      // a drawing's outlines have no names: label them by layer and handle, as CAD shows them
      ...(r.format === 'dxf' ? { id: `${String(f.properties['layer'])} #${String(f.properties['handle'])}` } : {}),
    }),
  );
  return {
    features,
    imported: {
      format: r.format,
      crs: r.crs,
      problems: r.problems,
      ...(r.textEncoding ? { textEncoding: r.textEncoding } : {}),
      repaired: r.features.flatMap((f, i) => (f.repair ? [i] : [])),
    },
  };
};

/** Readers by file extension; anything else is tried as GeoJSON. */
const READERS: Record<string, Reader> = {
  '.geojson': readGeoJson,
  '.json': readGeoJson,
  '.zip': readImported,
  '.shp': readImported,
  '.dxf': readImported,
  '.kml': readImported,
  '.kmz': readImported,
  '.csv': readImported,
  '.tsv': readImported,
  '.txt': readImported,
};

async function readFeatures(args: Args): Promise<Read> {
  return (READERS[extname(args.file).toLowerCase()] ?? readGeoJson)(args.file, args);
}

// ---- arguments ----

const USAGE =
  'Cách dùng / usage: npm run area -- <tệp .geojson|.zip|.dxf|.kml|.kmz|.csv> [--zone 104.75] [--format text|json]';

interface Args {
  file: string;
  zone: number;
  /** --zone was given: it then wins over a zone the file does not state, and is the report's zone */
  zoneGiven: boolean;
  format: 'text' | 'json';
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | null = null;
  let zone: number = VN2000_ZONES.laoCai;
  let zoneGiven = false;
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
      zoneGiven = true;
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
  return { file, zone, zoneGiven, format };
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

function renderText(file: string, r: AreaReport, imported?: Read['imported']): string {
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

// ---- main ----

/**
 * The zone of the plane column: --zone when given, else the zone the imported file is in (its
 * .prj's, so the plane figures match the surveyor's), else Lào Cai's.
 */
function reportZone(args: Args, imported: Read['imported']): number {
  if (args.zoneGiven) return args.zone;
  return imported?.crs.kind === 'vn2000' ? imported.crs.zone : args.zone;
}

async function main(argv: readonly string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-')) ?? '';
  try {
    const args = parseArgs(argv);
    const { features, imported } = await readFeatures(args);
    const report = areaReport(features, reportZone(args, imported));
    if (args.format === 'json') {
      console.log(JSON.stringify({ file: args.file, ...report, ...(imported ? { import: imported } : {}) }, null, 2));
    } else console.log(renderText(args.file, report, imported));
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      console.error(e.message);
      return 1;
    }
    // Anything else is our failure, not the user's: one line saying so, never a stack trace
    // (a stack through a 100,000-deep file would fill the terminal and say nothing to a planner).
    const what = e instanceof RangeError ? 'tệp lồng nhau quá sâu hoặc quá lớn để xử lý' : e instanceof Error ? e.message : String(e);
    console.error(`Lỗi: không tính được diện tích cho tệp "${file}" (${what}).`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
