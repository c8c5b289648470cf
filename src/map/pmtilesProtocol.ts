// The one `pmtiles://` protocol of the app, registered with MapLibre once, shared by the lazily loaded
// modules that read PMTiles archives (a region's parcel layer, the detailed basemap): MapLibre keeps a
// single handler per scheme, so a second registration would drop the archives the first one was given.
import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol, type Source } from 'pmtiles';

export const pmtilesProtocol = new Protocol();
// `tile` answers both of MapLibre's protocol calling conventions; v6 uses the promise one.
addProtocol('pmtiles', pmtilesProtocol.tile as Parameters<typeof addProtocol>[1]);

/** Reads `pmtiles://<source key>` through the given source (e.g. one that works offline) instead of plain range requests. */
export function registerArchiveSource(source: Source): void {
  if (!pmtilesProtocol.get(source.getKey())) pmtilesProtocol.add(new PMTiles(source));
}
