// The sketches in the store: drawing and editing keep the shown region as it is until a polygon is
// tagged as clearance; tagging, editing a tagged polygon, renaming it and untagging re-derive the
// region, so the report (and the targets panel) recomputes with the sketched parcel in it.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { buildReport } from '../../../src/analytics/report';
import { createAppStore } from '../../../src/store/createAppStore';
import type { Sketch } from '../../../src/domain/sketches';
import { cell, cellHa } from '../../fixtures/ellipsoid';
import { laoCai } from '../../fixtures/laoCai';

const TL = 'lc-kcn-tang-loong';
const REPORT = '2026-11-22';
// North of Tằng Loỏng's shipped parcels, inside its indicative footprint (not clipped).
const BOX = [104.14, 22.301, 104.148, 22.306] as const;
const BIGGER = [104.14, 22.301, 104.15, 22.306] as const;

function sketch(id: string, geometry: Sketch['geometry'], name = ''): Sketch {
  return { id, geometry, name, clearance: null, createdAt: '2026-11-20T08:00:00Z' };
}

type Store = ReturnType<typeof createAppStore>;
const cleared = (s: Store) => buildReport(s.getState().region!, REPORT).province.clearedHa;
const sketchParcel = (s: Store, id: string) => s.getState().region!.data.clearance.features.find((f) => f.properties.id === `sketch-${id}`);

describe('sketches in the store', () => {
  it('adds a sketch, replaces it by id when edited, and keeps the region while nothing is tagged', () => {
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    store.getState().putSketch(sketch('a', cell(...BOX)));
    store.getState().putSketch(sketch('b', { type: 'LineString', coordinates: [[104.14, 22.30], [104.15, 22.31]] }));
    store.getState().putSketch({ ...store.getState().sketches[0]!, geometry: cell(...BIGGER) });
    expect(store.getState().sketches.map((s) => s.id)).toEqual(['a', 'b']);
    expect(store.getState().sketches[0]!.geometry).toEqual(cell(...BIGGER));
    store.getState().renameSketch('a', 'Lô phía bắc');
    expect(store.getState().sketches[0]!.name).toBe('Lô phía bắc');
    // Untagged sketches are only drawings: the region object is the loaded one, nothing recomputes.
    expect(store.getState().region).toBe(laoCai());
  });

  it('tagging a polygon adds its area to the cleared total; editing it follows; untagging takes it out', () => {
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    const base = cleared(store);
    store.getState().putSketch(sketch('a', cell(...BOX)));
    store.getState().tagSketch('a', { siteId: TL, status: 'cleared', asOf: REPORT });
    expect(store.getState().region).not.toBe(laoCai());
    expect(store.getState().loadedRegion).toBe(laoCai());
    expect(cleared(store) - base).toBeCloseTo(cellHa(...BOX), 4);

    // A vertex dragged: the parcel follows the new shape.
    store.getState().putSketch({ ...store.getState().sketches[0]!, geometry: cell(...BIGGER) });
    expect(cleared(store) - base).toBeCloseTo(cellHa(...BIGGER), 4);

    // A rename reaches the parcel's source ("where"), so the fact sheet names it.
    store.getState().renameSketch('a', 'Lô bàn giao');
    expect(sketchParcel(store, 'a')!.properties.sources[0]!.where).toBe('Lô bàn giao');

    store.getState().tagSketch('a', null);
    expect(store.getState().region).toBe(laoCai());
    expect(cleared(store)).toBeCloseTo(base, 9);
  });

  it('a line cannot be tagged, and removing a tagged polygon takes its land out', () => {
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    const base = cleared(store);
    store.getState().putSketch(sketch('l', { type: 'LineString', coordinates: [[104.14, 22.30], [104.15, 22.31]] }));
    store.getState().tagSketch('l', { siteId: TL, status: 'cleared', asOf: REPORT });
    expect(store.getState().sketches[0]!.clearance).toBeNull();
    expect(store.getState().region).toBe(laoCai());

    store.getState().putSketch(sketch('p', cell(...BOX)));
    store.getState().tagSketch('p', { siteId: TL, status: 'cleared', asOf: REPORT });
    expect(cleared(store)).toBeGreaterThan(base + 1);
    store.getState().removeSketch('p');
    expect(store.getState().sketches.map((s) => s.id)).toEqual(['l']);
    expect(store.getState().region).toBe(laoCai());
  });

  it('stored sketches join those drawn already, and tagged ones apply when the region arrives', () => {
    const store = createAppStore();
    store.getState().putSketch(sketch('new', cell(...BOX)));
    const stored: Sketch = { ...sketch('old', cell(...BIGGER) as Polygon, 'Lô cũ'), clearance: { siteId: TL, status: 'cleared', asOf: REPORT } };
    // The one drawn this session wins over a stored copy with the same id.
    store.getState().setSketches([stored, { ...sketch('new', cell(104, 22, 104.1, 22.1)), name: 'stale' }]);
    expect(store.getState().sketches.map((s) => [s.id, s.name])).toEqual([
      ['new', ''],
      ['old', 'Lô cũ'],
    ]);
    expect(store.getState().region).toBeNull();
    store.getState().setRegion(laoCai());
    expect(sketchParcel(store, 'old')).toBeDefined();
    expect(cleared(store) - buildReport(laoCai(), REPORT).province.clearedHa).toBeCloseTo(cellHa(...BIGGER), 4);
  });

  it('setSketching only switches the tool', () => {
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    store.getState().setSketching(true);
    expect(store.getState().sketching).toBe(true);
    expect(store.getState().region).toBe(laoCai());
    store.getState().setSketching(false);
    expect(store.getState().sketching).toBe(false);
  });
});
