// Parks and clusters: filled outlines (existing strong, planned pale), dashed edges for indicative
// footprints, markers for sites with a location but no area, and labels in the interface language.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { SiteGroup } from '../../domain/siteClass';
import { COLORS, FILL_OPACITY } from '../theme';
import { EMPHASIS, HIGHLIGHTED, nameExpr, SELECTED, SOURCE, type OverlayOptions } from './common';
import { blockerLayer, blockerSize } from './labelBlockers';

export const SITE_INTERACTIVE_LAYERS = ['sites-fill', 'sites-marker', 'sites-dot'] as const;
/** Below this zoom even a 1,000 ha park is a few pixels wide: outlined sites also get a dot sized by area. */
export const OVERVIEW_MAXZOOM = 10;

// A site whose status no source states is white with a grey edge: neither an existing (filled) nor a
// planned (pale kind colour) site, so a guessed status is never drawn.
const kindColor: ExpressionSpecification = [
  'case',
  ['==', ['get', 'stage'], 'withdrawn'],
  COLORS.withdrawn,
  ['==', ['get', 'stage'], 'unstated'],
  COLORS.unstated,
  ['==', ['get', 'kind'], 'kcn'],
  COLORS.kcn,
  COLORS.ccn,
];
const kindDark: ExpressionSpecification = [
  'case',
  ['==', ['get', 'stage'], 'withdrawn'],
  COLORS.withdrawn,
  ['==', ['get', 'stage'], 'unstated'],
  COLORS.unstatedEdge,
  ['==', ['get', 'kind'], 'kcn'],
  COLORS.kcnDark,
  COLORS.ccnDark,
];

function fillOpacity(scale: number): ExpressionSpecification {
  return [
    '+',
    ['match', ['get', 'stage'], 'existing', FILL_OPACITY.existing * scale, 'planned', FILL_OPACITY.planned * scale, 'unstated', FILL_OPACITY.existing * scale, FILL_OPACITY.withdrawn * scale],
    ['case', EMPHASIS, 0.2, 0],
  ];
}

/** Declared or drawn area in ha, 0 when unknown (for sizes and priorities only, never shown). */
const AREA: ExpressionSpecification = ['to-number', ['coalesce', ['get', 'areaHa'], 0], 0];
/** Area grows with the square of the radius: 1,100 ha reads about 3× as wide as 100 ha. */
const DOT_RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['sqrt', AREA], 0, 4, 35, 12];
const MARKER_RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 7, 4.5, 12, 8];

function groupFilter(groups: readonly SiteGroup[]): ExpressionSpecification {
  return ['in', ['get', 'group'], ['literal', [...groups]]];
}

export function siteLayers(
  opts: OverlayOptions & { groups: readonly SiteGroup[]; /** only these sites (an active filter); null for all */ siteIds?: readonly string[] | null },
): LayerSpecification[] {
  // A filter from the list hides the other sites on the map too, so map and list agree.
  const inGroups: ExpressionSpecification = opts.siteIds
    ? ['all', groupFilter(opts.groups), ['in', ['get', 'id'], ['literal', [...opts.siteIds]]]]
    : groupFilter(opts.groups);
  const outlineFilter = (quality: 'indicative' | 'exact'): FilterSpecification => [
    'all',
    inGroups,
    quality === 'indicative' ? ['==', ['get', 'quality'], 'indicative'] : ['!=', ['get', 'quality'], 'indicative'],
  ];
  const lineWidth: ExpressionSpecification = ['case', SELECTED, 3.5, HIGHLIGHTED, 4.5, EMPHASIS, 3, 1.6];
  const lineColor: ExpressionSpecification = ['case', SELECTED, COLORS.selected, HIGHLIGHTED, COLORS.highlight, kindDark];
  return [
    {
      id: 'sites-fill',
      type: 'fill',
      source: SOURCE.siteOutlines,
      filter: inGroups,
      paint: {
        'fill-color': kindColor,
        // Zoomed in, the fill thins out so the clearance parcels drawn on it keep their colours.
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, fillOpacity(1), 13.5, fillOpacity(0.45)],
      },
    },
    {
      id: 'sites-outline-exact',
      type: 'line',
      source: SOURCE.siteOutlines,
      filter: outlineFilter('exact'),
      paint: { 'line-color': lineColor, 'line-width': lineWidth },
    },
    {
      // Indicative footprints are dashed everywhere they appear, so no one mistakes one for a boundary.
      id: 'sites-outline-indicative',
      type: 'line',
      source: SOURCE.siteOutlines,
      filter: outlineFilter('indicative'),
      paint: { 'line-color': lineColor, 'line-width': lineWidth, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'sites-dot',
      type: 'circle',
      source: SOURCE.siteAnchors,
      maxzoom: OVERVIEW_MAXZOOM,
      filter: ['all', inGroups, ['get', 'hasOutline']],
      paint: {
        'circle-radius': DOT_RADIUS,
        'circle-color': kindColor,
        'circle-opacity': ['match', ['get', 'stage'], 'existing', 0.85, 0.25],
        'circle-stroke-color': ['case', SELECTED, COLORS.selected, HIGHLIGHTED, COLORS.highlight, kindDark],
        'circle-stroke-width': ['case', EMPHASIS, 3, 1.5],
      },
    },
    {
      id: 'sites-marker',
      type: 'circle',
      source: SOURCE.siteAnchors,
      filter: ['all', inGroups, ['!', ['get', 'hasOutline']]],
      paint: {
        'circle-radius': MARKER_RADIUS,
        'circle-color': ['case', ['==', ['get', 'stage'], 'existing'], kindColor, '#ffffff'],
        'circle-stroke-color': ['case', SELECTED, COLORS.selected, HIGHLIGHTED, COLORS.highlight, kindDark],
        'circle-stroke-width': ['case', EMPHASIS, 3, 2],
      },
    },
    {
      id: 'sites-label',
      type: 'symbol',
      source: SOURCE.siteAnchors,
      // At country scale the provinces' marks speak; a province's site names would only crowd them.
      minzoom: 6.5,
      filter: inGroups,
      layout: {
        'text-field': ['concat', ['case', ['==', ['get', 'kind'], 'kcn'], 'KCN ', 'CCN '], nameExpr(opts.lang)],
        'text-font': ['case', ['==', ['get', 'kind'], 'kcn'], ['literal', [opts.fontBold]], ['literal', [opts.fontRegular]]],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, ['case', ['==', ['get', 'kind'], 'kcn'], 12, 10.5], 12, 14],
        // Eight places around the point before a name gives up: a connector or a landmark often takes one side.
        'text-variable-anchor': ['top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'],
        // Clear of the site's own dot, which grows with the area below OVERVIEW_MAXZOOM (its blocker is below).
        'text-radial-offset': ['step', ['zoom'], ['interpolate', ['linear'], ['sqrt', AREA], 0, 0.9, 35, 1.3], OVERVIEW_MAXZOOM, 0.9],
        'text-justify': 'auto',
        'text-max-width': 9,
        // Parks before clusters, existing before planned, larger before smaller, when labels compete for
        // space; the names left out appear as the map zooms in and room opens up.
        'symbol-sort-key': [
          '+',
          ['case', ['==', ['get', 'kind'], 'kcn'], 0, 10],
          ['case', ['==', ['get', 'stage'], 'existing'], 0, 2],
          ['/', 1, ['+', 1, ['sqrt', AREA]]],
        ],
      },
      paint: {
        'text-color': kindDark,
        'text-halo-color': COLORS.halo,
        'text-halo-width': 1.6,
      },
    },
    // Labels keep off the dots and markers (an emphasised one has the wider stroke of 3 px).
    blockerLayer({ id: 'sites-dot-point-blocker', source: SOURCE.siteAnchors, maxzoom: OVERVIEW_MAXZOOM, filter: ['all', inGroups, ['get', 'hasOutline']], size: blockerSize(DOT_RADIUS, 3) }),
    blockerLayer({ id: 'sites-marker-point-blocker', source: SOURCE.siteAnchors, filter: ['all', inGroups, ['!', ['get', 'hasOutline']]], size: blockerSize(MARKER_RADIUS, 3) }),
  ];
}
