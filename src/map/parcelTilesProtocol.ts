// Loaded with dynamic import() by the bridge, and only for a region whose region.json names a
// parcelTiles archive: the PMTiles reader (5.6 KB gzip, plus fflate 6.6 KB shared with the importers) stays out
// of the start-up bundle of every other region. Importing this module registers the `pmtiles://`
// protocol once; MapLibre then asks it for the archive's TileJSON and tiles, which it reads with
// HTTP range requests. No service worker caches these requests: offline the layer is simply absent.
// The protocol is shared with the detailed basemap (pmtilesProtocol.ts).
import './pmtilesProtocol';
import { parcelTilesStyle, type ParcelTilesEntry } from './layers/parcelTiles';
import type { PARCEL_COLORS } from './theme';

/** The source and layers for the page as it is served (its address resolves region.json's relative url). */
export function parcelTilesFor(entry: ParcelTilesEntry, visible: boolean, colors: typeof PARCEL_COLORS) {
  return parcelTilesStyle(entry, { visible, pageUrl: document.baseURI, colors });
}
