import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from '../../../src/features/export/scaleBar';

describe('scale bar of the exported map', () => {
  it('gives ground metres per pixel on WGS84', () => {
    // At zoom 0 one 512-px world spans the equator: 40,075,016.7 m / 512.
    expect(metresPerPixel(0, 0)).toBeCloseTo(40_075_016.686 / 512, 3);
    // Each zoom halves it; at 60° the parallel is half the equator.
    expect(metresPerPixel(10, 60)).toBeCloseTo(40_075_016.686 / 512 / 1024 / 2, 6);
  });
  it('picks a round length that fits', () => {
    // Lào Cai at zoom 9, 22.3°N: 40,075 km × cos 22.3° / 512² ≈ 141.4 m per pixel, so 120 px ≈ 17 km → a 10 km bar of ≈ 71 px.
    const b = scaleBar(9, 22.3, 120);
    expect(b.label).toBe('10 km');
    expect(b.px).toBeCloseTo(70.7, 0);
    expect(b.px).toBeGreaterThan(60);
    expect(b.px).toBeLessThanOrEqual(120);
    // Zoom 16: ≈ 1.105 m per pixel, 120 px ≈ 133 m → 100 m.
    expect(scaleBar(16, 22.3, 120).label).toBe('100 m');
  });
});
