// GeoJSON: a FeatureCollection, one Feature, a bare geometry, or (leniently) an array of Features.
// Coordinates in metres (both numbers over 180) are VN-2000 TM-3 and are converted with the 7-parameter
// shift; the zone comes from the user's answer, else a `crs` member naming a TM-3 zone, else the
// region's default. The magnitude decides, not the `crs` member: a file whose `crs` says
// "projected" but whose numbers are degrees is read as degrees (GeoJSON since RFC 7946 is WGS84).
import { attributes, baseName, pickName } from './fields';
import { jsonErrorOffset } from './jsonLocate';
import {
  firstFinitePosition,
  looksProjected,
  northingFirst,
  reprojectGeometry,
  vn2000Crs,
  zoneFromCrsName,
} from './reproject';
import { ImportFileError, type ImportOptions, type ImportResult, type SourceCrs } from './types';
import { validateFeatures, type RawFeature } from './validateFeatures';

/** GeoJSON's geometry type names (RFC 7946 §3.1). */
export const GEOMETRY_TYPES: ReadonlySet<string> = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line and column (1-based) of a character offset, for a message a person can act on. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * Python's json module (and pandas, GDAL scripts) write NaN, Infinity and -Infinity, which JSON does
 * not allow. The text with those words, outside strings, turned into null, or null when it has none:
 * read that way, only the features holding them are refused, not the whole file.
 */
export function nonFiniteAsNull(text: string): string | null {
  let out = '';
  let from = 0;
  let inString = false;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    const m = /^(-?Infinity|NaN)(?![\w$])/.exec(text.slice(i, i + 10));
    if (m && !/[\w$.]/.test(text[i - 1] ?? ' ')) {
      out += `${text.slice(from, i)}null`;
      i += m[0].length - 1;
      from = i + 1;
      found = true;
    }
  }
  return found ? out + text.slice(from) : null;
}

/** JSON.parse with a file error saying where the text stops being JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const lenient = nonFiniteAsNull(text);
    if (lenient !== null) {
      try {
        return JSON.parse(lenient);
      } catch {
        // not only NaN: report the original text's error below
      }
    }
    const at = jsonErrorOffset(text);
    if (at < 0) throw new ImportFileError('not-json', { reason: 'syntax' });
    // A file cut short (an interrupted download or copy) fails at its very end.
    if (at >= text.trimEnd().length) {
      throw new ImportFileError('not-json', { ...lineColumn(text, text.trimEnd().length), reason: 'truncated' });
    }
    throw new ImportFileError('not-json', { ...lineColumn(text, at), reason: 'syntax' });
  }
}

/** The file's members as features, or a file error saying what the JSON is instead. */
function membersOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) {
    if (doc.length > 0 && doc.every((m) => isObject(m) && m['type'] === 'Feature')) return doc;
    throw new ImportFileError('not-geojson', { found: doc.length === 0 ? 'empty array' : 'array' });
  }
  if (!isObject(doc)) throw new ImportFileError('not-geojson', { found: doc === null ? 'null' : typeof doc });
  const type = doc['type'];
  if (type === 'FeatureCollection') {
    const fs = doc['features'];
    if (!Array.isArray(fs)) throw new ImportFileError('not-geojson', { found: 'FeatureCollection without features' });
    return fs;
  }
  if (type === 'Feature') return [doc];
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return [{ type: 'Feature', geometry: doc, properties: {} }];
  const keys = Object.keys(doc).slice(0, 6).join(', ');
  throw new ImportFileError('not-geojson', { found: typeof type === 'string' ? `type "${type}"` : `{ ${keys} }` });
}

function crsName(doc: unknown): string | null {
  if (!isObject(doc) || !isObject(doc['crs'])) return null;
  const props = doc['crs']['properties'];
  if (isObject(props) && typeof props['name'] === 'string') return props['name'];
  return null;
}

function geometryOf(member: unknown): unknown {
  if (!isObject(member)) return null;
  if (member['type'] === 'Feature') return member['geometry'];
  if (typeof member['type'] === 'string' && GEOMETRY_TYPES.has(member['type'])) return member;
  return member['geometry'] ?? null;
}

function sampleOf(geometries: unknown[]): [number, number] | null {
  for (const g of geometries) {
    if (!isObject(g)) continue;
    const p =
      g['type'] === 'GeometryCollection' && Array.isArray(g['geometries'])
        ? sampleOf(g['geometries'])
        : firstFinitePosition(g['coordinates']);
    if (p) return p;
  }
  return null;
}

/** Reads GeoJSON text. Throws ImportFileError for text that is not JSON, not GeoJSON, or holds no feature. */
export function importGeoJson(fileName: string, text: string, options: ImportOptions): ImportResult {
  const doc = parseJson(text);
  const members = membersOf(doc);
  if (members.length === 0) throw new ImportFileError('no-features', {});
  const geometries = members.map(geometryOf);
  const sample = sampleOf(geometries);
  let crs: SourceCrs = { kind: 'wgs84' };
  let nFirst = false;
  if (sample && looksProjected(sample[0], sample[1])) {
    const named = crsName(doc);
    crs = vn2000Crs(options, named ? zoneFromCrsName(named) : null);
    nFirst = northingFirst(sample);
  }
  const raw: RawFeature[] = members.map((m, index) => {
    const props = attributes(isObject(m) ? m['properties'] : null);
    const g = geometries[index];
    const id = isObject(m) && (typeof m['id'] === 'string' || typeof m['id'] === 'number') ? m['id'] : null;
    return {
      index,
      name: pickName(props),
      id,
      geometry: crs.kind === 'vn2000' ? reprojectGeometry(g, crs.zone, nFirst) : g,
      properties: props,
    };
  });
  const { features, problems } = validateFeatures(raw, { crs, onProgress: options.onProgress });
  const docName = isObject(doc) && typeof doc['name'] === 'string' && doc['name'].trim() ? doc['name'].trim() : null;
  return { format: 'geojson', layerName: docName ?? baseName(fileName), crs, features, problems };
}
