// The bridge's hook for the detailed basemap: when it is the basemap drawn and the region names an archive,
// loads the PMTiles code on first use (detailedBasemapProtocol.ts) and gives the style its sources and
// layers; until then (and on any other basemap) nothing, and the embedded basemap alone is drawn.
import type { AppState } from '../store/state';
import type { DetailedBasemapStyle } from './detailedBasemapProtocol';

type Fonts = { fontRegular: string; fontBold: string };

/** `onReady` redraws the style once the code is there. */
export function detailedBasemapLoader(onReady: () => void): (s: AppState, fonts: Fonts) => DetailedBasemapStyle | null {
  let mod: typeof import('./detailedBasemapProtocol') | 'loading' | null = null;
  return (s, fonts) => {
    const entry = s.basemap === 'detailed' ? s.region?.data.region.basemap?.detailed : undefined;
    if (!entry) return null;
    if (mod === null) {
      mod = 'loading';
      import('./detailedBasemapProtocol').then(
        (m) => {
          mod = m;
          onReady();
        },
        () => {
          // Its code could not be fetched: the embedded basemap stays, and a later style change retries.
          mod = null;
        },
      );
    }
    return mod === 'loading' ? null : mod.detailedBasemapFor(entry.url, fonts);
  };
}
