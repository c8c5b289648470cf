// The region shown: which one is asked for, the loaded one, and the shown one (with the planner's
// linked outlines and tagged sketches, see ../regionDeriver.ts).
import { NO_FILTER } from '../../domain/siteFilter';
import { basemapFor } from '../../domain/basemapChoice';
import type { DataSlice, RegionEntry } from '../state';
import type { DeriveRegion } from '../regionDeriver';
import type { Slice } from './slice';

export const dataSlice =
  (regionId: string, regions: RegionEntry[], derive: DeriveRegion): Slice<DataSlice> =>
  (set) => ({
    regionId,
    region: null,
    loadedRegion: null,
    regions,
    loadErrors: null,
    setRegion: (region) =>
      set((s) => ({
        loadedRegion: region,
        region: derive(region, s.imports, s.siteLinks, s.sketches),
        loadErrors: null,
        regionId: region.data.region.id,
        basemap: basemapFor(s.basemapChoice, region.data.region),
      })),
    setRegionId: (id) =>
      set((s) =>
        s.regionId === id
          ? {}
          : { regionId: id, selected: null, hovered: null, report: null, reportAsOf: null, replayAt: null, replayPlaying: null, replayDrawn: null, siteFilter: NO_FILTER, flyTo: null, loadErrors: null, highlighted: [], slide: 0 },
      ),
    setLoadErrors: (errors) => set({ loadErrors: errors }),
  });
