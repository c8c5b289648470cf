// Sources and layers a drawing tool adds to the map at run time, carried over when our style changes.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

/** Sources and layers added at run time by a drawing tool (terra-draw's adapter prefixes them "td-"). */
export const RUNTIME_PREFIX = 'td-';

/**
 * Our style replaces the whole style with a diff, which would remove what a drawing tool added to the
 * map while the planner sketches: those sources and layers are carried over, on top.
 */
export function keepRuntimeLayers(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  const sources = Object.entries(previous.sources).filter(([id]) => id.startsWith(RUNTIME_PREFIX) && !(id in next.sources));
  const layers = previous.layers.filter((l) => l.id.startsWith(RUNTIME_PREFIX) && !next.layers.some((n) => n.id === l.id));
  if (sources.length === 0 && layers.length === 0) return next;
  return { ...next, sources: { ...next.sources, ...Object.fromEntries(sources) }, layers: [...next.layers, ...layers] };
}
