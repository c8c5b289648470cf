// Work that can wait until the map has drawn the region the first time: the report worker, the service
// worker's precache (every province, the basemap and fonts, about 4 MB) and the panels that load on first
// use. Started earlier, they compete with the first draw for the network and the two cores of a modest
// laptop; the precache and the panels also wait for the first report, which they would otherwise slow.
import { IDLE_WITH_DATA_MARK, REPORT_READY_MARK } from '../map/marks';

/** Runs `fn` once, after the performance mark `name` is set, or after `fallbackMs` if it never comes. */
function afterMark(name: string, fn: () => void, fallbackMs: number): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  try {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name).length > 0) {
        observer.disconnect();
        run();
      }
    });
    observer.observe({ type: 'mark', buffered: true });
  } catch {
    // No PerformanceObserver for marks (old browser): the timer alone decides.
  }
  setTimeout(run, fallbackMs);
}

/**
 * Runs `fn` once the frame on screen has been presented: the map's idle event says MapLibre has issued
 * its last draw, but the graphics process may still be rasterising it (without a usable GPU, seconds of
 * both cores for tens of thousands of parcels). The browser gives the next animation frame only after
 * that, so two of them mean the draw is done.
 */
function afterPresented(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return fn();
  requestAnimationFrame(() => requestAnimationFrame(() => fn()));
}

/** Runs `fn` once, after the map's first idle frame with data has been presented, or after `fallbackMs`. */
export function afterFirstDraw(fn: () => void, fallbackMs = 15_000): void {
  afterMark(IDLE_WITH_DATA_MARK, () => afterPresented(fn), fallbackMs);
}

/** Runs `fn` once the first draw is presented and the first report is in (each waited for at most
 *  `fallbackMs`): for work nobody waits for, which would slow both. */
export function afterStartup(fn: () => void, fallbackMs = 15_000): void {
  afterFirstDraw(() => afterMark(REPORT_READY_MARK, fn, fallbackMs), fallbackMs);
}
