// The embedded basemap: built by scripts/build-basemap.ts into public/basemap/*.geojson, drawn with
// no network. The region's own province is lit and outlined; neighbours stay quiet.
import type { FilterSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { COLORS } from '../theme';
import { OSM_BASEMAP_FILES, osmLabelLayers, osmLineLayers } from './osmLines';

export const BASEMAP_FILES = {
  countries: 'countries.geojson',
  borders: 'borders.geojson',
  provinces: 'provinces.geojson',
  provinceLines: 'provinces-lines.geojson',
  rivers: 'rivers.geojson',
  lakes: 'lakes.geojson',
  places: 'places.geojson',
  provinceLabels: 'province-labels.geojson',
  ...OSM_BASEMAP_FILES,
} as const;

type BasemapKey = keyof typeof BASEMAP_FILES;
const src = (k: BasemapKey) => `basemap-${k}`;

/** GeoJSON sources by URL: `baseUrl` must be absolute (the worker fetches them). */
export function embeddedBasemapSources(baseUrl: string): Record<string, SourceSpecification> {
  const out: Record<string, SourceSpecification> = {};
  for (const [k, file] of Object.entries(BASEMAP_FILES) as [BasemapKey, string][]) {
    out[src(k)] = { type: 'geojson', data: new URL(file, baseUrl).href };
  }
  return out;
}

export function embeddedBasemapLayers(opts: { regionProvinceId: string; fontRegular: string; fontBold: string }): LayerSpecification[] {
  const isRegion: FilterSpecification = ['==', ['get', 'id'], opts.regionProvinceId];
  return [
    { id: 'bm-background', type: 'background', paint: { 'background-color': COLORS.water } },
    {
      id: 'bm-countries',
      type: 'fill',
      source: src('countries'),
      paint: { 'fill-color': COLORS.land },
    },
    {
      // The 1:10m borders are ~1 km off in places; zoomed in, a greyed neighbour would put parks on
      // the Lào Cai border "abroad". So the neighbour tint fades out as the map zooms in.
      id: 'bm-neighbours',
      type: 'fill',
      source: src('countries'),
      // Hoàng Sa and Trường Sa come as their own features (XPI, XSP) and are drawn as Vietnam.
      filter: ['!', ['in', ['get', 'iso'], ['literal', ['VNM', 'XPI', 'XSP']]]],
      paint: {
        'fill-color': COLORS.neighbour,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 8, 1, 9.5, 0],
      },
    },
    {
      id: 'bm-region-fill',
      type: 'fill',
      source: src('provinces'),
      filter: isRegion,
      paint: { 'fill-color': COLORS.regionFill },
    },
    {
      id: 'bm-rivers',
      type: 'line',
      source: src('rivers'),
      paint: {
        'line-color': COLORS.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.5, 10, 1.4, 13, 2.2],
      },
    },
    {
      id: 'bm-lakes',
      type: 'fill',
      source: src('lakes'),
      paint: { 'fill-color': COLORS.water },
    },
    {
      // Boundaries of the provinces merged in 2025, faint: planners still read old names in documents.
      id: 'bm-former-province-lines',
      type: 'line',
      source: src('provinceLines'),
      filter: ['==', ['get', 'kind'], 'former'],
      minzoom: 6.5,
      paint: { 'line-color': COLORS.provinceLine, 'line-width': 0.6, 'line-opacity': 0.5, 'line-dasharray': [1, 2] },
    },
    {
      id: 'bm-province-lines',
      type: 'line',
      source: src('provinceLines'),
      filter: ['==', ['get', 'kind'], 'province'],
      paint: { 'line-color': COLORS.provinceLine, 'line-width': 0.9, 'line-dasharray': [3, 2] },
    },
    {
      id: 'bm-region-outline',
      type: 'line',
      source: src('provinces'),
      filter: isRegion,
      paint: { 'line-color': COLORS.regionLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 2.5] },
    },
    {
      id: 'bm-borders',
      type: 'line',
      source: src('borders'),
      paint: {
        'line-color': COLORS.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 9, 1, 12, 0.45],
      },
    },
    // OpenStreetMap railways and roads over land and borders, under the overlays; their labels under the place names.
    ...osmLineLayers(src),
    ...osmLabelLayers(src, opts),
    {
      id: 'bm-places',
      type: 'symbol',
      source: src('places'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': ['case', ['boolean', ['get', 'province_capital'], false], 12, 10],
        'symbol-sort-key': ['get', 'rank'],
        'text-optional': true,
      },
      paint: { 'text-color': COLORS.placeText, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2, 'text-opacity': 0.85 },
    },
    {
      id: 'bm-province-names',
      type: 'symbol',
      source: src('provinceLabels'),
      maxzoom: 9,
      layout: {
        'text-field': ['upcase', ['get', 'name_vi']],
        'text-font': ['literal', [opts.fontBold]],
        'text-size': 11,
        'text-letter-spacing': 0.12,
      },
      paint: { 'text-color': '#8d8370', 'text-halo-color': COLORS.halo, 'text-halo-width': 1 },
    },
  ];
}
