// The province switcher's names, from the build (vite.config.ts reads each region.json into
// `virtual:region-index`), so the switcher is whole at the first paint. Apart from regionSource so that
// a page built without the app's Vite config (the bench's bare MapLibre page) can still fetch a region.
import regionNames from 'virtual:region-index';
import type { RegionEntry } from '../store/state';
import { availableRegionIds } from './regionSource';

/** Every region this build carries files for, with its name. */
export function regionIndex(): RegionEntry[] {
  const known = new Set(availableRegionIds());
  return regionNames.filter((r) => known.has(r.id));
}
