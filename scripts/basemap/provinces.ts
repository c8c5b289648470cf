// The 34 provinces of 1 July 2025: Natural Earth admin-1 read from world_map.gpkg with ogr2ogr, matched to the
// 63 former provinces, island fixes applied, dissolved; plus the boundary lines between them and label points.
import { area, booleanPointInPolygon, centroid, featureCollection, pointOnFeature, union } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiLineString, Point, Polygon, Position } from 'geojson';
import { compareStrings } from './compare';
import { type Areal, distanceKm, mergeLines, rewindAreal, roundAreal, roundLine } from './geometry';
import {
  EXPECTED_OLD_COUNT,
  ISLAND_FIXES,
  naturalEarthKey,
  newProvinceOf,
  OLD_PROVINCES,
  PROVINCES_2025,
  type Province2025,
} from './provinces-2025';
import { fail, run } from './tools';

export interface NaturalEarthProvince {
  readonly name: string;
  readonly gn_name: string;
}
export interface ProvinceProps {
  readonly id: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly kind: Province2025['kind'];
  readonly merged_from: readonly string[];
}
interface ProvinceLineProps {
  /** "province": boundary between two 2025 units; "former": boundary between former provinces now merged. */
  readonly kind: 'province' | 'former';
}
interface ProvinceLabelProps {
  readonly id: string;
  readonly name_vi: string;
  readonly name_en: string;
}

export function readNaturalEarthProvinces(gpkg: string): Feature<Areal, NaturalEarthProvince>[] {
  const json = run('ogr2ogr', [
    '-f', 'GeoJSON', '/vsistdout/', gpkg,
    '-sql', "SELECT name, gn_name, geom FROM states_provinces WHERE adm0_a3 = 'VNM' ORDER BY gn_name",
  ]);
  const collection = JSON.parse(json) as FeatureCollection<Geometry | null, NaturalEarthProvince>;
  return collection.features.map((f) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) fail(`Natural Earth province ${f.properties.name} has no polygon`);
    const rounded = roundAreal(g) ?? fail(`Natural Earth province ${f.properties.name} collapsed when rounded`);
    return { type: 'Feature', properties: f.properties, geometry: rounded };
  });
}

/** Matches each Natural Earth feature to a former province by its gn_name key; fails on anything unmatched or twice. */
export function matchOldProvinces(features: readonly Feature<Areal, NaturalEarthProvince>[]): Map<string, Feature<Areal, NaturalEarthProvince>> {
  const byKey = new Map(OLD_PROVINCES.map((p) => [p.ne_key, p]));
  const matched = new Map<string, Feature<Areal, NaturalEarthProvince>>();
  const problems: string[] = [];
  for (const f of features) {
    const key = naturalEarthKey(f.properties.gn_name);
    const old = byKey.get(key);
    if (!old) problems.push(`Natural Earth "${f.properties.name}" (gn_name "${f.properties.gn_name}", key "${key}") is not in OLD_PROVINCES`);
    else if (matched.has(old.name_vi)) problems.push(`${old.name_vi} matched twice`);
    else matched.set(old.name_vi, f);
  }
  for (const p of OLD_PROVINCES) if (!matched.has(p.name_vi)) problems.push(`${p.name_vi} (key "${p.ne_key}") not found in Natural Earth`);
  if (features.length !== EXPECTED_OLD_COUNT) problems.push(`Natural Earth has ${features.length} Vietnamese provinces, expected ${EXPECTED_OLD_COUNT}`);
  if (problems.length > 0) fail(`Natural Earth provinces do not match the table:\n  ${problems.join('\n  ')}`);
  return matched;
}

/** Moves the islands listed in ISLAND_FIXES to the former province they belong to. */
export function applyIslandFixes(old: Map<string, Feature<Areal, NaturalEarthProvince>>): void {
  const partsOf = (g: Areal): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  for (const fix of ISLAND_FIXES) {
    const from = old.get(fix.from) ?? fail(`ISLAND_FIXES: unknown province ${fix.from}`);
    const to = old.get(fix.to) ?? fail(`ISLAND_FIXES: unknown province ${fix.to}`);
    const [w, s, e, n] = fix.box;
    const inBox = (part: Position[][]): boolean => (part[0] ?? []).every(([x = NaN, y = NaN]) => x >= w && x <= e && y >= s && y <= n);
    const parts = partsOf(from.geometry);
    const moving = parts.filter(inBox);
    if (moving.length !== 1) fail(`ISLAND_FIXES: expected one part of ${fix.from} for ${fix.island}, found ${moving.length}`);
    const staying = parts.filter((p) => !inBox(p));
    from.geometry = { type: 'MultiPolygon', coordinates: staying };
    to.geometry = { type: 'MultiPolygon', coordinates: [...partsOf(to.geometry), ...moving] };
  }
}

export function dissolveProvinces(old: Map<string, Feature<Areal, NaturalEarthProvince>>): Feature<Areal, ProvinceProps>[] {
  return PROVINCES_2025.map((p) => {
    const parts = p.merged_from.map((name) => old.get(name) ?? fail(`missing ${name}`));
    const merged = parts.length === 1 ? parts[0]?.geometry : union(featureCollection<Areal>(parts))?.geometry;
    if (!merged) fail(`Dissolving ${p.name_vi} gave nothing`);
    const rounded = roundAreal(merged) ?? fail(`${p.name_vi} collapsed`);
    return {
      type: 'Feature',
      properties: { id: p.id, name_vi: p.name_vi, name_en: p.name_en, kind: p.kind, merged_from: p.merged_from },
      geometry: rewindAreal(rounded),
    };
  });
}

/** Every ring edge of every polygon, as [a, b] positions. */
function ringEdges(geometry: Areal): [Position, Position][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const edges: [Position, Position][] = [];
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i += 1) {
      const a = ring[i - 1];
      const b = ring[i];
      if (a && b) edges.push([a, b]);
    }
  }
  return edges;
}

/**
 * Internal boundaries drawn once: Natural Earth's generalised admin-1 polygons share their vertices along common
 * boundaries (GRASS v.generalize keeps topology), so an edge used by two provinces is an internal boundary and an
 * edge used by one is coast or national border (which countries/borders already draw). Edges are chained back
 * into lines, so each boundary is drawn exactly once. Also returns the edge counts for the summary.
 */
export function buildProvinceLines(old: Map<string, Feature<Areal, NaturalEarthProvince>>): {
  lines: Feature<MultiLineString, ProvinceLineProps>[];
  sharedEdges: number;
  outerEdges: number;
} {
  const owners = new Map<string, { edge: [Position, Position]; provinces: string[] }>();
  for (const [name, f] of [...old].sort(([a], [b]) => compareStrings(a, b))) {
    for (const edge of ringEdges(f.geometry)) {
      const [a, b] = edge;
      const ka = `${a[0]},${a[1]}`;
      const kb = `${b[0]},${b[1]}`;
      const key = ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
      const entry = owners.get(key);
      if (entry) entry.provinces.push(name);
      else owners.set(key, { edge, provinces: [name] });
    }
  }
  const byKind: Record<ProvinceLineProps['kind'], Position[][]> = { province: [], former: [] };
  let sharedEdges = 0;
  let outerEdges = 0;
  let outerKm = 0;
  for (const { edge, provinces } of owners.values()) {
    if (provinces.length > 2) fail(`a province edge is shared by ${provinces.join(', ')}`);
    if (provinces.length === 1) {
      outerEdges += 1;
      outerKm += edgeKm(edge);
      continue;
    }
    sharedEdges += 1;
    const [p, q] = provinces;
    const kind = p && q && newProvinceOf(p).id === newProvinceOf(q).id ? 'former' : 'province';
    byKind[kind].push(edge);
  }
  const lines = (['province', 'former'] as const).map((kind) => ({
    type: 'Feature' as const,
    properties: { kind },
    geometry: { type: 'MultiLineString' as const, coordinates: mergeLines(byKind[kind]).map((l) => roundLine(l)) },
  }));
  checkOuterEdges(old, outerKm);
  return { lines, sharedEdges, outerEdges };
}

function edgeKm([a, b]: [Position, Position]): number {
  return distanceKm({ lon: a[0] ?? 0, lat: a[1] ?? 0 }, { lon: b[0] ?? 0, lat: b[1] ?? 0 });
}

/**
 * If neighbouring provinces did not share vertices exactly, their common boundary would count as "outer" and be
 * silently missing from provinces-lines. Guard: the outer edges must add up to the perimeter of the whole country
 * as dissolved from the same polygons.
 */
function checkOuterEdges(old: ReadonlyMap<string, Feature<Areal, NaturalEarthProvince>>, outerKm: number): void {
  const whole = union(featureCollection<Areal>([...old.values()]));
  if (!whole) fail('Dissolving all provinces gave nothing');
  const rounded = roundAreal(whole.geometry) ?? fail('Vietnam collapsed');
  const perimeterKm = ringEdges(rounded).reduce((sum, e) => sum + edgeKm(e), 0);
  if (Math.abs(outerKm / perimeterKm - 1) > 0.01) {
    fail(`province edges used once add up to ${outerKm.toFixed(0)} km, Vietnam's outline to ${perimeterKm.toFixed(0)} km: boundaries do not share vertices`);
  }
}

/** A label point inside each province: the centroid of its largest part, or a point on the surface if that falls outside. */
export function buildProvinceLabels(provinces: readonly Feature<Areal, ProvinceProps>[]): Feature<Point, ProvinceLabelProps>[] {
  return provinces.map((p) => {
    const polygons = p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates;
    const largest = polygons
      .map((coordinates): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }))
      .reduce((best, f) => (area(f) > area(best) ? f : best));
    let point = centroid(largest).geometry;
    if (!booleanPointInPolygon(point, largest)) point = pointOnFeature(largest).geometry;
    const [x = 0, y = 0] = roundLine([point.coordinates])[0] ?? [];
    return {
      type: 'Feature',
      properties: { id: p.properties.id, name_vi: p.properties.name_vi, name_en: p.properties.name_en },
      geometry: { type: 'Point', coordinates: [x, y] },
    };
  });
}
