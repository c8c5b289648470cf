// Countries and international borders of the basemap from world-atlas (Natural Earth Admin 0 as TopoJSON):
// simplified on shared arcs so fills and border lines match, clipped to BOX, the Paracel Islands split off China.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simplify } from '@turf/turf';
import type { BBox, Feature, Geometry, LineString, MultiLineString, Position } from 'geojson';
import { feature as topoFeature, mesh as topoMesh, neighbors as topoNeighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { compareStrings } from './compare';
import { type Areal, bboxOf, clipAreal, clipLinear, mergeLines, rewindAreal, roundAreal, roundLinear } from './geometry';
import { BOX, ROOT } from './settings';
import { fail } from './tools';

interface CountryInfo {
  readonly iso: string;
  readonly name_vi: string;
  readonly name_en: string;
}

/** world-atlas names of every country reaching into BOX. An unlisted one fails the build, so none goes unnamed. */
const COUNTRIES: Readonly<Record<string, CountryInfo>> = {
  Vietnam: { iso: 'VNM', name_vi: 'Việt Nam', name_en: 'Vietnam' },
  China: { iso: 'CHN', name_vi: 'Trung Quốc', name_en: 'China' },
  Laos: { iso: 'LAO', name_vi: 'Lào', name_en: 'Laos' },
  Cambodia: { iso: 'KHM', name_vi: 'Campuchia', name_en: 'Cambodia' },
  Thailand: { iso: 'THA', name_vi: 'Thái Lan', name_en: 'Thailand' },
  Myanmar: { iso: 'MMR', name_vi: 'Myanmar', name_en: 'Myanmar' },
  India: { iso: 'IND', name_vi: 'Ấn Độ', name_en: 'India' },
  Malaysia: { iso: 'MYS', name_vi: 'Malaysia', name_en: 'Malaysia' },
  'Hong Kong': { iso: 'HKG', name_vi: 'Hồng Kông', name_en: 'Hong Kong' },
  Macao: { iso: 'MAC', name_vi: 'Ma Cao', name_en: 'Macao' },
  'Spratly Is.': { iso: 'XSP', name_vi: 'Quần đảo Trường Sa', name_en: 'Spratly Islands' },
  'U.S. Minor Outlying Is.': { iso: 'UMI', name_vi: 'Các đảo nhỏ xa bờ của Hoa Kỳ', name_en: 'U.S. Minor Outlying Islands' },
  'United States of America': { iso: 'USA', name_vi: 'Hoa Kỳ', name_en: 'United States' },
};

/**
 * Natural Earth puts the Paracel Islands inside China's multipolygon. Vietnam claims them (Hoàng Sa), and a map made
 * for Vietnamese users must not show them as Chinese, so they become their own feature, like Natural Earth's own
 * "Spratly Is." unit. Every part of China's polygon lying wholly in this box is a Paracel island (Hainan ends at 18.1°N).
 */
const PARACELS: BBox = [110.5, 15.5, 113, 17.5];
const PARACEL_INFO: CountryInfo = { iso: 'XPI', name_vi: 'Quần đảo Hoàng Sa', name_en: 'Paracel Islands' };

/** Pairs whose shared boundary is not an international border (special administrative regions of China). */
const NOT_INTERNATIONAL = new Set(['CHN-HKG', 'CHN-MAC']);

interface CountryProps {
  readonly iso: string;
  readonly name_vi: string;
  readonly name_en: string;
}
interface BorderProps {
  /** ISO codes of the two sides, sorted. */
  readonly countries: readonly [string, string];
  /** True for Vietnam's own land borders, which the map draws more strongly. */
  readonly vietnam: boolean;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

export function loadWorldAtlas(): CountriesTopology {
  const path = join(ROOT, 'node_modules', 'world-atlas', 'countries-10m.json');
  if (!existsSync(path)) fail('node_modules/world-atlas/countries-10m.json is missing: run `npm ci`.');
  return JSON.parse(readFileSync(path, 'utf8')) as CountriesTopology;
}

/**
 * Decodes the quantised, delta-encoded arcs to lon/lat and simplifies each arc on its own (keeping its end points),
 * so neighbouring countries still share exactly the same border after simplification.
 */
export function simplifyTopology(topology: CountriesTopology, tolerance: number): CountriesTopology {
  const transform = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const absolute: Position[] = arc.map((p) => {
      if (!transform) return [p[0] ?? 0, p[1] ?? 0];
      x += p[0] ?? 0;
      y += p[1] ?? 0;
      return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]];
    });
    if (absolute.length <= 2) return absolute;
    const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: absolute } };
    return simplify(line, { tolerance, highQuality: true }).geometry.coordinates;
  });
  const { transform: _dropped, ...rest } = topology;
  return { ...rest, arcs };
}

function nameOf(geometry: GeometryObject<{ name: string }>): string {
  return (geometry.properties as { name?: string } | undefined)?.name ?? '';
}

function countryInfo(name: string): CountryInfo {
  return COUNTRIES[name] ?? fail(`Country "${name}" reaches into the basemap box but has no entry in COUNTRIES`);
}

function boxesOverlap(a: BBox | null, b: BBox): boolean {
  return !!a && a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function withinBox(point: Position, box: BBox): boolean {
  const [x = NaN, y = NaN] = point;
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** Splits the Paracel Islands off China's multipolygon (see PARACELS). */
function splitParacels(geometry: Areal): { china: Areal | null; paracels: Areal | null } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const inParacels = (poly: Position[][]): boolean => (poly[0] ?? []).every((p) => withinBox(p, PARACELS));
  const toAreal = (polys: Position[][][]): Areal | null => (polys.length === 0 ? null : { type: 'MultiPolygon', coordinates: polys });
  return { china: toAreal(polygons.filter((p) => !inParacels(p))), paracels: toAreal(polygons.filter(inParacels)) };
}

export function buildCountries(topology: CountriesTopology): Feature<Areal, CountryProps>[] {
  const collection = topoFeature(topology, topology.objects.countries);
  const out: Feature<Areal, CountryProps>[] = [];
  const add = (info: CountryInfo, geometry: Areal | null): void => {
    // Simplified arcs can leave specks of islands with fewer than 4 positions: drop them before clipping.
    const cleaned = geometry ? roundAreal(geometry) : null;
    const clipped = cleaned ? clipAreal(cleaned, BOX) : null;
    const rounded = clipped ? roundAreal(clipped) : null;
    if (!rounded) return;
    out.push({ type: 'Feature', properties: { iso: info.iso, name_vi: info.name_vi, name_en: info.name_en }, geometry: rewindAreal(rounded) });
  };
  for (const f of collection.features) {
    const geometry = f.geometry as Geometry | null;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    if (!boxesOverlap(bboxOf([f]), BOX)) continue; // cheap test before clipping
    const info = countryInfo(f.properties.name);
    if (info.iso === 'CHN') {
      const { china, paracels } = splitParacels(geometry);
      if (!paracels) fail('No Paracel Islands found in China’s polygon: check PARACELS');
      add(info, china);
      add(PARACEL_INFO, paracels);
    } else {
      add(info, geometry);
    }
  }
  return out.sort((a, b) => compareStrings(a.properties.iso, b.properties.iso));
}

/** One feature per pair of neighbouring countries, from the shared arcs (topojson `mesh`), clipped to BOX. */
export function buildBorders(topology: CountriesTopology): Feature<MultiLineString, BorderProps>[] {
  const geometries = topology.objects.countries.geometries;
  const adjacency = topoNeighbors(geometries as GeometryObject[]);
  const out: Feature<MultiLineString, BorderProps>[] = [];
  geometries.forEach((a, i) => {
    for (const j of adjacency[i] ?? []) {
      const b = geometries[j];
      if (!b || j <= i) continue;
      const lines = topoMesh(topology, topology.objects.countries, (x, y) => (x === a && y === b) || (x === b && y === a));
      const clipped = clipLinear(lines, BOX);
      if (!clipped) continue;
      const isoA = countryInfo(nameOf(a)).iso;
      const isoB = countryInfo(nameOf(b)).iso;
      const pair = [isoA, isoB].sort(compareStrings) as [string, string];
      if (NOT_INTERNATIONAL.has(pair.join('-'))) continue;
      const merged = roundLinear({ type: 'MultiLineString', coordinates: mergeLines(clipped.coordinates) });
      if (!merged) continue;
      const coordinates = merged.type === 'LineString' ? [merged.coordinates] : merged.coordinates;
      out.push({ type: 'Feature', properties: { countries: pair, vietnam: pair.includes('VNM') }, geometry: { type: 'MultiLineString', coordinates } });
    }
  });
  return out.sort((a, b) => compareStrings(a.properties.countries.join('-'), b.properties.countries.join('-')));
}
