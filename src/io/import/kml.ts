// KML and KMZ, as provincial portals and Google Earth write them.
//
// @tmcw/togeojson reads the attributes (name, description, ExtendedData <Data> and
// <SchemaData><SimpleData>, with SimpleField types). The geometry is read here from the same
// Placemark elements, because togeojson mends files silently: it closes open rings, drops rings of
// fewer than four positions and drops coordinates that are not numbers, and a planner must be told
// about those instead. Both walk the document's Placemark elements in document order, so the n-th
// feature of one is the n-th of the other.
//
// Descriptions holding HTML (portals publish attribute tables that way) become text properties; the
// HTML itself is never kept. KML is WGS84 by definition, so there is no reprojection.
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { unzipSync } from 'fflate';
import { decodeText, xmlDeclaredEncoding } from './bytes';
import { attributeValue, baseName, pickName } from './fields';
import { htmlFields, looksLikeHtml } from './htmlTable';
import {
  DEFAULT_MAX_BYTES,
  ImportFileError,
  type AttributeValue,
  type ImportOptions,
  type ImportResult,
} from './types';
import { validateFeatures, type RawFeature } from './validateFeatures';

/** Parses XML text into a DOM Document; may throw, or return a document holding <parsererror>. */
export type XmlParser = (text: string) => Document;

export interface XmlOptions {
  /**
   * The XML parser. Defaults to the browser's DOMParser; in Node (tests, scripts) pass one, e.g.
   * @xmldom/xmldom's, so that src/ does not depend on it.
   */
  parseXml?: XmlParser;
}

/** The browser's DOMParser as an XmlParser, or null where there is none (Node). */
export function browserXmlParser(): XmlParser | null {
  const P = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (!P) return null;
  return (text) => new P().parseFromString(text, 'application/xml');
}

// togeojson's style and bookkeeping keys: not the file's attributes.
const STYLE_KEYS = new Set([
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'marker-color',
  'icon',
  'icon-scale',
  'icon-color',
  'icon-opacity',
  'icon-heading',
  'icon-offset',
  'icon-offset-units',
  'label-scale',
  'label-color',
  'label-opacity',
  'coordinateProperties',
  'visibility',
  'open',
]);

const GEOMETRY_TAGS = new Set(['Point', 'LineString', 'LinearRing', 'Polygon', 'MultiGeometry', 'Model', 'Track', 'MultiTrack']);

function localName(n: Node): string {
  const el = n as Element;
  return el.localName ?? el.nodeName.replace(/^.*:/, '');
}

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < el.childNodes.length; i++) {
    const c = el.childNodes.item(i);
    if (c && c.nodeType === 1) out.push(c as Element);
  }
  return out;
}

function childNamed(el: Element, name: string): Element | null {
  return elementChildren(el).find((c) => localName(c) === name) ?? null;
}

function descendants(el: Element | Document, name: string): Element[] {
  return Array.from(el.getElementsByTagName(name) as ArrayLike<Element>);
}

function strictNumber(s: string): number | null {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : null;
}

/**
 * "lon,lat[,alt] lon,lat …" → positions. A tuple whose parts are not numbers keeps its text so the
 * message can quote it; spaces after commas ("104.1, 22.3") are tolerated.
 */
export function parseKmlCoordinates(text: string): unknown[] {
  const t = text.trim().replace(/\s*,\s*/g, ',');
  if (t === '') return [];
  return t.split(/\s+/).map((tuple) => tuple.split(',').map((part) => strictNumber(part) ?? part));
}

function coordinatesOf(el: Element): unknown[] {
  const c = childNamed(el, 'coordinates') ?? descendants(el, 'coordinates')[0] ?? null;
  return c ? parseKmlCoordinates(c.textContent ?? '') : [];
}

function ringOf(boundary: Element | null): unknown[] | null {
  if (!boundary) return null;
  const ring = childNamed(boundary, 'LinearRing') ?? descendants(boundary, 'LinearRing')[0] ?? null;
  return ring ? coordinatesOf(ring) : [];
}

/** One KML geometry element → a GeoJSON-shaped object, exactly as written (nothing mended). */
function geometryOf(el: Element): Record<string, unknown>[] {
  switch (localName(el)) {
    case 'Point': {
      const cs = coordinatesOf(el);
      return [{ type: 'Point', coordinates: cs[0] ?? [] }];
    }
    case 'LineString':
    case 'LinearRing':
      return [{ type: 'LineString', coordinates: coordinatesOf(el) }];
    case 'Polygon': {
      const outer = ringOf(childNamed(el, 'outerBoundaryIs'));
      const holes = elementChildren(el)
        .filter((c) => localName(c) === 'innerBoundaryIs')
        .flatMap((b) => elementChildren(b).filter((r) => localName(r) === 'LinearRing'))
        .map(coordinatesOf);
      return [{ type: 'Polygon', coordinates: outer ? [outer, ...holes] : [] }];
    }
    case 'MultiGeometry':
      return elementChildren(el)
        .filter((c) => GEOMETRY_TAGS.has(localName(c)))
        .flatMap(geometryOf);
    default:
      return [{ type: localName(el) }];
  }
}

/** The geometries of a Placemark as one: a single one, a Multi* when all are alike, else a collection. */
function placemarkGeometry(pm: Element): unknown {
  const els = elementChildren(pm).filter((c) => GEOMETRY_TAGS.has(localName(c)));
  if (els.length === 0) return null;
  const parts = els.flatMap(geometryOf);
  if (parts.length === 1 && localName(els[0]!) !== 'MultiGeometry') return parts[0];
  if (parts.length === 0) return { type: 'GeometryCollection', geometries: [] };
  if (parts.length === 1) return parts[0];
  const types = new Set(parts.map((p) => p['type']));
  const only = types.size === 1 ? [...types][0] : null;
  if (only === 'Polygon') return { type: 'MultiPolygon', coordinates: parts.map((p) => p['coordinates']) };
  if (only === 'LineString') return { type: 'MultiLineString', coordinates: parts.map((p) => p['coordinates']) };
  if (only === 'Point') return { type: 'MultiPoint', coordinates: parts.map((p) => p['coordinates']) };
  return { type: 'GeometryCollection', geometries: parts };
}

/** The names of the Folders around an element, outermost first, joined with " / ". */
function folderPath(pm: Element): string | null {
  const names: string[] = [];
  for (let n = pm.parentNode; n && n.nodeType === 1; n = n.parentNode) {
    if (localName(n) === 'Folder') {
      const name = childNamed(n as Element, 'name')?.textContent?.trim();
      if (name) names.unshift(name);
    }
  }
  return names.length ? names.join(' / ') : null;
}

/** togeojson's description: plain text, or `{ '@type': 'html', value }` for a CDATA section. */
function descriptionText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string') {
    return (v as { value: string }).value;
  }
  return null;
}

/** A placemark's attributes as text properties, the HTML of its description read into fields. */
function placemarkProperties(raw: Record<string, unknown>, folder: string | null): Record<string, AttributeValue> {
  const props: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (STYLE_KEYS.has(k) || k === 'description') continue;
    props[k] = attributeValue(v);
  }
  const desc = descriptionText(raw['description']);
  if (desc !== null && desc.trim() !== '') {
    if (looksLikeHtml(desc)) {
      const { fields, text } = htmlFields(desc);
      for (const [k, v] of fields) if (k && !(k in props)) props[k] = v;
      if (text) props['description'] = text;
    } else {
      props['description'] = desc.trim();
    }
  }
  if (folder && !('folder' in props)) props['folder'] = folder;
  return props;
}

function parse(text: string, parseXml: XmlParser | undefined): Document {
  const parser = parseXml ?? browserXmlParser();
  if (!parser) throw new Error('importKml: no XML parser; pass options.parseXml (e.g. @xmldom/xmldom) outside a browser');
  let doc: Document;
  try {
    doc = parser(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const line = /line:?\s*(\d+)/i.exec(msg);
    throw new ImportFileError('not-xml', line ? { line: Number(line[1]) } : {});
  }
  const err = doc?.getElementsByTagName('parsererror')[0];
  if (!doc || !doc.documentElement || err) {
    const line = err ? /line:?\s*(\d+)/i.exec(err.textContent ?? '') : null;
    throw new ImportFileError('not-xml', line ? { line: Number(line[1]) } : {});
  }
  return doc;
}

/** Reads KML bytes (UTF-8 unless a BOM or the XML declaration says otherwise). */
export function importKml(fileName: string, bytes: Uint8Array, options: ImportOptions & XmlOptions): ImportResult {
  return readKml(fileName, decodeText(bytes, xmlDeclaredEncoding(bytes)), options, 'kml');
}

function readKml(
  fileName: string,
  text: string,
  options: ImportOptions & XmlOptions,
  format: 'kml' | 'kmz',
): ImportResult {
  const doc = parse(text, options.parseXml);
  const root = localName(doc.documentElement);
  if (root !== 'kml') throw new ImportFileError('not-kml', { root });
  const placemarks = descendants(doc, 'Placemark');
  if (placemarks.length === 0) throw new ImportFileError('no-features', {});
  const converted = kmlToGeoJson(doc).features;
  const raw: RawFeature[] = placemarks.map((pm, index) => {
    const props = placemarkProperties((converted[index]?.properties ?? {}) as Record<string, unknown>, folderPath(pm));
    const own = typeof props['name'] === 'string' && props['name'].trim() !== '' ? props['name'].trim() : null;
    const id = pm.getAttribute('id');
    return {
      index,
      name: own ?? pickName(props),
      id: id && id.trim() ? id : null,
      geometry: placemarkGeometry(pm),
      properties: props,
    };
  });
  const { features, problems } = validateFeatures(raw, { crs: { kind: 'wgs84' }, onProgress: options.onProgress });
  const document = elementChildren(doc.documentElement).find((c) => localName(c) === 'Document');
  const docName = document ? childNamed(document, 'name')?.textContent?.trim() : null;
  return { format, layerName: docName || baseName(fileName), crs: { kind: 'wgs84' }, features, problems };
}

/** Names of the entries of a zip, without inflating any. Throws 'bad-zip' for a damaged archive. */
export function zipEntries(bytes: Uint8Array): { name: string; size: number }[] {
  const names: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push({ name: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch {
    throw new ImportFileError('bad-zip', {});
  }
  return names;
}

/** One entry of a zip, inflated; refused when its unpacked size is over the limit. */
export function zipEntry(bytes: Uint8Array, name: string, size: number, maxBytes: number): Uint8Array {
  if (size > maxBytes) throw new ImportFileError('too-large', { bytes: size, max: maxBytes, entry: name });
  try {
    const out = unzipSync(bytes, { filter: (f) => f.name === name })[name];
    if (!out) throw new Error('missing');
    return out;
  } catch {
    throw new ImportFileError('bad-zip', { entry: name });
  }
}

/** The KML a KMZ holds: doc.kml at the top if there is one, else the first .kml (macOS resource forks skipped). */
export function kmlEntryOf(entries: { name: string; size: number }[]): { name: string; size: number } | null {
  const kmls = entries.filter((e) => /\.kml$/i.test(e.name) && !/(^|\/)__MACOSX\//.test(e.name));
  return kmls.find((e) => e.name.toLowerCase() === 'doc.kml') ?? kmls[0] ?? null;
}

/** Reads a KMZ (a zip holding a KML and perhaps images). */
export function importKmz(fileName: string, bytes: Uint8Array, options: ImportOptions & XmlOptions): ImportResult {
  const entries = zipEntries(bytes);
  const entry = kmlEntryOf(entries);
  if (!entry) {
    const shown = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
    throw new ImportFileError('kmz-without-kml', { files: shown.length, names: shown.slice(0, 8).join(', ') });
  }
  const inner = zipEntry(bytes, entry.name, entry.size, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return readKml(fileName, decodeText(inner, xmlDeclaredEncoding(inner)), options, 'kmz');
}
