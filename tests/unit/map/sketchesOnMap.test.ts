// The planner's sketches on the main map, through the bridge: drawn by our style (purple, dotted)
// while the drawing tool is closed and left to the tool while it is open; a drawing tool's own
// sources and layers ("td-…") survive our diffed style updates; a click while sketching places a
// vertex and opens nothing; tagging a sketch keeps the view where the planner is working.
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { connectMap } from '../../../src/map/bridge';
import { keepRuntimeLayers } from '../../../src/map/runtimeLayers';
import type { MapEventLike, MapPort } from '../../../src/map/mapPort';
import { SKETCH_LAYER_IDS, SKETCH_SOURCE } from '../../../src/map/layers/sketches';
import { createAppStore } from '../../../src/store/createAppStore';
import type { Sketch } from '../../../src/domain/sketches';
import { cell } from '../../fixtures/ellipsoid';
import { laoCai } from '../../fixtures/laoCai';

/** Just enough of a MapLibre map for the bridge; it keeps every style it is given. */
function fakeMap() {
  const handlers = new Map<string, ((e: MapEventLike) => void)[]>();
  const map = {
    styles: [] as StyleSpecification[],
    fits: 0,
    under: [] as { layer: { id: string }; properties: Record<string, unknown> }[],
    canvas: { style: { cursor: '' } },
    get style() {
      return this.styles[this.styles.length - 1]!;
    },
    fire(type: string, e: MapEventLike = {}) {
      for (const h of handlers.get(type) ?? []) h(e);
    },
    setStyle(s: StyleSpecification, options?: { diff?: boolean }) {
      map.styles.push(s);
      if (!options?.diff) map.fire('style.load');
    },
    setFeatureState() {},
    fitBounds() {
      map.fits += 1;
    },
    queryRenderedFeatures: (_p: [number, number], o: { layers: string[] }) => map.under.filter((h) => o.layers.includes(h.layer.id)),
    getLayer: (id: string) => map.style.layers.find((l) => l.id === id),
    hasImage: () => true,
    addImage() {},
    getCanvas: () => map.canvas,
    flyTo() {},
    jumpTo() {},
    getCenter: () => ({ lng: 104, lat: 22 }),
    getZoom: () => 8,
    getBearing: () => 0,
    getPitch: () => 0,
    setMissingStyleImageResolver() {},
    getSource: () => undefined,
    on(type: string, fn: (e: MapEventLike) => void) {
      handlers.set(type, [...(handlers.get(type) ?? []), fn]);
    },
    off(type: string, fn: (e: MapEventLike) => void) {
      handlers.set(type, (handlers.get(type) ?? []).filter((h) => h !== fn));
    },
  };
  return map satisfies MapPort;
}

const polygon: Sketch = { id: 's-a', name: 'Lô phía bắc', geometry: cell(104.14, 22.301, 104.148, 22.306), clearance: null, createdAt: '2026-11-22T08:00:00Z' };
const line: Sketch = { id: 's-b', name: '', geometry: { type: 'LineString', coordinates: [[104.14, 22.3], [104.15, 22.31]] }, clearance: null, createdAt: '2026-11-22T09:00:00Z' };

function setup() {
  const map = fakeMap();
  const store = createAppStore();
  connectMap(map, store, { basemapBaseUrl: 'http://localhost/basemap/' });
  store.getState().setRegion(laoCai());
  return { map, store };
}

const sketchFeatures = (s: StyleSpecification) => {
  const src = s.sources[SKETCH_SOURCE] as { data: GeoJSON.FeatureCollection } | undefined;
  return src?.data.features.map((f) => f.properties?.['id']) ?? null;
};

describe('sketches on the map', () => {
  it('are drawn by our style when the tool is closed, on top of everything, and left to the tool while it is open', () => {
    const { map, store } = setup();
    expect(sketchFeatures(map.style)).toBeNull();
    store.getState().putSketch(polygon);
    store.getState().putSketch(line);
    expect(sketchFeatures(map.style)).toEqual(['s-a', 's-b']);
    // MapLibre drops a style update that does not validate, silently for the planner.
    expect(validateStyleMin(map.style)).toEqual([]);
    const ids = map.style.layers.map((l) => l.id);
    expect(ids.slice(-SKETCH_LAYER_IDS.length)).toEqual([...SKETCH_LAYER_IDS]);
    const dotted = map.style.layers.find((l) => l.id === 'user-sketch-line')!;
    expect((dotted.paint as Record<string, unknown>)['line-dasharray']).toBeDefined();

    store.getState().setSketching(true);
    expect(sketchFeatures(map.style)).toBeNull();
    // While the tool draws them, an edit does not restyle the whole map.
    const count = map.styles.length;
    store.getState().putSketch({ ...line, geometry: { type: 'LineString', coordinates: [[104.14, 22.3], [104.16, 22.31]] } });
    expect(map.styles.length).toBe(count);
    store.getState().setSketching(false);
    expect(sketchFeatures(map.style)).toEqual(['s-a', 's-b']);
  });

  it('a click while sketching opens no fact sheet, and tagging keeps the view', () => {
    const { map, store } = setup();
    const fitted = map.fits;
    store.getState().setSketching(true);
    map.under = [{ layer: { id: 'sites-fill' }, properties: { id: 'lc-kcn-tang-loong' } }];
    map.fire('mousemove', { point: { x: 1, y: 1 } });
    map.fire('click', { point: { x: 1, y: 1 } });
    expect(store.getState().selected).toBeNull();
    expect(store.getState().hovered).toBeNull();
    store.getState().putSketch(polygon);
    store.getState().tagSketch('s-a', { siteId: 'lc-kcn-tang-loong', status: 'cleared', asOf: '2026-11-22' });
    expect(store.getState().region).not.toBe(laoCai());
    expect(map.fits).toBe(fitted);
    store.getState().setSketching(false);
    map.fire('click', { point: { x: 1, y: 1 } });
    expect(store.getState().selected).toEqual({ type: 'site', id: 'lc-kcn-tang-loong' });
  });

  it('keeps a drawing tool’s sources and layers across our style updates, on top', () => {
    const prev: StyleSpecification = {
      version: 8,
      sources: { roads: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }, 'td-polygon': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: [
        { id: 'roads-line', type: 'line', source: 'roads' },
        { id: 'td-polygon', type: 'fill', source: 'td-polygon' },
        { id: 'td-polygon-outline', type: 'line', source: 'td-polygon' },
      ],
    };
    const next: StyleSpecification = {
      version: 8,
      sources: { roads: prev.sources['roads']!, [SKETCH_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: [{ id: 'roads-line', type: 'line', source: 'roads', layout: { visibility: 'none' } }],
    };
    const out = keepRuntimeLayers(prev, next);
    expect(Object.keys(out.sources)).toEqual(['roads', SKETCH_SOURCE, 'td-polygon']);
    expect(out.layers.map((l) => l.id)).toEqual(['roads-line', 'td-polygon', 'td-polygon-outline']);
    expect(out.layers[0]).toBe(next.layers[0]);
    // Nothing to keep: the next style as it is.
    expect(keepRuntimeLayers(undefined, next)).toBe(next);
    expect(keepRuntimeLayers(next, next)).toBe(next);
  });
});
