// The WGS84 geodesic of GeographicLib, in one place. geographiclib-geodesic is a UMD file: bundlers
// and vitest expose its names, but Node's own ESM loader (tsx scripts) sees CommonJS and offers only
// a default export holding them.
import * as geographiclib from 'geographiclib-geodesic';

const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;

export const WGS84 = lib.Geodesic.WGS84;
