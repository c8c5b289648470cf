/**
 * OpenStreetMap railways and roads for the embedded basemap (ODbL 1.0, "© OpenStreetMap contributors"), from the two
 * files in shared/basemap-osm/: Vietnam's railway track and old Lào Cai's national and provincial roads.
 *
 * What the build makes of them, and why:
 * - Roads: one feature per route (pieces of the same ref chained end to end), simplified to SITE_TOLERANCE (about 8 m,
 *   under a pixel at zoom 14) and rounded to 5 decimals. One file: MapLibre's GeoJSON source simplifies it again per
 *   zoom when it cuts its tiles, and a second, coarser copy would be fetched at start all the same.
 * - Railways, two levels: the whole country's track chained into long lines and simplified to OVERVIEW_TOLERANCE
 *   (about 50 m) for zooms below 10, without the short yard stubs; and full detail (sidings, names) only inside the
 *   boxes of the app's provinces plus a margin, for zoom 10 and above. That keeps the national picture and cuts the
 *   file to what a planner zooms into.
 * - Refs are shown as Vietnamese maps write them: "DT.151" in the data is "ĐT.151"; QL refs stay "QL.4E".
 * - Names of railway lines are written one way ("Đường sắt Bắc – Nam", not four spellings); ways named after a bridge
 *   or tunnel carry no line name, so a label never calls the line "Cầu Long Biên".
 * No stations: neither file has any. The map's stations are the regions' landmarks (e.g. Ga Lào Cai).
 */
import { simplify } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson';
import { clipLinear, mergeLines, roundLine } from './geometry';

/** ≈ 8 m at 22°N: below one pixel at zoom 14, where an investor reads a site's surroundings. */
export const SITE_TOLERANCE = 0.00008;
/** ≈ 50 m: below one pixel up to zoom 11; the overview railway is drawn below zoom 10 only. */
export const OVERVIEW_TOLERANCE = 0.0005;
/** Overview lines shorter than this (yard stubs, sidings cut off by the merge) are dropped. */
export const OVERVIEW_MIN_KM = 1;
/** Detailed railways are kept this far (degrees) around each province's box, so a view at a border is not cut off. */
export const RAIL_MARGIN_DEG = 0.3;

export type RoadClass = 'national' | 'provincial';

export interface OsmRoadProps {
  readonly class: RoadClass;
  /** as a Vietnamese map writes it: "QL.4E", "ĐT.151" */
  readonly ref: string;
  readonly name: string;
}

export interface OsmRailProps {
  readonly class: 'rail';
  /** the line's name ("Đường sắt Hà Nội – Lào Cai"); absent for yards, sidings, bridges and tunnels */
  readonly name?: string;
}

export class OsmInputError extends Error {}

/** "DT.151" → "ĐT.151", "DT151B" → "ĐT.151B", "QL4E" → "QL.4E"; anything else unchanged. */
export function displayRef(ref: string): string {
  const m = /^\s*(QL|DT|ĐT)\s*\.?\s*([0-9]+[A-Z]?)\s*$/i.exec(ref);
  if (!m) return ref.trim();
  const prefix = (m[1] ?? '').toUpperCase() === 'QL' ? 'QL' : 'ĐT';
  return `${prefix}.${(m[2] ?? '').toUpperCase()}`;
}

/** One spelling per railway line: dashes between places as " – ", "Bắc Nam" as "Bắc – Nam". Not a line: null. */
export function railLineName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!/^Đường sắt /.test(trimmed)) return null;
  return trimmed
    .replace(/\s*[-–—]\s*/g, ' – ')
    .replace(/^Đường sắt Bắc Nam\b/, 'Đường sắt Bắc – Nam');
}

/** Douglas–Peucker (turf, high quality) then rounding; keeps both ends. */
export function simplifyLine(line: readonly Position[], tolerance: number): Position[] {
  if (line.length <= 2 || tolerance <= 0) return roundLine(line);
  const feature: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...line] } };
  return roundLine(simplify(feature, { tolerance, highQuality: true }).geometry.coordinates);
}

/** Length of a lon/lat line in km, on a sphere: enough to tell a yard stub from a line. */
function roughKm(line: readonly Position[]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) {
    const [x1 = 0, y1 = 0] = line[i - 1] ?? [];
    const [x2 = 0, y2 = 0] = line[i] ?? [];
    const k = Math.cos((((y1 + y2) / 2) * Math.PI) / 180);
    km += Math.hypot((x2 - x1) * k, y2 - y1) * 111.32;
  }
  return km;
}

function linesOf(geometry: Geometry | null, where: string): Position[][] {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  throw new OsmInputError(`${where}: expected LineString or MultiLineString, got ${geometry.type}`);
}

function asCollection(input: unknown, file: string): FeatureCollection {
  const fc = input as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new OsmInputError(`${file}: not a GeoJSON FeatureCollection`);
  }
  return fc as FeatureCollection;
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Roads by route: classes national / provincial only (anything else fails the build: the legend must explain it). */
export function buildOsmRoads(input: unknown, tolerance = SITE_TOLERANCE): Feature<LineString, OsmRoadProps>[] {
  const fc = asCollection(input, 'lao-cai-roads.geojson');
  const groups = new Map<string, { props: OsmRoadProps; pieces: Position[][] }>();
  fc.features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const cls = p['class'];
    if (cls !== 'national' && cls !== 'provincial') throw new OsmInputError(`road ${i}: class "${String(cls)}" is not national or provincial`);
    if (typeof p['ref'] !== 'string' || !p['ref'].trim()) throw new OsmInputError(`road ${i}: no ref`);
    const ref = displayRef(p['ref']);
    const name = typeof p['name'] === 'string' ? p['name'].trim() : ref;
    const group = groups.get(ref) ?? { props: { class: cls, ref, name }, pieces: [] };
    group.pieces.push(...linesOf(f.geometry, `road ${i} (${ref})`).map(roundLine));
    groups.set(ref, group);
  });
  const out: Feature<LineString, OsmRoadProps>[] = [];
  for (const { props, pieces } of [...groups.values()].sort(byKey((g) => `${g.props.class} ${g.props.ref}`))) {
    for (const line of mergeLines(pieces)) {
      const coordinates = simplifyLine(line, tolerance);
      if (coordinates.length >= 2) out.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } });
    }
  }
  return out;
}

interface RailPiece {
  readonly name: string | null;
  readonly line: Position[];
}

function railPieces(input: unknown): RailPiece[] {
  const fc = asCollection(input, 'vn-railways.geojson');
  return fc.features.flatMap((f, i) => {
    const name = railLineName((f.properties ?? {})['name']);
    return linesOf(f.geometry, `railway ${i}`).map((line) => ({ name, line: roundLine(line) }));
  });
}

/** The whole country's track as long, coarse lines without names, for zooms below 10. */
export function buildRailOverview(input: unknown, tolerance = OVERVIEW_TOLERANCE, minKm = OVERVIEW_MIN_KM): Feature<LineString, OsmRailProps>[] {
  return mergeLines(railPieces(input).map((p) => p.line))
    .map((line) => simplifyLine(line, tolerance))
    .filter((line) => line.length >= 2 && roughKm(line) >= minKm)
    .map((coordinates) => ({ type: 'Feature', properties: { class: 'rail' }, geometry: { type: 'LineString', coordinates } }));
}

/** Every piece of track inside the boxes (yards and sidings included), chained per line name, for zoom 10 and above. */
export function buildRailDetail(input: unknown, boxes: readonly BBox[], tolerance = SITE_TOLERANCE): Feature<LineString, OsmRailProps>[] {
  const groups = new Map<string, Position[][]>();
  for (const piece of railPieces(input)) {
    for (const box of boxes) {
      const clipped = clipLinear({ type: 'LineString', coordinates: piece.line }, box);
      if (!clipped) continue;
      const key = piece.name ?? '';
      groups.set(key, [...(groups.get(key) ?? []), ...clipped.coordinates.map(roundLine)]);
    }
  }
  const out: Feature<LineString, OsmRailProps>[] = [];
  for (const key of [...groups.keys()].sort()) {
    // Overlapping boxes give the same piece twice: a piece identical to one already kept is dropped.
    const seen = new Set<string>();
    const unique = (groups.get(key) ?? []).filter((l) => {
      const k = JSON.stringify(l);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    for (const line of mergeLines(unique)) {
      const coordinates = simplifyLine(line, tolerance);
      if (coordinates.length < 2) continue;
      out.push({ type: 'Feature', properties: key ? { class: 'rail', name: key } : { class: 'rail' }, geometry: { type: 'LineString', coordinates } });
    }
  }
  return out;
}

/** The provinces' boxes grown by a margin: where the detailed railway is kept. */
export function regionBoxes(bboxes: readonly BBox[], margin = RAIL_MARGIN_DEG): BBox[] {
  return bboxes.map((b) => [b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin] as BBox);
}
