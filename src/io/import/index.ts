// One entry point for every planner's file: refuse what is too big before reading, tell the format
// from the content first and the extension second (a .json that is really KML, a .txt that is a
// CSV export, a .zip that is a KMZ are all still read), then hand the bytes to the right importer.
//
// The Shapefile and DXF importers are loaded on demand: shpjs and dxf-parser are only fetched by
// a browser when a planner actually opens such a file.
import { decodeText, isShp, isZip, looksLikeText, xmlDeclaredEncoding } from './bytes';
import { importCsv } from './csv';
import { extensionOf } from './fields';
import { importGeoJson } from './geojson';
import { importKml, importKmz, kmlEntryOf, zipEntries, type XmlOptions } from './kml';
import {
  DEFAULT_MAX_BYTES,
  ImportFileError,
  type FileErrorCode,
  type ImportOptions,
  type ImportResult,
} from './types';

export type ImportFileOptions = ImportOptions & XmlOptions;

export type { XmlOptions } from './kml';

/**
 * Refuses a file by its size alone, before anything is read: over `maxBytes` (default 200 MB) →
 * 'too-large'; 0 bytes → 'empty-file'. The UI can call it with `File.size`.
 */
export function checkSize(size: number, options: ImportOptions, fileName?: string): void {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const file: Record<string, string> = fileName !== undefined ? { file: fileName } : {};
  if (size > max) throw new ImportFileError('too-large', { ...file, bytes: size, max });
  if (size === 0) throw new ImportFileError('empty-file', file);
}

const ZIP_EXTS = new Set(['zip', 'kmz', 'shz']);
const JSON_EXTS = new Set(['json', 'geojson']);
const CSV_EXTS = new Set(['csv', 'tsv', 'txt', 'tab']);

/** An ASCII DXF starts with the group code 0 and SECTION (blank lines and spaces allowed). */
function looksLikeDxf(text: string): boolean {
  return /^\s*0\s*\r?\n\s*SECTION\s*(\r?\n|$)/.test(text.slice(0, 200));
}

/** The first character that is not white space. */
function firstChar(text: string): string {
  return /\S/.exec(text.slice(0, 4096))?.[0] ?? '';
}

async function importZip(name: string, bytes: Uint8Array, ext: string, options: ImportFileOptions): Promise<ImportResult> {
  const entries = zipEntries(bytes);
  const kml = kmlEntryOf(entries);
  const hasShp = entries.some((e) => /\.shp$/i.test(e.name) && !/(^|\/)__MACOSX\//.test(e.name));
  if (kml && (ext === 'kmz' || !hasShp)) return importKmz(name, bytes, options);
  if (hasShp) {
    const { importShapefile } = await import('./shapefile');
    return importShapefile(name, bytes, options);
  }
  const shown = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
  const detail = { files: shown.length, names: shown.slice(0, 8).join(', ') };
  throw new ImportFileError(ext === 'kmz' ? 'kmz-without-kml' : 'zip-without-shp', detail);
}

/** Tries a reader on content whose format is only guessed; its file errors mean "not this format". */
function orUnknown(read: () => ImportResult, codes: FileErrorCode[]): ImportResult {
  try {
    return read();
  } catch (e) {
    if (e instanceof ImportFileError && codes.includes(e.code)) throw new ImportFileError('unknown-format', {});
    throw e;
  }
}

async function dispatch(name: string, bytes: Uint8Array, options: ImportFileOptions): Promise<ImportResult> {
  const ext = extensionOf(name);
  if (isZip(bytes)) return importZip(name, bytes, ext, options);
  if (isShp(bytes) || ext === 'shp') {
    // A lone .shp: its .dbf and .prj were not picked with it; the Shapefile importer says so.
    const { importShapefileFiles } = await import('./shapefile');
    return importShapefileFiles(name, { [name]: bytes }, options);
  }
  const text = decodeText(bytes, xmlDeclaredEncoding(bytes));
  if (!looksLikeText(text)) {
    if (ZIP_EXTS.has(ext)) throw new ImportFileError('bad-zip', {});
    if (JSON_EXTS.has(ext)) throw new ImportFileError('not-json', { reason: 'binary' });
    if (ext === 'kml') throw new ImportFileError('not-xml', {});
    if (ext === 'dxf') return (await import('./dxf')).importDxf(name, bytes, options);
    throw new ImportFileError('unknown-format', {});
  }
  if (looksLikeDxf(text)) return (await import('./dxf')).importDxf(name, bytes, options);
  const first = firstChar(text);
  if (first === '{' || first === '[') {
    return JSON_EXTS.has(ext) ? importGeoJson(name, text, options) : orUnknown(() => importGeoJson(name, text, options), ['not-json', 'not-geojson']);
  }
  if (first === '<') {
    return ext === 'kml' || ext === 'kmz' ? importKml(name, bytes, options) : orUnknown(() => importKml(name, bytes, options), ['not-xml', 'not-kml']);
  }
  if (ZIP_EXTS.has(ext)) throw new ImportFileError('bad-zip', {});
  if (ext === 'dxf') return (await import('./dxf')).importDxf(name, bytes, options);
  if (CSV_EXTS.has(ext)) return importCsv(name, bytes, options);
  // Text under a .json, .kml or unknown name: a CSV of points is still read; anything else gets the
  // error its extension calls for ("not JSON", "not XML") or, without a known extension, "unknown".
  try {
    return importCsv(name, bytes, options);
  } catch (e) {
    if (!(e instanceof ImportFileError) || (e.code !== 'csv-no-coordinates' && e.code !== 'csv-empty')) throw e;
  }
  if (JSON_EXTS.has(ext)) return importGeoJson(name, text, options);
  if (ext === 'kml') return importKml(name, bytes, options);
  throw new ImportFileError('unknown-format', {});
}

/**
 * Reads a planner's file: GeoJSON, KML, KMZ, zipped Shapefile, DXF or CSV, told apart by content
 * and extension. Throws ImportFileError (with the file's name in its detail, for the message) for a
 * file that cannot be read at all; otherwise returns the features that passed validation and the
 * problems of those that did not.
 */
export async function importFile(name: string, bytes: Uint8Array, options: ImportFileOptions): Promise<ImportResult> {
  try {
    checkSize(bytes.length, options);
    return await dispatch(name, bytes, options);
  } catch (e) {
    if (e instanceof ImportFileError) throw new ImportFileError(e.code, { file: name, ...e.detail });
    throw e;
  }
}

export * from './types';
export { fileErrorMessage, featureProblemMessage, crsMessage, textEncodingMessage } from './messages';
