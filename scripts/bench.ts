// `npm run bench`: figures, not pass/fail (these machines are shared and noisy; ratios are measured in
// the same run, alternating app and baseline). Prints a markdown table and appends it, with the date
// and the machine, to docs/benchmarks.md:
//  1. JS sizes (gzip -9): what a first visit loads (app code apart from maplibre-gl, budget 150 KB) and
//     every JS file of the build, with the on-demand features shown outside the first load.
//  2. Cold start to "map idle with the region drawn", built app against a bare MapLibre page with the
//     same basemap and data (scripts/bench/bare/), as a ratio of medians (aim ≤ 1.3), with a breakdown
//     of where the app's time goes.
//  3. 20,000 clearance parcels (a build of both pages against a temporary copy of Lào Cai with generated
//     parcels): load, report from the worker, map idle with the parcels drawn, frame times while
//     panning, JS heap, app against the bare page; and the date slider's steps over them (bench/replay.ts).
// Env: BENCH_RUNS (cold starts per side, 7), BENCH_PARCEL_RUNS (3), BENCH_REPLAY_RUNS (loads for the slider, 1), BENCH_DIST (the app build, dist/),
// BENCH_CACHE (where the extra builds go, node_modules/.cache), BENCH_DOC (docs/benchmarks.md),
// BENCH_NOTE (a sentence for the run's heading, e.g. that the machine was busy).
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import type { Browser } from 'playwright-core';
import { ROOT } from '../tests/e2e/harness';
import { coldLoad, IDLE, IDLE_WITH_PARCELS, launchBench, MAP_CREATED, REGION_SET, REPORT, type Sample } from './bench/browser';
import { buildApp, buildBare, serve } from './bench/builds';
import { parcelRegionsDir, viewOf } from './bench/parcels';
import { replayRows, replaySteps, REPLAY_KEYS, type ReplaySample } from './bench/replay';
import { kb, onDemandSummary, printSize, sizeReport } from './bench/size';
import { median, ms, percentile, ratio } from './bench/stats';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const PARCEL_RUNS = Number(process.env['BENCH_PARCEL_RUNS'] ?? 3);
const REPLAY_RUNS = Number(process.env['BENCH_REPLAY_RUNS'] ?? 1);
const PARCELS = 20_000;
const BUDGET_APP_KB = 150;
const BUDGET_RATIO = 1.3;
const BUDGET_CLS = 0.01;
const BUDGET_PARCELS_RATIO = 1.2;
const BUDGET_WORKER_MS = 1000;
const DIST = process.env['BENCH_DIST'] ?? join(ROOT, 'dist');
const CACHE = process.env['BENCH_CACHE'] ?? join(ROOT, 'node_modules', '.cache');
const DOC = process.env['BENCH_DOC'] ?? join(ROOT, 'docs', 'benchmarks.md');
const BARE_OUT = join(CACHE, 'bench-bare');
const BARE_PARCELS_OUT = join(CACHE, 'bench-bare-parcels');
const APP_PARCELS_OUT = join(CACHE, 'bench-app-parcels');

/** Runs app and bare `runs` times each, alternating (and swapping the order every other run). */
async function alternate(runs: number, app: () => Promise<Sample>, bare: () => Promise<Sample>): Promise<{ app: Sample[]; bare: Sample[] }> {
  // One warm-up each (the OS's disk cache, the server's JIT), not counted.
  await app();
  await bare();
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      a.push(await app());
      b.push(await bare());
    } else {
      b.push(await bare());
      a.push(await app());
    }
  }
  return { app: a, bare: b };
}

const mark = (s: Sample, name: string) => s.marks[name] ?? NaN;
const med = (xs: Sample[], f: (s: Sample) => number) => median(xs.map(f).filter(Number.isFinite));

/** End of the last response matching `re` that started before `beforeMs`. */
function lastEnd(s: Sample, re: RegExp, beforeMs: number): number {
  const ends = s.resources.filter((r) => re.test(r.name) && r.start < beforeMs).map((r) => r.end);
  return ends.length ? Math.max(...ends) : NaN;
}

type Phase = [label: string, f: (s: Sample) => number];
const phases = (regionData: RegExp): Phase[] => [
  ['HTML received', (s) => mark(s, 'nav:response-end')],
  ['initial JS received', (s) => lastEnd(s, /\.js$/, mark(s, 'nav:dom-content-loaded'))],
  ['DOMContentLoaded (modules evaluated)', (s) => mark(s, 'nav:dom-content-loaded')],
  ['map created (first React commit)', (s) => mark(s, MAP_CREATED)],
  ['region files received', (s) => lastEnd(s, regionData, mark(s, IDLE))],
  ['region in store (validated, prepared)', (s) => mark(s, REGION_SET)],
  ['report ready (inline below 500 parcels)', (s) => mark(s, REPORT)],
  ['first contentful paint', (s) => s.fcp ?? NaN],
  ['map idle with the region drawn', (s) => mark(s, IDLE)],
];

/** Main-thread time in long animation frames before `until`, by what ran (script file, or rendering). */
function loafBreakdown(samples: Sample[], until: (s: Sample) => number): [string, number][] {
  const sums = new Map<string, number>();
  for (const s of samples) {
    const end = until(s);
    for (const f of s.loaf.filter((f) => f.start < end)) {
      const scripted = f.scripts.reduce((t, x) => t + x.duration, 0);
      for (const x of f.scripts) {
        const file = x.url ? basename(new URL(x.url).pathname).replace(/-[\w-]{8}\.js$/, '.js') : '(no source)';
        const key = `${file} · ${x.invoker}${x.fn ? ` ${x.fn}` : ''}`;
        sums.set(key, (sums.get(key) ?? 0) + x.duration / samples.length);
      }
      sums.set('rendering, style, layout, GC (frame time outside scripts)', (sums.get('rendering, style, layout, GC (frame time outside scripts)') ?? 0) + Math.max(0, f.duration - scripted) / samples.length);
    }
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]);
}

/** The worker's time by step, median over the loads, largest first. */
function workerStepRows(samples: Sample[]): string {
  const steps = [...new Set(samples.flatMap((s) => Object.keys(s.workerSteps ?? {})))];
  return steps
    .map((k) => [k, median(samples.map((s) => s.workerSteps?.[k] ?? NaN).filter(Number.isFinite))] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `| ${k} | ${ms(v)} |`)
    .join('\n');
}

function requestsBefore(s: Sample, re: RegExp, until: number): number {
  return s.resources.filter((r) => re.test(r.name) && r.start < until).length;
}

async function main(): Promise<void> {
  const started = new Date();
  const size = sizeReport(DIST);
  printSize(size);

  mkdirSync(CACHE, { recursive: true });
  await buildBare(BARE_OUT, join(ROOT, 'data', 'regions'));
  const big = parcelRegionsDir(PARCELS);
  const parcelBbox = big.bbox;
  try {
    await buildApp(APP_PARCELS_OUT, big.dir);
    await buildBare(BARE_PARCELS_OUT, big.dir);
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
  }
  const servers = await Promise.all([serve(DIST, 4181), serve(BARE_OUT, 4182), serve(APP_PARCELS_OUT, 4183), serve(BARE_PARCELS_OUT, 4184)]);
  const [app, bare, appP, bareP] = servers;
  const browser: Browser = await launchBench();
  const chromiumVersion = browser.version();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · Chromium ${chromiumVersion} (headless, SwiftShader WebGL)`;
  console.log(`\nBenchmark · ${started.toISOString()} · ${machine}`);
  try {
    console.log(`\nCold start, ${RUNS} runs each, alternating…`);
    const cold = await alternate(
      RUNS,
      () => coldLoad(browser, app!.url, { until: [IDLE], settle: true }),
      () => coldLoad(browser, bare!.url, { until: [IDLE], settle: true }),
    );
    // Both maps the same size (the app's map, beside its sidebar) and at the same view, one showing
    // every parcel at zoom 9 or more (the clearance layers' minzoom: below it nothing is drawn).
    const mapSize = cold.app[0]!.mapSize;
    const view = viewOf(parcelBbox, mapSize.width, mapSize.height, 9);
    console.log(`${PARCELS.toLocaleString('en')} parcels, ${PARCEL_RUNS} runs each, alternating, at ${view.param} in ${mapSize.width} × ${mapSize.height} px${view.fits ? '' : ' (not all parcels in view)'}…`);
    const big = await alternate(
      PARCEL_RUNS,
      () => coldLoad(browser, `${appP!.url}?${view.param}`, { until: [IDLE_WITH_PARCELS, REPORT], pan: true }),
      () => coldLoad(browser, `${bareP!.url}?parcels&${view.param}`, { until: [IDLE_WITH_PARCELS], pan: true, viewport: mapSize }),
    );
    console.log(`Replay (date slider) with ${PARCELS.toLocaleString('en')} parcels, ${REPLAY_RUNS} load(s), ${REPLAY_KEYS.length} keys each…`);
    const replay: ReplaySample[] = [];
    for (let i = 0; i < REPLAY_RUNS; i++) replay.push(await replaySteps(browser, appP!.url, parcelBbox));

    const idleApp = med(cold.app, (s) => mark(s, IDLE));
    const idleBare = med(cold.bare, (s) => mark(s, IDLE));
    const frames = (xs: Sample[]) => xs.flatMap((s) => s.frames);
    const fp = (xs: Sample[], p: number) => percentile(frames(xs), p);
    const pIdleApp = med(big.app, (s) => mark(s, IDLE_WITH_PARCELS));
    const pIdleBare = med(big.bare, (s) => mark(s, IDLE_WITH_PARCELS));
    const heapCold = [med(cold.app, (s) => s.heapMb), med(cold.bare, (s) => s.heapMb)] as const;
    const heapBig = [med(big.app, (s) => s.heapMb), med(big.bare, (s) => s.heapMb)] as const;
    const mb = (n: number) => `${n.toFixed(1)} MB`;
    const vcApp = med(cold.app, (s) => s.visuallyComplete);
    const vcBare = med(cold.bare, (s) => s.visuallyComplete);
    const clsApp = med(cold.app, (s) => s.cls);
    const clsBare = med(cold.bare, (s) => s.cls);
    // What changed last, run by run: says whether the figure is the map, a late notice or a shift.
    const lastKinds = (xs: Sample[]) => xs.map((s) => s.lastChange).join(', ');
    const onDemand = onDemandSummary(size)
      .map((d) => `${d.purpose} ${kb(d.gz)}${d.initial ? ' **(in first load!)**' : ''}`)
      .join(', ');

    const rows: string[][] = [
      ['Initial JS, app code apart from maplibre-gl (gzip)', kb(size.appGz), '—', '—', `≤ ${BUDGET_APP_KB} KB`],
      ['Initial JS, maplibre-gl (gzip)', kb(size.maplibreGz), '—', '—', ''],
      ['All JS of the build (gzip)', kb(size.totalGz), '—', '—', ''],
      ['Loaded on demand, not at start (gzip)', onDemand, '—', '—', 'none in first load'],
      [`Cold start to map idle with the region (median of ${RUNS})`, ms(idleApp), ms(idleBare), ratio(idleApp, idleBare), `≤ ${BUDGET_RATIO}`],
      [`Visually complete: the last change on screen, map frames, DOM and layout shifts (median of ${RUNS})`, ms(vcApp), ms(vcBare), ratio(vcApp, vcBare), `≤ ${BUDGET_RATIO}`],
      [`Cumulative layout shift, cold start (median of ${RUNS}; worst ${Math.max(...cold.app.map((s) => s.cls)).toFixed(4)})`, clsApp.toFixed(4), clsBare.toFixed(4), '—', `≤ ${BUDGET_CLS}`],
      ['JS heap at that idle (after GC)', mb(heapCold[0]), mb(heapCold[1]), ratio(heapCold[0], heapCold[1]), ''],
      [`${PARCELS / 1000}k parcels: region loaded (fetch, JSON, validation, prepare; median of ${PARCEL_RUNS})`, ms(med(big.app, (s) => mark(s, REGION_SET))), '—', '—', ''],
      [`${PARCELS / 1000}k parcels: report in the worker (its own time: dissolve, totals, targets, areas; steps below)`, ms(med(big.app, (s) => s.workerMs ?? NaN)), '—', '—', `≤ ${BUDGET_WORKER_MS} ms (also Node: \`bench:analytics\`)`],
      [`${PARCELS / 1000}k parcels: report ready (region in store → report, incl. copies)`, ms(med(big.app, (s) => mark(s, REPORT) - mark(s, REGION_SET))), '—', '—', ''],
      [`${PARCELS / 1000}k parcels: navigation → report ready`, ms(med(big.app, (s) => mark(s, REPORT))), '—', '—', ''],
      [`${PARCELS / 1000}k parcels: navigation → map idle with the parcels drawn`, ms(pIdleApp), ms(pIdleBare), ratio(pIdleApp, pIdleBare), `≤ ${BUDGET_PARCELS_RATIO}`],
      ...([50, 95, 99, 100] as const).map((p) => [
        `${PARCELS / 1000}k parcels: frame time while panning, ${p === 100 ? 'max' : `p${p}`} (${frames(big.app).length} / ${frames(big.bare).length} frames)`,
        ms(fp(big.app, p)),
        ms(fp(big.bare, p)),
        ratio(fp(big.app, p), fp(big.bare, p)),
        '',
      ]),
      [`${PARCELS / 1000}k parcels: JS heap after loading them (main thread, after GC)`, mb(heapBig[0]), mb(heapBig[1]), ratio(heapBig[0], heapBig[1]), `≤ ${BUDGET_PARCELS_RATIO}`],
      ...replayRows(replay, PARCELS),
    ];
    const table = [
      '| Figure | App | Bare MapLibre | App / bare | Budget |',
      '| --- | ---: | ---: | ---: | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');

    // Where the app's cold start goes: milestones against the bare page, and the long frames.
    const regionData = /\/assets\/[^/]+\.(geo)?json$/;
    const coldPhases = phases(regionData)
      .map(([label, f]) => `| ${label} | ${ms(med(cold.app, f))} | ${ms(med(cold.bare, f))} |`)
      .join('\n');
    const until = (s: Sample) => mark(s, IDLE);
    const counts = (xs: Sample[], re: RegExp) => med(xs, (s) => requestsBefore(s, re, until(s)));
    const requests = [
      `requests before idle: app ${counts(cold.app, /./)}, bare ${counts(cold.bare, /./)}`,
      `JS files: app ${counts(cold.app, /\.js$/)}, bare ${counts(cold.bare, /\.js$/)}`,
      `region data files: app ${counts(cold.app, regionData)}, bare ${counts(cold.bare, regionData)}`,
      `region.json fetches: app ${counts(cold.app, /\/region-[\w-]+\.json$/)}, bare ${counts(cold.bare, /\/region-[\w-]+\.json$/)}`,
      `fonts: app ${counts(cold.app, /\.woff2?$/)}, bare ${counts(cold.bare, /\.woff2?$/)}`,
      `map.setStyle calls between the map's creation and idle: app ${med(cold.app, (s) => s.setStyleAt.filter((t) => t < until(s)).length)}`,
    ].join(' · ');
    const loafRows = (xs: Sample[], f: (s: Sample) => number) =>
      loafBreakdown(xs, f)
        .slice(0, 10)
        .map(([k, v]) => `| ${k} | ${ms(v)} |`)
        .join('\n');
    const breakdown = [
      `Cold start milestones (median ms from navigation; ${RUNS} runs):`,
      '',
      '| Milestone | App | Bare |',
      '| --- | ---: | ---: |',
      coldPhases,
      '',
      requests,
      '',
      `Last change on screen, each cold start: app ${lastKinds(cold.app)}; bare ${lastKinds(cold.bare)}.`,
      '',
      'Main thread in long animation frames (> 50 ms) before idle, mean per cold start — app:',
      '',
      '| Script · invoker | Time |',
      '| --- | ---: |',
      loafRows(cold.app, until),
      '',
      'and bare (its index.js bundles maplibre-gl):',
      '',
      '| Script · invoker | Time |',
      '| --- | ---: |',
      loafRows(cold.bare, until),
      '',
      `With ${PARCELS / 1000}k parcels, the report worker's own time by step (median of ${PARCEL_RUNS}; \`analytics/stepTimes.ts\`; the per-site steps are summed over the sites):`,
      '',
      '| Step | Time |',
      '| --- | ---: |',
      workerStepRows(big.app),
      '',
      `With ${PARCELS / 1000}k parcels, app, before the map is idle with them:`,
      '',
      '| Script · invoker | Time |',
      '| --- | ---: |',
      loafRows(big.app, (s) => mark(s, IDLE_WITH_PARCELS)),
    ].join('\n');

    const section = [
      `## ${started.toISOString()}`,
      '',
      `Machine: ${machine}.${process.env['BENCH_NOTE'] ? ` ${process.env['BENCH_NOTE']}` : ''} Runs: ${RUNS} cold starts and ${PARCEL_RUNS} loads with ${PARCELS.toLocaleString('en')} parcels per side, alternating, after one warm-up each. Parcels view: \`${view.param}\`, both maps ${mapSize.width} × ${mapSize.height} px.`,
      '',
      table,
      '',
      breakdown,
      '',
    ].join('\n');
    console.log(`\n${section}`);
    if (!existsSync(DOC)) {
      mkdirSync(dirname(DOC), { recursive: true });
      writeFileSync(DOC, DOC_HEADER);
    }
    appendFileSync(DOC, `\n${section}`);
    console.log(`Appended to ${DOC}`);
  } finally {
    await browser.close();
    for (const s of servers) await s.server.close();
  }
}

const DOC_HEADER = `# Benchmarks

Appended by \`npm run bench\` (one section per run, newest last). Figures, not pass/fail: the machines
are shared and noisy, so every app figure is measured next to a baseline in the same run, alternating,
and the ratio is what travels. Headless Chromium renders WebGL with SwiftShader (no GPU), so frame
times are far above a laptop's; their ratio is the figure to read.

Run: \`npm run bench\` (builds dist/, then \`scripts/bench.ts\` and \`scripts/bench-analytics.ts\`).
\`BENCH_RUNS\` (default 7) sets the cold starts per side, \`BENCH_PARCEL_RUNS\` (3) the loads with
20,000 parcels, \`BENCH_DIST\` the build to measure (default dist/), \`BENCH_CACHE\` where the extra builds
go (default node_modules/.cache), \`BENCH_DOC\` this file.

Budgets:
- app code apart from maplibre-gl under 150 KB gzipped on first load; importers, PDF, compare and
  drawing load on demand;
- cold start to map idle, built app against a bare MapLibre page with the same basemap and data
  (\`scripts/bench/bare/\`): ratio ≤ 1.3;
- 20,000 clearance parcels: dissolve and totals in the worker (aim < 1 s, as \`bench:analytics\`), the
  page staying responsive while panning;
- the date slider (replay) over 20,000 parcels: a step ≤ 50 ms from the key to the map idle with the
  date drawn (\`scripts/bench/replay.ts\`; \`npm run bench:replay\` runs that part alone). Read it against
  the baseline beside it, one repaint of the same map with nothing changed, which SwiftShader alone
  makes slower than 50 ms.

Columns:
- **App**: the built app (\`vite build\`); **Bare MapLibre**: MapLibre alone with the same style,
  basemap and region data, no React, validation or panels; **App / bare**: ratio of the two.
- Sizes: gzip -9 of the files, "initial" being what index.html loads and preloads.
- Cold start: a fresh browser context (empty cache) until the map's first idle with the region drawn,
  median of the runs.
- 20k parcels: both pages built against a temporary copy of Lào Cai whose clearance.geojson holds
  20,000 generated parcels over its sites (\`scripts/bench/parcels.ts\`); "map idle with the parcels
  drawn" is the first idle with the clearance source filled; frame times are requestAnimationFrame
  deltas while the map pans 4 × 240 px over 4 s at the opening zoom (all runs pooled); JS heap is
  \`performance.memory.usedJSHeapSize\` of the page's main thread after a forced GC (the report
  worker's heap is not included).
- The milestone and long-frame tables under each run say where the app's extra time goes.
`;

await main();
