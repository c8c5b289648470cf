// Relocations: an arrowed flow from the site that moves to its new site; where no destination has
// been decided, a red ring at the origin (an invented arrow would mislead).
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { COLORS } from '../theme';
import { EMPHASIS, nameExpr, SOURCE, type OverlayOptions } from './common';

export const RELOCATION_INTERACTIVE_LAYERS = ['relocations-flow', 'relocations-pending'] as const;
/** Image the map bridge draws on demand for the arrowheads along flows. */
export const ARROW_IMAGE = 'flow-arrow';

export function relocationLayers(opts: OverlayOptions & { visible: boolean }): LayerSpecification[] {
  const visibility = opts.visible ? 'visible' : 'none';
  return [
    {
      id: 'relocations-flow',
      type: 'line',
      source: SOURCE.relocations,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { visibility, 'line-cap': 'round' },
      paint: {
        'line-color': COLORS.relocation,
        'line-width': ['case', EMPHASIS, 4, 2.5],
        'line-dasharray': [3, 1.5],
      },
    },
    {
      id: 'relocations-arrows',
      type: 'symbol',
      source: SOURCE.relocations,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: {
        visibility,
        'symbol-placement': 'line',
        'symbol-spacing': 70,
        'icon-image': ARROW_IMAGE,
        'icon-size': 1.3,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: 'relocations-pending',
      type: 'circle',
      source: SOURCE.relocations,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 9, 12, 16],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': COLORS.relocation,
        'circle-stroke-width': ['case', EMPHASIS, 4, 2.5],
      },
    },
    {
      id: 'relocations-label',
      type: 'symbol',
      source: SOURCE.relocations,
      minzoom: 9,
      layout: {
        visibility,
        'symbol-placement': 'point',
        'text-field': nameExpr(opts.lang),
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 1.4],
        'text-max-width': 12,
        'text-optional': true,
      },
      paint: { 'text-color': COLORS.relocation, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
    },
  ];
}
