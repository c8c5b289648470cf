// What a pointer over the map points at: the topmost interactive feature, points and lines before
// the areas beneath them, as a selection the store understands.
import type { Selection } from '../domain/view';
import { SOURCE } from './layers/common';
import { LANDMARK_INTERACTIVE_LAYERS } from './layers/landmarks';
import { RELOCATION_INTERACTIVE_LAYERS } from './layers/relocations';
import { ROAD_INTERACTIVE_LAYERS } from './layers/roads';
import { SITE_INTERACTIVE_LAYERS } from './layers/sites';
import type { MapEventLike, MapPort } from './mapPort';

const LAYER_TO_TYPE: Record<string, Selection['type']> = {
  ...Object.fromEntries(SITE_INTERACTIVE_LAYERS.map((l) => [l, 'site'])),
  ...Object.fromEntries(ROAD_INTERACTIVE_LAYERS.map((l) => [l, 'road'])),
  ...Object.fromEntries(RELOCATION_INTERACTIVE_LAYERS.map((l) => [l, 'relocation'])),
  ...Object.fromEntries(LANDMARK_INTERACTIVE_LAYERS.map((l) => [l, 'landmark'])),
};
// Points and lines win over the areas beneath them when both are under the cursor. A pending
// relocation's ring sits on its site, so the site wins there (its details list the relocation).
const INTERACTIVE_ORDER = [
  ...LANDMARK_INTERACTIVE_LAYERS,
  'relocations-flow',
  ...ROAD_INTERACTIVE_LAYERS,
  'sites-marker',
  'sites-dot',
  'sites-fill',
  'relocations-pending',
];

/** The sources holding each kind of feature: feature state (hover, selection) is set on each. */
export const SOURCES_OF: Record<Selection['type'], string[]> = {
  site: [SOURCE.siteOutlines, SOURCE.siteAnchors],
  road: [SOURCE.roads],
  relocation: [SOURCE.relocations],
  landmark: [SOURCE.landmarks],
};

/** The feature under the event's point, or null. */
export function pickAt(map: Pick<MapPort, 'getLayer' | 'queryRenderedFeatures'>, e: MapEventLike): Selection | null {
  if (!e.point) return null;
  const layers = INTERACTIVE_ORDER.filter((id) => map.getLayer(id));
  if (layers.length === 0) return null;
  const hits = map.queryRenderedFeatures([e.point.x, e.point.y], { layers });
  hits.sort((a, b) => INTERACTIVE_ORDER.indexOf(a.layer.id) - INTERACTIVE_ORDER.indexOf(b.layer.id));
  const hit = hits[0];
  const id = hit?.properties?.['id'];
  const type = hit ? LAYER_TO_TYPE[hit.layer.id] : undefined;
  return typeof id === 'string' && type ? { type, id } : null;
}

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a === b || (!!a && !!b && a.type === b.type && a.id === b.id);
}
