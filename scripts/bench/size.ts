// Size part of `npm run bench`: the JS a first visit loads (what index.html loads and preloads) and
// every JS file of the build, gzipped at level 9, with each chunk that is not loaded at start named
// by the purpose of the modules in it (read from its source map), to show that the heavy features
// (importers, PDF, compare, drawing) are not part of the first load.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  gz: number;
  initial: boolean;
  purpose: string;
  sources: string[];
}

export interface SizeReport {
  /** initial JS apart from maplibre-gl */
  appGz: number;
  maplibreGz: number;
  /** every .js under assets/ (chunks and workers) */
  totalGz: number;
  chunks: ChunkSize[];
}

/** The scripts index.html loads at once: its entry module and everything it preloads. */
export function initialScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) srcs.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) srcs.add(m[1] as string);
  return [...srcs].map((s) => s.replace(/^\.?\//, ''));
}

// First match wins: a chunk holding jspdf and html2canvas is "PDF". `$1` is the first group.
const PURPOSES: [RegExp, string][] = [
  [/src\/main\.tsx$/, 'app entry'],
  [/node_modules\/maplibre-gl\//, 'maplibre-gl'],
  [/node_modules\/(shpjs|dxf-parser|@tmcw\/togeojson|papaparse)\//, 'importers'],
  [/node_modules\/(jspdf|html2canvas)\//, 'PDF'],
  [/node_modules\/terra-draw/, 'drawing'],
  [/src\/features\/compare\/|src\/analytics\/compare/, 'compare'],
  [/src\/features\/sketch\//, 'drawing'],
  [/src\/features\/imports\/|src\/io\/import\//, 'importers'],
  [/src\/analytics\/report\.worker/, 'report worker'],
  [/node_modules\/zod\/|src\/domain\/schema(Fields)?\.ts/, 'region schema'],
  [/src\/analytics\//, 'report (analytics)'],
  [/src\/features\/([^/]+)\//, 'panel: $1'],
  [/node_modules\/((?:@[^/]+\/)?[^/]+)\//, 'lib: $1'],
];

/** The heavy code of each on-demand feature: none of it may be in the first load. */
export const ON_DEMAND: [string, RegExp][] = [
  // io/import only: io/basemapCache (the saved online basemap's index) is small and read at start
  ['importers', /node_modules\/(shpjs|dxf-parser|@tmcw\/togeojson|papaparse)\/|src\/io\/import\//],
  ['PDF', /node_modules\/(jspdf|html2canvas)\//],
  ['compare', /src\/analytics\/compare|src\/features\/compare\/Compare(View|Panel)/],
  ['drawing', /node_modules\/terra-draw|src\/features\/sketch\/SketchPanel/],
  ['report worker', /src\/analytics\/report\.worker/],
  // fetched alongside the region's files (app/loadRegion.ts), not before the first paint
  ['region schema', /node_modules\/zod\/|src\/domain\/schema(Fields)?\.ts/],
];

/** The module paths a chunk's source map lists. */
function sourcesOf(distDir: string, file: string): string[] {
  const mapFile = join(distDir, `${file}.map`);
  if (!existsSync(mapFile)) return [];
  return (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: string[] }).sources ?? [];
}

/** What a chunk is for, from the module paths in it. */
function purposeOf(sources: string[]): string {
  for (const [re, label] of PURPOSES) {
    for (const s of sources) {
      const m = re.exec(s);
      if (m) return label.replace('$1', m[1] ?? '');
    }
  }
  return '';
}

export function sizeReport(distDir: string): SizeReport {
  const initial = new Set(initialScripts(distDir));
  const assets = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  const chunks = assets.map((name) => {
    const file = `assets/${name}`;
    const sources = sourcesOf(distDir, file);
    return {
      file,
      gz: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
      initial: initial.has(file),
      purpose: purposeOf(sources),
      sources,
    };
  });
  const init = chunks.filter((c) => c.initial);
  const isMaplibre = (c: ChunkSize) => /maplibre-gl/.test(c.file);
  return {
    appGz: init.filter((c) => !isMaplibre(c)).reduce((s, c) => s + c.gz, 0),
    maplibreGz: init.filter(isMaplibre).reduce((s, c) => s + c.gz, 0),
    totalGz: chunks.reduce((s, c) => s + c.gz, 0),
    chunks,
  };
}

export const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function printSize(r: SizeReport): void {
  console.log('\nInitial JS (gzip -9):');
  for (const c of r.chunks.filter((c) => c.initial)) console.log(`  ${c.file.padEnd(44)} ${kb(c.gz).padStart(10)}  ${c.purpose}`);
  console.log('On demand (not loaded at start), largest first:');
  for (const c of r.chunks.filter((c) => !c.initial).sort((a, b) => b.gz - a.gz)) {
    console.log(`  ${c.file.padEnd(44)} ${kb(c.gz).padStart(10)}  ${c.purpose}`);
  }
  console.log(`  initial app code apart from maplibre-gl: ${kb(r.appGz)} · maplibre-gl: ${kb(r.maplibreGz)} · all JS of the build: ${kb(r.totalGz)}`);
}

/** Each on-demand feature: gzipped size of the chunks holding its heavy code, and whether any is in the first load. */
export function onDemandSummary(r: SizeReport): { purpose: string; gz: number; initial: boolean }[] {
  return ON_DEMAND.map(([purpose, re]) => {
    const cs = r.chunks.filter((c) => c.sources.some((s) => re.test(s)));
    return { purpose, gz: cs.reduce((s, c) => s + c.gz, 0), initial: cs.some((c) => c.initial) };
  });
}
