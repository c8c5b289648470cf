// Interchanges, border gates, stations, airports and the provincial centre: what an investor measures
// a site's access against (src/analytics/connectivity.ts). No sprite images exist, so each kind is a
// circle of its own colour and size, with the landmark's name beside it from zoom 9.5.
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LandmarkProperties } from '../../domain/schema';
import { COLORS } from '../theme';
import { nameExpr, SOURCE, type OverlayOptions } from './common';
import { blockerLayer, blockerSize } from './labelBlockers';

export const LANDMARK_INTERACTIVE_LAYERS = ['landmarks-point'] as const;

type LandmarkKind = LandmarkProperties['kind'];

/** One colour per kind, apart from the KCN blue, the CCN orange, the connector pink and the relocation red;
 *  the legend draws its swatches from the same table. The interchange keeps the former single landmark colour. */
export const LANDMARK_KIND_COLORS: Record<LandmarkKind, string> = {
  interchange: COLORS.landmark,
  'border-gate': '#5e35b1',
  station: '#00796b',
  airport: '#6d4c41',
  centre: '#212121',
};

/** Circle radius (px) per kind: the centre and the airports stand out a little from the local landmarks. */
export const LANDMARK_KIND_RADIUS: Record<LandmarkKind, number> = {
  interchange: 5,
  'border-gate': 5,
  station: 5,
  airport: 6,
  centre: 7,
};

function byKind<T extends string | number>(table: Record<LandmarkKind, T>, fallback: T): ExpressionSpecification {
  const pairs = (Object.entries(table) as [LandmarkKind, T][]).flatMap(([k, v]) => [k, v]);
  return ['match', ['get', 'kind'], ...pairs, fallback] as unknown as ExpressionSpecification;
}

export function landmarkLayers(opts: OverlayOptions & { visible: boolean }): LayerSpecification[] {
  const visibility = opts.visible ? 'visible' : 'none';
  const color = byKind(LANDMARK_KIND_COLORS, COLORS.landmark);
  return [
    {
      id: 'landmarks-point',
      type: 'circle',
      source: SOURCE.landmarks,
      layout: { visibility },
      paint: {
        'circle-radius': byKind(LANDMARK_KIND_RADIUS, 5),
        'circle-color': color,
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
        // Right of the dot by preference, else wherever a connector or a site's name leaves room.
        'text-variable-anchor': ['left', 'right', 'top', 'bottom', 'top-left', 'bottom-left', 'top-right', 'bottom-right'],
        'text-radial-offset': 0.8,
        'text-justify': 'auto',
        'text-max-width': 10,
        'text-optional': true,
      },
      paint: { 'text-color': color, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
    },
    // No label (a site's, a place's, another landmark's) covers the dot.
    blockerLayer({ id: 'landmarks-point-blocker', source: SOURCE.landmarks, visible: opts.visible, size: blockerSize(byKind(LANDMARK_KIND_RADIUS, 5), 2) }),
  ];
}
