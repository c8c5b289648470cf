import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification, LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry } from 'geojson';
import { connectMap } from '../../../src/map/bridge';
import type { MapPort } from '../../../src/map/mapPort';
import { importLayerIds, importLayers, importSourceId, type ImportLayerInput } from '../../../src/map/layers/imports';
import { buildStyle } from '../../../src/map/style';
import { createAppStore } from '../../../src/store/createAppStore';
import type { ImportedLayer } from '../../../src/domain/importedLayer';
import { allVisible } from '../../../src/domain/layers';
import { laoCai } from '../../fixtures/laoCai';

const MIXED: FeatureCollection<Geometry, { name: string | null }> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[104, 22], [104.01, 22], [104.01, 22.01], [104, 22]]] }, properties: { name: 'Vùng A' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[104, 22], [104.1, 22.1]] }, properties: { name: null } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [104.05, 22.05] }, properties: { name: 'Mốc 1' } },
  ],
};

const input = (over: Partial<ImportLayerInput> = {}): ImportLayerInput => ({ id: 'l1', color: '#8e24aa', visible: true, features: MIXED, ...over });

const style = (imports: ImportLayerInput[]) =>
  buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://localhost/basemap/' }, region: laoCai(), visible: allVisible(), lang: 'vi', imports });

function paintOf(layers: LayerSpecification[], id: string): Record<string, unknown> {
  const l = layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return (l as { paint?: Record<string, unknown> }).paint ?? {};
}

describe('imported layers on the map', () => {
  it('pass the style-spec validator, shown and hidden, one layer or several', () => {
    for (const imports of [[input()], [input({ visible: false })], [input(), input({ id: 'l2', color: '#00897b' })]]) {
      expect(validateStyleMin(style(imports)).map((e) => e.message)).toEqual([]);
    }
  });

  it('draw polygons as fill + outline, lines as a line, points as a circle, in the layer’s colour', () => {
    const layers = importLayers([input()], { fontRegular: 'Noto Sans Regular' });
    const ids = importLayerIds('l1');
    const byId = Object.fromEntries(layers.map((l) => [l.id, l]));
    expect(byId[ids.fill]!.type).toBe('fill');
    expect(byId[ids.outline]!.type).toBe('line');
    expect(byId[ids.line]!.type).toBe('line');
    expect(byId[ids.point]!.type).toBe('circle');
    expect(paintOf(layers, ids.fill)['fill-color']).toBe('#8e24aa');
    expect(paintOf(layers, ids.outline)['line-color']).toBe('#8e24aa');
    expect(paintOf(layers, ids.line)['line-color']).toBe('#8e24aa');
    expect(paintOf(layers, ids.point)['circle-color']).toBe('#8e24aa');
    // Each filter keeps its own kind of geometry only: the outline layer must not stroke lines too.
    expect(JSON.stringify((byId[ids.outline] as { filter: unknown }).filter)).toContain('Polygon');
    expect(JSON.stringify((byId[ids.outline] as { filter: unknown }).filter)).not.toContain('LineString');
    expect(JSON.stringify((byId[ids.point] as { filter: unknown }).filter)).toContain('Point');
  });

  it('are drawn above the built-in sites, with their source holding the file’s features', () => {
    const s = style([input()]);
    const at = (id: string) => s.layers.findIndex((l) => l.id === id);
    expect(at(importLayerIds('l1').fill)).toBeGreaterThan(at('sites-fill'));
    expect(at(importLayerIds('l1').outline)).toBeGreaterThan(at('sites-outline-exact'));
    expect((s.sources[importSourceId('l1')] as { data: unknown }).data).toBe(MIXED);
  });

  it('hide a layer with layout visibility, leaving the other layer shown', () => {
    const layers = importLayers([input({ visible: false }), input({ id: 'l2' })], { fontRegular: 'Noto Sans Regular' });
    for (const l of layers) {
      const v = (l.layout as { visibility?: string }).visibility;
      expect(v).toBe(l.id.startsWith('import-l1-') ? 'none' : 'visible');
    }
  });
});

describe('the bridge and imported layers', () => {
  function fakeMap() {
    const styles: StyleSpecification[] = [];
    const fits: [number, number, number, number][] = [];
    const onLoad: (() => void)[] = [];
    const map: MapPort = {
      setStyle: (s, options) => {
        styles.push(s);
        // A full style (not a diff) loads and says so; the fake loads at once.
        if (!options?.diff) for (const h of onLoad) h();
      },
      setFeatureState: () => {},
      fitBounds: (b) => void fits.push(b),
      queryRenderedFeatures: () => [],
      getLayer: () => undefined,
      getSource: () => undefined,
      hasImage: () => false,
      addImage: () => {},
      getCanvas: () => ({ style: { cursor: '' } }),
      flyTo: () => {},
      jumpTo: () => {},
      getCenter: () => ({ lng: 104, lat: 22 }),
      getZoom: () => 8,
      getBearing: () => 0,
      getPitch: () => 0,
      setMissingStyleImageResolver: () => {},
      on: (type, h) => {
        if (type === 'style.load') onLoad.push(() => h({}));
      },
      off: () => {},
    };
    return { map, styles, fits };
  }
  const layer: ImportedLayer = {
    id: 'f1',
    name: 'Khảo sát',
    fileName: 'khao-sat.geojson',
    format: 'geojson',
    crs: { kind: 'wgs84' },
    features: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [104.2, 22.3] }, properties: { index: 0, name: 'A', attrs: {} } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [104.4, 22.6] }, properties: { index: 1, name: 'B', attrs: {} } },
      ],
    },
    problems: [],
    visible: true,
    color: '#00897b',
    importedAt: '2026-05-01T00:00:00Z',
  };

  it('restyles when a layer is added or recoloured, and frames a layer when asked', () => {
    const { map, styles, fits } = fakeMap();
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    connectMap(map, store, { basemapBaseUrl: 'http://localhost/basemap/' });
    store.getState().addImport(layer);
    expect(styles.at(-1)!.sources[importSourceId('f1')]).toBeDefined();
    store.getState().setImportColor('f1', '#c2185b');
    expect(paintOf(styles.at(-1)!.layers, importLayerIds('f1').point)['circle-color']).toBe('#c2185b');
    store.getState().requestImportFlyTo('f1');
    expect(fits.at(-1)).toEqual([104.2, 22.3, 104.4, 22.6]);
    store.getState().removeImport('f1');
    expect(styles.at(-1)!.sources[importSourceId('f1')]).toBeUndefined();
  });
});

describe('repaired and left-out features of an imported layer', () => {
  const square = (x: number) => [[[104 + x, 22], [104.01 + x, 22], [104.01 + x, 22.01], [104 + x, 22.01], [104 + x, 22]]];
  const REPAIRED: FeatureCollection<Geometry, { name: string | null; index: number; repair?: object }> = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(0) }, properties: { name: 'Lành', index: 0 } },
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: square(0.02) },
        properties: { name: 'Nơ bướm', index: 1, repair: { fault: 'self-intersection', at: [[104.025, 22.005]], count: 1 } },
      },
    ],
  };
  // What MapLibre would draw of each feature under a layer's filter (geometry type 3 = polygon).
  const drawn = (layers: LayerSpecification[], id: string) => {
    const l = layers.find((x) => x.id === id) as { filter?: FilterSpecification };
    const f = featureFilter(l.filter, `layers[${layers.indexOf(l as LayerSpecification)}].filter`);
    return REPAIRED.features.filter((x) => f.filter({ zoom: 12 }, { type: 3, properties: x.properties as Record<string, unknown> } as never)).map((x) => x.properties.index);
  };

  it('edge the repaired polygon in dashed amber, and only it', () => {
    const layers = importLayers([input({ features: REPAIRED })], { fontRegular: 'Noto Sans Regular' });
    const ids = importLayerIds('l1');
    expect(drawn(layers, ids.repaired)).toEqual([1]);
    expect(drawn(layers, ids.fill)).toEqual([0, 1]);
    expect(paintOf(layers, ids.repaired)['line-dasharray']).toBeDefined();
    expect(validateStyleMin(style([input({ features: REPAIRED })])).map((e) => e.message)).toEqual([]);
  });

  it('draw nothing of a feature the planner left out, and the rest as before', () => {
    const layers = importLayers([input({ features: REPAIRED, leftOut: [1] })], { fontRegular: 'Noto Sans Regular' });
    const ids = importLayerIds('l1');
    for (const id of [ids.fill, ids.outline, ids.label]) expect(drawn(layers, id)).toEqual([0]);
    expect(drawn(layers, ids.repaired)).toEqual([]);
    expect(validateStyleMin(style([input({ features: REPAIRED, leftOut: [1] })])).map((e) => e.message)).toEqual([]);
  });
});
