// `npm run build:basemap:osm -- --osm <file.osm.pbf> [--regions lao-cai,lang-son] [--out public/basemap/osm-detail.pmtiles]
//                                [--maxzoom 14]`
//
// A detailed basemap for the provinces' boxes (region.json › bbox) from an OpenStreetMap extract (e.g.
// vietnam-latest.osm.pbf): roads by class with names and refs, railways and stations, rivers and water
// areas, industrial land and places, as one PMTiles archive of vector tiles z5–z14. The app draws it
// over the embedded basemap when region.json › basemap names it (README, "A detailed basemap from
// OpenStreetMap"). Reading OSM is osmium's (scripts/osm-basemap/osmium.ts); which objects are kept,
// classify.ts; tiles and archive, tileLayers.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listRegionIds, REGIONS_DIR } from './regionFs';
import { classify, MAX_ZOOM } from './osm-basemap/classify';
import { exportBox, filterExtract, OsmiumMissing, osmiumVersion } from './osm-basemap/osmium';
import { basemapArchive, tileBasemap, type BasemapFeature } from './osm-basemap/tileLayers';

const USAGE =
  'usage: npm run build:basemap:osm -- --osm <file.osm.pbf> [--regions lao-cai,lang-son] [--out public/basemap/osm-detail.pmtiles] [--maxzoom 14]';
export const DEFAULT_OUT = join(import.meta.dirname, '..', 'public', 'basemap', 'osm-detail.pmtiles');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

interface Args {
  osm: string;
  regions: string[];
  out: string;
  maxZoom: number;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = { out: DEFAULT_OUT, maxZoom: MAX_ZOOM };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') fail(USAGE);
    const v = argv[++i];
    if (v === undefined) fail(`${a} needs a value\n${USAGE}`);
    if (a === '--osm') args.osm = v;
    else if (a === '--regions') args.regions = v.split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--out') args.out = v;
    else if (a === '--maxzoom') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 8 || n > MAX_ZOOM) fail(`--maxzoom: a whole number from 8 to ${MAX_ZOOM} (got "${v}")`);
      args.maxZoom = n;
    } else fail(`unknown option ${a}\n${USAGE}`);
  }
  if (!args.osm) fail(USAGE);
  if (!existsSync(args.osm)) fail(`${args.osm}: no such file`);
  if (!/\.pmtiles$/i.test(args.out!)) fail(`${args.out}: the output should end in .pmtiles`);
  const known = listRegionIds();
  const regions = args.regions ?? known;
  const unknown = regions.filter((r) => !known.includes(r));
  if (unknown.length > 0) fail(`unknown region(s) ${unknown.join(', ')}: ${REGIONS_DIR} has ${known.join(', ')}`);
  return { osm: args.osm, regions, out: args.out!, maxZoom: args.maxZoom! };
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let version: string;
  try {
    version = osmiumVersion();
  } catch (e) {
    if (e instanceof OsmiumMissing) fail(e.message);
    throw e;
  }
  const t0 = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'kcn-osm-basemap-'));
  try {
    const filtered = filterExtract(args.osm, work);
    console.log(`${args.osm}: kept the basemap's tags with ${version} in ${secs(t0)}`);
    const seen = new Set<string>();
    const features: BasemapFeature[] = [];
    let exported = 0;
    for (const id of args.regions) {
      const t1 = performance.now();
      const region = JSON.parse(readFileSync(join(REGIONS_DIR, id, 'region.json'), 'utf8')) as { bbox: [number, number, number, number] };
      let kept = 0;
      for await (const f of exportBox(filtered, region.bbox, work, id)) {
        exported += 1;
        // Neighbouring regions' boxes overlap: an object in both is tiled once.
        const key = String(f.id ?? '');
        if (key && seen.has(key)) continue;
        seen.add(key);
        const c = classify(f);
        if (!c || !f.geometry) continue;
        features.push({ ...c, geometry: f.geometry });
        kept += 1;
      }
      console.log(`  ${id} [${region.bbox.join(', ')}]: ${kept} objects in ${secs(t1)}`);
    }
    const t2 = performance.now();
    const tiled = tileBasemap(features, args.maxZoom);
    const bytes = basemapArchive(tiled, { name: `OpenStreetMap: ${args.regions.join(', ')}`, maxZoom: args.maxZoom });
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, bytes);
    const total = Object.values(tiled.tilesPerZoom).reduce((s, n) => s + n, 0);
    console.log(`  tiled in ${secs(t2)}: ${exported} exported, ${features.length} kept`);
    console.log(`  layers  ${Object.entries(tiled.featuresPerLayer).map(([l, n]) => `${l} ${n}`).join(', ')}`);
    console.log(`  tiles   ${total} (${Object.entries(tiled.tilesPerZoom).map(([z, n]) => `z${z}: ${n}`).join(', ')})`);
    console.log(`→ ${args.out}: ${size(bytes.length)}, ${secs(t0)} in all`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
