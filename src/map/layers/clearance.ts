// Clearance parcels as they stand at the report date: clean land green, being cleared amber, not
// started grey. Sample parcels carry a dashed edge, like every other figure that is not real data.
//
// Replay (the date slider): the source holds every dated parcel entry with the span it stands for
// (`from` ≤ D < `until`, analytics/clearance/timeline.ts), each with a numeric id, and the layers draw
// an entry by its feature state: `shown` (it counts as of the date) and `changed` (it started counting
// in the step just taken, outlined more strongly for a moment). A step sets the state of the entries
// that change only (map/replayState.ts). Feature state, not a filter or the map's global state: in
// MapLibre 6 a filter (or a layout or data-driven paint value) that reads global state makes the
// source lay out again in its worker on every change, while feature state rewrites the paint values of
// the features named, on the main thread. Hidden entries get zero opacity and zero line width (a line
// of width 0 covers no pixel; a fill at zero opacity is still rasterised).
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { SOURCE } from './common';

export const CLEARANCE_COLORS = { cleared: '#2e7d32', 'in-progress': '#f0a202', 'not-started': '#9e9e9e' } as const;

/** The feature state of a timeline entry on the map. */
export const REPLAY_FEATURE_STATE = { shown: 'shown', changed: 'changed' } as const;

const flag = (k: string): ExpressionSpecification => ['boolean', ['feature-state', k], false];
const SHOWN = flag(REPLAY_FEATURE_STATE.shown);
const CHANGED: ExpressionSpecification = ['all', SHOWN, flag(REPLAY_FEATURE_STATE.changed)];
const when = (test: ExpressionSpecification, value: number): ExpressionSpecification => ['case', test, value, 0];

export function clearanceLayers(opts: { visible: boolean; replay?: boolean }): LayerSpecification[] {
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
  const replay = !!opts.replay;
  const layers: LayerSpecification[] = [
    {
      id: 'clearance-fill',
      type: 'fill',
      source: SOURCE.clearance,
      minzoom: 9,
      layout: { visibility },
      paint: { 'fill-color': color, 'fill-opacity': replay ? when(SHOWN, 0.55) : 0.55 },
    },
    {
      id: 'clearance-outline',
      type: 'line',
      source: SOURCE.clearance,
      minzoom: 9,
      layout: { visibility },
      paint: {
        'line-color': color,
        'line-width': replay ? when(SHOWN, 1.2) : 1.2,
        'line-dasharray': [2, 1],
      },
    },
  ];
  if (replay) {
    layers.push({
      id: 'clearance-changed',
      type: 'line',
      source: SOURCE.clearance,
      minzoom: 9,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': when(CHANGED, 4), 'line-opacity': 0.95 },
    });
  }
  return layers;
}
