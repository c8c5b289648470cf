// The difference between the two sides of a comparison: land the right side adds (green) and land it
// removes (red), drawn over both maps with hatching-free, colour-blind-safe pairs of fill and dashed
// edge, so a piece reads as "change" and not as a site. The row the planner picked is drawn bolder.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';

export const DIFF_SOURCE = 'plan-diff';
export const DIFF_COLORS = { added: '#1b7837', removed: '#b2182b' } as const;

export function planDiffSource(pieces: FeatureCollection): Record<string, SourceSpecification> {
  return { [DIFF_SOURCE]: { type: 'geojson', data: pieces } };
}

export function planDiffLayers(opts: { focus: string | null }): LayerSpecification[] {
  const color: ExpressionSpecification = ['match', ['get', 'change'], 'added', DIFF_COLORS.added, DIFF_COLORS.removed];
  const focused: ExpressionSpecification = ['==', ['get', 'key'], opts.focus ?? ''];
  return [
    {
      id: 'plan-diff-fill',
      type: 'fill',
      source: DIFF_SOURCE,
      paint: { 'fill-color': color, 'fill-opacity': ['case', focused, 0.6, 0.4] },
    },
    {
      id: 'plan-diff-edge',
      type: 'line',
      source: DIFF_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': ['case', focused, 3.5, 1.8], 'line-dasharray': [3, 1.5] },
    },
  ];
}
