// The national overview: one mark per province with its name and how many parks and clusters it has,
// so a country-scale view says where the provinces of the atlas are.
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { COLORS } from '../theme';
import { SOURCE, type OverlayOptions } from './common';

export function provinceLayers(opts: OverlayOptions): LayerSpecification[] {
  return [
    {
      id: 'provinces-mark',
      type: 'circle',
      source: SOURCE.provinces,
      maxzoom: 7,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'sites']], 0, 6, 10, 16],
        'circle-color': COLORS.kcn,
        'circle-opacity': 0.85,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'provinces-label',
      type: 'symbol',
      source: SOURCE.provinces,
      maxzoom: 7,
      layout: {
        'text-field': ['get', opts.lang === 'vi' ? 'label_vi' : 'label_en'],
        'text-font': ['literal', [opts.fontBold]],
        'text-size': 13,
        'text-anchor': 'left',
        'text-offset': [1.4, 0],
        'text-max-width': 14,
        // A handful of provinces: each must be named, whatever basemap label sits nearby.
        'text-allow-overlap': true,
      },
      paint: { 'text-color': COLORS.kcnDark, 'text-halo-color': COLORS.halo, 'text-halo-width': 2 },
    },
  ];
}
