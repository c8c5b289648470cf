// `npm run bench:replay`: the date slider's part of `npm run bench` alone (issue 18's budget, a step
// ≤ 50 ms with 20,000 parcels), for when the whole bench is too long: builds the app against the
// generated parcels (as the bench does), times the slider's steps (scripts/bench/replay.ts) and appends
// the figures to docs/benchmarks.md. Env: BENCH_REPLAY_RUNS (loads, 1), BENCH_CACHE, BENCH_DOC, BENCH_NOTE.
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tests/e2e/harness';
import { launchBench } from './bench/browser';
import { buildApp, serve } from './bench/builds';
import { parcelRegionsDir } from './bench/parcels';
import { replayRows, replaySteps, REPLAY_KEYS, type ReplaySample } from './bench/replay';

const PARCELS = 20_000;
const RUNS = Number(process.env['BENCH_REPLAY_RUNS'] ?? 1);
const CACHE = process.env['BENCH_CACHE'] ?? join(ROOT, 'node_modules', '.cache');
const DOC = process.env['BENCH_DOC'] ?? join(ROOT, 'docs', 'benchmarks.md');
const OUT = join(CACHE, 'bench-app-parcels');

async function main(): Promise<void> {
  const started = new Date();
  mkdirSync(CACHE, { recursive: true });
  const big = parcelRegionsDir(PARCELS);
  try {
    await buildApp(OUT, big.dir);
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
  }
  const { server, url } = await serve(OUT, 4183);
  const browser = await launchBench();
  try {
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · Chromium ${browser.version()} (headless, SwiftShader WebGL)`;
    console.log(`Replay with ${PARCELS.toLocaleString('en')} parcels, ${RUNS} load(s), ${REPLAY_KEYS.length} keys each…`);
    const samples: ReplaySample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = await replaySteps(browser, url, big.bbox);
      console.log(`  dates drawn: ${s.dates.join(' ')}\n  steps (ms): ${s.stepMs.map((x) => x.toFixed(0)).join(' ')}`);
      samples.push(s);
    }
    const section = [
      `## ${started.toISOString()} · date slider only (\`npm run bench:replay\`)`,
      '',
      `Machine: ${machine}.${process.env['BENCH_NOTE'] ? ` ${process.env['BENCH_NOTE']}` : ''} ${RUNS} load(s) of the app with ${PARCELS.toLocaleString('en')} generated parcels, 1440 × 900, keys: ${REPLAY_KEYS.join(', ')}.`,
      '',
      '| Figure | App | Bare MapLibre | App / bare | Budget |',
      '| --- | ---: | ---: | ---: | --- |',
      ...replayRows(samples, PARCELS).map((r) => `| ${r.join(' | ')} |`),
      '',
    ].join('\n');
    console.log(`\n${section}`);
    appendFileSync(DOC, `\n${section}`);
    console.log(`Appended to ${DOC}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
