// The embedded basemap: built by scripts/build-basemap.ts into public/basemap/*.geojson, drawn with
// no network. The region's own province is lit and outlined; neighbours stay quiet.
import type { FilterSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { COLORS } from '../theme';

export const BASEMAP_FILES = {
  countries: 'countries.geojson',
  borders: 'borders.geojson',
  provinces: 'provinces.geojson',
  provinceLines: 'provinces-lines.geojson',
  rivers: 'rivers.geojson',
  places: 'places.geojson',
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
      paint: { 'fill-color': ['case', ['==', ['get', 'iso'], 'VNM'], COLORS.land, COLORS.neighbour] },
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
      id: 'bm-province-lines',
      type: 'line',
      source: src('provinceLines'),
      paint: { 'line-color': COLORS.provinceLine, 'line-width': 0.8, 'line-dasharray': [3, 2] },
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
      paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.2] },
    },
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
      source: src('provinces'),
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
