// Zipped Shapefiles, as surveyors hand them to planners: one or more layers (.shp + .dbf, with a
// .prj and often a .cpg), usually in VN-2000 TM-3 metres, attribute text in UTF-8 or Windows-1258.
//
// shpjs reads the geometry (parseShp) and the attributes (parseDbf), but is never given the .prj:
// its own reprojection would trust the .prj, which for VN-2000 lacks the datum shift and lands
// ~220 m off. The .prj is read by ./prj and every VN-2000 position goes through analytics/vn2000.
//
// Decisions:
// - Several layers in one zip are merged into one result, in path order; each feature then gets a
//   `layer` property (the .shp path without extension) and record indices run on across layers.
//   A planner's zip of "ranh giới", "lô đất", "giao thông" is one delivery; loading it whole is
//   what they expect. Each layer is reprojected through its own .prj; the result's `crs` is the
//   first layer's.
// - DBF text: the code page the .cpg names ("UTF-8", "1258", "ANSI 1258", "CP1258"…); without a
//   usable .cpg, UTF-8 if the bytes are valid UTF-8, else Windows-1258 (the Vietnamese ANSI page).
//   Which one was used is reported in `textEncoding`. Legacy TCVN3/VNI fonts cannot be told apart
//   from Windows-1258 by the bytes and come out garbled: the planner sees it in the names.
// - Any unreadable part refuses the whole file (one message): a half-loaded delivery is worse.
import { unzipSync } from 'fflate';
import { parseDbf } from 'shpjs';
import { baseName, pickName } from './fields';
import { crsFromPrjText, guessCrs, toWgs84 } from './prj';
import { boxOf, countPoints, readShp, toGeoJson } from './shp';
import {
  DEFAULT_MAX_BYTES,
  ImportFileError,
  type AttributeValue,
  type FeatureProblem,
  type ImportOptions,
  type ImportResult,
  type SourceCrs,
  type TextEncodingNote,
} from './types';
import { validateFeatures, type RawFeature } from './validateFeatures';

/** The parts of a Shapefile set that are read; everything else in the zip is ignored. */
const WANTED = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg']);

/**
 * Reads a zipped Shapefile (bytes of the .zip). Throws ImportFileError for a file that cannot be
 * read at all: 'empty-file', 'too-large', 'bad-zip', 'zip-without-shp', 'shp-without-dbf',
 * 'bad-shp', 'bad-dbf', 'unknown-prj', 'no-features'.
 */
export async function importShapefile(name: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ImportFileError('empty-file');
  if (bytes.length > max) throw new ImportFileError('too-large', { bytes: bytes.length, max });
  return importShapefileFiles(name, unzip(bytes, max), options);
}

function unzip(bytes: Uint8Array, max: number): Record<string, Uint8Array> {
  // "PK\x03\x04" (a local file) or "PK\x05\x06" (the end record of an empty zip)
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportFileError('bad-zip');
  let total = 0;
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!WANTED.has(extension(f.name)) || ignoredPath(f.name)) return false;
        // A zip bomb announces its size here, before anything is inflated.
        total += f.originalSize;
        if (total > max) throw new ImportFileError('too-large', { bytes: total, max });
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('bad-zip', { reason: e instanceof Error ? e.message : String(e) });
  }
  if (!Object.keys(files).some((p) => extension(p) === 'shp')) {
    const shown = names.filter((n) => !n.endsWith('/'));
    throw new ImportFileError('zip-without-shp', { files: shown.length, names: shown.slice(0, 8).join(', ') });
  }
  return files;
}

/** macOS resource forks (__MACOSX/…, ._x.shp) and folders are not layers. */
function ignoredPath(path: string): boolean {
  return path.endsWith('/') || path.split('/').some((p) => p === '__MACOSX' || p.startsWith('._'));
}

function extension(path: string): string {
  const last = path.split('/').pop() ?? path;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

const stem = (path: string) => path.slice(0, path.length - extension(path).length - 1);

interface Layer {
  /** the .shp path without extension: "ranh_gioi/KCN" */
  name: string;
  shp: Uint8Array;
  dbf: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

/**
 * The same as `importShapefile`, from the parts already apart (a zip's entries, or the files a
 * planner picked together): paths to bytes, .shp/.dbf/.prj/.cpg matched by name, any case.
 */
export async function importShapefileFiles(
  name: string,
  files: Record<string, Uint8Array>,
  options: ImportOptions,
): Promise<ImportResult> {
  const layers = findLayers(files);
  const multi = layers.length > 1;
  const raw: RawFeature[] = [];
  const lost: FeatureProblem[] = [];
  let crs: SourceCrs | null = null;
  let encoding: (TextEncodingNote & { rank: number }) | null = null;
  let index = 0;

  for (const layer of layers) {
    const records = readShp(layer);
    const dbf = readDbf(layer, records.length);
    const layerCrs = layer.prj ? crsFromPrjText(decodeText(layer.prj)) : guessCrs(boxOf(records), options);
    crs ??= layerCrs;
    // Report the least certain decoding of all layers: a guess is what the planner should check.
    const rank = { declared: 0, detected: 1, fallback: 2 }[dbf.encoding.from];
    if (!encoding || rank > encoding.rank) encoding = { ...dbf.encoding, rank, ...(multi ? { layer: layer.name } : {}) };
    const project = toWgs84(layerCrs);

    records.forEach((rec, i) => {
      const properties = dbf.rows[i] ?? {};
      if (multi) properties[properties['layer'] === undefined ? 'layer' : '_layer'] = layer.name;
      const featureName = pickName(properties);
      const where = multi ? { layer: layer.name, record: i + 1 } : undefined;
      const geometry = rec.geometry ? toGeoJson(rec.geometry, project) : null;
      if (rec.geometry && rec.points > 0 && countPoints(rec.geometry) < rec.points) {
        // shpjs drops a hole that lies in no outer ring; the area would be wrong without it.
        lost.push({
          index,
          name: featureName,
          code: 'hole-outside',
          severity: 'error',
          detail: { ...where, points: rec.points, read: countPoints(rec.geometry) },
        });
      } else {
        raw.push({ index, name: featureName, geometry, properties, ...(where ? { where } : {}) });
      }
      index++;
    });
  }

  if (index === 0) throw new ImportFileError('no-features', { layers: layers.length });
  const sourceCrs: SourceCrs = crs ?? { kind: 'wgs84' };
  const { features, problems } = validateFeatures(raw, { crs: sourceCrs, onProgress: options.onProgress });
  const result: ImportResult = {
    format: 'shapefile',
    layerName: baseName(name),
    crs: sourceCrs,
    features,
    problems: [...lost, ...problems].sort((a, b) => a.index - b.index),
  };
  if (encoding) {
    const { rank: _rank, ...note } = encoding;
    result.textEncoding = note;
  }
  return result;
}

function findLayers(files: Record<string, Uint8Array>): Layer[] {
  const byStem = new Map<string, Partial<Record<string, Uint8Array>> & { path?: string }>();
  for (const [path, data] of Object.entries(files)) {
    const ext = extension(path);
    if (!WANTED.has(ext) || ignoredPath(path)) continue;
    const key = stem(path).toLowerCase();
    const entry = byStem.get(key) ?? {};
    entry[ext] = data;
    if (ext === 'shp') entry.path = stem(path);
    byStem.set(key, entry);
  }
  const layers: Layer[] = [];
  for (const entry of [...byStem.values()].sort((a, b) => (a.path ?? '').localeCompare(b.path ?? ''))) {
    if (!entry['shp'] || entry.path === undefined) continue;
    if (!entry['dbf']) throw new ImportFileError('shp-without-dbf', { layer: entry.path });
    layers.push({
      name: entry.path,
      shp: entry['shp'],
      dbf: entry['dbf'],
      ...(entry['prj'] ? { prj: entry['prj'] } : {}),
      ...(entry['cpg'] ? { cpg: entry['cpg'] } : {}),
    });
  }
  if (layers.length === 0) {
    throw new ImportFileError('zip-without-shp', { files: Object.keys(files).length, names: Object.keys(files).slice(0, 8).join(', ') });
  }
  return layers;
}

/** .prj and .cpg are ASCII in practice; UTF-8 covers that and a stray BOM. */
function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

// ---- .dbf ----

interface DbfRead {
  rows: Array<Record<string, AttributeValue>>;
  encoding: TextEncodingNote;
}

function readDbf(layer: Layer, shpRecords: number): DbfRead {
  const b = layer.dbf;
  const bad = (reason: string, more: Record<string, string | number> = {}) =>
    new ImportFileError('bad-dbf', { layer: layer.name, reason, ...more });
  if (b.length < 33) throw bad('short-header', { bytes: b.length });
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const records = view.getUint32(4, true);
  const headerLen = view.getUint16(8, true);
  const recLen = view.getUint16(10, true);
  if (headerLen < 33 || recLen < 1 || headerLen > b.length) throw bad('header');
  if (headerLen + records * recLen > b.length) {
    throw bad('truncated', { records, complete: Math.max(0, Math.floor((b.length - headerLen) / recLen)) });
  }
  if (records !== shpRecords) throw bad('record-count', { dbfRecords: records, shpRecords });

  const encoding = dbfEncoding(layer, dbfText(b, headerLen, records * recLen));
  let rows: ReturnType<typeof parseDbf>;
  try {
    rows = parseDbf(b, encoding.label);
  } catch (e) {
    throw bad('unreadable', { message: e instanceof Error ? e.message : String(e) });
  }
  return { rows: rows.map(cleanRow), encoding };
}

/** A .cpg's text as a TextDecoder label, or null when it names nothing TextDecoder knows. */
export function cpgLabel(cpg: string): string | null {
  const t = cpg.trim().toUpperCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  if (t === 'UTF-8' || t === 'UTF8' || t === '65001') return 'utf-8';
  const page = /^(?:ANSI ?|CP ?|WINDOWS-?|WIN)?(\d{3,5})$/.exec(t);
  const iso = /^(?:ISO)?[-_ ]?8859[-_ ]?(\d{1,2})$/.exec(t) ?? /^8859(\d)$/.exec(t);
  const candidates = page
    ? [`windows-${page[1]}`, `cp${page[1]}`, `ibm${page[1]}`]
    : iso
      ? [`iso-8859-${iso[1]}`]
      : [t.toLowerCase()];
  for (const label of candidates) {
    try {
      return new TextDecoder(label).encoding;
    } catch {
      // not a label TextDecoder knows; try the next spelling
    }
  }
  return null;
}

/**
 * The bytes of a table that are text: the field names and the records. (The field descriptors'
 * binary parts, such as a length of 200 = 0xC8, are not UTF-8 and must not count against it.)
 */
function dbfText(b: Uint8Array, headerLen: number, recordBytes: number): Uint8Array {
  const names: number[] = [];
  for (let o = 32; o + 32 <= headerLen && b[o] !== 0x0d; o += 32) {
    for (let k = 0; k < 11 && b[o + k] !== 0; k++) names.push(b[o + k] as number);
    names.push(0x20);
  }
  const out = new Uint8Array(names.length + recordBytes);
  out.set(names);
  out.set(b.subarray(headerLen, headerLen + recordBytes), names.length);
  return out;
}

function dbfEncoding(layer: Layer, text: Uint8Array): TextEncodingNote {
  const declared = layer.cpg ? cpgLabel(decodeText(layer.cpg)) : null;
  if (declared) return { label: declared, from: 'declared' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(text);
    return { label: 'utf-8', from: 'detected' };
  } catch {
    return { label: 'windows-1258', from: 'fallback' };
  }
}

/**
 * parsedbf's values as attributes: text NFC-normalised (Windows-1258 decodes to base letters plus
 * combining tone marks) and blank text as null; numbers that did not parse (blank, "*****") as
 * null; dates as YYYY-MM-DD.
 */
function cleanRow(row: Record<string, string | number | boolean | Date>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(row)) {
    const key = k.normalize('NFC');
    if (typeof v === 'string') out[key] = v.trim() === '' ? null : v.trim().normalize('NFC');
    else if (typeof v === 'number') out[key] = Number.isFinite(v) ? v : null;
    else if (typeof v === 'boolean') out[key] = v;
    else out[key] = Number.isNaN(v.getTime()) ? null : isoDate(v);
  }
  return out;
}

function isoDate(d: Date): string {
  // parsedbf builds the date in local time from the YYYYMMDD text: read it back the same way.
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1, 2)}-${p(d.getDate(), 2)}`;
}
