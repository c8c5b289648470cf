import { describe, expect, it } from 'vitest';
import { rangeCount, tileRange, tileRanges, tilesOf } from '../../../src/geo/tileCover';

// Expected values computed apart from the code, with the OSM wiki's "Slippy map tilenames" formula in its
// asinh form: x = floor((lon + 180) / 360 · 2^z), y = floor((1 − asinh(tan φ) / π) / 2 · 2^z).
describe('tile cover of a lon/lat box', () => {
  it('the whole world is every tile of the zoom', () => {
    expect(rangeCount(tileRange([-180, -85.06, 180, 85.06], 2))).toBe(16);
  });

  it('a box around old Lào Cai (103.5–104.8 E, 21.8–22.9 N): 224 tiles at z12, 334 from z0 to z12', () => {
    const box = [103.5, 21.8, 104.8, 22.9] as const;
    expect(tileRange(box, 12)).toEqual({ z: 12, minX: 3225, maxX: 3240, minY: 1780, maxY: 1793 });
    const ranges = tileRanges(box, 0, 12);
    expect(ranges.map(rangeCount)).toEqual([1, 1, 1, 1, 2, 2, 2, 4, 4, 9, 20, 63, 224]);
    expect([...tilesOf(ranges)]).toHaveLength(334);
  });

  it('Hà Nội (105.85 E, 21.03 N) lies in tile 12/3252/1803', () => {
    expect(tileRange([105.85, 21.03, 105.85, 21.03], 12)).toEqual({ z: 12, minX: 3252, maxX: 3252, minY: 1803, maxY: 1803 });
  });
});
