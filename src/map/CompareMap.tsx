// The second map of compare mode: draws the right side's scenario and moves with the main map. In swipe
// mode it lies over the main map, clipped at the divider (the clip also limits where it takes the
// mouse, so each side answers to clicks on its own half); side by side, it fills the right half.
import { useContext, useEffect, useRef } from 'react';
import { AttributionControl, Map as MlMap } from 'maplibre-gl';
import { useAppStoreApi } from '../store/context';
import { connectMap } from './bridge';
import { MapContext } from './MapView';
import { useT } from '../i18n/useT';

/** Keeps two maps on the same view. The guard stops the echo: a jump fires `move` on the map it moves. */
export function syncViews(a: MlMap, b: MlMap): () => void {
  let busy = false;
  const follow = (from: MlMap, to: MlMap) => () => {
    if (busy) return;
    busy = true;
    try {
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
    } finally {
      busy = false;
    }
  };
  const ab = follow(a, b);
  const ba = follow(b, a);
  a.on('move', ab);
  b.on('move', ba);
  ab();
  return () => {
    a.off('move', ab);
    b.off('move', ba);
  };
}

export function CompareMap({ className, style, attribution }: { className: string; style: React.CSSProperties; attribution: string }) {
  const main = useContext(MapContext);
  const container = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  const { t } = useT();

  useEffect(() => {
    if (!main || !container.current) return;
    const m = new MlMap({
      container: container.current,
      style: { version: 8, sources: {}, layers: [] },
      center: main.getCenter(),
      zoom: main.getZoom(),
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      maxZoom: 17,
    });
    m.addControl(new AttributionControl({ compact: true, customAttribution: attribution }), 'bottom-right');
    const bridge = connectMap(m, store, { basemapBaseUrl: new URL('basemap/', document.baseURI).href, side: 'right' });
    const unsync = syncViews(main, m);
    window.__atlasCompare = m;
    return () => {
      unsync();
      bridge.destroy();
      m.remove();
      delete window.__atlasCompare;
    };
  }, [main, store, attribution]);

  return <div ref={container} className={className} style={style} role="region" aria-label={t.compare_rightMapLabel} data-testid="compare-map" />;
}

declare global {
  interface Window {
    /** browser-test hook: the right-hand map of compare mode, while it exists */
    __atlasCompare?: MlMap;
  }
}
