// The map element: creates the MapLibre map, hands it to the bridge, and shares it through context.
import { useEffect, useRef, useState, createContext, type ReactNode } from 'react';
import { AttributionControl, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useAppStoreApi } from '../store/context';
import { connectMap } from './bridge';
import { followLabelFrame } from './labelFrame';
import { placedLabels, type PlacedLabel } from './placedLabels';
import { onlineStyleOrSaved } from './onlineStyleOrSaved';
import { useT } from '../i18n/useT';

// Without an explicit worker URL, Vite's build ships no MapLibre worker and the map stays blank.
setWorkerUrl(workerUrl);

export const MapContext = createContext<MlMap | null>(null);

export interface MapViewProps {
  /** shown beside MapLibre's own attribution (the embedded basemap's sources and licences) */
  attribution: string;
  children?: ReactNode;
}

declare global {
  interface Window {
    /** debugging and browser-test hook: the live map and store */
    __atlas?: { map: MlMap; store: ReturnType<typeof useAppStoreApi>; /** the labels MapLibre placed, with their boxes */ labels: () => PlacedLabel[] };
  }
}

/** How long the map waits for the opening region before it is created without it (a slow network, a
 *  failed file): the basemap then shows on its own and the region follows as a change of its style. */
export const REGION_WAIT_MS = 3000;

export function MapView({ attribution, children }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  const { t } = useT();
  const [map, setMap] = useState<MlMap | null>(null);

  // The map is created once the opening region is in the store (or has failed to load), not at the
  // first render: its first style then holds the region, and its camera starts at the region. Created
  // earlier, it opened on all of Vietnam, loaded that view's basemap, and its constructor (WebGL set-up,
  // a long task on a modest laptop) ran while the region's files arrived, so their parsing and
  // validation waited behind it; the region reached the map a second later than a bare MapLibre page
  // drawing the same files (docs/benchmarks.md).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let destroy: (() => void) | null = null;
    const ready = (s: ReturnType<typeof store.getState>) => s.region !== null || s.loadErrors !== null;
    let cancelled = false;
    const create = () => {
      if (destroy || cancelled) return;
      unsubscribe();
      window.clearTimeout(timer);
      destroy = createMap(el, store, attribution, setMap);
    };
    const unsubscribe = store.subscribe((s) => {
      // Not inside the store's notification: the bridge subscribes as it connects, and a listener added
      // during a notification is called with that same change (the region arriving), which would frame
      // the region again over the camera of a shared link.
      if (ready(s)) queueMicrotask(create);
    });
    const timer = window.setTimeout(create, REGION_WAIT_MS);
    if (ready(store.getState())) create();
    return () => {
      cancelled = true;
      unsubscribe();
      window.clearTimeout(timer);
      destroy?.();
      setMap(null);
    };
    // The map is created once; attribution text is static per build.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <MapContext.Provider value={map}>
      <div ref={container} className="map" role="region" aria-label={t.mapLabel} data-testid="map" />
      {children}
    </MapContext.Provider>
  );
}

/** Creates the map in `el`, connects it to the store and hands it out; returns what undoes it all. */
function createMap(el: HTMLDivElement, store: ReturnType<typeof useAppStoreApi>, attribution: string, setMap: (m: MlMap | null) => void): () => void {
  const region = store.getState().region;
  const m = new MlMap({
    container: el,
    style: { version: 8, sources: {}, layers: [] },
    bounds: region?.data.region.bbox ?? [102.1, 8.4, 109.5, 23.4],
    fitBoundsOptions: { padding: 40 },
    attributionControl: false,
    // Keeps the last frame readable for PNG export and screenshots.
    canvasContextAttributes: { preserveDrawingBuffer: true },
    maxZoom: 17,
  });
  m.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  m.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-left');
  const narrow = window.innerWidth < 640;
  m.addControl(new AttributionControl({ compact: narrow, customAttribution: attribution }), 'bottom-right');
  // On a phone the credits fold behind their (i) button instead of covering a third of the map. MapLibre
  // unfolds them when the style brings its credits (on 'styledata'); folding them in that same task, not at
  // 'load' seconds later, means they are never painted unfolded and the first screen does not move.
  if (narrow) {
    const fold = () => {
      const attrib = el.querySelector('.maplibregl-ctrl-attrib');
      if (!attrib?.classList.contains('maplibregl-compact-show')) return;
      attrib.classList.remove('maplibregl-compact-show');
      m.off('styledata', fold);
    };
    m.on('styledata', fold);
  }
  const bridge = connectMap(m, store, {
    basemapBaseUrl: new URL('basemap/', document.baseURI).href,
    // Offline, the online basemap draws from the province's save, if one was made.
    fetchOnlineStyle: () => onlineStyleOrSaved(() => store.getState().region?.data.region.id ?? null),
    // .details is 380 px wide plus margins; on a phone it is a sheet and the padding would not fit.
    detailsPanelWidth: window.innerWidth > 800 ? 440 : 0,
  });
  const unframe = followLabelFrame(m, store);
  window.__atlas = { map: m, store, labels: () => placedLabels(m) };
  setMap(m);
  return () => {
    unframe();
    bridge.destroy();
    m.remove();
    delete window.__atlas;
  };
}
