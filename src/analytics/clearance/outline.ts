// Where a parcel lies against its site's outline, decided without Turf whenever it is certain.
import { NONE, boxesOverlap, segRelation } from '../../geo/predicates';
import type { SegmentGrid } from '../../geo/segmentGrid';
import { pointInRings, type Shape } from '../../geo/shape';

/** 'inside' or 'outside' only when certain (no contact with the outline's edges); else 'cross'. */
export function relateToOutline(p: Shape, o: Shape, grid: SegmentGrid): 'inside' | 'outside' | 'cross' {
  if (!boxesOverlap(p.bbox, o.bbox)) return 'outside';
  for (const R of p.rings) {
    for (let i = 0; i < R.n; i++) {
      const j = i + 1 === R.n ? 0 : i + 1;
      const ax = R.xs[i]!, ay = R.ys[i]!, bx = R.xs[j]!, by = R.ys[j]!;
      const touches = grid.some(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (e) =>
        segRelation(ax, ay, bx, by, grid.ax[e]!, grid.ay[e]!, grid.bx[e]!, grid.by[e]!) !== NONE,
      );
      if (touches) return 'cross';
    }
  }
  // No boundary contact: each outer ring of the parcel is wholly inside or wholly outside, and one
  // corner tells which. An outline ring (a hole, or a small part) inside the parcel makes it partial.
  let inside = 0;
  let outside = 0;
  for (const R of p.rings) {
    if (R.hole) continue;
    const w = pointInRings(R.xs[0]!, R.ys[0]!, o.rings);
    if (w < 0) return 'cross';
    if (w > 0) inside++;
    else outside++;
  }
  if (inside > 0 && outside > 0) return 'cross';
  for (const S of o.rings) {
    if (!boxesOverlap(S.bbox, p.bbox)) continue;
    if (pointInRings(S.xs[0]!, S.ys[0]!, p.rings) !== 0) return 'cross';
  }
  return inside > 0 ? 'inside' : 'outside';
}

