// DXF drawings from surveyors (AutoCAD, MicroStation, Vietnamese cadastral tools): parcel outlines
// as closed polylines, roads and boundaries as open ones, in VN-2000 TM-3 metres (x = easting).
//
// Read with dxf-parser. What becomes a feature: LWPOLYLINE and 2-D/3-D POLYLINE (closed → Polygon,
// open → LineString; arcs given by bulges are followed to 1 cm), LINE (LineString) and POINT. The
// rest (TEXT, MTEXT, HATCH, INSERT, CIRCLE, DIMENSION…) is listed as 'skipped-entities', one
// problem per kind with its count, and so is anything drawn in paper space (sheet layout, not
// ground coordinates). Each feature keeps its layer, handle and entity kind as properties; a DXF
// has no feature names, so the validation's 'missing-name' warning is not passed on (it would
// repeat on every feature). A DXF does not say its coordinate system: degrees → WGS84, metres →
// VN-2000 in the user's zone, else the region's (./prj guessCrs), always with the datum shift.
import DxfParser, { type IDxf, type IEntity } from 'dxf-parser';
import type { Geometry, Position } from 'geojson';
import { baseName } from './fields';
import { extendBox, guessCrs, toWgs84, type XyBox } from './prj';
import {
  DEFAULT_MAX_BYTES,
  ImportFileError,
  type AttributeValue,
  type FeatureProblem,
  type ImportOptions,
  type ImportResult,
  type TextEncodingNote,
} from './types';
import { validateFeatures, type RawFeature } from './validateFeatures';

/** How far a polyline's arc may stray from its chords, in drawing units (metres). */
const ARC_TOLERANCE = 0.01;

/**
 * Reads a DXF (text; binary DXF is refused). Throws ImportFileError: 'empty-file', 'too-large',
 * 'bad-dxf' (not a DXF, or one dxf-parser cannot read), 'no-features' (nothing that is a line,
 * an outline or a point; the detail lists what was there).
 */
export async function importDxf(name: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ImportFileError('empty-file');
  if (bytes.length > max) throw new ImportFileError('too-large', { bytes: bytes.length, max });
  if (startsWith(bytes, 'AutoCAD Binary DXF')) throw new ImportFileError('bad-dxf', { reason: 'binary' });

  const { text, encoding } = decodeDxf(bytes);
  if (!/(^|\n)[ \t]*0[ \t]*\r?\n[ \t]*SECTION[ \t]*\r?(\n|$)/.test(text)) {
    throw new ImportFileError('bad-dxf', { reason: 'no-section' });
  }
  const trap = parserTrap(text);
  if (trap) throw new ImportFileError('bad-dxf', { reason: trap });
  let dxf: IDxf | null;
  try {
    dxf = new DxfParser().parseSync(text);
  } catch (e) {
    throw new ImportFileError('bad-dxf', { reason: 'unreadable', message: e instanceof Error ? e.message : String(e) });
  }
  const entities = dxf?.entities ?? [];
  const order = entityOrder(text);

  // What each entity becomes, in the drawing's plane coordinates.
  const raw: Array<{ index: number; plane: PlaneGeometry; properties: Record<string, AttributeValue> }> = [];
  const skipped = new Map<string, { index: number; count: number; paper: boolean; type: string }>();
  const skip = (type: string, index: number, paper = false) => {
    const key = `${type}${paper ? ':paper' : ''}`;
    const s = skipped.get(key);
    if (s) s.count++;
    else skipped.set(key, { index, count: 1, paper, type });
  };
  const indices = matchIndices(order, entities);
  entities.forEach((entity, i) => {
    const index = indices[i] ?? i;
    if (entity.inPaperSpace) return skip(entity.type, index, true);
    const plane = planeGeometry(entity);
    if (!plane) return skip(entity.type, index);
    raw.push({
      index,
      plane,
      properties: { layer: dxfText(entity.layer ?? '0'), handle: String(entity.handle ?? ''), entity: entity.type },
    });
  });
  // Kinds dxf-parser does not read at all (HATCH, REGION, MPOLYGON…) are only in our own scan.
  const parsed = new Set(Object.keys(PARSED_KINDS));
  order.forEach((type, index) => {
    if (!parsed.has(type)) skip(type, index);
  });
  const skippedProblems = [...skipped.values()].map((s): FeatureProblem => {
    const detail: Record<string, string | number> = { type: s.type, count: s.count };
    if (s.paper) detail['space'] = 'paper';
    return { index: s.index, name: null, code: 'skipped-entities', severity: 'warning', detail };
  });

  if (raw.length === 0) {
    throw new ImportFileError('no-features', {
      entities: order.length,
      skipped: [...skipped.values()].map((s) => `${s.type} ×${s.count}`).join(', '),
    });
  }

  let box: XyBox | null = null;
  for (const r of raw) for (const p of planePositions(r.plane)) box = extendBox(box, p[0]!, p[1]!);
  const crs = guessCrs(box, options);
  const project = toWgs84(crs);
  const features: RawFeature[] = raw.map((r) => ({
    index: r.index,
    name: null,
    geometry: mapGeometry(r.plane, (p) => project(p[0]!, p[1]!)),
    properties: r.properties,
    where: { handle: String(r.properties['handle']), layer: String(r.properties['layer']) },
  }));
  const checked = validateFeatures(features, { crs, onProgress: options.onProgress });
  return {
    format: 'dxf',
    layerName: baseName(name),
    crs,
    features: checked.features,
    problems: [...checked.problems.filter((p) => p.code !== 'missing-name'), ...skippedProblems].sort(
      (a, b) => a.index - b.index,
    ),
    textEncoding: encoding,
  };
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/**
 * A DXF's text: R2007 and later write UTF-8; older files write the code page named in the header
 * ($DWGCODEPAGE, e.g. ANSI_1258). Valid UTF-8 is read as UTF-8; otherwise the header's page, or
 * Windows-1258 when it names none that TextDecoder knows.
 */
function decodeDxf(bytes: Uint8Array): { text: string; encoding: TextEncodingNote } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: { label: 'utf-8', from: 'detected' } };
  } catch {
    // not UTF-8: look for the header's code page (ASCII, so any single-byte reading finds it)
  }
  const latin = new TextDecoder('windows-1252').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
  const page = /\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n\s*ANSI_(\d+)/i.exec(latin)?.[1];
  if (page) {
    try {
      const label = new TextDecoder(`windows-${page}`).encoding;
      return { text: new TextDecoder(label).decode(bytes), encoding: { label, from: 'declared' } };
    } catch {
      // a page TextDecoder does not know: fall back below
    }
  }
  return { text: new TextDecoder('windows-1258').decode(bytes), encoding: { label: 'windows-1258', from: 'fallback' } };
}

/** AutoCAD writes characters outside the code page as \U+XXXX; text is NFC like every import. */
function dxfText(s: string): string {
  return s.replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).normalize('NFC');
}

/** The entity kinds dxf-parser returns (its default handlers); VERTEX/SEQEND belong to POLYLINE. */
const PARSED_KINDS = {
  '3DFACE': 1, ARC: 1, ATTDEF: 1, CIRCLE: 1, DIMENSION: 1, ELLIPSE: 1, INSERT: 1, LINE: 1,
  LWPOLYLINE: 1, MTEXT: 1, POINT: 1, POLYLINE: 1, SOLID: 1, SPLINE: 1, TEXT: 1,
} as const;

/**
 * Damage that would send dxf-parser (1.1.2) into an endless loop, freezing the page, found by
 * walking the group pairs as its scanner does; null when there is none. Its POLYLINE reader waits
 * for VERTEX or SEQEND and never moves on from any other entity; its VPORT and LAYER table readers
 * never move on from a record of another kind; its LWPOLYLINE reader creates as many vertices as
 * the vertex count (group 90) says, even 9 007 199 254 740 993 of them, and reads the same x again
 * and again when an x (group 10) is followed by a group it does not expect (lines out of step).
 * None of these happens in a drawing that is whole.
 */
const LWPOLYLINE_AFTER_X = new Set([0, 10, 20, 30, 40, 41, 42]);

function parserTrap(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/);
  let inPolyline = false;
  let table: string | null = null;
  let tableRecords = false;
  let entity = '';
  let previous = NaN;
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const code = Number.parseInt(lines[i] as string, 10);
    const value = (lines[i + 1] as string).trim();
    const before = previous;
    previous = code;
    if (code === 0 && value === 'EOF') return null;
    if (entity === 'LWPOLYLINE' && before === 10 && !LWPOLYLINE_AFTER_X.has(code)) return 'lwpolyline-vertex';
    if (code === 2 && entity === 'TABLE' && table === null) {
      table = value;
      tableRecords = false;
    }
    if (code === 90 && entity === 'LWPOLYLINE' && Number.parseInt(value, 10) > lines.length / 4) return 'vertex-count';
    if (code !== 0) continue;
    entity = value;
    if (inPolyline && value !== 'VERTEX' && value !== 'SEQEND') return 'polyline-without-seqend';
    if (value === 'POLYLINE') inPolyline = true;
    else if (value === 'SEQEND') inPolyline = false;
    if (value === 'ENDTAB') table = null;
    else if (table === 'VPORT' || table === 'LAYER') {
      if (value === table) tableRecords = true;
      else if (tableRecords) return 'table-without-endtab';
    }
  }
  return null;
}

/**
 * The kinds of the ENTITIES section's entities in file order, read from the group pairs directly:
 * dxf-parser silently drops kinds it has no handler for, and those must still be reported.
 */
function entityOrder(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let section = '';
  let expectName = false;
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const code = Number.parseInt((lines[i] as string).trim(), 10);
    const value = (lines[i + 1] as string).trim();
    if (code === 0 && value === 'SECTION') {
      expectName = true;
      continue;
    }
    if (expectName && code === 2) {
      section = value;
      expectName = false;
      continue;
    }
    if (code !== 0) continue;
    if (value === 'ENDSEC' || value === 'EOF') {
      section = '';
      continue;
    }
    if (section === 'ENTITIES' && value !== 'VERTEX' && value !== 'SEQEND') out.push(value);
  }
  return out;
}

/**
 * Each parsed entity's position among all the section's entities (so a problem's index is the
 * same counting whether or not dxf-parser knew the kind). If the two lists ever disagree, the
 * parser's own order is used.
 */
function matchIndices(order: readonly string[], entities: readonly IEntity[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < order.length && j < entities.length; i++) {
    if (!((order[i] as string) in PARSED_KINDS)) continue;
    if (order[i] !== entities[j]!.type) return entities.map((_, k) => k);
    out.push(i);
    j++;
  }
  return j === entities.length ? out : entities.map((_, k) => k);
}

// ---- geometry in the drawing's plane ----

type XY = [number, number];
type PlaneGeometry =
  | { type: 'Point'; coordinates: XY }
  | { type: 'LineString'; coordinates: XY[] }
  | { type: 'Polygon'; coordinates: XY[][] };

interface Vertex {
  x?: number;
  y?: number;
  bulge?: number;
  splineControlPoint?: boolean;
}

interface PolyEntity extends IEntity {
  vertices?: Vertex[];
  shape?: boolean;
  isPolyfaceMesh?: boolean;
  is3dPolygonMesh?: boolean;
  extrusionDirectionZ?: number;
  extrusionDirection?: { z?: number };
}

interface PointEntity extends IEntity {
  position?: { x?: number; y?: number };
}

interface LineEntity extends IEntity {
  vertices?: Array<{ x?: number; y?: number }>;
}

const num = (v: number | undefined) => (typeof v === 'number' ? v : NaN);

/** What an entity becomes, or null for a kind that is not imported. */
function planeGeometry(entity: IEntity): PlaneGeometry | null {
  switch (entity.type) {
    case 'POINT': {
      const p = (entity as PointEntity).position;
      return { type: 'Point', coordinates: [num(p?.x), num(p?.y)] };
    }
    case 'LINE': {
      const v = (entity as LineEntity).vertices ?? [];
      return { type: 'LineString', coordinates: v.map((p): XY => [num(p.x), num(p.y)]) };
    }
    case 'LWPOLYLINE':
    case 'POLYLINE': {
      const e = entity as PolyEntity;
      if (e.isPolyfaceMesh || e.is3dPolygonMesh) return null;
      // The entity's own coordinate system is mirrored when its extrusion points down (0, 0, −1):
      // the drawing's x is then −x (AutoCAD's arbitrary axis algorithm).
      const ez = entity.type === 'LWPOLYLINE' ? e.extrusionDirectionZ : e.extrusionDirection?.z;
      const mirror = typeof ez === 'number' && ez < 0;
      const vertices = (e.vertices ?? []).filter((v) => !v.splineControlPoint);
      const points = vertices.map((v): XY => [num(v.x), num(v.y)]);
      const first = points[0];
      const last = points[points.length - 1];
      // Surveyors often close an outline by repeating its first corner instead of setting the flag.
      const repeated = points.length >= 4 && !!first && !!last && first[0] === last[0] && first[1] === last[1];
      const closed = !!e.shape || repeated;
      const path = withArcs(points, vertices.map((v) => v.bulge ?? 0), closed && !repeated);
      const xy = mirror ? path.map((p): XY => [-p[0], p[1]]) : path;
      if (!closed) return { type: 'LineString', coordinates: xy };
      const ring = xy.slice();
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a && b && (a[0] !== b[0] || a[1] !== b[1])) ring.push([a[0], a[1]]);
      return { type: 'Polygon', coordinates: [ring] };
    }
    default:
      return null;
  }
}

/**
 * The polyline's path with every bulged segment replaced by points on its arc. A bulge is
 * tan(θ/4) of the arc's included angle θ, positive counter-clockwise; the arc is cut into chords
 * that stray at most ARC_TOLERANCE from it. `close` adds the segment from the last vertex back
 * to the first (a closed polyline's last bulge belongs to it).
 */
function withArcs(points: readonly XY[], bulges: readonly number[], close: boolean): XY[] {
  const out: XY[] = [];
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const p = points[i] as XY;
    out.push(p);
    const q = i + 1 < n ? points[i + 1] : close ? points[0] : undefined;
    const b = bulges[i] ?? 0;
    if (!q || b === 0 || !Number.isFinite(b)) continue;
    out.push(...arcPoints(p, q, b));
  }
  if (close && n > 0) out.push(points[0] as XY);
  return out;
}

/** The points strictly between p and q on the arc of bulge b. */
function arcPoints(p: XY, q: XY, b: number): XY[] {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const chord = Math.hypot(dx, dy);
  if (chord === 0) return [];
  const theta = 4 * Math.atan(b);
  // centre: from the chord's midpoint along its left normal by (c/2)(1 − b²)/(2b)
  const off = ((chord / 2) * (1 - b * b)) / (2 * b);
  const cx = (p[0] + q[0]) / 2 - (dy / chord) * off;
  const cy = (p[1] + q[1]) / 2 + (dx / chord) * off;
  const r = Math.hypot(p[0] - cx, p[1] - cy);
  const start = Math.atan2(p[1] - cy, p[0] - cx);
  const maxStep = r > ARC_TOLERANCE ? 2 * Math.acos(1 - ARC_TOLERANCE / r) : Math.PI;
  const steps = Math.min(720, Math.max(2, Math.ceil(Math.abs(theta) / maxStep)));
  const out: XY[] = [];
  for (let k = 1; k < steps; k++) {
    const a = start + (theta * k) / steps;
    out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return out;
}

function planePositions(g: PlaneGeometry): XY[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  return g.coordinates.flat();
}

function mapGeometry(g: PlaneGeometry, f: (p: XY) => Position): Geometry {
  if (g.type === 'Point') return { type: 'Point', coordinates: f(g.coordinates) };
  if (g.type === 'LineString') return { type: 'LineString', coordinates: g.coordinates.map(f) };
  return { type: 'Polygon', coordinates: g.coordinates.map((ring) => wind(ring.map(f), true)) };
}

/** RFC 7946: an outer ring counter-clockwise. */
function wind(ring: Position[], outer: boolean): Position[] {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += (ring[i]![0]! - ring[i + 1]![0]!) * (ring[i]![1]! + ring[i + 1]![1]!);
  return s > 0 === outer ? ring : ring.slice().reverse();
}
