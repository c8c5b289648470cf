// Invisible symbols that keep labels off what MapLibre's label placement cannot see. Only symbols take
// part in collision detection: a site's circle, a landmark's dot and a connector road are drawn as
// circle and line layers, so a label would happily sit on them. A transparent icon on each, always
// placed (allow-overlap) but still entered in the collision index (no ignore-placement), makes every
// label placed after it go around. Placement runs from the top layer down, so these sit above the labels.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';

/** the transparent square the blockers draw (added on MapLibre's request, see bridge.ts) */
export const BLOCKER_IMAGE = 'label-blocker';
const BLOCKER_PX = 16;
/** A label may touch a circle's rim, not cover it: the blocker is the square inside the circle and a little more. */
const INSCRIBED = 0.85;

/** the source of the frame blockers (see labelFrame.ts), only in the style while presenting */
export const FRAME_SOURCE = 'label-frame';

export function blockerImage(): { width: number; height: number; data: Uint8ClampedArray } {
  return { width: BLOCKER_PX, height: BLOCKER_PX, data: new Uint8ClampedArray(BLOCKER_PX * BLOCKER_PX * 4) };
}

/** icon-size for a blocker over a circle of radius r px (stroke included). */
function sizeFor(r: number): number {
  return (2 * INSCRIBED * r) / BLOCKER_PX;
}

/** icon-size over a circle whose radius is an interpolate expression: each stop's output becomes a blocker size. */
export function blockerSize(radius: unknown, stroke: number): unknown {
  if (typeof radius === 'number') return sizeFor(radius + stroke);
  if (Array.isArray(radius) && radius[0] === 'interpolate') {
    return radius.map((x, i) => (i >= 4 && i % 2 === 0 && typeof x === 'number' ? sizeFor(x + stroke) : x));
  }
  if (Array.isArray(radius) && radius[0] === 'match') {
    return radius.map((x, i) => (i >= 3 && (i % 2 === 1 || i === radius.length - 1) && typeof x === 'number' ? sizeFor(x + stroke) : x));
  }
  throw new Error('blockerSize: a number, interpolate or match radius');
}

interface BlockerSpec {
  id: string;
  source: string;
  filter?: FilterSpecification;
  size: unknown;
  visible?: boolean;
  minzoom?: number;
  maxzoom?: number;
  /** 'line': icons every few pixels along the feature, so no label crosses it */
  line?: boolean;
}

export function blockerLayer(b: BlockerSpec): LayerSpecification {
  return {
    id: b.id,
    type: 'symbol',
    source: b.source,
    ...(b.filter ? { filter: b.filter } : {}),
    ...(b.minzoom !== undefined ? { minzoom: b.minzoom } : {}),
    ...(b.maxzoom !== undefined ? { maxzoom: b.maxzoom } : {}),
    layout: {
      visibility: b.visible === false ? 'none' : 'visible',
      'icon-image': BLOCKER_IMAGE,
      'icon-size': b.size as ExpressionSpecification,
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
      ...(b.line ? { 'symbol-placement': 'line', 'symbol-spacing': 6, 'icon-rotation-alignment': 'viewport' } : {}),
    },
    paint: { 'icon-opacity': 0 },
  } as LayerSpecification;
}

/** true for a blocker layer: the label tests tell them from the labels they protect */
export function isBlocker(layerId: string): boolean {
  return layerId.endsWith('-blocker');
}

/**
 * Blockers along the edges of the visible map while presenting (points from labelFrame.ts): a label
 * that would be cut by the edge, and show a fragment beside the slide's panel, is left out instead.
 */
export function frameBlockerLayer(): LayerSpecification {
  return blockerLayer({ id: 'frame-blocker', source: FRAME_SOURCE, size: 12 / BLOCKER_PX });
}
