// One store built from typed slices (store/slices/*, shaped by store/state.ts); createAppStore() gives
// each test (and each app) a fresh one. It holds serializable state only: the MapLibre instance lives in
// React context, not here.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, RegionEntry } from './state';
import { regionDeriver } from './regionDeriver';
import { dataSlice } from './slices/data';
import { layersSlice, selectionSlice } from './slices/layers';
import { basemapSlice, viewSlice } from './slices/view';
import { analyticsSlice, panelsSlice } from './slices/panels';
import { presentationSlice } from './slices/presentation';
import { importsSlice } from './slices/imports';
import { compareSlice } from './slices/compare';
import { sketchSlice } from './slices/sketch';
import { replaySlice } from './slices/replay';

export type AppStore = StoreApi<AppState>;

/** `regions`: every province the build carries, for the switcher (known at build time, app/regionSource.ts). */
export function createAppStore(options: { regionId?: string; regions?: RegionEntry[] } = {}): AppStore {
  const derive = regionDeriver();
  return createStore<AppState>()((...a) => ({
    ...dataSlice(options.regionId ?? 'lao-cai', options.regions ?? [], derive)(...a),
    ...layersSlice(...a),
    ...selectionSlice(...a),
    ...basemapSlice(...a),
    ...viewSlice(...a),
    ...analyticsSlice(...a),
    ...panelsSlice(...a),
    ...presentationSlice(...a),
    ...importsSlice(derive)(...a),
    ...compareSlice(...a),
    ...sketchSlice(derive)(...a),
    ...replaySlice(a[0]),
  }));
}
