// Connecting roads: emphasised with a casing, dashed where the alignment is only indicative,
// labelled with the declared length.
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { localeOf } from '../../i18n/format';
import { COLORS } from '../theme';
import { EMPHASIS, SOURCE, type OverlayOptions } from './common';
import { blockerLayer } from './labelBlockers';

export const ROAD_INTERACTIVE_LAYERS = ['roads-line', 'roads-line-indicative'] as const;

export function roadLayers(opts: OverlayOptions & { visible: boolean }): LayerSpecification[] {
  const visibility = opts.visible ? 'visible' : 'none';
  // Zoom must be the outermost interpolation, so the hover emphasis goes inside each stop.
  const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 7, ['case', EMPHASIS, 5, 3], 13, ['case', EMPHASIS, 11, 7]];
  const casingWidth: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 7, ['case', EMPHASIS, 8, 6], 13, ['case', EMPHASIS, 14, 10]];
  const lengthLabel: ExpressionSpecification = [
    'case',
    ['>=', ['get', 'lengthKm'], 0],
    ['concat', ['number-format', ['get', 'lengthKm'], { locale: localeOf(opts.lang), 'max-fraction-digits': 2 }], ' km'],
    '',
  ];
  return [
    {
      id: 'roads-casing',
      type: 'line',
      source: SOURCE.roads,
      layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': COLORS.roadCasing, 'line-width': casingWidth },
    },
    {
      id: 'roads-line',
      type: 'line',
      source: SOURCE.roads,
      filter: ['!=', ['get', 'quality'], 'indicative'],
      layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': COLORS.connector, 'line-width': width },
    },
    {
      id: 'roads-line-indicative',
      type: 'line',
      source: SOURCE.roads,
      filter: ['==', ['get', 'quality'], 'indicative'],
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': COLORS.connector,
        'line-width': width,
        'line-dasharray': [1.6, 0.8],
      },
    },
    {
      id: 'roads-label',
      type: 'symbol',
      source: SOURCE.roads,
      layout: {
        visibility,
        'symbol-placement': 'line-center',
        'text-field': lengthLabel,
        'text-font': ['literal', [opts.fontBold]],
        'text-size': 12,
        'text-offset': [0, -1],
        // Placed before the other labels (style.ts orders them) but never over a site's or landmark's dot.
        'text-allow-overlap': false,
      },
      paint: { 'text-color': COLORS.connector, 'text-halo-color': COLORS.halo, 'text-halo-width': 2 },
    },
    // The other labels keep off the road itself: a name across a connector hides where it runs.
    blockerLayer({ id: 'roads-line-blocker', source: SOURCE.roads, visible: opts.visible, line: true, size: ['interpolate', ['linear'], ['zoom'], 7, 0.4, 13, 0.8] }),
  ];
}

