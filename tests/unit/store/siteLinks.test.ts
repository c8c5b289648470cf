// The shown region follows the planner's links: linking draws the polygon as the site's outline,
// unrelated changes keep the very same region (nothing recomputes), removing the layer puts the
// footprint back, and the links come back after a reload with the layers.
import { describe, expect, it } from 'vitest';
import { memoryLayerStorage, startImportedLayers } from '../../../src/app/importedLayersStore';
import { createAppStore } from '../../../src/store/createAppStore';
import type { ImportedLayer } from '../../../src/domain/importedLayer';
import { laoCai } from '../../fixtures/laoCai';

const TL = 'lc-kcn-tang-loong';
const square = { type: 'Polygon' as const, coordinates: [[[104.13, 22.285], [104.16, 22.285], [104.16, 22.305], [104.13, 22.305], [104.13, 22.285]]] };

function layer(): ImportedLayer {
  return {
    id: 'ranh',
    name: 'Ranh KCN',
    fileName: 'ranh.geojson',
    format: 'geojson',
    crs: { kind: 'wgs84' },
    features: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square, properties: { index: 0, name: 'KCN Tằng Loỏng', attrs: {} } }] },
    problems: [],
    visible: true,
    color: '#00897b',
    importedAt: '2026-05-01T08:00:00Z',
  };
}
const outlineOf = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) => s.region!.siteOutlines.features.find((f) => f.properties.id === TL)!;

describe('site links in the store', () => {
  it('shows the linked polygon as the outline and keeps the region object when nothing linked changes', () => {
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    store.getState().addImport(layer());
    expect(store.getState().region).toBe(laoCai());

    store.getState().setSiteLink('ranh', 0, TL, false);
    expect(outlineOf(store.getState()).geometry).toEqual(square);
    expect(outlineOf(store.getState()).properties.quality).toBe('surveyed');
    expect(store.getState().loadedRegion).toBe(laoCai());

    const linked = store.getState().region;
    store.getState().setImportColor('ranh', '#8e24aa');
    store.getState().toggleImport('ranh');
    expect(store.getState().region).toBe(linked);

    store.getState().removeImport('ranh');
    expect(store.getState().region).toBe(laoCai());
    store.getState().undoRemoveImport();
    expect(outlineOf(store.getState()).geometry).toEqual(square);

    // "None of the sites": the footprint is back, and accepting suggestions leaves the choice alone.
    store.getState().setSiteLink('ranh', 0, null, true);
    expect(store.getState().region).toBe(laoCai());
    store.getState().addSiteLinks([{ layerId: 'ranh', featureIndex: 0, siteId: TL, manual: false }]);
    expect(store.getState().siteLinks).toEqual([{ layerId: 'ranh', featureIndex: 0, siteId: null, manual: true }]);
  });

  it('links made before the region loads apply when it arrives', () => {
    const store = createAppStore();
    store.getState().addImport(layer());
    store.getState().setSiteLink('ranh', 0, TL, true);
    store.getState().setRegion(laoCai());
    expect(outlineOf(store.getState()).properties.quality).toBe('surveyed');
  });

  it('keeps the links in the browser storage with the layers', async () => {
    const storage = memoryLayerStorage();
    const first = createAppStore();
    const p1 = startImportedLayers(first, storage);
    await p1.flush();
    first.getState().addImport(layer());
    first.getState().setSiteLink('ranh', 0, TL, true);
    await p1.flush();
    p1.stop();

    const second = createAppStore();
    const p2 = startImportedLayers(second, storage);
    await p2.flush();
    expect(second.getState().siteLinks).toEqual([{ layerId: 'ranh', featureIndex: 0, siteId: TL, manual: true }]);
    second.getState().setRegion(laoCai());
    expect(outlineOf(second.getState()).geometry).toEqual(square);
    p2.stop();
  });

  it('drops stored links that are unreadable or whose layer is gone', async () => {
    const storage = memoryLayerStorage({ 'site-links': [{ layerId: 'gone', featureIndex: 0, siteId: TL, manual: false }] });
    const store = createAppStore();
    const p = startImportedLayers(store, storage);
    await p.flush();
    expect(store.getState().siteLinks).toEqual([]);
    p.stop();
    const bad = memoryLayerStorage({ 'site-links': 'nonsense', 'layer:ranh': layer() });
    const s2 = createAppStore();
    const p2 = startImportedLayers(s2, bad);
    await p2.flush();
    expect(s2.getState().siteLinks).toEqual([]);
    expect(s2.getState().imports).toHaveLength(1);
    p2.stop();
  });
});
