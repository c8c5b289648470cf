// `npm run bench:analytics`: prints how long the analytics take on large inputs, each against a
// baseline measured in the same run (the machine is shared and noisy: ratios travel, seconds less so).
//  1. 20,000 clearance parcels over the Lào Cai sites: dissolve, clip and total (aim < 1 s),
//     against simply adding up the parcels' areas (no dissolving).
//     Then the whole report over those parcels (what the app's worker runs), split by step
//     (analytics/stepTimes.ts), with what the main thread does around it.
//  2. The three area methods per 10,000 polygons, against Turf's spherical area.
//  3. src/geo/'s hand-written geometry against the maintained libraries in node_modules
//     (robust-predicates, earcut, rbush, Turf kinks / polyclip-ts): ours is kept only where this says so.
import type { FeatureCollection, Geometry, Polygon } from 'geojson';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { geodesicAreaM2, turfAreaM2, vn2000AreaM2 } from '../src/analytics/area';
import { clearanceAsOf } from '../src/analytics/clearance';
import { parcelsAsOf } from '../src/analytics/clearance/drawnParcels';
import { buildReport } from '../src/analytics/report';
import { takeStepTimes } from '../src/analytics/stepTimes';
import { prepareRegion } from '../src/domain/prepare';
import type { ClearanceProperties } from '../src/domain/schema';
import type { RegionData } from '../src/domain/types';
import { validateRegion } from '../src/domain/validate';
import { benchGeoLibraries, surveyRing } from './bench/geoLibraries';
import { siteParcels } from './bench/parcels';
import { readRegionFiles } from './regionFs';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const data = validateRegion(readRegionFiles('lao-cai')).data;
if (!data) throw new Error('Lào Cai data is invalid: run npm run validate:data');
const region = prepareRegion(data);
const sites = region.siteAnchors.features.filter((f) => f.properties.hasOutline);

/** 20,000 parcels spread over the sites with an outline (shared with the browser benchmark). */
const parcels = (n: number, seed: number) => siteParcels(region, n, seed);

console.log(`Analytics benchmark · ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · ${RUNS} runs, median`);

const N = 20_000;
const dissolve: number[] = [];
const plain: number[] = [];
let cleared = 0;
for (let run = 0; run < RUNS; run++) {
  // Fresh objects each run: the analytics cache results by input identity.
  const features = parcels(N, 1000 + run);
  const input = { sites: data.sites, clearance: { type: 'FeatureCollection', features } as FeatureCollection<Geometry | null, ClearanceProperties> };
  dissolve.push(time(() => (cleared = clearanceAsOf(input, region.siteOutlines, '2026-12-31').province.clearedHa)));
  plain.push(time(() => features.reduce((s, f) => s + geodesicAreaM2(f.geometry as Polygon), 0)));
}
const d = median(dissolve);
const p = median(plain);
console.log(`\n${N.toLocaleString('en')} clearance parcels over ${sites.length} Lào Cai sites (cleared ${cleared.toFixed(1)} ha in the last run):`);
console.log(`  dissolve + clip + total   ${d.toFixed(0).padStart(6)} ms   (aim < 1000 ms)`);
console.log(`  baseline: sum of areas    ${p.toFixed(0).padStart(6)} ms   ratio ${(d / p).toFixed(1)}×`);

// The report as the app's worker builds it, over the browser benchmark's region (parcels dated on or
// before the report date, citing a document of the region, so that validation passes).
const doc = Object.keys(data.region.sources)[0]!;
const steps = new Map<string, number[]>();
const around = new Map<string, number[]>();
const add = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
for (let run = 0; run < RUNS; run++) {
  const features = siteParcels(region, N, 2026 + run, { asOf: '2026-06-30', doc });
  const files = { ...readRegionFiles('lao-cai'), clearance: { type: 'FeatureCollection', features } };
  let checked: RegionData | null = null;
  add(around, 'main thread: validate the region (zod schema, geometry, sources)', time(() => (checked = validateRegion(files).data)));
  if (!checked) throw new Error('generated parcels do not validate');
  const big = prepareRegion(checked);
  const asOf = big.data.region.asOf;
  add(around, 'main thread: the parcels the map draws at the date (drawnParcels)', time(() => parcelsAsOf(big.data.clearance, asOf)));
  let copy: Pick<typeof big, 'data' | 'siteOutlines'> | null = null;
  add(around, 'posting the parsed region instead (structuredClone; the app transfers the file\'s bytes)', time(() => (copy = structuredClone({ data: big.data, siteOutlines: big.siteOutlines }))));
  takeStepTimes();
  add(around, 'worker: buildReport (all steps)', time(() => buildReport(copy!, asOf)));
  for (const [k, v] of Object.entries(takeStepTimes())) add(steps, k, v);
}
console.log(`\nThe report over ${N.toLocaleString('en')} parcels, as the app's worker builds it (median ms of ${RUNS}):`);
for (const [k, v] of around) console.log(`  ${k.padEnd(84)} ${median(v).toFixed(0).padStart(6)}`);
console.log('  buildReport by step (per-site steps summed over the sites):');
for (const [k, v] of [...steps].sort((a, b) => median(b[1]) - median(a[1]))) console.log(`    ${k.padEnd(82)} ${median(v).toFixed(0).padStart(6)}`);

const polys = parcels(10_000, 7).map((f) => f.geometry as Polygon);
const methods: [string, (g: Polygon) => number][] = [
  ['ellipsoidal (equal-area plane)', geodesicAreaM2],
  ['VN-2000 TM-3 (proj4)', (g) => vn2000AreaM2(g, data.region.vn2000Zone)],
  ['Turf spherical (baseline)', turfAreaM2],
];
const results = methods.map(([name, fn]) => {
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(time(() => polys.forEach((g) => fn(g))));
  return [name, median(runs)] as const;
});
const turf = results[results.length - 1]![1];
console.log('\nArea of 10,000 polygons:');
for (const [name, ms] of results) console.log(`  ${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms   ratio ${(ms / turf).toFixed(1)}×`);

console.log('\nsrc/geo/ against maintained libraries (median ms; lower is better):');
console.log('  | task | ours (ms) | library | library (ms) | note |');
console.log('  |---|--:|---|--:|---|');
for (const r of benchGeoLibraries(polys, RUNS)) {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
  console.log(`  | ${r.task} | ${f(r.ours)} | ${r.library} | ${f(r.theirs)} | ${r.note} |`);
}

// `npm run area` on one 500,000-corner survey ring, end to end as a planner runs it (a new process:
// start-up, reading, validity, the three areas, the table). Budget: 10 s (issue 15).
const dir = mkdtempSync(join(tmpdir(), 'kcn-area-'));
try {
  const file = join(dir, 'ranh-gioi-500k.geojson');
  const ring = surveyRing(500_000);
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Ranh giới đo đạc' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'area.ts'), file], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`npm run area failed: ${run.stderr}`);
  console.log(`\nnpm run area, one ring of 500,000 corners (a new process, end to end): ${(ms / 1000).toFixed(1)} s   (budget 10 s)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
