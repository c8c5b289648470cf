// What the legend shows and what is picked.
import { allVisible } from '../../domain/layers';
import type { LayersSlice, SelectionSlice } from '../state';
import type { Slice } from './slice';

export const layersSlice: Slice<LayersSlice> = (set) => ({
  visible: allVisible(),
  toggleLayer: (key) => set((s) => ({ visible: { ...s.visible, [key]: !s.visible[key] } })),
  setLayerVisible: (key, on) => set((s) => ({ visible: { ...s.visible, [key]: on } })),
});

export const selectionSlice: Slice<SelectionSlice> = (set) => ({
  hovered: null,
  selected: null,
  setHovered: (hovered) => set({ hovered }),
  select: (selected) => set({ selected }),
});
