// A browser-test hook: the labels MapLibre placed on the last frame, with their boxes in CSS pixels of
// the map. queryRenderedFeatures tells which labels are drawn but not where their text ends, so this
// reads the placement's collision index, which holds exactly the boxes labels were kept apart by.
// These are MapLibre internals (checked against maplibre-gl 6.17): the hook returns [] when they move.
import type { Map as MlMap } from 'maplibre-gl';

export interface PlacedLabel {
  layer: string;
  /** the same number for the text and the icon of one feature of one tile */
  feature: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Key {
  bucketInstanceId: number;
  featureIndex: number;
}
interface Grid {
  boxKeys: Key[];
  bboxes: number[];
  circleKeys: Key[];
  circles: number[];
}
interface PlacementInternals {
  collisionIndex?: { grid: Grid; ignoredGrid: Grid };
  retainedQueryData?: Record<number, { bucketIndex: number; featureIndex: { bucketLayerIDs: string[][] } }>;
}

/** MapLibre's collision grid reaches this far past each edge of the map (collision_index.ts). */
const VIEWPORT_PADDING = 100;

export function placedLabels(map: MlMap): PlacedLabel[] {
  const placement = (map as unknown as { style?: { placement?: PlacementInternals } }).style?.placement;
  const index = placement?.collisionIndex;
  const retained = placement?.retainedQueryData;
  if (!index || !retained) return [];
  const out: PlacedLabel[] = [];
  const add = (key: Key, x1: number, y1: number, x2: number, y2: number) => {
    const q = retained[key.bucketInstanceId];
    const layer = q?.featureIndex.bucketLayerIDs[q.bucketIndex]?.[0];
    if (!layer) return;
    const p = VIEWPORT_PADDING;
    out.push({ layer, feature: `${key.bucketInstanceId}:${key.featureIndex}`, x1: x1 - p, y1: y1 - p, x2: x2 - p, y2: y2 - p });
  };
  for (const grid of [index.grid, index.ignoredGrid]) {
    grid.boxKeys.forEach((k, i) => add(k, grid.bboxes[4 * i]!, grid.bboxes[4 * i + 1]!, grid.bboxes[4 * i + 2]!, grid.bboxes[4 * i + 3]!));
    // Labels along lines are kept apart by circles: each becomes its bounding square.
    grid.circleKeys.forEach((k, i) => {
      const [x, y, r] = [grid.circles[3 * i]!, grid.circles[3 * i + 1]!, grid.circles[3 * i + 2]!];
      add(k, x - r, y - r, x + r, y + r);
    });
  }
  return out;
}
