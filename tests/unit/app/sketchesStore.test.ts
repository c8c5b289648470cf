// @vitest-environment node
// Sketches kept in the browser: back after a reload with their names and tags, each change written,
// a removed one deleted; a corrupt entry or a full quota gives a notice and costs nothing else.
import { describe, expect, it } from 'vitest';
import { loadLayers, memoryLayerStorage, type LayerStorage } from '../../../src/app/importedLayersStore';
import { loadSketches, startSketchPersistence, type SketchStorageNotice } from '../../../src/app/sketchesStore';
import { createAppStore } from '../../../src/store/createAppStore';
import type { Sketch } from '../../../src/domain/sketches';
import { cell } from '../../fixtures/ellipsoid';
import { laoCai } from '../../fixtures/laoCai';

function sketch(id: string, name: string, createdAt: string, tagged = false): Sketch {
  return {
    id,
    name,
    createdAt,
    geometry: cell(104.14, 22.301, 104.148, 22.306),
    clearance: tagged ? { siteId: 'lc-kcn-tang-loong', status: 'cleared', asOf: '2026-11-22' } : null,
  };
}
const line = (id: string, createdAt: string): Sketch => ({
  id,
  name: 'Tuyến ống',
  createdAt,
  geometry: { type: 'LineString', coordinates: [[104.14, 22.3], [104.15, 22.31]] },
  clearance: null,
});

function collect() {
  const notices: SketchStorageNotice[] = [];
  return { notices, onNotice: (n: SketchStorageNotice) => notices.push(n) };
}

describe('sketches kept in the browser', () => {
  it('puts stored sketches back at start, oldest first, and a tagged one counts again', async () => {
    const storage = memoryLayerStorage({
      'sketch:s-b': line('s-b', '2026-11-21T08:00:00Z'),
      'sketch:s-a': sketch('s-a', 'Lô phía bắc', '2026-11-20T08:00:00Z', true),
      // An imported layer in the same database is not a sketch.
      'layer:x': { id: 'x' },
    });
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    const { notices, onNotice } = collect();
    const p = startSketchPersistence(store, storage, onNotice);
    await p.flush();
    expect(store.getState().sketches.map((s) => [s.id, s.name])).toEqual([
      ['s-a', 'Lô phía bắc'],
      ['s-b', 'Tuyến ống'],
    ]);
    expect(store.getState().region!.data.clearance.features.some((f) => f.properties.id === 'sketch-s-a')).toBe(true);
    expect(notices).toEqual([]);
    p.stop();
  });

  it('writes a new sketch, an edit, a name and a tag, and deletes a removed one', async () => {
    const storage = memoryLayerStorage();
    const store = createAppStore();
    const p = startSketchPersistence(store, storage);
    await p.flush();
    store.getState().putSketch(sketch('s-1', '', '2026-11-22T08:00:00Z'));
    store.getState().putSketch({ ...store.getState().sketches[0]!, geometry: cell(104.14, 22.301, 104.15, 22.306) });
    store.getState().renameSketch('s-1', 'Lô bàn giao');
    store.getState().tagSketch('s-1', { siteId: 'lc-kcn-tang-loong', status: 'in-progress', asOf: '2026-11-01' });
    await p.flush();
    const kept = (await loadSketches(storage)).sketches;
    expect(kept).toEqual([store.getState().sketches[0]]);
    expect(kept[0]!.geometry).toEqual(cell(104.14, 22.301, 104.15, 22.306));
    expect(kept[0]!.clearance?.status).toBe('in-progress');
    store.getState().removeSketch('s-1');
    await p.flush();
    expect([...storage.data.keys()]).toEqual([]);
    p.stop();
  });

  it('skips a corrupt entry with a notice naming it, loads the others and deletes nothing', async () => {
    const broken = { ...sketch('s-c', 'Lô hỏng', '2026-11-20T00:00:00Z'), geometry: { type: 'Polygon', coordinates: 'x' } };
    const storage = memoryLayerStorage({
      'sketch:s-a': sketch('s-a', 'Lô tốt', '2026-11-20T08:00:00Z'),
      'sketch:s-c': broken,
      'sketch:s-d': 42,
      // A latitude out of range: not a WGS84 position.
      'sketch:s-e': { ...line('s-e', '2026-11-20T09:00:00Z'), name: '', geometry: { type: 'LineString', coordinates: [[104, 95], [104, 22]] } },
      'layer:x': { id: 'x', name: 'a layer' },
    });
    const store = createAppStore();
    const { notices, onNotice } = collect();
    const p = startSketchPersistence(store, storage, onNotice);
    await p.flush();
    expect(store.getState().sketches.map((s) => s.id)).toEqual(['s-a']);
    expect(notices.at(-1)).toEqual({ kind: 'corrupt', names: ['Lô hỏng', 's-d', 's-e'] });
    expect([...storage.data.keys()].sort()).toEqual(['layer:x', 'sketch:s-a', 'sketch:s-c', 'sketch:s-d', 'sketch:s-e']);
    // The imported layers' loader is not disturbed by the sketches beside them.
    expect((await loadLayers(storage)).corrupt).toEqual(['a layer']);
    p.stop();
  });

  it('on a full quota keeps the sketch on screen, says so, and keeps the ones already stored', async () => {
    const base = memoryLayerStorage({ 'sketch:s-a': sketch('s-a', 'Lô cũ', '2026-11-20T08:00:00Z') });
    const full: LayerStorage = {
      ...base,
      set: async (k) => {
        throw Object.assign(new Error(`no room for ${k}`), { name: 'QuotaExceededError' });
      },
    };
    const store = createAppStore();
    const { notices, onNotice } = collect();
    const p = startSketchPersistence(store, full, onNotice);
    await p.flush();
    store.getState().putSketch(sketch('s-big', 'Lô mới', '2026-11-22T08:00:00Z'));
    store.getState().putSketch(line('s-line', '2026-11-22T09:00:00Z'));
    await p.flush();
    expect(store.getState().sketches.map((s) => s.id)).toEqual(['s-a', 's-big', 's-line']);
    expect(notices.at(-1)).toEqual({ kind: 'quota', names: ['Lô mới', 'Tuyến ống'] });
    expect(base.data.has('sketch:s-a')).toBe(true);
    p.stop();
  });

  it('writes a sketch drawn before the stored ones were read, and runs without storage', async () => {
    const storage = memoryLayerStorage({ 'sketch:s-a': sketch('s-a', 'Cũ', '2026-11-20T08:00:00Z') });
    const store = createAppStore();
    store.getState().putSketch(sketch('s-n', 'Mới', '2026-11-22T08:00:00Z'));
    const p = startSketchPersistence(store, storage);
    await p.flush();
    expect(store.getState().sketches.map((s) => s.id)).toEqual(['s-n', 's-a']);
    expect(storage.data.has('sketch:s-n')).toBe(true);
    p.stop();

    const bare = createAppStore();
    const q = startSketchPersistence(bare, null);
    bare.getState().putSketch(sketch('s-x', '', '2026-11-22T08:00:00Z'));
    await q.flush();
    expect(bare.getState().sketches).toHaveLength(1);
    q.stop();
  });
});
