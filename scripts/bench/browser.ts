// Browser part of `npm run bench`: one cold load of a page in a fresh context (empty cache), with the
// milestones of its start (resource timing, the app's performance marks, marks this file adds through
// the `window.__atlas` hook both pages expose), the main thread's long frames attributed to scripts
// (Long Animation Frames API), the JS heap, and optionally frame times while the map pans.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/harness';
import { IDLE_WITH_DATA_MARK, REPORT_READY_MARK } from '../../src/map/marks';

/** Marks the init script sets (the app's own marks are in src/map/marks.ts). */
export const MAP_CREATED = 'bench:map-created';
export const REGION_SET = 'bench:region-set';
export const IDLE_WITH_PARCELS = 'bench:idle-with-parcels';

export async function launchBench(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      // Exact heap figures (otherwise bucketed) and a gc() to read the heap after a collection.
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
      // Nothing leaves localhost, without routing every request through the driver (which costs each
      // request a round trip to this process and would weigh on the page that makes more requests).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

// Runs in the page before its own scripts. Plain JS in a string: tsx would otherwise insert helpers
// the page does not have.
export const INIT_SCRIPT = `(() => {
  const loaf = [];
  window.__benchLoaf = loaf;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        loaf.push({
          start: e.startTime,
          duration: e.duration,
          styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invokerType, duration: s.duration, layout: s.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // What the user sees change, for "visually complete" (the last change on screen) and the cumulative
  // layout shift: layout shifts as Chromium reports them; DOM changes to rendered nodes, stamped at the
  // next frame (when they reach the screen); and every frame the map renders (hooked below).
  const shifts = [];
  const changes = [];
  window.__benchShifts = shifts;
  window.__benchChanges = changes;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        shifts.push({ start: e.startTime, value: e.value });
        changes.push({ at: e.startTime, kind: 'layout shift' });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  let framePending = false;
  const onNextFrame = (kind) => {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => { framePending = false; changes.push({ at: performance.now(), kind }); });
  };
  const rendered = (n) => {
    const el = n.nodeType === 1 ? n : n.parentElement;
    return !!el && el.isConnected && el.getClientRects().length > 0;
  };
  new MutationObserver((records) => {
    if (records.some((r) => rendered(r.target) || [...r.addedNodes].some(rendered))) onNextFrame('page (DOM)');
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  let atlas;
  Object.defineProperty(window, '__atlas', {
    configurable: true,
    get() { return atlas; },
    set(v) {
      atlas = v;
      if (!v) return;
      performance.mark('${MAP_CREATED}');
      const store = v.store;
      if (store) {
        const check = (s) => { if (s.region && !performance.getEntriesByName('${REGION_SET}').length) performance.mark('${REGION_SET}'); };
        check(store.getState());
        store.subscribe(check);
      }
      const map = v.map;
      const setStyle = map.setStyle.bind(map);
      map.setStyle = (...args) => { performance.mark('bench:set-style'); return setStyle(...args); };
      const onIdle = () => {
        let n = 0;
        try { n = map.querySourceFeatures('clearance').length; } catch {}
        if (n > 1000) { map.off('idle', onIdle); performance.mark('${IDLE_WITH_PARCELS}'); }
      };
      map.on('idle', onIdle);
      map.on('render', () => changes.push({ at: performance.now(), kind: 'map frame' }));
    },
  });
})();`;

export interface ResourceTime {
  name: string;
  start: number;
  end: number;
}

export interface LoafScript {
  url: string;
  fn: string;
  invoker: string;
  duration: number;
}

export interface Sample {
  marks: Record<string, number>;
  /** the worker's own time for the first report, when the worker made it, and that time by step */
  workerMs: number | null;
  workerSteps: Record<string, number> | null;
  resources: ResourceTime[];
  fcp: number | null;
  loaf: { start: number; duration: number; styleLayout: number; scripts: LoafScript[] }[];
  heapMb: number;
  /** requestAnimationFrame deltas while panning (ms) */
  frames: number[];
  /** when the app called map.setStyle (ms from navigation) */
  setStyleAt: number[];
  /** the map element's size in CSS px */
  mapSize: { width: number; height: number };
  /** cumulative layout shift (sum of every shift without recent input), when `settle` was asked */
  cls: number;
  /** ms from navigation to the last change on screen (layout shift, DOM change, map frame), when `settle` was asked */
  visuallyComplete: number;
  /** what that last change was */
  lastChange: string;
}

/** How long nothing may change on screen before the page counts as complete, and the most to wait for it. */
const QUIET_MS = 3000;
const SETTLE_CAP_MS = 45_000;

export interface LoadOptions {
  /** mark to wait for before reading the sample */
  until: string[];
  /** pan the map after loading and record frame times */
  pan?: boolean;
  /** more script to run in the page before its own (experiments: what if the app did X) */
  initScript?: string;
  /** the page's size (default 1440 × 900, a laptop) */
  viewport?: { width: number; height: number };
  /** after the marks, wait until nothing has changed on screen for QUIET_MS, for cls and visuallyComplete */
  settle?: boolean;
}

/** One cold load: a fresh context (empty cache), until every mark of `until` is set. */
export async function coldLoad(browser: Browser, url: string, opts: LoadOptions): Promise<Sample> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 }, locale: 'vi-VN' });
  try {
    await context.addInitScript(INIT_SCRIPT);
    if (opts.initScript) await context.addInitScript(opts.initScript);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((marks) => marks.every((m) => performance.getEntriesByName(m).length > 0), opts.until, { timeout: 120_000 });
    const settled = opts.settle ? await settle(page) : { cls: NaN, visuallyComplete: NaN, lastChange: '' };
    const sample = await page.evaluate(
      async ({ report }) => {
        const marks: Record<string, number> = {};
        for (const e of performance.getEntriesByType('mark')) marks[e.name] ??= e.startTime;
        const detail = (performance.getEntriesByName(report)[0] as PerformanceMark | undefined)?.detail as { workerMs?: number | null; workerSteps?: Record<string, number> | null } | undefined;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        if (nav) {
          marks['nav:response-end'] = nav.responseEnd;
          marks['nav:dom-content-loaded'] = nav.domContentLoadedEventEnd;
        }
        const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd }));
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        // A collection first, so the figure is what the page keeps, not garbage waiting for the collector.
        (globalThis as unknown as { gc?: () => void }).gc?.();
        await new Promise((r) => setTimeout(r, 200));
        const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        const loaf = (window as unknown as { __benchLoaf: Sample['loaf'] }).__benchLoaf;
        const el = document.querySelector('.maplibregl-map');
        const mapSize = { width: el?.clientWidth ?? 0, height: el?.clientHeight ?? 0 };
        const setStyleAt = performance.getEntriesByName('bench:set-style').map((e) => e.startTime);
        return { cls: 0, visuallyComplete: 0, lastChange: '', setStyleAt, mapSize, marks, workerMs: detail?.workerMs ?? null, workerSteps: detail?.workerSteps ?? null, resources, fcp, loaf: [...loaf], heapMb: (mem?.usedJSHeapSize ?? 0) / 1048576, frames: [] as number[] };
      },
      { report: REPORT_READY_MARK },
    );
    if (opts.pan) sample.frames = await panFrames(page);
    return { ...sample, ...settled };
  } finally {
    await context.close();
  }
}

/**
 * Waits until nothing has changed on screen for QUIET_MS (late notices, a service worker's note, fonts
 * and tiles included), then reads the last change and the sum of the layout shifts. Changes after the
 * cap are not seen: the figure is then the cap's last change, said as such by `lastChange`.
 */
async function settle(page: import('playwright-core').Page): Promise<{ cls: number; visuallyComplete: number; lastChange: string }> {
  // A string, like INIT_SCRIPT (see panFrames).
  return page.evaluate<{ cls: number; visuallyComplete: number; lastChange: string }>(`(async () => {
    const quiet = ${QUIET_MS};
    const cap = ${SETTLE_CAP_MS};
    const last = () => window.__benchChanges.reduce((a, c) => (c.at > a.at ? c : a), { at: 0, kind: 'none' });
    while (performance.now() - last().at < quiet && performance.now() < cap) await new Promise((r) => setTimeout(r, 250));
    const l = last();
    return {
      cls: window.__benchShifts.reduce((t, s) => t + s.value, 0),
      visuallyComplete: l.at,
      lastChange: performance.now() >= cap ? l.kind + ' (still changing at the cap)' : l.kind,
    };
  })()`);
}

/**
 * Frame times while the map pans continuously: four 1-second legs (right, down, left, up, 240 px
 * each) at the zoom the page opened at, so the parcels stay on screen; every frame's rAF delta.
 */
async function panFrames(page: import('playwright-core').Page): Promise<number[]> {
  // A string, like INIT_SCRIPT: named functions compiled by tsx would call a helper the page lacks.
  return page.evaluate<number[]>(`(async () => {
    const map = window.__atlas.map;
    const deltas = [];
    let running = true;
    let last = 0;
    const tick = (t) => {
      if (last) deltas.push(t - last);
      last = t;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const leg = (dx, dy) => new Promise((resolve) => {
      map.once('moveend', () => resolve());
      map.panBy([dx, dy], { duration: 1000, easing: (t) => t });
    });
    for (const [dx, dy] of [[240, 0], [0, 240], [-240, 0], [0, -240]]) await leg(dx, dy);
    running = false;
    return deltas;
  })()`);
}

export const IDLE = IDLE_WITH_DATA_MARK;
export const REPORT = REPORT_READY_MARK;
