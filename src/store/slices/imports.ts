// The planner's own files and the outlines linked from them to sites.
import type { SiteLink } from '../../domain/siteLinks';
import type { ImportedLayer } from '../../domain/importedLayer';
import type { AppState, ImportsSlice } from '../state';
import type { DeriveRegion } from '../regionDeriver';
import type { Slice } from './slice';

export const importsSlice = (derive: DeriveRegion): Slice<ImportsSlice> => (rawSet) => {
  // Every change of the layers or the links re-derives the shown region (the same object when nothing linked moved).
  const set = (f: Partial<AppState> | ((s: AppState) => Partial<AppState>)) =>
    rawSet((s) => {
      const patch = typeof f === 'function' ? f(s) : f;
      if (!('imports' in patch) && !('siteLinks' in patch)) return patch;
      const region = derive(s.loadedRegion, patch.imports ?? s.imports, patch.siteLinks ?? s.siteLinks, s.sketches);
      return region === s.region ? patch : { ...patch, region };
    });
  const update = (id: string, f: (l: ImportedLayer) => ImportedLayer) => set((s) => ({ imports: s.imports.map((l) => (l.id === id ? f(l) : l)) }));
  return {
    imports: [],
    importBusy: null,
    importNotice: null,
    importStorageNotice: null,
    addImport: (layer) =>
      set((s) => {
        const at = s.imports.findIndex((l) => l.id === layer.id);
        return { imports: at < 0 ? [...s.imports, layer] : s.imports.map((l, i) => (i === at ? layer : l)) };
      }),
    setImports: (layers) =>
      set((s) => ({ imports: [...s.imports, ...layers.filter((l) => !s.imports.some((x) => x.id === l.id))] })),
    renameImport: (id, name) => update(id, (l) => ({ ...l, name })),
    setImportColor: (id, color) => update(id, (l) => ({ ...l, color })),
    toggleImport: (id) => update(id, (l) => ({ ...l, visible: !l.visible })),
    setImportFeatureLeftOut: (id, featureIndex, leftOut) =>
      update(id, (l) => {
        const rest = (l.leftOut ?? []).filter((i) => i !== featureIndex);
        return { ...l, leftOut: leftOut ? [...rest, featureIndex].sort((a, b) => a - b) : rest };
      }),
    removeImport: (id) =>
      set((s) => {
        const index = s.imports.findIndex((l) => l.id === id);
        if (index < 0) return {};
        return { imports: s.imports.filter((l) => l.id !== id), importNotice: { kind: 'removed', layer: s.imports[index]!, index } };
      }),
    undoRemoveImport: () =>
      set((s) => {
        const n = s.importNotice;
        if (n?.kind !== 'removed' || s.imports.some((l) => l.id === n.layer.id)) return {};
        const imports = [...s.imports];
        imports.splice(Math.min(n.index, imports.length), 0, n.layer);
        return { imports, importNotice: null };
      }),
    setImportBusy: (importBusy) => set({ importBusy }),
    setImportNotice: (importNotice) => set({ importNotice }),
    setImportStorageNotice: (importStorageNotice) => set({ importStorageNotice }),
    importFlyTo: null,
    requestImportFlyTo: (layerId) => set((s) => ({ importFlyTo: { layerId, seq: (s.importFlyTo?.seq ?? 0) + 1 } })),
    siteLinks: [],
    setSiteLink: (layerId, featureIndex, siteId, manual) =>
      set((s) => {
        // A site has one outline: linking it here unlinks the polygon that had it.
        const rest = s.siteLinks.filter((l) => (l.layerId !== layerId || l.featureIndex !== featureIndex) && (siteId == null || l.siteId !== siteId));
        return { siteLinks: siteId === undefined ? rest : [...rest, { layerId, featureIndex, siteId, manual }] };
      }),
    addSiteLinks: (links) =>
      set((s) => {
        const fresh: SiteLink[] = [];
        for (const l of links) {
          const taken = [...s.siteLinks, ...fresh].some((x) => (x.layerId === l.layerId && x.featureIndex === l.featureIndex) || (l.siteId !== null && x.siteId === l.siteId));
          if (!taken) fresh.push(l);
        }
        return fresh.length === 0 ? {} : { siteLinks: [...s.siteLinks, ...fresh] };
      }),
  };
};
