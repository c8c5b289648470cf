// Interchanges, stations and border gates: what an investor measures a site's access against.
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { COLORS } from '../theme';
import { nameExpr, SOURCE, type OverlayOptions } from './common';

export const LANDMARK_INTERACTIVE_LAYERS = ['landmarks-point'] as const;

export function landmarkLayers(opts: OverlayOptions & { visible: boolean }): LayerSpecification[] {
  const visibility = opts.visible ? 'visible' : 'none';
  return [
    {
      id: 'landmarks-point',
      type: 'circle',
      source: SOURCE.landmarks,
      layout: { visibility },
      paint: {
        'circle-radius': 5,
        'circle-color': COLORS.landmark,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'landmarks-label',
      type: 'symbol',
      source: SOURCE.landmarks,
      minzoom: 9.5,
      layout: {
        visibility,
        'text-field': nameExpr(opts.lang),
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [0.8, 0],
        'text-max-width': 10,
        'text-optional': true,
      },
      paint: { 'text-color': COLORS.landmark, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
    },
  ];
}
