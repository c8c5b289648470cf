// Turns a GeoJSON FeatureCollection (e.g. a commune's cadastral parcels) into the vector tiles of a
// PMTiles archive: checks the input, keeps the properties a map can show, cuts tiles with geojson-vt,
// encodes them as MVT with vt-pbf and gzips each. Pure apart from gzip: the CLI (scripts/tiles.ts)
// reads and writes the files.
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { tileIdToZxy, zxyToTileId } from 'pmtiles';
import { eachPosition } from '../basemap/geometry';
import { COMPRESSION, writeArchive, type TileInput } from './writeArchive';

export class TilingError extends Error {}

export interface TilingOptions {
  /** the layer name inside each tile, which the map's style names (region.json › parcelTiles.layer) */
  layer: string;
  minZoom: number;
  maxZoom: number;
  /** shown as the archive's name in viewers */
  name?: string;
  attribution?: string;
  description?: string;
}

/** MVT's extent and geojson-vt's default buffer: a tile takes in what lies within 64/4096 of its edge. */
export const EXTENT = 4096;
export const BUFFER = 64;

export interface TilingSummary {
  features: number;
  /** features without a geometry, left out */
  skippedNoGeometry: number;
  /** property names dropped because their values were objects, arrays or null */
  droppedProperties: string[];
  /** tiles written per zoom, from minZoom */
  tilesPerZoom: Record<number, number>;
  bounds: [number, number, number, number];
  /** property name → String | Number | Boolean | Mixed, as the archive's vector_layers lists it */
  fields: Record<string, string>;
}

type Scalar = string | number | boolean;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The features of a FeatureCollection (or of a single Feature), or a TilingError saying why the input is not usable. */
export function readFeatures(input: unknown): Feature[] {
  if (!isObject(input) || typeof input['type'] !== 'string') {
    throw new TilingError('Not GeoJSON: expected an object with "type": "FeatureCollection".');
  }
  let features: unknown[];
  if (input['type'] === 'FeatureCollection' && Array.isArray(input['features'])) features = input['features'];
  else if (input['type'] === 'Feature') features = [input];
  else throw new TilingError(`Not a GeoJSON FeatureCollection (type is "${input['type']}").`);
  const out: Feature[] = [];
  features.forEach((f, i) => {
    if (!isObject(f) || f['type'] !== 'Feature') throw new TilingError(`features[${i}] is not a GeoJSON Feature.`);
    out.push(f as unknown as Feature);
  });
  if (!out.some((f) => f.geometry)) throw new TilingError('The file has no features with a geometry: nothing to tile.');
  return out;
}

/** [west, south, east, north] of one geometry, after checking that its positions are longitude/latitude. */
export function lonLatBounds(g: Geometry, where: string): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  eachPosition(g, (p) => {
    const [x, y] = p;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new TilingError(`${where}: a coordinate is not a pair of numbers (${JSON.stringify(p)}).`);
    }
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      // VN-2000 TM-3 gives eastings near 500 000 m and northings in the millions: clearly not degrees.
      throw new TilingError(
        `${where}: coordinate [${x}, ${y}] is not longitude/latitude: it looks projected (e.g. VN-2000 metres). ` +
          'Convert the file to WGS84 longitude/latitude (EPSG:4326) first, e.g. with QGIS "Export › Save Features As" and CRS EPSG:4326.',
      );
    }
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  });
  return b;
}

/** Keeps the values a vector tile can carry (strings, finite numbers, booleans); notes what it drops. */
function scalarProperties(props: GeoJsonProperties, dropped: Set<string>, fields: Record<string, string>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  if (!props) return out;
  for (const [k, v] of Object.entries(props)) {
    const kind = typeof v === 'string' ? 'String' : typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' && Number.isFinite(v) ? 'Number' : null;
    if (!kind) {
      if (v !== null && v !== undefined) dropped.add(k);
      continue;
    }
    out[k] = v as Scalar;
    fields[k] = fields[k] === undefined || fields[k] === kind ? kind : 'Mixed';
  }
  return out;
}

/** Tile column and row of a longitude/latitude at zoom z (web mercator), clamped to the world. */
export function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const clampedLat = Math.max(-85.0511, Math.min(85.0511, lat));
  const x = ((lon + 180) / 360) * n;
  const rad = (clampedLat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return [Math.max(0, Math.min(n - 1, Math.floor(x))), Math.max(0, Math.min(n - 1, Math.floor(y)))];
}

export interface TiledLayer {
  tiles: TileInput[];
  summary: TilingSummary;
}

/** Cuts the features into gzip-compressed MVT tiles from minZoom to maxZoom, only where there is data. */
export function tileFeatures(features: readonly Feature[], opts: TilingOptions): TiledLayer {
  if (!Number.isInteger(opts.minZoom) || !Number.isInteger(opts.maxZoom) || opts.minZoom < 0 || opts.maxZoom > 22 || opts.minZoom > opts.maxZoom) {
    throw new TilingError(`Zooms must be whole numbers with 0 ≤ minzoom ≤ maxzoom ≤ 22 (got ${opts.minZoom}–${opts.maxZoom}).`);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(opts.layer)) throw new TilingError(`Layer name "${opts.layer}": use letters, digits, "_" or "-".`);
  const dropped = new Set<string>();
  const fields: Record<string, string> = {};
  const kept: Feature[] = [];
  const boxes: [number, number, number, number][] = [];
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let skipped = 0;
  features.forEach((f, i) => {
    if (!f.geometry) {
      skipped += 1;
      return;
    }
    const b = lonLatBounds(f.geometry, `features[${i}]`);
    if (!Number.isFinite(b[0])) {
      skipped += 1;
      return;
    }
    boxes.push(b);
    bounds[0] = Math.min(bounds[0], b[0]);
    bounds[1] = Math.min(bounds[1], b[1]);
    bounds[2] = Math.max(bounds[2], b[2]);
    bounds[3] = Math.max(bounds[3], b[3]);
    kept.push({ type: 'Feature', geometry: f.geometry, properties: scalarProperties(f.properties, dropped, fields) });
  });
  if (kept.length === 0) throw new TilingError('The file has no features with coordinates: nothing to tile.');

  // Which tiles hold data: every tile a feature's box (plus the tile buffer) touches, at every zoom.
  const wanted = new Set<number>();
  for (let z = opts.minZoom; z <= opts.maxZoom; z++) {
    const pad = (360 / 2 ** z) * (BUFFER / EXTENT);
    for (const [w, s, e, n] of boxes) {
      const [x0, y0] = tileXY(w - pad, n + pad, z);
      const [x1, y1] = tileXY(e + pad, s - pad, z);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) wanted.add(zxyToTileId(z, x, y));
    }
  }
  const index = new GeoJSONVT({ type: 'FeatureCollection', features: kept } satisfies FeatureCollection, {
    maxZoom: opts.maxZoom,
    indexMaxZoom: Math.min(opts.minZoom, 5),
    extent: EXTENT,
    buffer: BUFFER,
  });
  const tiles: TileInput[] = [];
  const tilesPerZoom: Record<number, number> = {};
  for (let z = opts.minZoom; z <= opts.maxZoom; z++) tilesPerZoom[z] = 0;
  for (const id of [...wanted].sort((a, b) => a - b)) {
    const [z, x, y] = tileIdToZxy(id);
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) continue;
    const mvt = fromGeojsonVt({ [opts.layer]: tile }, { version: 2, extent: EXTENT });
    tiles.push({ z, x, y, data: new Uint8Array(gzipSync(mvt)) });
    tilesPerZoom[z] = (tilesPerZoom[z] ?? 0) + 1;
  }
  return {
    tiles,
    summary: { features: kept.length, skippedNoGeometry: skipped, droppedProperties: [...dropped].sort(), tilesPerZoom, bounds, fields },
  };
}

export interface BuiltArchive {
  bytes: Uint8Array;
  summary: TilingSummary;
}

/** GeoJSON in, PMTiles bytes out. */
export function geojsonToPmtiles(input: unknown, opts: TilingOptions): BuiltArchive {
  const { tiles, summary } = tileFeatures(readFeatures(input), opts);
  const metadata: Record<string, unknown> = {
    name: opts.name ?? opts.layer,
    format: 'pbf',
    type: 'overlay',
    generator: 'kcn-atlas scripts/tiles.ts',
    vector_layers: [{ id: opts.layer, fields: summary.fields, minzoom: opts.minZoom, maxzoom: opts.maxZoom }],
    ...(opts.attribution ? { attribution: opts.attribution } : {}),
    ...(opts.description ? { description: opts.description } : {}),
  };
  const { bytes } = writeArchive({
    tiles,
    metadata,
    bounds: summary.bounds,
    minZoom: opts.minZoom,
    maxZoom: opts.maxZoom,
    tileCompression: COMPRESSION.gzip,
  });
  return { bytes, summary };
}
