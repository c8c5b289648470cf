// Slides, kiosk and the slide author.
import type { PresentationSlice } from '../state';
import type { Slice } from './slice';

export const presentationSlice: Slice<PresentationSlice> = (set) => ({
  presenting: false,
  slide: 0,
  kiosk: false,
  kioskTiming: null,
  layersBefore: null,
  authoring: false,
  startPresenting: (o = {}) =>
    set((s) => ({
      presenting: true,
      slide: o.slide ?? 0,
      kiosk: o.kiosk ?? false,
      // Starting again while presenting must not record the slide's layers as the user's.
      layersBefore: s.presenting ? s.layersBefore : s.visible,
    })),
  stopPresenting: () =>
    set((s) => ({
      presenting: false,
      kiosk: false,
      authoring: false,
      highlighted: [],
      visible: s.layersBefore ?? s.visible,
      layersBefore: null,
    })),
  setSlide: (slide) => set({ slide }),
  setKiosk: (kiosk) => set({ kiosk }),
  setKioskTiming: (kioskTiming) => set({ kioskTiming }),
  setAuthoring: (authoring) => set({ authoring }),
});
