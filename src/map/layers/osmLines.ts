// OpenStreetMap railways and roads of the embedded basemap (scripts/basemap/osmLines.ts builds them),
// styled the way Vietnamese maps are read: the railway as a black line with white dashes, national
// roads (QL) red-orange, provincial roads (ĐT) yellow, each with its number on a shield along the line
// from zoom 10. Drawn over the land and water and under every overlay (sites, connectors, labels);
// their labels are lower in the stack than the site labels, so a park's name always wins a collision.
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { OSM_LINE_COLORS } from '../theme';

/** Files in public/basemap/ (scripts/basemap/osmInputs.ts › OSM_OUTPUT). */
export const OSM_BASEMAP_FILES = {
  osmRoads: 'osm-roads.geojson',
  osmRail: 'osm-rail.geojson',
  osmRailOverview: 'osm-rail-overview.geojson',
} as const;

/** Shield images, drawn in code (src/map/shields.ts) when the style asks for them: no sprite, no network. */
export const SHIELD_IMAGES = { national: 'shield-national', provincial: 'shield-provincial' } as const;

/** Below this zoom the whole country's coarse railway is drawn; from it, the detailed one of the provinces. */
export const RAIL_DETAIL_ZOOM = 10;
/** Road numbers and railway names appear from this zoom. */
export const OSM_LABEL_MINZOOM = 10;

const NATIONAL: ExpressionSpecification = ['==', ['get', 'class'], 'national'];

const byClass = (national: number, provincial: number): ExpressionSpecification => ['case', NATIONAL, national, provincial];

/** Road width by class, growing with zoom (zoom must be the outermost interpolation). */
const roadWidth = (extra: number): ExpressionSpecification => [
  'interpolate', ['linear'], ['zoom'],
  7, byClass(1 + extra, 0.6 + extra),
  10, byClass(2.4 + extra, 1.6 + extra),
  13, byClass(5 + extra, 3.6 + extra),
  16, byClass(9 + extra, 7 + extra),
];

export function osmLineLayers(source: (k: keyof typeof OSM_BASEMAP_FILES) => string): LayerSpecification[] {
  const railWidth = (w10: number, w14: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 10, w10, 14, w14];
  return [
    {
      id: 'bm-osm-road-casing',
      type: 'line',
      source: source('osmRoads'),
      minzoom: 7,
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': byClass(1, 0) },
      paint: { 'line-color': byColor('casing'), 'line-width': roadWidth(1.6) },
    },
    {
      id: 'bm-osm-road',
      type: 'line',
      source: source('osmRoads'),
      minzoom: 7,
      // National roads over provincial ones where they meet.
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': byClass(1, 0) },
      paint: { 'line-color': byColor('fill'), 'line-width': roadWidth(0) },
    },
    {
      id: 'bm-osm-rail-overview',
      type: 'line',
      source: source('osmRailOverview'),
      maxzoom: RAIL_DETAIL_ZOOM,
      paint: {
        'line-color': OSM_LINE_COLORS.rail,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 1.8],
        'line-dasharray': [4, 2],
      },
    },
    {
      id: 'bm-osm-rail-casing',
      type: 'line',
      source: source('osmRail'),
      minzoom: RAIL_DETAIL_ZOOM,
      paint: { 'line-color': OSM_LINE_COLORS.rail, 'line-width': railWidth(3, 5) },
    },
    {
      id: 'bm-osm-rail-dash',
      type: 'line',
      source: source('osmRail'),
      minzoom: RAIL_DETAIL_ZOOM,
      // The dash pattern is in line widths: white bars as long as three widths, black gaps as long.
      paint: { 'line-color': OSM_LINE_COLORS.railDash, 'line-width': railWidth(1.4, 2.6), 'line-dasharray': [3, 3] },
    },
  ];
}

function byColor(part: 'fill' | 'casing'): ExpressionSpecification {
  return ['case', NATIONAL, OSM_LINE_COLORS.national[part], OSM_LINE_COLORS.provincial[part]];
}

export function osmLabelLayers(source: (k: keyof typeof OSM_BASEMAP_FILES) => string, opts: { fontRegular: string; fontBold: string }): LayerSpecification[] {
  return [
    {
      id: 'bm-osm-rail-name',
      type: 'symbol',
      source: source('osmRail'),
      minzoom: OSM_LABEL_MINZOOM + 1,
      filter: ['has', 'name'],
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 300,
        'text-field': ['get', 'name'],
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': 11,
        // Beside the track, not on it: the dashes stay readable.
        'text-offset': [0, 0.9],
        'text-max-angle': 25,
      },
      paint: { 'text-color': OSM_LINE_COLORS.railText, 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
    {
      id: 'bm-osm-road-shield',
      type: 'symbol',
      source: source('osmRoads'),
      minzoom: OSM_LABEL_MINZOOM,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': ['interpolate', ['linear'], ['zoom'], 10, 260, 14, 420],
        // National numbers first when shields compete for room.
        'symbol-sort-key': byClass(0, 1),
        'text-field': ['get', 'ref'],
        'text-font': ['literal', [opts.fontBold]],
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 10, 14, 12],
        // Upright, like a road sign, whatever the road's direction.
        'text-rotation-alignment': 'viewport',
        'icon-rotation-alignment': 'viewport',
        'icon-image': ['case', NATIONAL, SHIELD_IMAGES.national, SHIELD_IMAGES.provincial],
        'icon-text-fit': 'both',
        'icon-text-fit-padding': [2, 4, 2, 4],
      },
      paint: { 'text-color': ['case', NATIONAL, OSM_LINE_COLORS.national.text, OSM_LINE_COLORS.provincial.text] },
    },
  ];
}
