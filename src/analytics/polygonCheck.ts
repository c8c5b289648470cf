// Checks a polygon before its area is trusted. Files from agencies and hand-digitised outlines
// often have rings that cross themselves (a "bow-tie": two corners swapped in a corner table).
// Every area formula used here sums signed pieces, so the lobes of a bow-tie partly cancel and the
// result is a number that looks plausible and is wrong. Such rings must be reported, never summed
// silently: `checkPolygon` lists what is wrong, with where, and `spoilsArea` says which problems
// make the area meaningless.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, kinks, lineString, point, polygon } from '@turf/turf';

/** WGS84 longitude, latitude in decimal degrees (GeoJSON order). */
export type LonLat = [lon: number, lat: number];

/**
 * Where a problem is: `part` is the 0-based polygon of a MultiPolygon (0 for a Polygon), `index`
 * the 0-based ring in it (0 = outer boundary, 1… = holes), and `ring` the same in words, stable
 * and in English ('outer', 'hole 1', 'part 2 outer', 'part 2 hole 1'); `describeProblem` words it
 * for a reader in Vietnamese or English.
 */
export interface RingRef {
  ring: string;
  part: number;
  index: number;
}

export type PolygonProblem =
  /** a position that is not [lon, lat] in range: not numbers, or plane coordinates (VN-2000?) */
  | (RingRef & { kind: 'not-lonlat'; position: unknown })
  /** fewer than 3 distinct corners (4 positions counting the repeated first one) */
  | (RingRef & { kind: 'too-few-points'; points: number })
  /** first position ≠ last; the area functions close the ring themselves, so the area is still sound */
  | (RingRef & { kind: 'unclosed'; first: LonLat; last: LonLat })
  /** two edges of the ring cross (or touch) at `at` */
  | (RingRef & { kind: 'self-intersection'; at: LonLat })
  /** a corner of a hole lies outside its outer ring (cheap check: corners only, not edges) */
  | (RingRef & { kind: 'hole-outside'; at: LonLat });

export type PolygonProblemKind = PolygonProblem['kind'];

export type PolygonCheck = { ok: true } | { ok: false; problems: PolygonProblem[] };

/** Does this problem make the computed area meaningless? Every kind but 'unclosed' does. */
export function spoilsArea(p: PolygonProblem): boolean {
  return p.kind !== 'unclosed';
}

export function ringLabel(part: number, index: number, multi: boolean): string {
  const r = index === 0 ? 'outer' : `hole ${index}`;
  return multi ? `part ${part + 1} ${r}` : r;
}

function isLonLat(p: unknown): p is Position {
  if (!Array.isArray(p) || p.length < 2) return false;
  const [lon, lat] = p as unknown[];
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 90
  );
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function lonLat(p: Position): LonLat {
  return [p[0] as number, p[1] as number];
}

/**
 * The ring as a closed list of corners with consecutive repeats removed (a repeated corner makes a
 * zero-length edge, which turf's `kinks` would report as a crossing of its two neighbours).
 */
function cleanClosed(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (out.length === 0 || !samePoint(out[out.length - 1]!, p)) out.push(p);
  if (out.length > 1 && samePoint(out[0]!, out[out.length - 1]!)) out.pop();
  if (out.length > 0) out.push(out[0]!);
  return out;
}

/** Where the ring's own edges cross, each point once, in the order turf finds them. */
function selfIntersections(closed: Position[]): LonLat[] {
  const found = kinks(lineString(closed.map(lonLat)));
  const seen = new Set<string>();
  const out: LonLat[] = [];
  for (const f of found.features) {
    const at = lonLat(f.geometry.coordinates);
    const key = `${at[0].toFixed(9)},${at[1].toFixed(9)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(at);
    }
  }
  return out;
}

function checkRings(rings: readonly (readonly Position[])[], part: number, multi: boolean, out: PolygonProblem[]) {
  let outer: Position[] | null = null;
  rings.forEach((ring, index) => {
    const ref: RingRef = { ring: ringLabel(part, index, multi), part, index };
    const bad = ring.find((p) => !isLonLat(p));
    if (bad !== undefined) {
      out.push({ ...ref, kind: 'not-lonlat', position: bad });
      return;
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && ring.length > 1 && !samePoint(first, last)) {
      out.push({ ...ref, kind: 'unclosed', first: lonLat(first), last: lonLat(last) });
    }
    const closed = cleanClosed(ring);
    if (closed.length < 4) {
      out.push({ ...ref, kind: 'too-few-points', points: ring.length });
      return;
    }
    for (const at of selfIntersections(closed)) out.push({ ...ref, kind: 'self-intersection', at });
    if (index === 0) {
      outer = closed;
    } else if (outer) {
      const outerPoly = polygon([outer.map(lonLat)]);
      const outside = closed.find((p) => !booleanPointInPolygon(point(lonLat(p)), outerPoly));
      if (outside) out.push({ ...ref, kind: 'hole-outside', at: lonLat(outside) });
    }
  });
  if (rings.length === 0 && multi) {
    out.push({ ring: ringLabel(part, 0, multi), part, index: 0, kind: 'too-few-points', points: 0 });
  }
}

/**
 * Checks every ring of a Polygon or MultiPolygon: positions are WGS84 [lon, lat], rings are closed,
 * have at least three distinct corners, do not cross themselves (turf `kinks`), and holes lie
 * inside their outer ring. Does not check that parts of a MultiPolygon or holes overlap each other.
 * Never throws on bad coordinates; never mutates its input.
 */
export function checkPolygon(g: Polygon | MultiPolygon): PolygonCheck {
  const problems: PolygonProblem[] = [];
  if (g.type === 'Polygon') checkRings(g.coordinates, 0, false, problems);
  else g.coordinates.forEach((rings, part) => checkRings(rings, part, true, problems));
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** A copy of the geometry with every ring closed (first position repeated at the end). */
export function closeRings<G extends Polygon | MultiPolygon>(g: G): G {
  const close = (ring: Position[]): Position[] => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first && last && !samePoint(first, last) ? [...ring, first] : [...ring];
  };
  if (g.type === 'Polygon') return { ...g, coordinates: (g as Polygon).coordinates.map(close) };
  return { ...g, coordinates: (g as MultiPolygon).coordinates.map((rings) => rings.map(close)) };
}

const RING_VI = (p: RingRef): string => {
  const r = p.index === 0 ? 'vòng ngoài' : `lỗ ${p.index}`;
  return p.ring.startsWith('part ') ? `phần ${p.part + 1}, ${r}` : r;
};

function fmtAt([lon, lat]: LonLat): string {
  return `[${lon.toFixed(6)}, ${lat.toFixed(6)}]`;
}

/** One line describing the problem, for a report or a panel. */
export function describeProblem(p: PolygonProblem, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  const where = vi ? RING_VI(p) : p.ring === 'outer' ? 'outer ring' : p.ring;
  switch (p.kind) {
    case 'self-intersection':
      return vi ? `${where} tự cắt tại ${fmtAt(p.at)}` : `${where} crosses itself at ${fmtAt(p.at)}`;
    case 'hole-outside':
      return vi
        ? `${where} nằm ngoài vòng ngoài (điểm ${fmtAt(p.at)})`
        : `${where} lies outside the outer ring (corner ${fmtAt(p.at)})`;
    case 'too-few-points':
      return vi
        ? `${where} chỉ có ${p.points} điểm, không thành vùng (cần ít nhất 3 đỉnh khác nhau)`
        : `${where} has only ${p.points} positions, not an area (needs 3 distinct corners)`;
    case 'unclosed':
      return vi
        ? `${where} không khép kín (điểm cuối khác điểm đầu; đã tự khép khi tính)`
        : `${where} is not closed (last point ≠ first; closed for the computation)`;
    case 'not-lonlat':
      return vi
        ? `${where} có tọa độ ${JSON.stringify(p.position)} không phải kinh độ/vĩ độ WGS84 ` +
            '(có thể là VN-2000 chưa chuyển đổi)'
        : `${where} has a position ${JSON.stringify(p.position)} that is not WGS84 lon/lat (unconverted VN-2000?)`;
  }
}
