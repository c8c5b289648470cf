// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadLayers, memoryLayerStorage, startImportedLayers, type LayerStorage } from '../../../src/app/importedLayersStore';
import { createAppStore } from '../../../src/store/createAppStore';
import type { ImportedLayer } from '../../../src/domain/importedLayer';

function layer(id: string, name: string, importedAt: string): ImportedLayer {
  return {
    id,
    name,
    fileName: `${name}.kml`,
    format: 'kml',
    crs: { kind: 'wgs84' },
    features: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [104.05, 22.39] },
          properties: { index: 0, name: 'Cảng cạn', attrs: { Mã: 'CC-01' } },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Point', coordinates: [104.05, 22.39] },
              { type: 'Polygon', coordinates: [[[104.05, 22.39], [104.06, 22.39], [104.06, 22.4], [104.05, 22.39]]] },
            ],
          },
          properties: { index: 1, name: 'Cảng cạn & trạm', attrs: {} },
        },
      ],
    },
    problems: [{ index: 1, name: null, code: 'missing-name', severity: 'warning' }],
    visible: true,
    color: '#d81b60',
    importedAt,
  };
}

/** Lets the queued writes and the start-up load run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('imported layers kept in the browser', () => {
  it('puts stored layers back in the store at start, oldest import first', async () => {
    const storage = memoryLayerStorage({
      'layer:b': layer('b', 'Ranh giới mới', '2026-05-02T08:00:00Z'),
      'layer:a': layer('a', 'Mốc VN-2000', '2026-05-01T08:00:00Z'),
    });
    const store = createAppStore();
    const p = startImportedLayers(store, storage);
    await p.flush();
    expect(store.getState().imports.map((l) => l.name)).toEqual(['Mốc VN-2000', 'Ranh giới mới']);
    expect(store.getState().imports[0]!.features.features[0]!.properties.attrs).toEqual({ Mã: 'CC-01' });
    // A KML MultiGeometry (a collection) comes back too.
    expect(store.getState().imports[0]!.features.features[1]!.geometry.type).toBe('GeometryCollection');
    expect(store.getState().importStorageNotice).toBeNull();
    p.stop();
  });

  it('writes an added layer, a rename and a colour change, and deletes a removed one', async () => {
    const storage = memoryLayerStorage();
    const store = createAppStore();
    const p = startImportedLayers(store, storage);
    await p.flush();
    store.getState().addImport(layer('x', 'Khảo sát', '2026-05-03T08:00:00Z'));
    store.getState().renameImport('x', 'Khảo sát đợt 2');
    store.getState().setImportColor('x', '#00897b');
    await p.flush();
    const kept = (await loadLayers(storage)).layers;
    expect(kept.map((l) => [l.name, l.color])).toEqual([['Khảo sát đợt 2', '#00897b']]);
    await p.saveBytes('x', new Uint8Array([1, 2, 3]));
    expect(storage.data.has('bytes:x')).toBe(true);
    store.getState().removeImport('x');
    await p.flush();
    expect([...storage.data.keys()]).toEqual([]);
    p.stop();
  });

  it('skips a corrupt entry with a notice naming it, and loads the others', async () => {
    const broken = { ...layer('c', 'Bản vẽ hỏng', '2026-05-01T00:00:00Z'), features: 'not a collection' };
    const storage = memoryLayerStorage({
      'layer:a': layer('a', 'Mốc VN-2000', '2026-05-01T08:00:00Z'),
      'layer:c': broken,
      'layer:d': 42,
    });
    const store = createAppStore();
    const p = startImportedLayers(store, storage);
    await p.flush();
    expect(store.getState().imports.map((l) => l.id)).toEqual(['a']);
    expect(store.getState().importStorageNotice).toEqual({ kind: 'corrupt', names: ['Bản vẽ hỏng', 'd'] });
    // Nothing was deleted: the entries stay as they were.
    expect(storage.data.has('layer:c')).toBe(true);
    p.stop();
  });

  it('on a full quota keeps the layer on screen, says so, and keeps the layers already stored', async () => {
    const base = memoryLayerStorage({ 'layer:a': layer('a', 'Mốc VN-2000', '2026-05-01T08:00:00Z') });
    const full: LayerStorage = {
      ...base,
      set: async (k) => {
        throw Object.assign(new Error(`no room for ${k}`), { name: 'QuotaExceededError' });
      },
    };
    const store = createAppStore();
    const p = startImportedLayers(store, full);
    await p.flush();
    store.getState().addImport(layer('big', 'Bản đồ địa chính', '2026-05-04T08:00:00Z'));
    await p.flush();
    await settle();
    expect(store.getState().imports.map((l) => l.id)).toEqual(['a', 'big']);
    expect(store.getState().importStorageNotice).toEqual({ kind: 'quota', names: ['Bản đồ địa chính'] });
    expect(base.data.has('layer:a')).toBe(true);
    p.stop();
  });

  it('writes a layer imported before the stored ones were read', async () => {
    const storage = memoryLayerStorage({ 'layer:a': layer('a', 'Cũ', '2026-05-01T08:00:00Z') });
    const store = createAppStore();
    store.getState().addImport(layer('n', 'Mới', '2026-05-05T08:00:00Z'));
    const p = startImportedLayers(store, storage);
    await p.flush();
    await p.flush();
    expect(store.getState().imports.map((l) => l.id)).toEqual(['n', 'a']);
    expect(storage.data.has('layer:n')).toBe(true);
    p.stop();
  });

  it('runs without storage (no IndexedDB): nothing is loaded, nothing fails', async () => {
    const store = createAppStore();
    const p = startImportedLayers(store, null);
    store.getState().addImport(layer('x', 'Khảo sát', '2026-05-03T08:00:00Z'));
    await p.flush();
    expect(store.getState().imports).toHaveLength(1);
    expect(await p.getBytes('x')).toBeNull();
    p.stop();
  });
});
