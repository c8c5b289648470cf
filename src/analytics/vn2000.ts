// VN-2000 TM-3 ↔ WGS84 longitude/latitude, with proj4.
//
// Vietnamese decisions, cadastral maps and agency files give positions as VN-2000 TM-3 plane
// coordinates in the province's 3° zone. Vietnamese tables write X = northing and Y = easting (the
// opposite of the GIS habit), so this module speaks in `{ x: northing, y: easting }` and never in
// bare [a, b] pairs for plane coordinates.
//
// Why the seven parameters matter: VN-2000 uses the WGS84 ellipsoid but a different datum (origin
// and orientation). QĐ 05/2007/QĐ-BTNMT gives the 7-parameter shift from VN-2000 to WGS84, written
// below as proj4's +towgs84. A projection without it — which is what the `.prj` files shipped with
// Vietnamese shapefiles say — treats VN-2000 as WGS84 and puts everything about 200–230 m off
// (222 m at Lào Cai). With it, proj4 reproduces the Lào Cai industry department's published
// conversions to 0.0 m (PROJ's EPSG:9208 pipeline, with the other rotation sign, differs by ~0.8 m).
import proj4 from 'proj4';

/** QĐ 05/2007/QĐ-BTNMT VN-2000 → WGS84 shift (ΔX, ΔY, ΔZ m; rX, rY, rZ ″; scale ppm) as proj4's +towgs84. */
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278';

/** Central meridians (decimal degrees) of the TM-3 zones of the provinces the app covers. */
export const VN2000_ZONES = {
  laoCai: 104.75, // 104°45′, also the former Yên Bái
  yenBai: 104.75,
  langSon: 107.25, // 107°15′
  binhDinh: 108.25, // 108°15′
} as const;

/** A VN-2000 TM-3 plane position in metres, in the Vietnamese convention: x = northing, y = easting. */
export interface Vn2000Point {
  readonly x: number;
  readonly y: number;
}

/** WGS84 longitude, latitude in decimal degrees (GeoJSON order). */
export type LonLat = [lon: number, lat: number];

function checkZone(zone: number): void {
  // Every VN-2000 TM-3 zone lies between 102° and 110°E; anything else is a typo (10475, 0, NaN).
  if (!Number.isFinite(zone) || zone < 102 || zone > 110) {
    throw new RangeError(`VN-2000 zone must be a central meridian between 102 and 110 (e.g. 104.75), got ${zone}`);
  }
}

/**
 * The proj4 definition of VN-2000 TM-3 for a zone's central meridian (k 0.9999, false easting
 * 500 km, the QĐ 05/2007 seven-parameter shift). proj4's axis order is easting, northing.
 */
export function vn2000Proj(zone: number): string {
  checkZone(zone);
  return (
    `+proj=tmerc +lat_0=0 +lon_0=${zone} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ` +
    `+towgs84=${VN2000_TOWGS84} +units=m +no_defs`
  );
}

const converters = new Map<number, proj4.Converter>();

function converter(zone: number): proj4.Converter {
  let c = converters.get(zone);
  if (!c) {
    c = proj4('WGS84', vn2000Proj(zone));
    converters.set(zone, c);
  }
  return c;
}

function finitePair(a: number | undefined, b: number | undefined, what: string): [number, number] {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`${what}: not a finite coordinate pair`);
  }
  return [a, b];
}

function forward(zone: number, lon: number, lat: number): [easting: number, northing: number] {
  finitePair(lon, lat, `toVn2000(${zone}, [${lon}, ${lat}])`);
  const r = converter(zone).forward([lon, lat]);
  return finitePair(r[0], r[1], `toVn2000(${zone}, [${lon}, ${lat}])`);
}

/**
 * WGS84 [lon, lat] → VN-2000 TM-3 `{ x: northing, y: easting }` in metres.
 * proj4 drops heights, so the point is taken at WGS84 ellipsoidal height 0; a real height of
 * 100 m would move the plane position by about 3.5 mm.
 */
export function toVn2000(zone: number, lonLat: readonly number[]): Vn2000Point {
  const [e, n] = forward(zone, lonLat[0] as number, lonLat[1] as number);
  return { x: n, y: e };
}

/**
 * VN-2000 TM-3 `{ x: northing, y: easting }` → WGS84 [lon, lat], the exact inverse of `toVn2000`.
 * proj4's own inverse takes the point at VN-2000 height 0 rather than WGS84 height 0; the two
 * differ by about a millimetre in northern Vietnam, which is the last digit of a decision's corner
 * table. One correction step (the residual of the forward map, pulled back through the inverse)
 * makes `toVn2000(zone, fromVn2000(zone, p))` give back p to well under a micrometre, so tables
 * quoted to the millimetre survive a round trip.
 */
export function fromVn2000(zone: number, p: Vn2000Point): LonLat {
  const c = converter(zone);
  const what = `fromVn2000(${zone}, {x: ${p.x}, y: ${p.y}})`;
  finitePair(p.x, p.y, what);
  const [lon0, lat0] = finitePair(...(c.inverse([p.y, p.x]) as [number, number]), what);
  const [e1, n1] = forward(zone, lon0, lat0);
  const [lon1, lat1] = finitePair(...(c.inverse([e1, n1]) as [number, number]), what);
  // lon0 - lon1 is how far the inverse of the forward image lands from where it started.
  return [lon0 + (lon0 - lon1), lat0 + (lat0 - lat1)];
}
