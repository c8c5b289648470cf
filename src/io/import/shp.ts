// The geometry of a Shapefile layer (.shp): its structure checked, its records read by shpjs, and
// each record turned into GeoJSON in WGS84 with RFC 7946 winding.
import { parseShp, type ShpjsGeometry, type ShpjsPosition } from 'shpjs';
import type { Geometry, Position } from 'geojson';
import { extendBox, type XyBox } from './prj';
import { ImportFileError } from './types';
import { positionsOf } from './validateFeatures';

/** Shape types shpjs reads (the M variants as their plain forms). 31, MultiPatch, is not one. */
const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);
const POLY_TYPES = new Set([3, 5, 13, 15, 23, 25]);

interface ShpRecord {
  geometry: ShpjsGeometry | null;
  /** NumPoints of a polyline/polygon record, to notice rings shpjs leaves out; 0 otherwise */
  points: number;
}

/**
 * Checks the .shp's structure (shpjs stops silently at a truncated record, which would load a
 * part of the file as if it were all of it), then lets shpjs read the records.
 */
export function readShp(layer: { name: string; shp: Uint8Array }): ShpRecord[] {
  const b = layer.shp;
  const bad = (reason: string, more: Record<string, string | number> = {}) =>
    new ImportFileError('bad-shp', { layer: layer.name, reason, ...more });
  if (b.length < 100) throw bad('short-header', { bytes: b.length });
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getInt32(0, false) !== 9994) throw bad('not-a-shp');
  const declared = view.getInt32(24, false) * 2; // file length in 16-bit words
  if (declared > b.length) throw bad('truncated', { bytes: b.length, expected: declared });
  const shapeType = view.getInt32(32, true);
  if (!SHAPE_TYPES.has(shapeType)) throw bad('shape-type', { shapeType });

  const points: number[] = [];
  let offset = 100;
  while (offset + 8 <= declared) {
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    if (contentBytes < 4 || offset + 8 + contentBytes > declared) throw bad('truncated', { record: points.length + 1 });
    const recordType = view.getInt32(offset + 8, true);
    points.push(POLY_TYPES.has(recordType) && contentBytes >= 44 ? view.getInt32(offset + 8 + 40, true) : 0);
    offset += 8 + contentBytes;
  }
  if (points.length === 0) return [];
  if (shapeType === 0) return points.map(() => ({ geometry: null, points: 0 }));

  let rows: Array<ShpjsGeometry | null>;
  try {
    rows = parseShp(b.subarray(0, declared));
  } catch (e) {
    throw bad('unreadable', { message: e instanceof Error ? e.message : String(e) });
  }
  if (rows.length !== points.length) throw bad('records', { read: rows.length, expected: points.length });
  return rows.map((geometry, i) => ({ geometry, points: points[i] ?? 0 }));
}

export function boxOf(records: readonly ShpRecord[]): XyBox | null {
  let box: XyBox | null = null;
  for (const r of records) if (r.geometry) for (const p of positions(r.geometry)) box = extendBox(box, p[0]!, p[1]!);
  return box;
}

// shpjs's geometries are GeoJSON geometries without GeometryCollection.
const positions = (g: ShpjsGeometry): ShpjsPosition[] => positionsOf(g as Geometry);

export const countPoints = (g: ShpjsGeometry) => positions(g).length;

/**
 * shpjs's geometry (file coordinates, rings in Shapefile order: outer clockwise, holes
 * counter-clockwise) → GeoJSON in WGS84 with RFC 7946 winding (outer counter-clockwise, holes
 * clockwise). Heights (PolygonZ…) are dropped: the app works in 2-D. shpjs's `bbox` (in file
 * units) is not carried over.
 */
export function toGeoJson(g: ShpjsGeometry, project: (x: number, y: number) => [number, number]): Geometry {
  const pt = (p: ShpjsPosition): Position => project(p[0] ?? NaN, p[1] ?? NaN);
  const line = (l: ShpjsPosition[]) => l.map(pt);
  const poly = (rings: ShpjsPosition[][]) => rings.map((r, i) => wind(line(r), i === 0));
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: pt(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: line(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: line(g.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map(line) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: poly(g.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) };
  }
}

/** Twice the signed area (positive = counter-clockwise) of a ring in lon/lat. */
function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += (a[0]! - b[0]!) * (a[1]! + b[1]!);
  }
  // Σ (x_i − x_{i+1})(y_i + y_{i+1}) is +2A for a counter-clockwise ring.
  return s;
}

function wind(ring: Position[], outer: boolean): Position[] {
  const ccw = signedArea2(ring) > 0;
  return ccw === outer ? ring : ring.slice().reverse();
}
