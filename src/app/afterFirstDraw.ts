// Work that can wait until the map has drawn the region the first time: the service worker's precache
// (every province, the basemap and fonts, about 4 MB) and the panels that load on first use. Started
// earlier, they compete with the first draw for the network and the two cores of a modest laptop.
import { IDLE_WITH_DATA_MARK } from '../map/marks';

/** Runs `fn` once, after the map's first idle frame with data, or after `fallbackMs` if that never comes. */
export function afterFirstDraw(fn: () => void, fallbackMs = 15_000): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  try {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(IDLE_WITH_DATA_MARK).length > 0) {
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
