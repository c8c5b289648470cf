// Which web-mercator (XYZ) tiles cover a lon/lat box. A box's cover is a rectangle of tile columns and
// rows per zoom, so two index conversions do the job; a geometry library (@mapbox/tile-cover) would add
// polygon rasterising the app does not need.

/** [west, south, east, north] in degrees */
export type LonLatBox = readonly [number, number, number, number];

export interface TileRange {
  z: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

// Web mercator stops at ±85.0511°; beyond it tiles do not exist.
const MAX_LAT = 85.0511287798066;

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

export function tileX(lon: number, z: number): number {
  const n = 2 ** z;
  return clamp(Math.floor(((lon + 180) / 360) * n), 0, n - 1);
}

export function tileY(lat: number, z: number): number {
  const n = 2 ** z;
  const rad = (clamp(lat, -MAX_LAT, MAX_LAT) * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return clamp(Math.floor(y), 0, n - 1);
}

/** The tile rectangle covering `box` at zoom z (north has the smaller row). */
export function tileRange(box: LonLatBox, z: number): TileRange {
  const [w, s, e, n] = box;
  return { z, minX: tileX(w, z), maxX: tileX(e, z), minY: tileY(n, z), maxY: tileY(s, z) };
}

export function rangeCount(r: TileRange): number {
  return (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1);
}

/** Tile ranges for every zoom from minZoom to maxZoom inclusive. */
export function tileRanges(box: LonLatBox, minZoom: number, maxZoom: number): TileRange[] {
  const out: TileRange[] = [];
  for (let z = minZoom; z <= maxZoom; z++) out.push(tileRange(box, z));
  return out;
}

export function* tilesOf(ranges: readonly TileRange[]): Generator<{ z: number; x: number; y: number }> {
  for (const r of ranges) {
    for (let x = r.minX; x <= r.maxX; x++) for (let y = r.minY; y <= r.maxY; y++) yield { z: r.z, x, y };
  }
}
