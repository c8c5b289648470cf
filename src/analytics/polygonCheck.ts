// Checks a polygon before its area is trusted. Files from agencies and hand-digitised outlines
// often have rings that cross themselves (a "bow-tie": two corners swapped in a corner table).
// Every area formula used here sums signed pieces, so the lobes of a bow-tie partly cancel and the
// result is a number that looks plausible and is wrong. Such rings must be reported, never summed
// silently. The verdict is src/geo/polygonValidity.ts's (the one checker import and clearance use
// too); this module names the ring in words for reports and panels (`describeProblem`).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { inspectPolygon, showPosition, type LonLat, type ValidityProblem } from '../geo/polygonValidity';

export { spoilsArea } from '../geo/polygonValidity';

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

export type PolygonProblem = ValidityProblem & RingRef;

export type PolygonCheck = { ok: true } | { ok: false; problems: PolygonProblem[] };

export function ringLabel(part: number, index: number, multi: boolean): string {
  const r = index === 0 ? 'outer' : `hole ${index}`;
  return multi ? `part ${part + 1} ${r}` : r;
}

/**
 * Checks every ring of a Polygon or MultiPolygon (see src/geo/polygonValidity.ts for the verdicts):
 * positions are WGS84 [lon, lat], rings are closed, have at least three distinct corners, do not
 * cross or touch themselves, enclose some area, and holes lie inside their outer ring.
 * Never throws on bad coordinates; never mutates its input.
 */
export function checkPolygon(g: Polygon | MultiPolygon): PolygonCheck {
  const multi = g.type === 'MultiPolygon';
  const { problems } = inspectPolygon(g);
  if (problems.length === 0) return { ok: true };
  return { ok: false, problems: problems.map((p) => ({ ...p, ring: ringLabel(p.part, p.index, multi) })) };
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
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
    case 'ring-crossing':
      return vi ? `${where} cắt vòng ngoài tại ${fmtAt(p.at)}` : `${where} crosses the outer ring at ${fmtAt(p.at)}`;
    case 'zero-area':
      return vi
        ? `${where} không có diện tích (mọi đỉnh nằm trên một đường thẳng)`
        : `${where} encloses no area (every corner lies on one line)`;
    case 'not-polygon':
      return vi ? `${where} không phải vùng (Polygon)` : `${where} is not a polygon`;
    case 'not-lonlat':
      return vi
        ? `${where} có tọa độ ${showPosition(p.position)} không phải kinh độ/vĩ độ WGS84 ` +
            '(có thể là VN-2000 chưa chuyển đổi)'
        : `${where} has a position ${showPosition(p.position)} that is not WGS84 lon/lat (unconverted VN-2000?)`;
  }
}
