// The planner's own files on the map: per imported layer one GeoJSON source and four layers in the
// layer's colour (area fill and outline for polygons, a line for lines, a circle for points), plus
// the features' names from zoom 11. A polygon repaired on import (its ring crossed itself) gets a
// dashed amber edge over its outline, so the map flags it as the panel does; the features the planner
// left out are filtered away (a filter change, the source's data is untouched). Pure: the bridge hands the result to MapLibre through style.ts.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry } from 'geojson';
import { COLORS } from '../theme';

/** What the map needs of an imported layer (a subset of the store's ImportedLayer). */
export interface ImportLayerInput {
  id: string;
  color: string;
  visible: boolean;
  features: FeatureCollection<Geometry, { name: string | null } & object>;
  /** features (their `index` property) the planner left out: not drawn */
  leftOut?: readonly number[];
}

export function importSourceId(layerId: string): string {
  return `import-${layerId}`;
}

/** The ids of the map layers drawing one imported layer, in drawing order. */
export function importLayerIds(layerId: string): { fill: string; outline: string; repaired: string; line: string; point: string; label: string } {
  const p = `import-${layerId}`;
  return { fill: `${p}-fill`, outline: `${p}-outline`, repaired: `${p}-repaired`, line: `${p}-line`, point: `${p}-point`, label: `${p}-label` };
}

/** The edge of a repaired polygon: amber, dashed, whatever the layer's colour. */
export const REPAIRED_EDGE = '#d97706';

// `geometry-type` names a MultiPolygon either "Polygon" or "MultiPolygon" depending on the engine
// version; matching both keeps the filter right in either.
const isType = (...types: string[]): ExpressionSpecification => ['match', ['geometry-type'], types, true, false];
const POLYGONS = isType('Polygon', 'MultiPolygon');
const LINES = isType('LineString', 'MultiLineString');
const POINTS = isType('Point', 'MultiPoint');

export function importSources(layers: readonly ImportLayerInput[]): Record<string, SourceSpecification> {
  return Object.fromEntries(layers.map((l) => [importSourceId(l.id), { type: 'geojson', data: l.features } satisfies SourceSpecification]));
}

export function importLayers(layers: readonly ImportLayerInput[], opts: { fontRegular: string }): LayerSpecification[] {
  const shapes: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  for (const l of layers) {
    const source = importSourceId(l.id);
    const ids = importLayerIds(l.id);
    const visibility = l.visible ? 'visible' : 'none';
    const out = l.leftOut && l.leftOut.length > 0 ? l.leftOut : null;
    // Each kind's filter, less the features left out.
    const kept = (f: ExpressionSpecification): ExpressionSpecification =>
      out ? ['all', f, ['!', ['in', ['get', 'index'], ['literal', [...out]]]]] : f;
    shapes.push(
      { id: ids.fill, type: 'fill', source, filter: kept(POLYGONS), layout: { visibility }, paint: { 'fill-color': l.color, 'fill-opacity': 0.28 } },
      {
        id: ids.outline,
        type: 'line',
        source,
        filter: kept(POLYGONS),
        layout: { visibility, 'line-join': 'round' },
        paint: { 'line-color': l.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 3] },
      },
      {
        id: ids.repaired,
        type: 'line',
        source,
        filter: kept(['all', POLYGONS, ['has', 'repair']]),
        layout: { visibility, 'line-join': 'round' },
        paint: { 'line-color': REPAIRED_EDGE, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 14, 3.5], 'line-dasharray': [2, 1.5] },
      },
      {
        id: ids.line,
        type: 'line',
        source,
        filter: kept(LINES),
        layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': l.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 14, 4] },
      },
      {
        id: ids.point,
        type: 'circle',
        source,
        filter: kept(POINTS),
        layout: { visibility },
        paint: { 'circle-radius': 5.5, 'circle-color': l.color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      },
    );
    labels.push({
      id: ids.label,
      type: 'symbol',
      source,
      minzoom: 11,
      filter: kept(['to-boolean', ['get', 'name']]),
      layout: {
        visibility,
        'text-field': ['to-string', ['get', 'name']],
        'text-font': ['literal', [opts.fontRegular]],
        'text-size': 12,
        'text-max-width': 10,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
      },
      paint: { 'text-color': l.color, 'text-halo-color': COLORS.halo, 'text-halo-width': 2 },
    });
  }
  // Every shape first, then every name, so no layer's fill covers another's labels.
  return [...shapes, ...labels];
}
