// Reading the coordinate system of an imported file: an ESRI .prj (WKT) when there is one, the range
// of the coordinates when there is not, and the conversion of the file's x/y to WGS84.
//
// Only what the planners' files need is understood: WGS84 longitude/latitude, and a Transverse
// Mercator plane that is VN-2000 TM-3 (k 0.9999, false easting 500 km, central meridian 102–110°E).
// The .prj files shipped by Vietnamese agencies name the VN-2000 datum but carry no TOWGS84 (or a
// wrong one), so the datum shift written in them is never used: every VN-2000 plane position goes
// through analytics/vn2000.ts, which applies the seven parameters of QĐ 05/2007/QĐ-BTNMT. Trusting
// the .prj instead would land everything about 220 m off near Lào Cai.
import { fromVn2000 } from '../../analytics/vn2000';
import { ImportFileError, type ImportOptions, type SourceCrs } from './types';

// ---- a small WKT reader ----

/** A WKT node: KEYWORD[arg, arg, …]; args are quoted strings, numbers, bare words or nodes. */
export interface WktNode {
  keyword: string;
  args: Array<string | number | WktNode>;
}

/**
 * Parses WKT1 (ESRI or OGC) or WKT2 into a tree. Brackets may be [] or (). Throws
 * ImportFileError('unknown-prj') when the text is not WKT at all.
 */
export function parseWkt(text: string): WktNode {
  const s = text.replace(/^\uFEFF/, '');
  let i = 0;
  const fail = (why: string): never => {
    throw new ImportFileError('unknown-prj', { reason: why, at: i });
  };
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i] as string)) i++;
  };
  const node = (): WktNode => {
    skipSpace();
    const start = i;
    while (i < s.length && /[A-Za-z0-9_]/.test(s[i] as string)) i++;
    const keyword = s.slice(start, i).toUpperCase();
    if (keyword === '') fail('keyword expected');
    skipSpace();
    const open = s[i];
    if (open !== '[' && open !== '(') fail('bracket expected');
    const close = open === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skipSpace();
      const c = s[i];
      if (c === undefined) fail('unterminated');
      if (c === '"') {
        // "" inside a quoted string is an escaped quote (WKT2)
        let str = '';
        i++;
        for (;;) {
          const d = s[i];
          if (d === undefined) fail('unterminated string');
          if (d === '"') {
            if (s[i + 1] === '"') {
              str += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          str += d;
          i++;
        }
        args.push(str);
      } else if (c !== undefined && /[-+.0-9]/.test(c)) {
        const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
        if (!m) fail('number expected');
        args.push(Number(m![0]));
        i += m![0].length;
      } else {
        // a nested node, or a bare enumeration word (AXIS["x", EAST])
        const save = i;
        while (i < s.length && /[A-Za-z0-9_]/.test(s[i] as string)) i++;
        const word = s.slice(save, i);
        skipSpace();
        if (word === '') fail('value expected');
        if (s[i] === '[' || s[i] === '(') {
          i = save;
          args.push(node());
        } else {
          args.push(word);
        }
      }
      skipSpace();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close) {
        i++;
        return { keyword, args };
      }
      fail('comma or closing bracket expected');
    }
  };
  const root = node();
  skipSpace();
  if (i < s.length) fail('text after the end');
  return root;
}

const children = (n: WktNode, ...keywords: string[]): WktNode[] =>
  n.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));
const child = (n: WktNode, ...keywords: string[]): WktNode | undefined => children(n, ...keywords)[0];
const nameOf = (n: WktNode | undefined): string | null => (n && typeof n.args[0] === 'string' ? n.args[0] : null);
const numArg = (n: WktNode | undefined, at: number): number | null => {
  const v = n?.args[at];
  return typeof v === 'number' ? v : null;
};

/** "Central_Meridian", "central meridian", "Longitude of natural origin" → "centralmeridian"… */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// ---- what a .prj says ----

export interface Spheroid {
  name: string | null;
  semiMajor: number | null;
  inverseFlattening: number | null;
}

interface GeographicPart {
  /** GEOGCS name: "GCS_VN_2000", "GCS_WGS_1984", "VN-2000"… */
  geogcs: string | null;
  /** DATUM name: "D_Vietnam_2000", "D_WGS_1984", "Vietnam_2000"… */
  datum: string | null;
  spheroid: Spheroid;
  /** the file carries a TOWGS84 (never used: see the header) */
  hasToWgs84: boolean;
}

export type PrjInfo =
  | ({ kind: 'geographic' } & GeographicPart)
  | ({
      kind: 'transverse-mercator';
      /** PROJCS name as written, e.g. "VN_2000_TM3_104_45" */
      name: string | null;
      centralMeridian: number;
      scaleFactor: number;
      falseEasting: number;
      falseNorthing: number;
      latitudeOfOrigin: number;
      /** metres per unit of the plane coordinates */
      unitMetres: number;
    } & GeographicPart)
  | ({ kind: 'other-projection'; name: string | null; projection: string } & GeographicPart);

function geographicPart(geog: WktNode | undefined): GeographicPart {
  const datum = geog ? child(geog, 'DATUM', 'GEODETICDATUM', 'TRF') : undefined;
  const sph = datum ? child(datum, 'SPHEROID', 'ELLIPSOID') : undefined;
  return {
    geogcs: nameOf(geog),
    datum: nameOf(datum),
    spheroid: { name: nameOf(sph), semiMajor: numArg(sph, 1), inverseFlattening: numArg(sph, 2) },
    hasToWgs84: !!(datum && child(datum, 'TOWGS84')) || !!(geog && child(geog, 'TOWGS84')),
  };
}

/** PARAMETER values by squashed name (WKT1 PARAMETER["x", v], WKT2 CONVERSION[… PARAMETER["x", v, unit]]). */
function parameters(n: WktNode): Map<string, number> {
  const out = new Map<string, number>();
  const holder = child(n, 'CONVERSION') ?? n;
  for (const p of children(holder, 'PARAMETER')) {
    const name = nameOf(p);
    const v = numArg(p, 1);
    if (name !== null && v !== null) out.set(squash(name), v);
  }
  return out;
}

function param(ps: Map<string, number>, fallback: number | null, ...names: string[]): number | null {
  for (const n of names) {
    const v = ps.get(n);
    if (v !== undefined) return v;
  }
  return fallback;
}

/**
 * What an ESRI/OGC .prj says: geographic, Transverse Mercator with its parameters, or another
 * projection (named, for the message). Throws ImportFileError('unknown-prj') when the text is not a
 * coordinate system this reader understands (not WKT, a local or geocentric system, feet…).
 */
export function readPrj(text: string): PrjInfo {
  if (text.trim() === '') throw new ImportFileError('unknown-prj', { reason: 'empty .prj' });
  let root = parseWkt(text);
  // A compound system (horizontal + vertical): the horizontal part is what matters here.
  if (root.keyword === 'COMPD_CS' || root.keyword === 'COMPOUNDCRS') {
    const h = child(root, 'PROJCS', 'PROJCRS', 'PROJECTEDCRS', 'GEOGCS', 'GEOGCRS', 'GEOGRAPHICCRS', 'GEODCRS');
    if (!h) throw new ImportFileError('unknown-prj', { reason: 'compound system without a horizontal part' });
    root = h;
  }
  if (['GEOGCS', 'GEOGCRS', 'GEOGRAPHICCRS', 'GEODCRS', 'GEODETICCRS'].includes(root.keyword)) {
    // WKT2 GEODCRS may be geocentric (x, y, z in metres): only an ellipsoidal CS is longitude/latitude.
    const cs = child(root, 'CS');
    if (cs && typeof cs.args[0] === 'string' && cs.args[0].toLowerCase() !== 'ellipsoidal') {
      throw new ImportFileError('unknown-prj', { reason: `${root.keyword} with a ${cs.args[0]} coordinate system` });
    }
    const primem = child(root, 'PRIMEM', 'PRIMEMERIDIAN');
    if ((numArg(primem, 1) ?? 0) !== 0) {
      throw new ImportFileError('unknown-prj', { reason: `prime meridian ${nameOf(primem) ?? '?'}` });
    }
    return { kind: 'geographic', ...geographicPart(root) };
  }
  if (!['PROJCS', 'PROJCRS', 'PROJECTEDCRS'].includes(root.keyword)) {
    throw new ImportFileError('unknown-prj', { reason: `${root.keyword} is not a map coordinate system` });
  }
  const geog = child(root, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS', 'GEOGCRS');
  const geo = geographicPart(geog);
  const name = nameOf(root);
  const method = child(child(root, 'CONVERSION') ?? root, 'PROJECTION', 'METHOD');
  const projection = nameOf(method) ?? '';
  const ps = parameters(root);
  // WKT1 puts the plane's UNIT directly in PROJCS (after the GEOGCS's own angular unit); WKT2
  // puts LENGTHUNIT in the CS axes or at the end. The last length unit found is the plane's.
  const units = [...children(root, 'UNIT', 'LENGTHUNIT')];
  for (const axis of children(root, 'AXIS')) units.push(...children(axis, 'LENGTHUNIT', 'UNIT'));
  const unitMetres = numArg(units[units.length - 1], 1) ?? 1;
  const sq = squash(projection);
  if (sq === 'transversemercator' || sq === 'gausskruger') {
    const centralMeridian = param(ps, null, 'centralmeridian', 'longitudeofnaturalorigin', 'longitudeoforigin');
    const scaleFactor = param(ps, 1, 'scalefactor', 'scalefactoratnaturalorigin');
    const falseEasting = param(ps, 0, 'falseeasting');
    const falseNorthing = param(ps, 0, 'falsenorthing');
    const latitudeOfOrigin = param(ps, 0, 'latitudeoforigin', 'latitudeofnaturalorigin');
    if (centralMeridian === null || scaleFactor === null || falseEasting === null || falseNorthing === null || latitudeOfOrigin === null) {
      throw new ImportFileError('unknown-prj', { reason: 'Transverse Mercator without a central meridian', projection });
    }
    return {
      kind: 'transverse-mercator',
      name,
      centralMeridian,
      scaleFactor,
      falseEasting,
      falseNorthing,
      latitudeOfOrigin,
      unitMetres,
      ...geo,
    };
  }
  return { kind: 'other-projection', name, projection, ...geo };
}

// ---- from what the .prj says to the app's CRS ----

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** VN-2000 uses the WGS84 ellipsoid; a spheroid is accepted when it is that one, by numbers or name. */
function wgs84Spheroid(s: Spheroid): boolean {
  if (s.semiMajor !== null && s.inverseFlattening !== null) {
    return near(s.semiMajor, 6378137, 0.001) && near(s.inverseFlattening, 298.257223563, 1e-6);
  }
  const n = squash(s.name ?? '');
  return n === 'wgs1984' || n === 'wgs84';
}

const datumLabel = (p: GeographicPart) => p.datum ?? p.geogcs ?? '?';

function isWgs84Datum(p: GeographicPart): boolean {
  const d = squash(p.datum ?? p.geogcs ?? '');
  return ['dwgs1984', 'wgs1984', 'wgs84', 'worldgeodeticsystem1984', 'gcswgs1984'].includes(d);
}

/**
 * The app's CRS for what a .prj says. VN-2000 TM-3 (k 0.9999, false easting 500 000 m, no false
 * northing, latitude of origin 0, metres, central meridian 102–110°E, WGS84 spheroid — the datum
 * may be named VN-2000 or, as agencies' files often do, WGS84) → `vn2000` with the .prj's zone.
 * WGS84 longitude/latitude → `wgs84`. Everything else is refused with ImportFileError('unknown-prj')
 * and a `projection` detail naming it, UTM zones included ("UTM 48N": k 0.9996), so the message can
 * tell the planner what the file is in.
 */
export function crsFromPrj(info: PrjInfo): SourceCrs {
  if (info.kind === 'geographic') {
    if (isWgs84Datum(info) && wgs84Spheroid(info.spheroid)) return { kind: 'wgs84' };
    // Longitude/latitude on VN-2000 (or another datum) would need the datum shift in degrees;
    // agencies do not ship that, so it is named rather than guessed.
    throw new ImportFileError('unknown-prj', { projection: 'geographic', datum: datumLabel(info) });
  }
  if (info.kind === 'other-projection') {
    throw new ImportFileError('unknown-prj', { projection: info.projection || info.name || '?', datum: datumLabel(info) });
  }
  const { centralMeridian: cm, scaleFactor: k, falseEasting: fe, falseNorthing: fn, latitudeOfOrigin: lat0 } = info;
  const plain = near(fe, 500000, 0.001) && near(fn, 0, 0.001) && near(lat0, 0, 1e-9) && near(info.unitMetres, 1, 1e-9);
  if (plain && near(k, 0.9996, 1e-9)) {
    // UTM: zone n has its central meridian at 6n − 183.
    const zone = (cm + 183) / 6;
    if (Number.isInteger(zone)) {
      throw new ImportFileError('unknown-prj', { projection: `UTM ${zone}N`, datum: datumLabel(info) });
    }
  }
  if (plain && near(k, 0.9999, 1e-9) && cm >= 102 && cm <= 110 && wgs84Spheroid(info.spheroid)) {
    // 104.75 written as 104.7500000000001 by some tools: keep the zone to the micro-degree.
    return { kind: 'vn2000', zone: Math.round(cm * 1e6) / 1e6, zoneFrom: 'prj' };
  }
  throw new ImportFileError('unknown-prj', {
    projection: `Transverse Mercator ${cm} k=${k} +x_0=${fe} +y_0=${fn}${info.unitMetres !== 1 ? ` unit=${info.unitMetres} m` : ''}`,
    datum: datumLabel(info),
  });
}

/** `crsFromPrj(readPrj(text))`. */
export function crsFromPrjText(text: string): SourceCrs {
  return crsFromPrj(readPrj(text));
}

// ---- without a .prj ----

/** Bounding box of the file's coordinates as read: [minX, minY, maxX, maxY], x = easting/longitude. */
export type XyBox = [number, number, number, number];

/** Whether every coordinate lies in the range of longitude (x) and latitude (y). */
export function inDegreeRange(box: XyBox): boolean {
  const [x0, y0, x1, y1] = box;
  return x0 >= -180 && x1 <= 180 && y0 >= -90 && y1 <= 90;
}

/**
 * The CRS of a file that does not say: coordinates within ±180/±90 are WGS84 degrees; anything
 * larger is taken as VN-2000 TM-3 metres in the zone the user gave, else the open region's.
 */
export function guessCrs(box: XyBox | null, options: ImportOptions): SourceCrs {
  if (box === null || inDegreeRange(box)) return { kind: 'wgs84' };
  return options.zone !== undefined
    ? { kind: 'vn2000', zone: options.zone, zoneFrom: 'user' }
    : { kind: 'vn2000', zone: options.defaultZone, zoneFrom: 'region-default' };
}

/** Grows a bounding box by a point. */
export function extendBox(box: XyBox | null, x: number, y: number): XyBox {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return box ?? [Infinity, Infinity, -Infinity, -Infinity];
  if (box === null) return [x, y, x, y];
  return [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
}

// ---- to WGS84 ----

/**
 * The function taking a file's (x = easting or longitude, y = northing or latitude) to WGS84
 * [lon, lat]. VN-2000 goes through analytics/vn2000.ts (the seven-parameter shift). A position
 * that cannot be converted (not finite) comes back as [NaN, NaN] for the validation to report.
 */
export function toWgs84(crs: SourceCrs): (x: number, y: number) => [number, number] {
  if (crs.kind === 'wgs84') return (x, y) => [x, y];
  const zone = crs.zone;
  return (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
    try {
      return fromVn2000(zone, { x: y, y: x }); // Vietnamese order: x = northing, y = easting
    } catch {
      return [NaN, NaN];
    }
  };
}
