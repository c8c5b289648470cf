import { describe, expect, it } from 'vitest';
import { cropAround, screenPoint } from '../../../src/geo/mapCrop';

describe('where a place is on the map picture', () => {
  const flat = { center: [0, 0] as [number, number], zoom: 0, bearing: 0, pitch: 0 };

  it('puts the camera centre in the middle and scales the world to 512 px at zoom 0', () => {
    expect(screenPoint(flat, { width: 800, height: 600 }, [0, 0])).toEqual([400, 300]);
    // A quarter turn east is a quarter of the 512 px world.
    const [x] = screenPoint(flat, { width: 800, height: 600 }, [90, 0])!;
    expect(x).toBeCloseTo(400 + 128, 6);
    // One zoom level further, twice as far.
    const [x2] = screenPoint({ ...flat, zoom: 1 }, { width: 800, height: 600 }, [90, 0])!;
    expect(x2).toBeCloseTo(400 + 256, 6);
  });

  it('stretches latitude as Web Mercator does: 85.0511° N is the top of the world', () => {
    const [, y] = screenPoint(flat, { width: 512, height: 512 }, [0, 85.0511287798])!;
    expect(y).toBeCloseTo(0, 3);
    const [, yNorth] = screenPoint(flat, { width: 512, height: 512 }, [0, 22])!;
    expect(yNorth).toBeLessThan(256);
  });

  it('declines a rotated or tilted camera', () => {
    expect(screenPoint({ ...flat, bearing: 20 }, { width: 800, height: 600 }, [0, 0])).toBeNull();
    expect(screenPoint({ ...flat, pitch: 40 }, { width: 800, height: 600 }, [0, 0])).toBeNull();
  });
});

describe('the part of the map picture to print', () => {
  const size = { width: 1120, height: 850 };

  it('is the largest part of the frame’s shape, holding the point, as centred on it as the picture allows', () => {
    const c = cropAround([340, 425], size, 2.5)!;
    expect(c.width).toBeCloseTo(1120, 6);
    expect(c.width / c.height).toBeCloseTo(2.5, 6);
    // Centred vertically; pushed to the left edge, since centring would leave the picture.
    expect(c.y + c.height / 2).toBeCloseTo(425, 6);
    expect(c.x).toBe(0);
    expect(340 >= c.x && 340 <= c.x + c.width).toBe(true);
  });

  it('is centred on a point in the middle, and stays inside the picture near an edge', () => {
    const tall = cropAround([560, 425], size, 0.5)!;
    expect(tall.height).toBeCloseTo(850, 6);
    expect(tall.x + tall.width / 2).toBeCloseTo(560, 6);
    const corner = cropAround([1110, 840], size, 2.5)!;
    expect(corner.x + corner.width).toBeCloseTo(1120, 6);
    expect(corner.y + corner.height).toBeCloseTo(850, 6);
  });

  it('is none for a point off the picture', () => {
    expect(cropAround([-5, 100], size, 2.5)).toBeNull();
    expect(cropAround([100, 900], size, 2.5)).toBeNull();
  });
});
