// The detailed basemap a province builds from an OpenStreetMap extract (scripts/build-basemap-osm.ts):
// one PMTiles archive whose layers and classes are those of scripts/osm-basemap/classify.ts. Drawn over
// the embedded basemap (which still gives the land, borders and the rest of the country), styled the way
// Vietnamese road maps are read: expressways orange-red, national roads red, provincial roads yellow,
// district roads and streets white; the railway a black line with white dashes; refs (QL.4E, ĐT.151)
// in white on the road's colour like a sign. Pure: the bridge loads it, with the protocol, on demand.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { OSM_CREDIT } from '../osmCredit';

export const DETAILED_SOURCE = 'osm-detail';
/** Folded by MapLibre into the app's own credit (app/attribution.ts), which holds the same words. */
export const DETAILED_ATTRIBUTION = OSM_CREDIT;

export const DETAILED_COLORS = {
  motorway: '#e0582b',
  trunk: '#d32f2f',
  primary: '#e57b25',
  secondary: '#f2c53d',
  tertiary: '#ffffff',
  minor: '#ffffff',
  casing: '#9b8f7c',
  rail: '#333333',
  water: '#a9cbe3',
  waterway: '#6f9fc8',
  industrial: '#e8dcef',
  industrialLine: '#b59bc6',
  text: '#3b3b3b',
  halo: '#ffffff',
} as const;

export interface DetailedBasemapOptions {
  /** the archive's absolute address (region.json › basemap.detailed.url resolved against the page) */
  archiveUrl: string;
  fontRegular: string;
  fontBold: string;
}

const cls = ['get', 'class'] as const satisfies ExpressionSpecification;
/** a value per road class, in the order the classes rank */
const byClass = (values: Record<'motorway' | 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'minor', unknown>): ExpressionSpecification =>
  ['match', cls, ...Object.entries(values).flat(), values.minor] as unknown as ExpressionSpecification;
const ROAD_RANK = byClass({ motorway: 6, trunk: 5, primary: 4, secondary: 3, tertiary: 2, minor: 1 });
/** road widths in px at zooms 8, 12 and 15 per class (zoom must be the outer expression, so each stop matches the class) */
const ROAD_WIDTHS = { motorway: [1.6, 4, 9], trunk: [1.4, 3.6, 8], primary: [1.1, 3, 7], secondary: [0.8, 2.4, 6], tertiary: [0.5, 1.8, 5], minor: [0.3, 1, 3.5] } as const;
const roadWidth = (extra: number): ExpressionSpecification =>
  ['interpolate', ['exponential', 1.5], ['zoom'], ...[8, 12, 15].flatMap((z, i) => [z, byClass(Object.fromEntries(Object.entries(ROAD_WIDTHS).map(([c, w]) => [c, w[i]! + extra])) as Record<keyof typeof ROAD_WIDTHS, number>)])] as unknown as ExpressionSpecification;

export function detailedBasemapSources(opts: DetailedBasemapOptions): Record<string, SourceSpecification> {
  return { [DETAILED_SOURCE]: { type: 'vector', url: `pmtiles://${opts.archiveUrl}`, attribution: DETAILED_ATTRIBUTION } };
}

/** Areas and lines, to go above the embedded basemap's own areas and lines and under every label. */
export function detailedBasemapLines(): LayerSpecification[] {
  const src = { source: DETAILED_SOURCE } as const;
  return [
    { ...src, id: 'osm-landuse', type: 'fill', 'source-layer': 'landuse', paint: { 'fill-color': DETAILED_COLORS.industrial, 'fill-outline-color': DETAILED_COLORS.industrialLine } },
    { ...src, id: 'osm-water', type: 'fill', 'source-layer': 'water', paint: { 'fill-color': DETAILED_COLORS.water } },
    {
      ...src,
      id: 'osm-waterways',
      type: 'line',
      'source-layer': 'waterways',
      paint: { 'line-color': DETAILED_COLORS.waterway, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, ['match', cls, 'river', 1, 0.5], 12, ['match', cls, 'river', 2.5, 0.8], 15, ['match', cls, 'river', 5, 1.5]] },
    },
    {
      ...src,
      id: 'osm-roads-casing',
      type: 'line',
      'source-layer': 'roads',
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': ROAD_RANK },
      paint: { 'line-color': DETAILED_COLORS.casing, 'line-width': roadWidth(1.2) },
    },
    {
      ...src,
      id: 'osm-roads',
      type: 'line',
      'source-layer': 'roads',
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': ROAD_RANK },
      paint: { 'line-color': byClass(DETAILED_COLORS), 'line-width': roadWidth(0) },
    },
    {
      ...src,
      id: 'osm-railways',
      type: 'line',
      'source-layer': 'railways',
      paint: { 'line-color': DETAILED_COLORS.rail, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 12, 3, 15, 4.5] },
    },
    {
      ...src,
      id: 'osm-railways-dash',
      type: 'line',
      'source-layer': 'railways',
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 12, 1.6, 15, 2.6], 'line-dasharray': [3, 3] },
    },
    {
      ...src,
      id: 'osm-stations',
      type: 'circle',
      'source-layer': 'stations',
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3, 14, 5.5], 'circle-color': '#ffffff', 'circle-stroke-color': DETAILED_COLORS.rail, 'circle-stroke-width': 2 },
    },
  ];
}

/** Labels: under the park and cluster labels (the overlay's symbols come later), so a site's name wins a collision. */
export function detailedBasemapLabels(opts: DetailedBasemapOptions): LayerSpecification[] {
  const src = { source: DETAILED_SOURCE } as const;
  const text = { 'text-color': DETAILED_COLORS.text, 'text-halo-color': DETAILED_COLORS.halo, 'text-halo-width': 1.4 } as const;
  return [
    {
      ...src,
      id: 'osm-waterway-names',
      type: 'symbol',
      'source-layer': 'waterways',
      minzoom: 11,
      layout: { 'symbol-placement': 'line', 'text-field': ['coalesce', ['get', 'name'], ''], 'text-font': ['literal', [opts.fontRegular]], 'text-size': 11, 'text-letter-spacing': 0.05 },
      paint: { 'text-color': '#3f6f99', 'text-halo-color': DETAILED_COLORS.halo, 'text-halo-width': 1.2 },
    },
    {
      ...src,
      id: 'osm-road-names',
      type: 'symbol',
      'source-layer': 'roads',
      minzoom: 12,
      // Streets are named from z14, where they are long enough on screen to carry a name.
      filter: ['any', ['!=', cls, 'minor'], ['>=', ['zoom'], 14]],
      layout: {
        'symbol-placement': 'line',
        'symbol-sort-key': ['-', 10, ROAD_RANK],
        'text-field': ['coalesce', ['get', 'name'], ''],
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': ['interpolate', ['linear'], ['zoom'], 12, 10.5, 15, 12.5],
        'text-max-angle': 30,
      },
      paint: text,
    },
    {
      // A road's number in white on the road's own colour (a halo thick enough to read as a plate).
      ...src,
      id: 'osm-road-refs',
      type: 'symbol',
      'source-layer': 'roads',
      minzoom: 9,
      filter: ['all', ['has', 'ref'], ['match', cls, ['motorway', 'trunk', 'primary', 'secondary'], true, false]],
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 350,
        'symbol-sort-key': ['-', 10, ROAD_RANK],
        'text-field': ['get', 'ref'],
        'text-font': ['literal', [opts.fontBold]],
        'text-size': 10.5,
        'text-rotation-alignment': 'viewport',
        'text-padding': 6,
      },
      paint: {
        'text-color': ['match', cls, 'secondary', '#3b3b3b', '#ffffff'],
        'text-halo-color': byClass({ ...DETAILED_COLORS, secondary: DETAILED_COLORS.secondary }),
        'text-halo-width': 3,
      },
    },
    {
      ...src,
      id: 'osm-railway-names',
      type: 'symbol',
      'source-layer': 'railways',
      minzoom: 12,
      layout: { 'symbol-placement': 'line', 'text-field': ['coalesce', ['get', 'name'], ''], 'text-font': ['literal', [opts.fontRegular]], 'text-size': 10.5, 'text-offset': [0, 0.9] },
      paint: text,
    },
    {
      ...src,
      id: 'osm-station-names',
      type: 'symbol',
      'source-layer': 'stations',
      layout: { 'text-field': ['coalesce', ['get', 'name'], ''], 'text-font': ['literal', [opts.fontBold]], 'text-size': 11.5, 'text-anchor': 'top', 'text-offset': [0, 0.7], 'text-optional': true },
      paint: text,
    },
    {
      ...src,
      id: 'osm-place-names',
      type: 'symbol',
      'source-layer': 'places',
      layout: {
        'text-field': ['coalesce', ['get', 'name'], ''],
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': ['match', cls, 'city', 14, 'town', 12.5, 11],
        'symbol-sort-key': ['match', cls, 'city', 1, 'town', 2, 3],
      },
      paint: { ...text, 'text-color': '#4a4a4a' },
    },
  ];
}
