// The relocation arrows' head, drawn once in code so the style needs no sprite (added on MapLibre's
// request for a missing image, see bridge.ts).

/** Arrowhead pointing along the line (east), drawn once in code so the style needs no sprite. */
export function arrowImage(): { width: number; height: number; data: Uint8ClampedArray } {
  const w = 24;
  const h = 24;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // A chevron: inside the triangle (4,4)-(20,12)-(4,20), with a white rim of 1.5 px.
      const dy = Math.abs(y + 0.5 - 12);
      const reach = 4 + ((20 - 4) * (8 - dy)) / 8;
      const inside = dy <= 8 && x + 0.5 >= 4 && x + 0.5 <= reach;
      const core = dy <= 6.2 && x + 0.5 >= 5.5 && x + 0.5 <= reach - 2.2;
      if (!inside) continue;
      const i = (y * w + x) * 4;
      const [r, g, b] = core ? [198, 40, 40] : [255, 255, 255];
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return { width: w, height: h, data };
}
