// Writes the basemap's layers and manifest.json into public/basemap/ (each file's size, positions, sha256 and
// bbox recorded in the manifest), and prints what was written.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BBox, Feature, Geometry } from 'geojson';
import { bboxOf, countPositions, stringifyCollection } from './geometry';
import { LICENCE_FILES } from './licences';
import { OSM_OUTPUT, type OsmLayers } from './osmInputs';
import { BOX, OUT_DIR } from './settings';

interface ManifestFile {
  readonly file: string;
  readonly features: number;
  readonly positions: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly bbox: BBox | null;
}

interface Manifest {
  sources: Record<string, string>;
  licenses: string[];
  files: ManifestFile[];
}

const MANIFEST_PATH = join(OUT_DIR, 'manifest.json');

export function writeLayer<G extends Geometry, P>(name: string, features: Feature<G, P>[]): ManifestFile {
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

export function writeOsmLayers(osm: OsmLayers): ManifestFile[] {
  return [
    writeLayer(OSM_OUTPUT.railOverview, osm.railOverview),
    writeLayer(OSM_OUTPUT.railDetail, osm.railDetail),
    writeLayer(OSM_OUTPUT.roads, osm.roads),
  ];
}

/** The manifest of a full build. Without a build date it has none, so rebuilding does not change the committed files. */
export function writeManifest(files: readonly ManifestFile[], sources: Readonly<Record<string, string>>, buildDate: string | undefined): void {
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
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;
}

/** --osm-lines-only: the manifest as it was, with the OpenStreetMap files, sources and licence list replaced. */
export function writeOsmManifest(manifest: Manifest, sources: Readonly<Record<string, string>>, written: readonly ManifestFile[]): void {
  const names = new Set(written.map((f) => f.file));
  const next = {
    ...manifest,
    sources,
    licenses: LICENCE_FILES.map((f) => `licenses/${f}`),
    files: [...manifest.files.filter((f) => !names.has(f.file)), ...written],
  };
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(next, null, 2)}\n`);
}

export function printOsmSummary(files: readonly ManifestFile[], osm: OsmLayers): void {
  console.log(`OpenStreetMap lines from ${osm.dir} (detailed railway around: ${osm.regions.join(', ')}):`);
  for (const f of files) console.log(`  ${f.file.padEnd(26)} ${String(f.features).padStart(4)} features ${String(f.positions).padStart(7)} positions ${(f.bytes / 1024).toFixed(1).padStart(8)} KB`);
}

export function printSummary(
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

