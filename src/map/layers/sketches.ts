// The planner's own sketches when the drawing tool is closed: purple dotted edges on a white casing
// and a faint purple fill, so they read as "drawn by me in the app" and never as a surveyed boundary
// (those are solid) or a site's indicative footprint (dashed, in the kind's colour). Named sketches
// carry their name. Pure: the bridge hands the result to MapLibre through style.ts.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LineString, Polygon } from 'geojson';
import { COLORS } from '../theme';

/** What the map needs of a sketch (a subset of the store's Sketch). */
export interface SketchLayerInput {
  id: string;
  name: string;
  geometry: Polygon | LineString;
}

export const SKETCH_SOURCE = 'user-sketches';
export const SKETCH_LAYER_IDS = ['user-sketch-fill', 'user-sketch-casing', 'user-sketch-line', 'user-sketch-label'] as const;
/** The same purple as the drawing tool's (map/sketch/controller.ts), kept here so the start-up bundle needs no terra-draw. */
export const SKETCH_LINE_COLOR = '#7b1fa2';

const POLYGONS: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];

export function sketchSource(sketches: readonly SketchLayerInput[]): SourceSpecification {
  return {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: sketches.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: { id: s.id, name: s.name } })),
    },
  };
}

export function sketchLayers(opts: { fontRegular: string }): LayerSpecification[] {
  const [fill, casing, line, label] = SKETCH_LAYER_IDS;
  // Zoom may only drive a top-level curve, so the casing has its own (2 px wider).
  const width = (extra: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 10, 1.6 + extra, 15, 2.6 + extra];
  return [
    { id: fill, type: 'fill', source: SKETCH_SOURCE, filter: POLYGONS, paint: { 'fill-color': SKETCH_LINE_COLOR, 'fill-opacity': 0.12 } },
    {
      id: casing,
      type: 'line',
      source: SKETCH_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.halo, 'line-width': width(2), 'line-opacity': 0.85 },
    },
    {
      id: line,
      type: 'line',
      source: SKETCH_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      // Dots, not dashes: sites' indicative footprints are dashed.
      paint: { 'line-color': SKETCH_LINE_COLOR, 'line-width': width(0), 'line-dasharray': [0.1, 1.8] },
    },
    {
      id: label,
      type: 'symbol',
      source: SKETCH_SOURCE,
      filter: ['!=', ['get', 'name'], ''],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': 12,
        'text-max-width': 10,
        'symbol-placement': 'point',
      },
      paint: { 'text-color': SKETCH_LINE_COLOR, 'text-halo-color': COLORS.halo, 'text-halo-width': 2 },
    },
  ];
}
