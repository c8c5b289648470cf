// Scale bar and north arrow geometry for the exported map image (pure: testable without a canvas).

/** WGS84 equatorial circumference, m. */
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6_378_137;
/** MapLibre's world is 512 CSS pixels wide at zoom 0. */
const TILE_PX = 512;

/** Ground metres per CSS pixel of a Web Mercator map at this zoom and latitude. */
export function metresPerPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);
}

/** The longest round length (1, 2 or 5 × 10ⁿ m) that fits in `maxPx` CSS pixels, and its width. */
export function scaleBar(zoom: number, latitude: number, maxPx = 120): { metres: number; px: number; label: string } {
  const mpp = metresPerPixel(zoom, latitude);
  const maxM = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].map((s) => s * pow).find((m) => m <= maxM) ?? pow;
  const label = step >= 1000 ? `${step / 1000} km` : `${step} m`;
  return { metres: step, px: step / mpp, label };
}
