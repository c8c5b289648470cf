// `npm run tiles -- <in.geojson> <out.pmtiles> [--layer parcels] [--minzoom 10] [--maxzoom 16]
//                   [--name "Thửa đất xã …"] [--attribution "Sở Nông nghiệp và Môi trường …"]`
//
// Turns a large GeoJSON layer (a commune's cadastral parcels, tens of thousands of polygons) into one
// PMTiles archive. The app reads it piece by piece with HTTP range requests, so it can be published on
// any static host or CDN next to the app and named in region.json › parcelTiles (see the README,
// "Large layers (PMTiles)"). Coordinates must be WGS84 longitude/latitude; properties that are strings,
// numbers or booleans are kept, others dropped (and listed).
//
// Thin on purpose: the tiling and the archive format live in scripts/pmtiles/, tested on their own.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { geojsonToPmtiles, TilingError, type TilingOptions } from './pmtiles/tileGeoJson';

const USAGE =
  'usage: npm run tiles -- <in.geojson> <out.pmtiles> [--layer parcels] [--minzoom 10] [--maxzoom 16] [--name TEXT] [--attribution TEXT]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): { input: string; output: string; opts: TilingOptions } {
  const files: string[] = [];
  const opts: TilingOptions = { layer: 'parcels', minZoom: 10, maxZoom: 16 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') fail(USAGE);
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const v = argv[++i];
    if (v === undefined) fail(`${a} needs a value\n${USAGE}`);
    if (a === '--layer') opts.layer = v;
    else if (a === '--minzoom' || a === '--maxzoom') {
      const n = Number(v);
      if (!Number.isInteger(n)) fail(`${a}: "${v}" is not a whole number`);
      if (a === '--minzoom') opts.minZoom = n;
      else opts.maxZoom = n;
    } else if (a === '--name') opts.name = v;
    else if (a === '--attribution') opts.attribution = v;
    else fail(`unknown option ${a}\n${USAGE}`);
  }
  if (files.length !== 2) fail(USAGE);
  if (!/\.pmtiles$/i.test(files[1]!)) fail(`${files[1]}: the output should end in .pmtiles`);
  return { input: files[0]!, output: files[1]!, opts };
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);

function main(): void {
  const { input, output, opts } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (e) {
    fail(`${input}: cannot read (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`${input}: not JSON, so not GeoJSON (${(e as Error).message})`);
  }
  let result: ReturnType<typeof geojsonToPmtiles>;
  try {
    result = geojsonToPmtiles(json, opts);
  } catch (e) {
    if (e instanceof TilingError) fail(`${input}: ${e.message}`);
    throw e;
  }
  writeFileSync(output, result.bytes);
  const ms = performance.now() - t0;
  const { summary } = result;
  const perZoom = Object.entries(summary.tilesPerZoom).map(([z, n]) => `z${z}: ${n}`);
  const totalTiles = Object.values(summary.tilesPerZoom).reduce((s, n) => s + n, 0);
  console.log(`${input} → ${output}`);
  console.log(`  features     ${summary.features}${summary.skippedNoGeometry ? ` (${summary.skippedNoGeometry} without geometry left out)` : ''}`);
  console.log(`  layer        "${opts.layer}", zooms ${opts.minZoom}–${opts.maxZoom}`);
  console.log(`  tiles        ${totalTiles} (${perZoom.join(', ')})`);
  console.log(`  properties   ${Object.keys(summary.fields).join(', ') || '(none)'}`);
  if (summary.droppedProperties.length > 0) console.log(`  dropped      ${summary.droppedProperties.join(', ')} (objects, arrays: not shown on the map)`);
  console.log(`  bounds       ${summary.bounds.map((v) => v.toFixed(5)).join(', ')}`);
  console.log(`  archive      ${kb(result.bytes.length)} in ${(ms / 1000).toFixed(1)} s`);
}

main();
