// `npm run bench`: prints the size of the JS a first visit loads (app code apart from maplibre-gl),
// and the cold start to "map idle with the region drawn" of the built app against a bare MapLibre
// page drawing the same basemap and data, measured alternately in one run, as a ratio of medians.
// Figures, not pass/fail: these machines are shared and noisy.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launch, ROOT } from '../tests/e2e/harness';
import { IDLE_WITH_DATA_MARK } from '../src/map/marks';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const BUDGET_APP_KB = 150;
const BUDGET_RATIO = 1.3;
const DIST = join(ROOT, 'dist');
const BARE_OUT = join(ROOT, 'node_modules', '.cache', 'bench-bare');

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The scripts index.html loads at once: its entry module and everything it preloads. */
function initialScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) srcs.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) srcs.add(m[1] as string);
  return [...srcs].map((s) => s.replace(/^\.?\//, ''));
}

function sizeReport(): { appGz: number; maplibreGz: number } {
  let appGz = 0;
  let maplibreGz = 0;
  console.log('\nInitial JS (gzip -9):');
  for (const file of initialScripts(DIST)) {
    const gz = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    const isMaplibre = /maplibre-gl/.test(file);
    if (isMaplibre) maplibreGz += gz;
    else appGz += gz;
    console.log(`  ${file.padEnd(44)} ${kb(gz).padStart(10)}${isMaplibre ? '  (maplibre-gl)' : ''}`);
  }
  return { appGz, maplibreGz };
}

async function buildBare(): Promise<void> {
  rmSync(BARE_OUT, { recursive: true, force: true });
  await build({
    configFile: false,
    root: join(ROOT, 'scripts', 'bench', 'bare'),
    base: './',
    publicDir: join(ROOT, 'public'),
    // The same region data as the app (regionSource globs '@regions').
    resolve: { alias: { '@regions': join(ROOT, 'data', 'regions') } },
    logLevel: 'warn',
    build: { outDir: BARE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
}

async function serve(outDir: string, port: number): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: false },
  });
  return { server, url: server.resolvedUrls?.local[0] as string };
}

interface Sample {
  idleMs: number;
  heapMb: number;
}

/** One cold start: a fresh browser context (empty cache), until the idle-with-data mark. */
async function coldStart(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, IDLE_WITH_DATA_MARK, {
    timeout: 60_000,
  });
  const sample = await page.evaluate((mark) => {
    const entry = performance.getEntriesByName(mark)[0] as PerformanceEntry;
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return { idleMs: entry.startTime, heapMb: (mem?.usedJSHeapSize ?? 0) / 1048576 };
  }, IDLE_WITH_DATA_MARK);
  await context.close();
  return sample;
}

async function main(): Promise<void> {
  console.log(`Benchmark · ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`);
  const { appGz, maplibreGz } = sizeReport();
  console.log(`  app code apart from maplibre-gl: ${kb(appGz)} (budget ${BUDGET_APP_KB} KB) · maplibre-gl: ${kb(maplibreGz)}`);

  await buildBare();
  const app = await serve(DIST, 4181);
  const bare = await serve(BARE_OUT, 4182);
  const browser = await launch();
  try {
    // One warm-up each (disk cache of the OS, JIT of the server), not counted.
    await coldStart(browser, app.url);
    await coldStart(browser, bare.url);
    const appS: Sample[] = [];
    const bareS: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate so that drift in machine load hits both sides alike.
      if (i % 2 === 0) {
        appS.push(await coldStart(browser, app.url));
        bareS.push(await coldStart(browser, bare.url));
      } else {
        bareS.push(await coldStart(browser, bare.url));
        appS.push(await coldStart(browser, app.url));
      }
    }
    const a = median(appS.map((s) => s.idleMs));
    const b = median(bareS.map((s) => s.idleMs));
    console.log(`\nCold start to map idle with the region drawn (${RUNS} runs each, alternating, median; SwiftShader WebGL):`);
    console.log(`  built app          ${a.toFixed(0).padStart(6)} ms   [${appS.map((s) => s.idleMs.toFixed(0)).join(', ')}]`);
    console.log(`  bare MapLibre page ${b.toFixed(0).padStart(6)} ms   [${bareS.map((s) => s.idleMs.toFixed(0)).join(', ')}]`);
    console.log(`  ratio app / bare   ${(a / b).toFixed(2).padStart(6)}      (aim ≤ ${BUDGET_RATIO})`);
    console.log(
      `  JS heap at idle    app ${median(appS.map((s) => s.heapMb)).toFixed(1)} MB · bare ${median(bareS.map((s) => s.heapMb)).toFixed(1)} MB`,
    );
  } finally {
    await browser.close();
    await app.server.close();
    await bare.server.close();
  }
}

await main();
