// Clearance parcels as they stand at the report date: clean land green, being cleared amber, not
// started grey. Sample parcels carry a dashed edge, like every other figure that is not real data.
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { SOURCE } from './common';

export const CLEARANCE_COLORS = { cleared: '#2e7d32', 'in-progress': '#f0a202', 'not-started': '#9e9e9e' } as const;

export function clearanceLayers(opts: { visible: boolean }): LayerSpecification[] {
  const visibility = opts.visible ? 'visible' : 'none';
  const color: ExpressionSpecification = [
    'match',
    ['get', 'status'],
    'cleared',
    CLEARANCE_COLORS.cleared,
    'in-progress',
    CLEARANCE_COLORS['in-progress'],
    CLEARANCE_COLORS['not-started'],
  ];
  return [
    {
      id: 'clearance-fill',
      type: 'fill',
      source: SOURCE.clearance,
      minzoom: 9,
      layout: { visibility },
      paint: { 'fill-color': color, 'fill-opacity': 0.55 },
    },
    {
      id: 'clearance-outline',
      type: 'line',
      source: SOURCE.clearance,
      minzoom: 9,
      layout: { visibility },
      paint: {
        'line-color': color,
        'line-width': 1.2,
        'line-dasharray': [2, 1],
      },
    },
  ];
}
