// A province drawn small, to say where in it a place lies: the static pages' pictures
// (scripts/pages/locatorSvg.ts) and the locator inset of a printed fact sheet. An equirectangular
// projection scaled by cos(latitude) is true enough at province scale for "where in the province".
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** The picture's size and the room kept clear around the outline (and above it, for a caption). */
export interface LocatorBox {
  width: number;
  height: number;
  pad: number;
  /** extra room at the top */
  top?: number;
}

export interface LocatorProjection {
  /** a longitude/latitude to the picture's x, y */
  toPx(p: Position): [number, number];
  /** the outline as an SVG path (empty when there is none) */
  path: string;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

function bboxOf(rings: Position[][]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const [x, y] of r) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
  return [w, s, e, n];
}

/** The outline (or, without one, `bbox`) fitted and centred in the box. */
export function locatorProjection(outline: Polygon | MultiPolygon | null, bbox: [number, number, number, number], box: LocatorBox): LocatorProjection {
  const rings = outline ? ringsOf(outline) : [];
  const [w, s, e, n] = rings.length ? bboxOf(rings) : bbox;
  const top = box.top ?? 0;
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const innerW = box.width - 2 * box.pad;
  const innerH = box.height - 2 * box.pad - top;
  const scale = Math.min(innerW / ((e - w) * kx), innerH / (n - s));
  const ox = (box.width - (e - w) * kx * scale) / 2;
  const oy = box.pad + top + (innerH - (n - s) * scale) / 2;
  const toPx = ([x, y]: Position): [number, number] => [ox + (x! - w) * kx * scale, oy + (n - y!) * scale];
  const path = rings.map((r) => 'M' + r.map((p) => toPx(p).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z').join('');
  return { toPx, path };
}
