// Which basemap the map draws: the one the person picked, else the province's default (region.json ›
// basemap.default, embedded when it says nothing). A detailed archive only counts where the province has one.
import type { Region } from './schema';

/** embedded: the app's own coarse basemap; osm: the online OpenStreetMap style (embedded when it fails);
 *  detailed: the province's OpenStreetMap archive drawn over the embedded basemap. */
export type BasemapId = 'embedded' | 'osm' | 'detailed';

export const BASEMAP_IDS: readonly BasemapId[] = ['embedded', 'osm', 'detailed'];

export function hasDetailedBasemap(region: Region | null | undefined): boolean {
  return !!region?.basemap?.detailed;
}

export function regionDefaultBasemap(region: Region | null | undefined): BasemapId {
  const d = region?.basemap?.default ?? 'embedded';
  if (d === 'online') return 'osm';
  if (d === 'detailed' && hasDetailedBasemap(region)) return 'detailed';
  return 'embedded';
}

/** The basemap to draw for a choice (null: none made) in a region: a detailed choice falls back where there is no archive. */
export function basemapFor(choice: BasemapId | null, region: Region | null | undefined): BasemapId {
  if (choice === null) return regionDefaultBasemap(region);
  if (choice === 'detailed' && region && !hasDetailedBasemap(region)) return 'embedded';
  return choice;
}
