// Which OpenStreetMap objects the detailed basemap keeps, in which tile layer, from which zoom, and with
// which properties. Pure: the pipeline (scripts/build-basemap-osm.ts) feeds it what osmium exports
// (GeoJSON features whose properties are the OSM tags; closed ways come both as a line and as an area).
// The layer names and classes are what src/map/layers/detailedBasemap.ts styles: change both together.
import type { Feature, Geometry } from 'geojson';

export const LAYERS = ['water', 'waterways', 'landuse', 'roads', 'railways', 'stations', 'places'] as const;
export type LayerName = (typeof LAYERS)[number];

/** What a kept object becomes: its layer, the first zoom it is in the tiles, and the few properties the map shows. */
export interface Classified {
  layer: LayerName;
  minZoom: number;
  properties: { class: string; name?: string; ref?: string };
}

export const MIN_ZOOM = 5;
export const MAX_ZOOM = 14;

/**
 * Road classes as Vietnamese maps group them: expressways (cao tốc, OSM motorway), national roads (quốc lộ,
 * mostly trunk/primary), provincial roads (đường tỉnh, secondary), district roads (tertiary), and the
 * streets of towns and villages (residential, unclassified, living_street), only from z13 where a park's
 * surroundings are read street by street. Links (ramps) go with their road.
 */
const ROAD_CLASS: Record<string, { class: string; minZoom: number }> = {
  motorway: { class: 'motorway', minZoom: 5 },
  trunk: { class: 'trunk', minZoom: 5 },
  primary: { class: 'primary', minZoom: 7 },
  secondary: { class: 'secondary', minZoom: 9 },
  tertiary: { class: 'tertiary', minZoom: 11 },
  residential: { class: 'minor', minZoom: 13 },
  unclassified: { class: 'minor', minZoom: 13 },
  living_street: { class: 'minor', minZoom: 13 },
};

const PLACE_MIN_ZOOM: Record<string, number> = { city: 5, town: 8, suburb: 11, village: 11, hamlet: 13 };
const WATERWAY_MIN_ZOOM: Record<string, number> = { river: 7, canal: 10, stream: 12 };
const RAIL_KINDS = new Set(['rail', 'narrow_gauge', 'light_rail']);

/** The osmium tags-filter expressions that keep exactly what classify() can use (and the nodes their ways need). */
export const OSMIUM_FILTERS = [
  `w/highway=${Object.keys(ROAD_CLASS).flatMap((k) => (k === 'residential' || k === 'unclassified' || k === 'living_street' ? [k] : [k, `${k}_link`])).join(',')}`,
  `w/railway=${[...RAIL_KINDS].join(',')}`,
  'n/railway=station,halt',
  `w/waterway=${Object.keys(WATERWAY_MIN_ZOOM).join(',')}`,
  'wr/natural=water',
  'wr/waterway=riverbank',
  'wr/landuse=industrial',
  `n/place=${Object.keys(PLACE_MIN_ZOOM).join(',')}`,
];

type Tags = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** name and ref when the object has them (Vietnamese names as mapped, diacritics and all). */
function label(tags: Tags, withRef = false): { name?: string; ref?: string } {
  const name = text(tags['name']);
  const ref = withRef ? text(tags['ref']) : undefined;
  return { ...(name ? { name } : {}), ...(ref ? { ref } : {}) };
}

const isLine = (g: Geometry) => g.type === 'LineString' || g.type === 'MultiLineString';
const isArea = (g: Geometry) => g.type === 'Polygon' || g.type === 'MultiPolygon';

/** The basemap's reading of one exported OSM object, or null when the basemap leaves it out. */
export function classify(f: Feature): Classified | null {
  const g = f.geometry;
  if (!g) return null;
  const tags: Tags = f.properties ?? {};
  const highway = text(tags['highway']);
  if (highway && isLine(g)) {
    const road = ROAD_CLASS[highway.replace(/_link$/, '')];
    // Links of residential streets do not exist in OSM; a "residential_link" would be a tagging error.
    if (!road || (highway.endsWith('_link') && road.class === 'minor')) return null;
    return { layer: 'roads', minZoom: road.minZoom, properties: { class: road.class, ...label(tags, true) } };
  }
  const railway = text(tags['railway']);
  if (railway && RAIL_KINDS.has(railway) && isLine(g)) {
    return { layer: 'railways', minZoom: MIN_ZOOM, properties: { class: railway, ...label(tags) } };
  }
  if ((railway === 'station' || railway === 'halt') && g.type === 'Point') {
    return { layer: 'stations', minZoom: 10, properties: { class: railway, ...label(tags) } };
  }
  const waterway = text(tags['waterway']);
  if (waterway && WATERWAY_MIN_ZOOM[waterway] !== undefined && isLine(g)) {
    return { layer: 'waterways', minZoom: WATERWAY_MIN_ZOOM[waterway], properties: { class: waterway, ...label(tags) } };
  }
  if ((text(tags['natural']) === 'water' || waterway === 'riverbank') && isArea(g)) {
    return { layer: 'water', minZoom: 8, properties: { class: text(tags['water']) ?? 'water', ...label(tags) } };
  }
  if (text(tags['landuse']) === 'industrial' && isArea(g)) {
    return { layer: 'landuse', minZoom: 10, properties: { class: 'industrial', ...label(tags) } };
  }
  const place = text(tags['place']);
  if (place && PLACE_MIN_ZOOM[place] !== undefined && g.type === 'Point' && text(tags['name'])) {
    return { layer: 'places', minZoom: PLACE_MIN_ZOOM[place], properties: { class: place, ...label(tags) } };
  }
  return null;
}
