// The basemap drawn, where the map looks, and the interface language.
import { basemapFor } from '../../domain/basemapChoice';
import type { BasemapSlice, ViewSlice } from '../state';
import type { Slice } from './slice';

export const basemapSlice: Slice<BasemapSlice> = (set) => ({
  basemap: 'embedded',
  basemapChoice: null,
  basemapNotice: null,
  setBasemap: (choice) => set((s) => ({ basemapChoice: choice, basemap: basemapFor(choice, s.loadedRegion?.data.region), basemapNotice: null })),
  basemapFailed: () => set({ basemap: 'embedded', basemapChoice: 'embedded', basemapNotice: 'fallback' }),
});

export const viewSlice: Slice<ViewSlice> = (set) => ({
  camera: null,
  setCamera: (camera) => set({ camera }),
  cameraRequest: null,
  requestCamera: (camera, duration = 0) => set((s) => ({ cameraRequest: { camera, duration, seq: (s.cameraRequest?.seq ?? 0) + 1 } })),
  pendingCamera: null,
  setPendingCamera: (pendingCamera) => set({ pendingCamera }),
  highlighted: [],
  setHighlighted: (highlighted) => set({ highlighted }),
  fitRequest: 0,
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
  nationalRequest: 0,
  requestNationalView: () => set((s) => ({ nationalRequest: s.nationalRequest + 1 })),
  lang: 'vi',
  setLang: (lang) => set({ lang }),
});
