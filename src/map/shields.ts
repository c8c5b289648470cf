// Road number shields drawn in code, so the style needs no sprite sheet (and no network): a rounded
// box with a darker rim, stretchable around its text (icon-text-fit), one per road class.
import { SHIELD_IMAGES } from './layers/osmLines';
import { OSM_LINE_COLORS } from './theme';

export interface ShieldImage {
  image: { width: number; height: number; data: Uint8ClampedArray };
  options: { pixelRatio: number; stretchX: [number, number][]; stretchY: [number, number][]; content: [number, number, number, number] };
}

function hex(c: string): [number, number, number] {
  const n = Number.parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A 20 × 20 px (pixel ratio 2) rounded box: 2 px rim, 4 px corner radius, the middle stretches. */
export function shieldImage(fill: string, rim: string): ShieldImage {
  const size = 20;
  const radius = 5;
  const rimPx = 2;
  const data = new Uint8ClampedArray(size * size * 4);
  const [fr, fg, fb] = hex(fill);
  const [rr, rg, rb] = hex(rim);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance outside the rounded rectangle's inner core, to cut round corners.
      const cx = Math.max(radius - (x + 0.5), 0, x + 0.5 - (size - radius));
      const cy = Math.max(radius - (y + 0.5), 0, y + 0.5 - (size - radius));
      const d = Math.hypot(cx, cy);
      if (d > radius) continue;
      const onRim = d > radius - rimPx || x < rimPx || y < rimPx || x >= size - rimPx || y >= size - rimPx;
      const i = (y * size + x) * 4;
      data[i] = onRim ? rr : fr;
      data[i + 1] = onRim ? rg : fg;
      data[i + 2] = onRim ? rb : fb;
      data[i + 3] = 255;
    }
  }
  return {
    image: { width: size, height: size, data },
    options: { pixelRatio: 2, stretchX: [[radius, size - radius]], stretchY: [[radius, size - radius]], content: [radius, radius, size - radius, size - radius] },
  };
}

/** The shield for a style image id, or null when the id is not a shield. */
export function shieldFor(id: string): ShieldImage | null {
  if (id === SHIELD_IMAGES.national) return shieldImage(OSM_LINE_COLORS.national.fill, OSM_LINE_COLORS.national.casing);
  if (id === SHIELD_IMAGES.provincial) return shieldImage(OSM_LINE_COLORS.provincial.fill, OSM_LINE_COLORS.provincial.casing);
  return null;
}
