// What counts as a good ending for one fuzzed file, judged the way a planner would meet it: either a
// layer the app can draw (finite lon/lat on the globe, finite areas, every left-out feature explained)
// or one clear sentence in Vietnamese and English. Anything else (a TypeError, a stack overflow, a
// message quoting "undefined" or "[object Object]", a file taking seconds) is a finding.
import { area as turfArea } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { checkSize, importFile, type ImportFileOptions } from '../../src/io/import/index';
import { crsMessage, featureProblemMessage, fileErrorMessage, textEncodingMessage } from '../../src/io/import/messages';
import { ImportFileError, type ImportResult } from '../../src/io/import/types';
import type { FuzzCase } from './cases';

/** A case slower than this is reported as a frozen page. */
export const SLOW_MS = 5_000;

/** Text that only a programming error puts in a message. */
const RAW = /undefined|\[object |Cannot read prop|is not a function|is not defined|TypeError|RangeError|call stack|\bNaN\b|Infinity|function \(|=>/;
/** In a sentence about a feature, NaN and Infinity are the file's own values quoted ("[NaN, 22.3]"). */
const RAW_IN_FEATURE = /undefined|\[object |Cannot read prop|is not a function|is not defined|TypeError|RangeError|call stack|function \(|=>/;
/** At least one letter only Vietnamese writes: the vi message is really Vietnamese. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const MAX_MESSAGE = 2_000;

export type Outcome =
  | { kind: 'loaded'; features: number; rejected: number; ms: number }
  | { kind: 'refused'; code: string; vi: string; ms: number }
  | { kind: 'failed'; why: string; ms: number };

function messageFaults(label: string, vi: string, en: string, raw: RegExp): string[] {
  const out: string[] = [];
  if (vi.trim() === '' || en.trim() === '') out.push(`${label}: empty message`);
  if (!VIETNAMESE.test(vi)) out.push(`${label}: vi message is not Vietnamese: ${vi.slice(0, 160)}`);
  for (const [lang, m] of [['vi', vi], ['en', en]] as const) {
    const hit = raw.exec(m);
    if (hit) out.push(`${label}: ${lang} message shows raw "${hit[0]}": ${m.slice(0, 200)}`);
    if (m.length > MAX_MESSAGE) out.push(`${label}: ${lang} message is ${m.length} characters long`);
  }
  return out;
}

/** Every [lon, lat] of a geometry, walked here (not through src/). */
function positions(g: Geometry): unknown[][] {
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(positions);
  const out: unknown[][] = [];
  const walk = (c: unknown, depth: number): void => {
    if (depth === 0) out.push(c as unknown[]);
    else if (Array.isArray(c)) for (const x of c) walk(x, depth - 1);
  };
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[g.type];
  walk(g.coordinates, depth);
  return out;
}

function resultFaults(r: ImportResult): string[] {
  const out: string[] = [];
  const rejected = r.problems.filter((p) => p.severity === 'error').length;
  if (r.features.length === 0 && rejected === 0) out.push('resolved with no feature and no problem saying why (an empty layer)');
  if (typeof r.layerName !== 'string') out.push(`layer name is ${typeof r.layerName}`);
  r.features.forEach((f, i) => {
    if (!f.geometry || typeof f.geometry !== 'object') {
      out.push(`feature ${i + 1}: no geometry`);
      return;
    }
    const ps = positions(f.geometry);
    if (ps.length === 0) out.push(`feature ${i + 1}: a ${f.geometry.type} with no position`);
    const bad = ps.find(
      (p) =>
        !Array.isArray(p) ||
        typeof p[0] !== 'number' ||
        typeof p[1] !== 'number' ||
        !Number.isFinite(p[0]) ||
        !Number.isFinite(p[1]) ||
        Math.abs(p[0]) > 180 ||
        Math.abs(p[1]) > 90,
    );
    if (bad) out.push(`feature ${i + 1}: position ${JSON.stringify(bad)} is not a finite lon/lat`);
    if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') {
      const a = turfArea({ type: 'Feature', geometry: f.geometry, properties: {} } as Feature);
      if (!Number.isFinite(a)) out.push(`feature ${i + 1}: area ${a}`);
    }
    for (const [k, v] of Object.entries(f.properties)) {
      const ok = v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
      if (!ok) out.push(`feature ${i + 1}: property ${k} = ${String(v)} (${typeof v})`);
    }
  });
  r.problems.forEach((p, i) => {
    let vi = '';
    let en = '';
    try {
      vi = featureProblemMessage(p, 'vi');
      en = featureProblemMessage(p, 'en');
    } catch (e) {
      out.push(`problem ${i + 1} (${p.code}): its message threw ${String(e)}`);
      return;
    }
    out.push(...messageFaults(`problem ${p.code}`, vi, en, RAW_IN_FEATURE));
  });
  for (const [label, vi, en] of [
    ['crs note', crsMessage(r.crs, 'vi'), crsMessage(r.crs, 'en')],
    ['encoding note', textEncodingMessage(r.textEncoding, 'vi'), textEncodingMessage(r.textEncoding, 'en')],
  ] as const) {
    if (vi !== null || en !== null) out.push(...messageFaults(label, vi ?? '', en ?? '', RAW));
  }
  return out.slice(0, 5);
}

/**
 * Runs one case through what the app does with a picked file (runImport's importOne: checkSize on
 * the size, then importFile with the region's zone) and judges how it ended.
 */
export async function judge(c: FuzzCase, options: ImportFileOptions): Promise<Outcome> {
  const { name, bytes } = c.file;
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let result: ImportResult;
  try {
    checkSize(bytes.length, options, name);
    result = await importFile(name, bytes, options);
  } catch (e) {
    const took = ms();
    if (!(e instanceof ImportFileError)) {
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return { kind: 'failed', why: `uncaught ${what.slice(0, 300)}`, ms: took };
    }
    // What the panel shows: runImport keeps the file's name in the detail.
    const detail = { file: name, ...e.detail };
    const vi = fileErrorMessage({ code: e.code, detail }, 'vi');
    const en = fileErrorMessage({ code: e.code, detail }, 'en');
    const faults = messageFaults(`file error ${e.code}`, vi, en, RAW);
    if (!vi.includes(name.slice(0, 79)) && e.code !== 'bad-shp' && e.code !== 'bad-dbf' && e.code !== 'unknown-prj') {
      faults.push(`file error ${e.code}: the message does not name the file: ${vi.slice(0, 160)}`);
    }
    if (took > SLOW_MS) faults.push(`took ${took} ms`);
    return faults.length ? { kind: 'failed', why: faults.join('; '), ms: took } : { kind: 'refused', code: e.code, vi, ms: took };
  }
  const took = ms();
  const faults = resultFaults(result);
  if (took > SLOW_MS) faults.push(`took ${took} ms`);
  if (faults.length) return { kind: 'failed', why: faults.join('; '), ms: took };
  return { kind: 'loaded', features: result.features.length, rejected: result.problems.filter((p) => p.severity === 'error').length, ms: took };
}
