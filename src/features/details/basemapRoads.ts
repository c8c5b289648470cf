// The basemap's OpenStreetMap roads (public/basemap/osm-roads.geojson), fetched once when a fact sheet first
// opens, so connectivity can measure along them. Same origin and precached by the service worker: nothing leaves
// the machine. Until they arrive, or if they cannot be read, distances use the region's own roads as before.
import { useEffect, useState } from 'react';
import type { FeatureCollection, LineString } from 'geojson';
import { OSM_BASEMAP_FILES } from '../../map/layers/osmLines';

type Roads = FeatureCollection<LineString, { ref?: string }>;

let loaded: Roads | null = null;
let pending: Promise<void> | null = null;

/** For the static pages built in Node (scripts/build-pages.ts): the same roads, read from disk, so a page
 *  measures connectivity exactly as the app's fact sheet does once its roads have arrived. */
export function provideBasemapRoads(roads: Roads): void {
  loaded = roads;
}

/** The roads once fetched, else null. */
export function loadedBasemapRoads(): Roads | null {
  return loaded;
}

async function fetchRoads(): Promise<void> {
  try {
    const res = await fetch(new URL(`basemap/${OSM_BASEMAP_FILES.osmRoads}`, document.baseURI).href);
    if (!res.ok) return;
    const json = (await res.json()) as Partial<Roads>;
    if (json.type === 'FeatureCollection' && Array.isArray(json.features)) loaded = json as Roads;
  } catch {
    // Not reachable (a first visit offline): straight lines and the region's roads, as without the basemap roads.
  }
}

/** Starts the fetch and re-renders the caller when the roads arrive. */
export function useBasemapRoads(): Roads | null {
  const [roads, setRoads] = useState(loaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    (pending ??= fetchRoads()).then(() => {
      if (live) setRoads(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return roads;
}
