// The map engine is faked here, at the bridge, and nowhere else.
import { describe, expect, it, vi } from 'vitest';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { connectMap } from '../../../src/map/bridge';
import type { MapEventLike, MapPort } from '../../../src/map/mapPort';
import { createAppStore } from '../../../src/store/createAppStore';
import { laoCai } from '../../fixtures/laoCai';
import { buildReport } from '../../../src/analytics/report';
import { parcelsAsOf } from '../../../src/analytics/clearance/drawnParcels';
import { computeCompare } from '../../../src/features/compare/compareRunner';
import type { ParcelTimeline } from '../../../src/analytics/clearance/timeline';

class FakeMap implements MapPort {
  styles: StyleSpecification[] = [];
  states = new Map<string, Record<string, unknown>>();
  fits: [number, number, number, number][] = [];
  images = new Set<string>();
  handlers = new Map<string, ((e: MapEventLike) => void)[]>();
  /** what queryRenderedFeatures returns next */
  under: { layer: { id: string }; properties: Record<string, unknown> }[] = [];
  canvas = { style: { cursor: '' } };
  diffs: boolean[] = [];
  /** false: a full style stays loading until the test fires 'style.load' */
  loadsAtOnce = true;
  setStyle(style: StyleSpecification, options?: { diff?: boolean }) {
    this.styles.push(style);
    this.diffs.push(Boolean(options?.diff));
    // A full style (not a diff) loads and says so; the fake loads at once unless told otherwise.
    if (!options?.diff && this.loadsAtOnce) this.fire('style.load');
  }
  get style() {
    return this.styles[this.styles.length - 1]!;
  }
  setFeatureState(f: { source: string; id: string }, s: Record<string, unknown>) {
    const key = `${f.source}/${f.id}`;
    this.states.set(key, { ...this.states.get(key), ...s });
  }
  fitBounds(b: [number, number, number, number]) {
    this.fits.push(b);
  }
  queryRenderedFeatures(_p: [number, number], o: { layers: string[] }) {
    return this.under.filter((h) => o.layers.includes(h.layer.id));
  }
  getLayer(id: string) {
    return this.style.layers.find((l) => l.id === id);
  }
  /** every setData, by source id, as MapLibre's GeoJSON sources would receive it */
  setData = new Map<string, unknown[]>();
  private sources = new Map<string, { setData: (d: unknown) => void }>();
  getSource(id: string) {
    if (!this.style.sources[id]) return undefined;
    const source = this.sources.get(id) ?? { setData: (d: unknown) => void this.setData.set(id, [...(this.setData.get(id) ?? []), d]) };
    this.sources.set(id, source);
    return source;
  }
  hasImage(id: string) {
    return this.images.has(id);
  }
  addImage(id: string) {
    this.images.add(id);
  }
  resolver: ((id: string) => void) | null = null;
  setMissingStyleImageResolver(r: ((id: string) => void) | null) {
    this.resolver = r;
  }
  getCanvas() {
    return this.canvas;
  }
  removeFeatureState(f: { source: string }) {
    for (const k of [...this.states.keys()]) if (k.startsWith(`${f.source}/`)) this.states.delete(k);
  }
  /** the replay's timeline entries the map draws (feature state `shown`), by id */
  shownEntries(): string[] {
    return [...this.states].filter(([k, s]) => k.startsWith('clearance/') && s['shown'] === true).map(([k]) => k.slice('clearance/'.length)).sort();
  }
  camera = { center: [104, 22] as [number, number], zoom: 8, bearing: 0, pitch: 0 };
  moves: { kind: 'fly' | 'jump'; center: [number, number]; zoom: number; bearing: number; pitch: number }[] = [];
  flyTo(o: { center: [number, number]; zoom: number; bearing: number; pitch: number }) {
    this.moves.push({ kind: 'fly', center: o.center, zoom: o.zoom, bearing: o.bearing, pitch: o.pitch });
    this.camera = { center: o.center, zoom: o.zoom, bearing: o.bearing, pitch: o.pitch };
  }
  jumpTo(o: { center: [number, number]; zoom: number; bearing: number; pitch: number }) {
    this.moves.push({ kind: 'jump', ...o });
    this.camera = { ...o };
  }
  getCenter() {
    return { lng: this.camera.center[0], lat: this.camera.center[1] };
  }
  getZoom() {
    return this.camera.zoom;
  }
  getBearing() {
    return this.camera.bearing;
  }
  getPitch() {
    return this.camera.pitch;
  }
  on(type: string, fn: (e: MapEventLike) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  off(type: string, fn: (e: MapEventLike) => void) {
    this.handlers.set(type, (this.handlers.get(type) ?? []).filter((h) => h !== fn));
  }
  fire(type: string, e: MapEventLike = {}) {
    for (const h of this.handlers.get(type) ?? []) h(e);
  }
}

function setup(fetchOnlineStyle?: () => Promise<StyleSpecification>) {
  const map = new FakeMap();
  const store = createAppStore();
  const bridge = connectMap(map, store, { basemapBaseUrl: 'http://localhost/basemap/', ...(fetchOnlineStyle ? { fetchOnlineStyle } : {}) });
  store.getState().setRegion(laoCai());
  return { map, store, bridge };
}

describe('map bridge', () => {
  it("holds changes made while the first style loads (a link's state) and applies them as one diff after it loaded", () => {
    const map = new FakeMap();
    map.loadsAtOnce = false;
    const store = createAppStore();
    connectMap(map, store, { basemapBaseUrl: 'http://localhost/basemap/' });
    store.getState().setRegion(laoCai());
    expect(map.diffs).toEqual([false]);
    // What a link applies right after the region: a filter and a comparison.
    store.getState().setSiteFilter({ kind: 'kcn' });
    store.getState().toggleLayer('roads');
    expect(map.diffs).toEqual([false]);
    map.fire('style.load');
    expect(map.diffs).toEqual([false, true]);
    const roads = map.style.layers.find((l) => l.id === 'roads-line-indicative')!;
    expect((roads.layout as { visibility: string }).visibility).toBe('none');
    // Once loaded, a change is a diff at once.
    store.getState().toggleLayer('roads');
    expect(map.diffs).toEqual([false, true, true]);
  });

  it('keeps the filter object when the same filter is set again, so nothing redraws', () => {
    const store = createAppStore();
    store.getState().setSiteFilter({ kind: 'kcn', statuses: ['planned'] });
    const before = store.getState().siteFilter;
    store.getState().setSiteFilter({ kind: 'kcn', statuses: ['planned'] });
    expect(store.getState().siteFilter).toBe(before);
    store.getState().setSiteFilter({ statuses: ['planned', 'operating'] });
    expect(store.getState().siteFilter).not.toBe(before);
  });

  it('draws the region and fits the view to the province when the data arrives', () => {
    const { map } = setup();
    expect(map.style.sources['site-outlines']).toBeDefined();
    expect(map.fits.at(-1)).toEqual(laoCai().data.region.bbox);
  });

  it('follows legend toggles', () => {
    const { map, store } = setup();
    store.getState().toggleLayer('roads');
    const roads = map.style.layers.find((l) => l.id === 'roads-line-indicative')!;
    expect((roads.layout as { visibility: string }).visibility).toBe('none');
  });

  it('gives the parcels to their source once: a legend toggle or a report sends no data, a new report date does', () => {
    const { map, store } = setup();
    // Drawn from the region's file as soon as it is in, before any report.
    const first = parcelsAsOf(store.getState().region!.data.clearance, '2026-11-22');
    expect(first.features.length).toBeGreaterThan(0);
    expect(map.setData.get('clearance')?.at(-1)).toBe(first);
    store.getState().setReport(buildReport(laoCai(), '2026-11-22'));
    const sent = map.setData.get('clearance')!.length;
    expect(sent).toBe(1);
    // The style keeps only a stand-in: MapLibre's style diff then has no coordinates to walk.
    expect((map.style.sources['clearance'] as { data: GeoJSON.FeatureCollection }).data.features).toHaveLength(0);
    store.getState().toggleLayer('roads');
    store.getState().toggleLayer('clearance');
    expect(map.styles.length).toBeGreaterThan(2);
    expect(map.setData.get('clearance')).toHaveLength(sent);
    store.getState().setReportAsOf('2026-03-31');
    expect(map.setData.get('clearance')).toHaveLength(sent + 1);
    const later = map.setData.get('clearance')!.at(-1);
    expect(later).toBe(parcelsAsOf(store.getState().region!.data.clearance, '2026-03-31'));
    expect(later).not.toBe(first);
  });

  it('replays a date by feature state: entering builds one style and sends the timeline once; steps send neither', () => {
    const { map, store } = setup();
    store.getState().setReport(buildReport(laoCai(), '2026-11-22'));
    const styles = map.styles.length;
    const sent = map.setData.get('clearance')!.length;
    store.getState().setReplayAt('2026-03-31');
    expect(map.styles.length).toBe(styles + 1);
    expect(map.style.layers.some((l) => l.id === 'clearance-changed')).toBe(true);
    expect(map.setData.get('clearance')).toHaveLength(sent + 1);
    const timeline = map.setData.get('clearance')!.at(-1) as GeoJSON.FeatureCollection;
    expect(timeline.features.length).toBeGreaterThan(laoCai().data.clearance.features.filter((f) => f.properties.kind === 'parcel').length / 2);
    const counting = (d: string) =>
      (timeline as ParcelTimeline).features
        .filter((f) => f.properties.from <= d && d < f.properties.until)
        .map((f) => String(f.properties.id))
        .sort();
    expect(map.shownEntries()).toEqual(counting('2026-03-31'));
    for (const d of ['2026-04-15', '2026-06-30', '2026-08-01']) store.getState().setReplayAt(d);
    expect(map.styles.length).toBe(styles + 1);
    expect(map.setData.get('clearance')).toHaveLength(sent + 1);
    expect(map.shownEntries()).toEqual(counting('2026-08-01'));
    // Back to today: the report's parcels again.
    store.getState().setReplayAt(null);
    expect(map.style.layers.some((l) => l.id === 'clearance-changed')).toBe(false);
    expect(map.setData.get('clearance')!.at(-1)).toBe(parcelsAsOf(store.getState().region!.data.clearance, '2026-11-22'));
  });

  it('restyles only when what the style reads changed', () => {
    const { map, store } = setup();
    const before = map.styles.length;
    store.getState().setHovered({ type: 'site', id: 'lc-kcn-tang-loong' });
    store.getState().setCamera({ center: [104, 22], zoom: 9, bearing: 0, pitch: 0 });
    expect(map.styles.length).toBe(before);
    store.getState().setLang('en');
    expect(map.styles.length).toBe(before + 1);
  });

  it('selects what is clicked, preferring a road over the park beneath it, and clears on empty map', () => {
    const { map, store } = setup();
    map.under = [
      { layer: { id: 'sites-fill' }, properties: { id: 'lc-ccn-thong-nhat-1' } },
      { layer: { id: 'roads-line-indicative' }, properties: { id: 'lc-road-ql4e-thong-nhat-1' } },
    ];
    map.fire('click', { point: { x: 10, y: 10 } });
    expect(store.getState().selected).toEqual({ type: 'road', id: 'lc-road-ql4e-thong-nhat-1' });
    expect(map.states.get('roads/lc-road-ql4e-thong-nhat-1')).toEqual({ selected: true });
    map.under = [];
    map.fire('click', { point: { x: 500, y: 500 } });
    expect(store.getState().selected).toBeNull();
    expect(map.states.get('roads/lc-road-ql4e-thong-nhat-1')).toEqual({ selected: false });
  });

  it('highlights the hovered site on its outline and marker, and un-highlights on leave', () => {
    const { map, store } = setup();
    map.under = [{ layer: { id: 'sites-fill' }, properties: { id: 'lc-kcn-tang-loong' } }];
    map.fire('mousemove', { point: { x: 1, y: 1 } });
    expect(store.getState().hovered).toEqual({ type: 'site', id: 'lc-kcn-tang-loong' });
    expect(map.states.get('site-outlines/lc-kcn-tang-loong')).toEqual({ hover: true });
    expect(map.states.get('site-anchors/lc-kcn-tang-loong')).toEqual({ hover: true });
    expect(map.canvas.style.cursor).toBe('pointer');
    map.fire('mouseout');
    expect(map.states.get('site-outlines/lc-kcn-tang-loong')).toEqual({ hover: false });
  });

  it('returns to the province on reset', () => {
    const { map, store } = setup();
    const before = map.fits.length;
    store.getState().requestFit();
    expect(map.fits.length).toBe(before + 1);
  });

  it('falls back to the embedded basemap with a notice when the online style cannot load', async () => {
    const { map, store } = setup(() => Promise.reject(new Error('offline')));
    store.getState().setBasemap('osm');
    await vi.waitFor(() => expect(store.getState().basemap).toBe('embedded'));
    expect(store.getState().basemapNotice).not.toBeNull();
    expect(Object.keys(map.style.sources)).toContain('basemap-countries');
  });

  it('draws the online basemap when the map is created with it already chosen (a link with basemap=osm)', async () => {
    const online: StyleSpecification = {
      version: 8,
      sources: { openmaptiles: { type: 'vector', url: 'https://tiles.example/planet' } },
      layers: [{ id: 'bg', type: 'background' }],
    };
    const map = new FakeMap();
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    store.getState().setBasemap('osm');
    const fetchOnlineStyle = vi.fn(() => Promise.resolve(online));
    connectMap(map, store, { basemapBaseUrl: 'http://localhost/basemap/', fetchOnlineStyle });
    await vi.waitFor(() => expect(map.style.sources['openmaptiles']).toBeDefined());
    expect(fetchOnlineStyle).toHaveBeenCalledTimes(1);
    expect(map.style.sources['site-outlines']).toBeDefined();
    expect(map.style.sources['basemap-countries']).toBeUndefined();
  });

  it('falls back when the online tiles keep failing', async () => {
    const online: StyleSpecification = {
      version: 8,
      sources: { openmaptiles: { type: 'vector', url: 'https://tiles.example/planet' } },
      layers: [{ id: 'bg', type: 'background' }],
    };
    const { map, store } = setup(() => Promise.resolve(online));
    store.getState().setBasemap('osm');
    await vi.waitFor(() => expect(map.style.sources['openmaptiles']).toBeDefined());
    expect(map.style.sources['site-outlines']).toBeDefined();
    map.fire('error', { sourceId: 'openmaptiles' });
    map.fire('error', { sourceId: 'openmaptiles' });
    expect(store.getState().basemap).toBe('embedded');
    expect(map.style.sources['openmaptiles']).toBeUndefined();
  });

  it('draws the flow arrowhead when the style first asks for it', () => {
    const { map } = setup();
    map.resolver?.('flow-arrow');
    expect(map.images.has('flow-arrow')).toBe(true);
  });

  it('flies to a requested camera, jumps when no duration is given, and reports where it ended', () => {
    const { map, store } = setup();
    const cam = { center: [104.1, 22.3] as [number, number], zoom: 11.5, bearing: 20, pitch: 30 };
    store.getState().requestCamera(cam, 1500);
    expect(map.moves.at(-1)).toEqual({ kind: 'fly', ...cam });
    store.getState().requestCamera({ ...cam, zoom: 9 });
    expect(map.moves.at(-1)?.kind).toBe('jump');
    map.fire('moveend');
    expect(store.getState().camera).toEqual({ ...cam, zoom: 9 });
  });

  it('marks highlighted sites on outline and anchor, and clears the old ones', () => {
    const { map, store } = setup();
    store.getState().setHighlighted(['lc-kcn-tang-loong', 'lc-kcn-phia-nam']);
    expect(map.states.get('site-outlines/lc-kcn-tang-loong')?.['highlight']).toBe(true);
    expect(map.states.get('site-anchors/lc-kcn-phia-nam')?.['highlight']).toBe(true);
    store.getState().setHighlighted(['lc-kcn-phia-nam']);
    expect(map.states.get('site-outlines/lc-kcn-tang-loong')?.['highlight']).toBe(false);
    expect(map.states.get('site-anchors/lc-kcn-phia-nam')?.['highlight']).toBe(true);
  });

  it('opens a shared view instead of framing the province when the region arrives', () => {
    const map = new FakeMap();
    const store = createAppStore();
    connectMap(map, store, { basemapBaseUrl: 'http://localhost/basemap/' });
    const cam = { center: [104.14, 22.29] as [number, number], zoom: 12, bearing: 0, pitch: 0 };
    store.getState().setPendingCamera(cam);
    store.getState().setRegion(laoCai());
    expect(map.fits).toEqual([]);
    expect(map.moves).toEqual([{ kind: 'jump', ...cam }]);
    expect(store.getState().pendingCamera).toBeNull();
  });

  it('flies to a site asked for before the region arrived (a link naming a site but no view)', () => {
    const map = new FakeMap();
    const store = createAppStore();
    connectMap(map, store, { basemapBaseUrl: 'http://localhost/basemap/' });
    store.getState().requestFlyTo('lc-kcn-tang-loong');
    expect(map.fits).toEqual([]);
    store.getState().setRegion(laoCai());
    // First the province, then the park's own box.
    expect(map.fits).toHaveLength(2);
    const [w, s, e, n] = map.fits[1]!;
    expect(w < 104.1443 && 104.1443 < e && s < 22.295 && 22.295 < n).toBe(true);
    expect(e - w).toBeLessThan(0.1);
  });

  it('draws only the sites an active filter keeps, and all of them again once it is cleared', () => {
    const { map, store } = setup();
    const fillFilter = () => JSON.stringify(map.style.layers.find((l) => l.id === 'sites-fill') as { filter?: unknown });
    expect(fillFilter()).not.toContain('lc-kcn-tang-loong');
    store.getState().setSiteFilter({ text: 'tang loong', kind: 'kcn' });
    expect(fillFilter()).toContain('"lc-kcn-tang-loong"');
    expect(fillFilter()).not.toContain('lc-kcn-phia-nam');
    store.getState().setSiteFilter({ text: '', kind: 'all' });
    expect(fillFilter()).not.toContain('lc-kcn-tang-loong');
  });

  it('stops following the store once destroyed', () => {
    const { map, store, bridge } = setup();
    bridge.destroy();
    const n = map.styles.length;
    store.getState().toggleLayer('roads');
    expect(map.styles.length).toBe(n);
  });

  it('in compare mode draws the left scenario on the main map and the right one on the second, both with the diff; the second map never moves the camera', () => {
    const { map, store } = setup();
    const right = new FakeMap();
    connectMap(right, store, { basemapBaseUrl: 'http://localhost/basemap/', side: 'right' });
    store.getState().startCompare({ left: 'plan', right: 'after-relocation' });
    store.getState().setCompareResult(computeCompare(store.getState()));
    const filterOf = (m: FakeMap) => JSON.stringify(m.style.layers.find((l) => l.id === 'sites-fill') as { filter?: unknown });
    // KCN Đông Phố Mới relocates: in the plan (left), not after relocation (right).
    expect(filterOf(map)).toContain('"lc-kcn-dong-pho-moi"');
    expect(filterOf(right)).not.toContain('"lc-kcn-dong-pho-moi"');
    expect(filterOf(right)).toContain('"lc-kcn-tang-loong"');
    for (const m of [map, right]) {
      const pieces = (m.style.sources['plan-diff'] as { data: GeoJSON.FeatureCollection }).data.features;
      // KCN Đông Phố Mới has no sourced area, so no outline: it is in the diff's list, not drawn as a piece.
      expect(pieces.map((f) => f.properties!['key']).sort()).toEqual(['lc-ccn-dam-hong', 'lc-ccn-dong-pho-moi', 'lc-ccn-son-man']);
    }
    store.getState().requestFit();
    store.getState().requestCamera({ center: [104.2, 22.3], zoom: 12, bearing: 0, pitch: 0 });
    expect(right.fits).toEqual([]);
    expect(right.moves).toEqual([]);
    // Leaving compare mode: both sides back to every site, no diff.
    store.getState().stopCompare();
    expect(map.style.sources['plan-diff']).toBeUndefined();
    expect(filterOf(map)).not.toContain('lc-kcn-dong-pho-moi');
  });
});
