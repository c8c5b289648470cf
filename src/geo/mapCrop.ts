// Where a place is on the map's picture, and the part of that picture to print around it. The printed
// fact sheet shows a still of the map in a wide frame; the screen's map has another shape, so the still is
// cut to the frame's shape around the park rather than shrunk whole into a narrow strip of the frame.

/** The camera as the map reports it (domain/view's Camera). */
interface FlatCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** MapLibre's world is 512 px wide at zoom 0 (its tiles are 512 px). */
const WORLD_AT_ZOOM_0 = 512;

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/**
 * `p` (longitude, latitude) in CSS pixels from the top left of a map of `size` with `camera`, by Web Mercator
 * as the map draws it; null for a rotated or tilted camera, where this flat reckoning does not hold.
 */
export function screenPoint(camera: FlatCamera, size: { width: number; height: number }, p: readonly number[]): [number, number] | null {
  if (Math.abs(camera.bearing) > 1e-6 || Math.abs(camera.pitch) > 1e-6) return null;
  const world = WORLD_AT_ZOOM_0 * 2 ** camera.zoom;
  const x = (mercX(p[0]!) - mercX(camera.center[0])) * world + size.width / 2;
  const y = (mercY(p[1]!) - mercY(camera.center[1])) * world + size.height / 2;
  return [x, y];
}

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of a `size` picture, `aspect` wide for 1 high, to print so that `at` is in it: the largest part of
 * that shape, as centred on `at` as the picture allows. Null when `at` is outside the picture (the whole
 * picture is printed then).
 */
export function cropAround(at: readonly [number, number], size: { width: number; height: number }, aspect: number): Crop | null {
  const [px, py] = at;
  const { width: W, height: H } = size;
  if (!(px >= 0 && px <= W && py >= 0 && py <= H) || W <= 0 || H <= 0 || aspect <= 0) return null;
  const w = Math.min(W, aspect * H);
  const h = w / aspect;
  const x = Math.min(Math.max(px - w / 2, 0), W - w);
  const y = Math.min(Math.max(py - h / 2, 0), H - h);
  return { x, y, width: w, height: h };
}
