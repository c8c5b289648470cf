// Clearance parcels as they stand at the report date: clean land green, being cleared amber, not
// started grey. Sample parcels carry a dashed edge, like every other figure that is not real data.
//
// Replay (the date slider): the source holds every dated parcel entry with the span it stands for
// (`from` ≤ D < `until`, analytics/clearance/timeline.ts), and the layers pick the entries of the date
// by a filter on the map's global state. A step of the slider changes that state only: no new GeoJSON,
// no new style. The entries that started or ended within the step are outlined more strongly.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StateSpecification } from '@maplibre/maplibre-gl-style-spec';
import { SOURCE } from './common';

export const CLEARANCE_COLORS = { cleared: '#2e7d32', 'in-progress': '#f0a202', 'not-started': '#9e9e9e' } as const;

/** Global state the replay layers read: the date shown, and the step just taken (lo ≤ hi). */
export const REPLAY_STATE = { at: 'replayAt', lo: 'replayLo', hi: 'replayHi' } as const;
const FAR = '9999-12-31';

/** The style's declaration of the replay state (before the bridge sets it: every entry's latest). */
export const REPLAY_STATE_SPEC: StateSpecification = {
  [REPLAY_STATE.at]: { default: FAR },
  [REPLAY_STATE.lo]: { default: FAR },
  [REPLAY_STATE.hi]: { default: FAR },
};

const state = (k: string): ExpressionSpecification => ['to-string', ['global-state', k]];
const prop = (k: string): ExpressionSpecification => ['to-string', ['get', k]];

/** Rule 1 on the timeline: the entry that counts as of the replayed date. */
export const REPLAY_SHOWN: FilterSpecification = ['all', ['<=', prop('from'), state(REPLAY_STATE.at)], ['>', prop('until'), state(REPLAY_STATE.at)]];

/** …and it started or ended within the step (so its parcel changed status there). */
const REPLAY_CHANGED: FilterSpecification = [
  'all',
  REPLAY_SHOWN,
  ['any', ['>', prop('from'), state(REPLAY_STATE.lo)], ['<=', prop('until'), state(REPLAY_STATE.hi)]],
] as FilterSpecification;

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
  const filter = opts.replay ? { filter: REPLAY_SHOWN } : {};
  const layers: LayerSpecification[] = [
    {
      id: 'clearance-fill',
      type: 'fill',
      source: SOURCE.clearance,
      minzoom: 9,
      ...filter,
      layout: { visibility },
      paint: { 'fill-color': color, 'fill-opacity': 0.55 },
    },
    {
      id: 'clearance-outline',
      type: 'line',
      source: SOURCE.clearance,
      minzoom: 9,
      ...filter,
      layout: { visibility },
      paint: {
        'line-color': color,
        'line-width': 1.2,
        'line-dasharray': [2, 1],
      },
    },
  ];
  if (opts.replay) {
    layers.push({
      id: 'clearance-changed',
      type: 'line',
      source: SOURCE.clearance,
      minzoom: 9,
      filter: REPLAY_CHANGED,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': 4, 'line-opacity': 0.95 },
    });
  }
  return layers;
}
