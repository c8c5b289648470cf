// Shared pieces of the layer specs.
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Lang } from '../../i18n/format';

export interface OverlayOptions {
  lang: Lang;
  fontRegular: string;
  fontBold: string;
}

/** Name of a feature in the interface language (properties carry name_vi and name_en). */
export function nameExpr(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'vi' ? 'name_vi' : 'name_en'];
}

/** true while the feature is hovered, selected or highlighted (a slide's sites), for emphasis in paint expressions. */
export const EMPHASIS: ExpressionSpecification = [
  'any',
  ['boolean', ['feature-state', 'hover'], false],
  ['boolean', ['feature-state', 'selected'], false],
  ['boolean', ['feature-state', 'highlight'], false],
];

export const HIGHLIGHTED: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];

export const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

export const SOURCE = {
  siteOutlines: 'site-outlines',
  siteAnchors: 'site-anchors',
  roads: 'roads',
  relocations: 'relocations',
  landmarks: 'landmarks',
  clearance: 'clearance',
  provinces: 'overview-provinces',
} as const;
