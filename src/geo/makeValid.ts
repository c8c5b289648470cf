// Make-valid for a polygon whose ring crosses itself, as GEOS's MakeValid and PostGIS's ST_MakeValid
// do: instead of refusing a planner's bow-tie (and silently losing a park), the ring is noded at its
// crossings and rebuilt as the region it covers. A bow-tie becomes its two triangles; a ring that
// loops over itself becomes its outline, the doubly covered part counted once.
//
// The work is Turf's union (polyclip-ts, a robust sweep-line clipper already on the project's
// geometry path): the union of the shape with itself splits every edge where another crosses it and
// keeps each covered region once. The verdict before and after is the one checker's
// (./polygonValidity.ts), so "repairable" and "repaired" mean the same to import, report and totals.
import { feature, featureCollection, union } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { inspectPolygon, type ValidityProblem } from './polygonValidity';

/** The faults a repair may mend: a ring crossing or touching itself. Anything else is still refused. */
export function isRepairable(problems: readonly ValidityProblem[]): boolean {
  const faults = problems.filter((p) => p.kind !== 'unclosed');
  return faults.length > 0 && faults.every((p) => p.kind === 'self-intersection');
}

export interface Repaired {
  geometry: Polygon | MultiPolygon;
  /** the crossings the checker found on the shape as given, west to east */
  crossings: Extract<ValidityProblem, { kind: 'self-intersection' }>[];
}

/**
 * The valid shape covering what the self-crossing polygon `g` covers, or null when `g` has no
 * crossing to mend, has some other fault (a hole outside, non-lon/lat positions…), or the rebuilt
 * shape is not valid or is empty. Never throws; never mutates `g`.
 */
export function repairSelfIntersection(g: Polygon | MultiPolygon): Repaired | null {
  const before = inspectPolygon(g);
  if (!isRepairable(before.problems)) return null;
  let rebuilt: Polygon | MultiPolygon | null;
  try {
    // Union of the shape with itself: Turf's union takes two geometries or more.
    rebuilt = union(featureCollection([feature(g), feature(g)]))?.geometry ?? null;
  } catch {
    return null; // a clipper failure on a degenerate ring: left refused, as before
  }
  if (!rebuilt) return null;
  const after = inspectPolygon(rebuilt);
  if (after.problems.length > 0) return null;
  const crossings = before.problems.filter((p): p is Repaired['crossings'][number] => p.kind === 'self-intersection');
  return { geometry: rebuilt, crossings };
}
