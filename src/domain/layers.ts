// The toggleable layers of the legend. Site groups come from domain/siteClass.
import { SITE_GROUPS, type SiteGroup } from './siteClass';

// parcelTiles: a region's large parcel layer (region.json › parcelTiles); the legend lists it only where there is one.
export type LayerKey = SiteGroup | 'clearance' | 'roads' | 'relocations' | 'landmarks' | 'parcelTiles';
export const LAYER_KEYS: readonly LayerKey[] = [...SITE_GROUPS, 'clearance', 'roads', 'relocations', 'landmarks', 'parcelTiles'];

export type Visibility = Record<LayerKey, boolean>;

export function allVisible(): Visibility {
  return Object.fromEntries(LAYER_KEYS.map((k) => [k, true])) as Visibility;
}
