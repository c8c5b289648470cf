// The date slider's steps with 20,000 parcels (issue 18's budget: a step ≤ 50 ms), in the built app in
// the browser: the page opens on the parcels, the slider gets the keyboard, and each key press is timed
// from the key event (its timeStamp, when the browser took the input) to the map's first idle with that
// date drawn (the store's `replayDrawn`, which the map bridge sets on that idle): what the user waits for.
// The first press enters the replay (the map swaps the parcels for their timeline once): timed apart.
// Also the main thread's long frames (> 50 ms, Long Animation Frames API) within the steps.
import type { Browser } from 'playwright-core';
import { INIT_SCRIPT, IDLE_WITH_PARCELS, REPORT } from './browser';
import { viewOf } from './parcels';
import { median, ms, percentile, ratio } from './stats';

const BUDGET_REPLAY_STEP_MS = 50;

/** The keys pressed, in order: into the replay, then months (Page Up/Down) across the data's dates, then days. */
export const REPLAY_KEYS = ['Home', ...Array<string>(10).fill('PageUp'), 'End', ...Array<string>(10).fill('PageDown'), ...Array<string>(5).fill('ArrowRight')];

export interface ReplaySample {
  /** ms from the first key (entering the replay) to that date drawn */
  enterMs: number;
  /** ms from each later key to its date drawn */
  stepMs: number[];
  /** the longest main-thread frame within any step (0 when none passed 50 ms) */
  longestFrameMs: number;
  /** the long frames within the steps, per step: their whole time, the app's scripts, MapLibre's scripts */
  longFramesPerStepMs: number;
  appScriptPerStepMs: number;
  maplibreScriptPerStepMs: number;
  /** the dates drawn, in order (to show the steps crossed the data's dates) */
  dates: string[];
  /** the baseline: ms from asking the same map for a repaint (nothing changed) to that frame drawn, each time */
  repaintMs: number[];
}

// In-page recorder (plain JS, as INIT_SCRIPT): the slider's key times, and when each date is drawn.
const RECORDER = `(() => {
  const rec = { keys: [], drawn: [] };
  window.__benchReplay = rec;
  const slider = document.querySelector('[data-testid="replay-slider"]');
  slider.addEventListener('keydown', (e) => rec.keys.push(e.timeStamp), { capture: true });
  const store = window.__atlas.store;
  let last = store.getState().replayDrawn;
  store.subscribe((s) => {
    if (s.replayDrawn && s.replayDrawn !== last && s.replayDrawn === s.replayAt) rec.drawn.push({ at: performance.now(), date: s.replayDrawn });
    last = s.replayDrawn;
  });
})()`;

// One repaint of the map as it stands: from the request to the 'render' event MapLibre fires once the
// frame is drawn (after a pause, so the frame before it is not counted).
const REPAINT = `new Promise((resolve) => setTimeout(() => {
  const map = window.__atlas.map;
  const t0 = performance.now();
  map.once('render', () => resolve(performance.now() - t0));
  map.triggerRepaint();
}, 300))`;

/** Script time in `frames`, MapLibre's (its chunk) or the rest (the app's). */
function scripts(frames: { scripts: { url: string; duration: number }[] }[], maplibre: boolean): number {
  return frames.flatMap((f) => f.scripts).filter((x) => /maplibre-gl/.test(x.url) === maplibre).reduce((t, x) => t + x.duration, 0);
}

/** One load of the app at `url` (built with the generated parcels), then every key of REPLAY_KEYS. */
export async function replaySteps(browser: Browser, url: string, bbox: [number, number, number, number]): Promise<ReplaySample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  try {
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    // The map's size first (the app's map beside its panel), then the view that shows every parcel.
    await page.goto(url);
    await page.waitForFunction((marks) => marks.every((m) => performance.getEntriesByName(m).length > 0), [REPORT], { timeout: 120_000 });
    const size = await page.evaluate(() => {
      const el = document.querySelector('.maplibregl-map');
      return { w: el?.clientWidth ?? 0, h: el?.clientHeight ?? 0 };
    });
    const view = viewOf(bbox, size.w, size.h, 9);
    await page.goto(`${url}?${view.param}`);
    await page.waitForFunction((marks) => marks.every((m) => performance.getEntriesByName(m).length > 0), [IDLE_WITH_PARCELS, REPORT], { timeout: 120_000 });
    const slider = page.getByTestId('replay-slider');
    await slider.focus();
    await page.evaluate(RECORDER);
    for (const [i, key] of REPLAY_KEYS.entries()) {
      await page.keyboard.press(key);
      await page.waitForFunction((n) => (window as unknown as { __benchReplay: { drawn: unknown[] } }).__benchReplay.drawn.length >= n, i + 1, { timeout: 60_000 });
    }
    // The baseline, in the same page at the same view and date: one repaint with nothing changed, which
    // a step cannot beat (it also re-filters the parcels in MapLibre's worker, then repaints).
    const repaintMs: number[] = [];
    for (let i = 0; i < 7; i++) repaintMs.push(await page.evaluate(REPAINT));
    const rec = await page.evaluate(() => (window as unknown as { __benchReplay: { keys: number[]; drawn: { at: number; date: string }[] } }).__benchReplay);
    const loaf = await page.evaluate(() => (window as unknown as { __benchLoaf: { start: number; duration: number; scripts: { url: string; duration: number }[] }[] }).__benchLoaf);
    const spans = rec.keys.map((k, i) => [k, rec.drawn[i]!.at] as const);
    const steps = spans.slice(1);
    const inSteps = loaf.filter((f) => steps.some(([a, b]) => f.start + f.duration > a && f.start < b));
    return {
      enterMs: spans[0]![1] - spans[0]![0],
      stepMs: steps.map(([a, b]) => b - a),
      longestFrameMs: Math.max(0, ...inSteps.map((f) => f.duration)),
      longFramesPerStepMs: inSteps.reduce((t, f) => t + f.duration, 0) / steps.length,
      appScriptPerStepMs: scripts(inSteps, false) / steps.length,
      maplibreScriptPerStepMs: scripts(inSteps, true) / steps.length,
      dates: rec.drawn.map((d) => d.date),
      repaintMs,
    };
  } finally {
    await context.close();
  }
}

/** The benchmark table's rows for the replay (Figure, App, Bare, ratio, Budget). */
export function replayRows(samples: ReplaySample[], parcels: number): string[][] {
  const steps = samples.flatMap((s) => s.stepMs);
  const k = `${parcels / 1000}k parcels`;
  const n = `${steps.length} steps of ${samples.length} load${samples.length > 1 ? 's' : ''}`;
  const med = (f: (s: ReplaySample) => number) => median(samples.map(f));
  const repaint = median(samples.flatMap((s) => s.repaintMs));
  return [
    [`${k}: replay, first date (the map swaps in the parcels' timeline; median)`, ms(median(samples.map((s) => s.enterMs))), '—', '—', ''],
    [`${k}: replay step, key → map idle with the date drawn, median (${n})`, ms(median(steps)), '—', '—', `≤ ${BUDGET_REPLAY_STEP_MS} ms`],
    [`${k}: baseline, one repaint of the same map with nothing changed (request → frame drawn, median); step / repaint`, `${ms(repaint)} (step ${ratio(median(steps), repaint)} ×)`, '—', '—', ''],
    [`${k}: replay step, p95 / max`, `${ms(percentile(steps, 95))} / ${ms(Math.max(...steps))}`, '—', '—', `≤ ${BUDGET_REPLAY_STEP_MS} ms`],
    [
      `${k}: replay step, main thread in long frames (> 50 ms) per step: all, of which the app's scripts, MapLibre's scripts; longest frame`,
      `${ms(med((s) => s.longFramesPerStepMs))}: ${ms(med((s) => s.appScriptPerStepMs))}, ${ms(med((s) => s.maplibreScriptPerStepMs))}; ${ms(Math.max(...samples.map((s) => s.longestFrameMs)))}`,
      '—',
      '—',
      '',
    ],
  ];
}
