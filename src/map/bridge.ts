// The one place where store state meets the map engine: store → style/feature-state/camera, and
// map events → store actions. UI code never talks to MapLibre directly.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { bbox } from '@turf/turf';
import type { AppState } from '../store/state';
import type { AppStore } from '../store/createAppStore';
import type { Camera, Selection } from '../domain/view';
import type { ImportedLayer } from '../domain/importedLayer';
import { filterSiteIds, isFilterActive } from '../domain/siteFilter';
import { ARROW_IMAGE } from './layers/relocations';
import { IDLE_WITH_DATA_MARK } from './marks';
import { shieldFor } from './shields';
import { PARCEL_COLORS } from './theme';
import { buildStyle, type BasemapInput, type StyleInput } from './style';
import { detailedBasemapLoader } from './detailedBasemapLoader';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { arrowImage } from './arrowImage';
import { BLOCKER_IMAGE, blockerImage } from './layers/labelBlockers';
import { provinceMarks } from './provinceMarks';
import { detachLargeData, hideLargeData, largeSourceFeeder, asDataSource } from './largeSources';
import { shallowEqual, styleInputOf } from './styleInput';
import { replayStepper } from './replayState';
import type { MapEventLike, MapPort } from './mapPort';
import { defaultFetchOnlineStyle } from './onlineStyle';
import { pickAt, sameSelection, SOURCES_OF } from './picking';
import { keepRuntimeLayers } from './runtimeLayers';
import { showUrlData, urlDataOf } from './urlSources';

export interface BridgeOptions {
  /** absolute URL of the folder holding the embedded basemap files */
  basemapBaseUrl: string;
  /** fetches the online style; injectable so tests and offline runs need no network */
  fetchOnlineStyle?: () => Promise<StyleSpecification>;
  padding?: number;
  /** px the details panel covers on the right of the map, kept clear when flying to a site */
  detailsPanelWidth?: number;
  /**
   * main: the app's map (the left side while comparing), which owns the camera and the URL's view;
   * right: the second map of compare mode, which only draws the right scenario (its view is synced by the caller).
   */
  side?: 'main' | 'right';
}

export interface Bridge {
  destroy(): void;
}

export function connectMap(map: MapPort, store: AppStore, options: BridgeOptions): Bridge {
  const fetchOnline = options.fetchOnlineStyle ?? defaultFetchOnlineStyle;
  const main = (options.side ?? 'main') === 'main';
  let onlineStyle: StyleSpecification | null = null;
  let onlineErrors = 0;
  let disposed = false;
  let appliedHover: Selection | null = null;
  let appliedSelected: Selection | null = null;
  let appliedHighlight: string[] = [];
  // The first style replaces the empty one the map starts with; diffing against it only warns.
  let styled = false;
  // Until that first style has loaded MapLibre cannot diff against it: it warns "Unable to perform
  // style diff" and rebuilds from scratch, fetching every basemap file again. A link's state (filter,
  // compare, selection) lands a few milliseconds after the region, so changes in that window wait
  // for 'style.load' and are then applied as one diff.
  let firstLoading = false;
  let deferred = false;

  const setState = (sel: Selection | null, key: 'hover' | 'selected' | 'highlight', on: boolean) => {
    if (!sel) return;
    for (const source of SOURCES_OF[sel.type]) {
      try {
        map.setFeatureState({ source, id: sel.id }, { [key]: on });
      } catch {
        // The source may not exist yet (style reloading); the state is applied again on style.load.
      }
    }
  };

  const setHighlight = (ids: string[], on: boolean) => {
    for (const id of ids) setState({ type: 'site', id }, 'highlight', on);
  };

  const applyFeatureStates = (s: AppState) => {
    if (appliedHighlight !== s.highlighted) {
      setHighlight(appliedHighlight, false);
      setHighlight(s.highlighted, true);
      appliedHighlight = s.highlighted;
    }
    if (!sameSelection(appliedHover, s.hovered)) {
      setState(appliedHover, 'hover', false);
      setState(s.hovered, 'hover', true);
      appliedHover = s.hovered;
    }
    if (!sameSelection(appliedSelected, s.selected)) {
      setState(appliedSelected, 'selected', false);
      setState(s.selected, 'selected', true);
      appliedSelected = s.selected;
    }
  };

  const basemapInput = (): BasemapInput | null => {
    const s = store.getState();
    if (s.basemap === 'osm') return onlineStyle ? { kind: 'online', style: onlineStyle } : null;
    return { kind: 'embedded', baseUrl: options.basemapBaseUrl };
  };

  // The PMTiles reader loads only for a region whose region.json names a parcelTiles archive; the
  // style gains the layer once the protocol is registered (before that, MapLibre could not read pmtiles://).
  let pmtiles: typeof import('./parcelTilesProtocol') | 'loading' | null = null;
  const parcelTiles = (s: AppState): StyleInput['parcelTiles'] => {
    const entry = s.region?.data.region.parcelTiles;
    if (!entry) return null;
    if (pmtiles === null) {
      pmtiles = 'loading';
      import('./parcelTilesProtocol').then(
        (m) => {
          pmtiles = m;
          if (!disposed) applyStyle();
        },
        () => {
          // Its code could not be fetched: the map goes on without the parcel layer, and a later style change retries.
          pmtiles = null;
        },
      );
    }
    return pmtiles === 'loading' ? null : pmtiles.parcelTilesFor(entry, s.visible.parcelTiles, PARCEL_COLORS);
  };

  // basemap-detail: the province's OpenStreetMap archive over the embedded basemap, its code loaded on first use.
  const detailedBasemap = detailedBasemapLoader(() => disposed || applyStyle());

  const largeData = largeSourceFeeder((id) => asDataSource(map.getSource(id)));
  const replay = replayStepper(map, store);
  let appliedInput: ReturnType<typeof styleInputOf> | null = null;
  // The URLs the basemap's sources were last given: the same URL again is no change (urlSources.ts).
  let givenUrls = new Map<string, string>();
  let marked = false;
  const applyStyle = () => {
    if (firstLoading) {
      deferred = true;
      return;
    }
    const s = store.getState();
    const basemap = basemapInput();
    if (!basemap) return;
    const provinces = s.overview && !s.compare ? provinceMarks(s.overview, s.regions) : null;
    let siteIds = s.region && isFilterActive(s.siteFilter) ? filterSiteIds(s.region.data.sites.features, s.siteFilter) : null;
    let imports: readonly ImportedLayer[] = s.imports;
    let diff: StyleInput['diff'] = null;
    // Compare mode: each map draws its side's scenario (within the filter), and both draw the diff.
    // The sides' views come with the compare result, so the scenario code loads with compare mode only.
    const r = s.compareResult;
    if (s.compare && s.region && r && r.left === s.compare.left && r.right === s.compare.right) {
      const view = r.views[main ? 'left' : 'right'];
      if (view.siteIds) siteIds = siteIds ? view.siteIds.filter((id) => siteIds!.includes(id)) : view.siteIds;
      imports = s.imports.filter((l) => view.importIds.includes(l.id)).map((l) => ({ ...l, visible: true }));
      diff = { pieces: r.pieces, focus: s.compareFocus };
    }
    appliedInput = styleInputOf(s);
    const built = detachLargeData(
      buildStyle({ basemap, region: s.region, visible: s.visible, lang: s.lang, parcels: appliedInput.parcels, replay: appliedInput.replay, provinces, siteIds, projector: s.presenting, imports, diff, sketches: s.sketching ? undefined : s.sketches, parcelTiles: parcelTiles(s), detailedBasemap: detailedBasemap(s, { fontRegular: FONT_REGULAR, fontBold: FONT_BOLD }) }),
    );
    firstLoading = !styled;
    map.setStyle(built.style, {
      diff: styled,
      transformStyle: (previous, next) => keepRuntimeLayers(previous, showUrlData(previous, hideLargeData(previous, next), givenUrls)),
    });
    givenUrls = urlDataOf(built.style);
    styled = true;
    largeData.want(built.data);
    replay.reapply();
    if (s.region && !marked && main) {
      marked = true;
      // Cold start ends when the region's data is drawn: a mark the benchmark (and devtools) can read.
      const onIdle = () => {
        map.off('idle', onIdle);
        globalThis.performance?.mark?.(IDLE_WITH_DATA_MARK);
      };
      map.on('idle', onIdle);
    }
  };

  const switchBasemap = () => {
    const s = store.getState();
    if (s.basemap === 'osm' && !onlineStyle) {
      onlineErrors = 0;
      fetchOnline()
        .then((style) => {
          if (disposed) return;
          onlineStyle = style;
          if (store.getState().basemap === 'osm') applyStyle();
        })
        .catch(() => {
          if (!disposed) store.getState().basemapFailed();
        });
      return;
    }
    onlineErrors = 0;
    applyStyle();
  };

  const fit = (duration: number) => {
    const region = store.getState().region;
    if (!region) return;
    map.fitBounds(region.data.region.bbox, { padding: options.padding ?? 40, duration });
  };

  // A freshly loaded region is framed whole, unless a shared link said where to look.
  // A fly-to asked for before the region was there (a link naming a site but no view) is done on arrival.
  let flownSeq = 0;
  const frameRegion = () => {
    const s = store.getState();
    const pending = s.pendingCamera;
    if (pending) {
      s.setPendingCamera(null);
      map.jumpTo(pending);
      return;
    }
    fit(0);
    if (s.flyTo && s.flyTo.seq !== flownSeq) flyToSite(s.flyTo.siteId, s.flyTo.seq);
  };

  const flyToSite = (id: string, seq: number) => {
    const region = store.getState().region;
    if (!region) return;
    flownSeq = seq;
    const outline = region.siteOutlines.features.find((f) => f.properties.id === id);
    const anchor = region.siteAnchors.features.find((f) => f.properties.id === id);
    // The details panel covers the right of the map: keep the site clear of it.
    const padding = { top: 60, bottom: 60, left: 60, right: options.detailsPanelWidth ?? 0 };
    if (outline) {
      map.fitBounds(bbox(outline.geometry) as [number, number, number, number], { padding, duration: 900, maxZoom: 14 });
    } else if (anchor) {
      const [lon, lat] = anchor.geometry.coordinates as [number, number];
      // A located point with no area: a small box around it frames the neighbourhood.
      map.fitBounds([lon - 0.02, lat - 0.02, lon + 0.02, lat + 0.02], { padding, duration: 900, maxZoom: 14 });
    }
  };

  // An imported layer framed whole; a single point gets a neighbourhood around it, as a located site does.
  const flyToImport = (layerId: string) => {
    const layer = store.getState().imports.find((l) => l.id === layerId);
    if (!layer || layer.features.features.length === 0) return;
    const [w, s, e, n] = bbox(layer.features) as [number, number, number, number];
    const pad = w === e && s === n ? 0.02 : 0;
    const padding = { top: 60, bottom: 60, left: 60, right: 60 };
    map.fitBounds([w - pad, s - pad, e + pad, n + pad], { padding, duration: 900, maxZoom: 15 });
  };

  const moveCamera = (c: Camera, duration: number) => {
    if (duration > 0) map.flyTo({ ...c, duration, essential: true });
    else map.jumpTo(c);
  };

  // The camera goes back to the store after each move, for shareable links and "add this view as a slide".
  const reportCamera = () => {
    const c = map.getCenter();
    store.getState().setCamera({ center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.basemap !== prev.basemap) switchBasemap();
    // Before the first style (waiting for the region) nothing was applied: any change may bring it.
    else if (!appliedInput || !shallowEqual(styleInputOf(s), appliedInput)) applyStyle();
    applyFeatureStates(s);
    if (s.replayAt !== prev.replayAt) replay.step(s.replayAt);
    // The camera is the main map's: the second map of compare mode follows it.
    if (!main) return;
    // A region loaded is framed; the same region re-derived (a tagged sketch, a linked outline) or swapped for
    // the editor's draft of it (or back) keeps the view.
    if (s.loadedRegion !== prev.loadedRegion && s.region && s.loadedRegion?.data.region.id !== prev.loadedRegion?.data.region.id) frameRegion();
    if (s.fitRequest !== prev.fitRequest) fit(800);
    // Vietnam with Hoàng Sa and Trường Sa in view.
    if (s.nationalRequest !== prev.nationalRequest) map.fitBounds([102.1, 8.4, 112.5, 23.4], { padding: 20, duration: 800 });
    if (s.flyTo && s.flyTo !== prev.flyTo) flyToSite(s.flyTo.siteId, s.flyTo.seq);
    if (s.cameraRequest && s.cameraRequest !== prev.cameraRequest) moveCamera(s.cameraRequest.camera, s.cameraRequest.duration);
    if (s.importFlyTo && s.importFlyTo !== prev.importFlyTo) flyToImport(s.importFlyTo.layerId);
  });

  const onMove = (e: MapEventLike) => {
    // While sketching the drawing tool owns the cursor (a crosshair), and sites are not picked.
    if (store.getState().sketching) return;
    // Waiting for the editor's point: a crosshair says where the click will put it.
    if (store.getState().pickingPoint) {
      map.getCanvas().style.cursor = 'crosshair';
      return;
    }
    const hit = pickAt(map, e);
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
    const current = store.getState().hovered;
    if (!sameSelection(current, hit)) store.getState().setHovered(hit);
  };
  const onLeave = () => {
    map.getCanvas().style.cursor = '';
    if (store.getState().hovered) store.getState().setHovered(null);
  };
  const onClick = (e: MapEventLike) => {
    // While sketching, a click places a vertex: it must not also open a fact sheet.
    if (store.getState().sketching) return;
    // The editor asked for a point (a site moved by a click): the click answers it and selects nothing.
    if (store.getState().pickingPoint) {
      if (e.lngLat) store.getState().pickPoint([e.lngLat.lng, e.lngLat.lat]);
      return;
    }
    // At country scale a province's mark opens that province.
    if (e.point && map.getLayer('provinces-mark')) {
      const hit = map.queryRenderedFeatures([e.point.x, e.point.y], { layers: ['provinces-mark'] })[0];
      const id = hit?.properties?.['id'];
      if (typeof id === 'string') {
        store.getState().setRegionId(id);
        return;
      }
    }
    store.getState().select(pickAt(map, e));
  };
  const resolveImage = (id: string) => {
    if (id === ARROW_IMAGE && !map.hasImage(ARROW_IMAGE)) map.addImage(ARROW_IMAGE, arrowImage(), { pixelRatio: 2 });
    if (id === BLOCKER_IMAGE && !map.hasImage(BLOCKER_IMAGE)) map.addImage(BLOCKER_IMAGE, blockerImage());
    const shield = map.hasImage(id) ? null : shieldFor(id);
    if (shield) map.addImage(id, shield.image, shield.options);
  };
  const onStyleLoad = () => {
    if (firstLoading) {
      firstLoading = false;
      if (deferred) {
        deferred = false;
        applyStyle();
      }
    }
    // The first style, loaded on a later frame than setStyle, has its large sources only now.
    largeData.feed();
    // …and, a new source without feature state, the replay's date again.
    replay.reapply();
    // A full style reload drops feature state: put hover and selection back.
    const s = store.getState();
    appliedHover = null;
    appliedSelected = null;
    appliedHighlight = [];
    applyFeatureStates(s);
  };
  const onError = (e: MapEventLike) => {
    const s = store.getState();
    if (s.basemap !== 'osm' || !e.sourceId || !onlineStyle) return;
    if (!(e.sourceId in onlineStyle.sources)) return;
    // Tiles of the online basemap failing (offline at an event, blocked network): go back to the
    // embedded basemap rather than leave the audience looking at a blank map.
    onlineErrors += 1;
    if (onlineErrors >= 2) s.basemapFailed();
  };

  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onClick);
  map.setMissingStyleImageResolver(resolveImage);
  map.on('style.load', onStyleLoad);
  map.on('error', onError);
  if (main) map.on('moveend', reportCamera);

  // MapView creates the main map once the region is in (or after REGION_WAIT_MS), so the first style
  // holds it: MapLibre draws the basemap once, at the province. Without the region (slow or failed), the
  // basemap is drawn alone and the region comes later as a change of that style. A link may have chosen
  // the online basemap before the map existed: its style is fetched first, as on a later switch.
  switchBasemap();
  if (main && store.getState().region) frameRegion();

  return {
    destroy() {
      disposed = true;
      replay.destroy();
      unsubscribe();
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
      map.off('click', onClick);
      map.setMissingStyleImageResolver(null);
      map.off('style.load', onStyleLoad);
      map.off('error', onError);
      map.off('moveend', reportCamera);
    },
  };
}
