// Shapes drawn on the map; a polygon tagged as clearance counts in the totals.
import type { Sketch } from '../../domain/sketches';
import type { AppState, SketchSlice } from '../state';
import type { DeriveRegion } from '../regionDeriver';
import type { Slice } from './slice';

export const sketchSlice = (derive: DeriveRegion): Slice<SketchSlice> => (rawSet) => {
  // A change of the sketches re-derives the shown region: a tagged polygon is a clearance parcel.
  const set = (f: (s: AppState) => Partial<AppState>) =>
    rawSet((s) => {
      const patch = f(s);
      if (!patch.sketches) return patch;
      const region = derive(s.loadedRegion, s.imports, s.siteLinks, patch.sketches);
      return region === s.region ? patch : { ...patch, region };
    });
  const update = (id: string, f: (x: Sketch) => Sketch) => set((s) => ({ sketches: s.sketches.map((x) => (x.id === id ? f(x) : x)) }));
  return {
    sketching: false,
    sketches: [],
    setSketching: (sketching) => set(() => ({ sketching })),
    putSketch: (sk) =>
      set((s) => {
        const at = s.sketches.findIndex((x) => x.id === sk.id);
        return { sketches: at < 0 ? [...s.sketches, sk] : s.sketches.map((x, i) => (i === at ? sk : x)) };
      }),
    setSketches: (list) => set((s) => ({ sketches: [...s.sketches, ...list.filter((x) => !s.sketches.some((y) => y.id === x.id))] })),
    renameSketch: (id, name) => update(id, (x) => ({ ...x, name })),
    tagSketch: (id, clearance) => update(id, (x) => (x.geometry.type === 'Polygon' || clearance === null ? { ...x, clearance } : x)),
    removeSketch: (id) => set((s) => ({ sketches: s.sketches.filter((x) => x.id !== id) })),
  };
};
