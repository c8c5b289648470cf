// The basemap's OpenStreetMap roads (public/basemap/osm-roads.geojson), fetched once when a fact sheet first
// opens, so connectivity can measure along them. Until they arrive, or if they cannot be read, distances use
// the region's own roads as before.
import type { FeatureCollection, LineString } from 'geojson';
import { OSM_BASEMAP_FILES } from '../../map/layers/osmLines';
import { basemapFile } from './basemapFile';

type Roads = FeatureCollection<LineString, { ref?: string }>;

const roads = basemapFile<Roads>(OSM_BASEMAP_FILES.osmRoads);

/** For the static pages built in Node (scripts/build-pages.ts): the same roads, read from disk, so a page
 *  measures connectivity exactly as the app's fact sheet does once its roads have arrived. */
export const provideBasemapRoads = roads.provide;

/** The roads once fetched, else null. */
export const loadedBasemapRoads = roads.loaded;

/** Starts the fetch and re-renders the caller when the roads arrive. */
export const useBasemapRoads = roads.useFile;
