// Dissolving a component of overlapping parcels (rule 3: overlaps count once; where statuses
// overlap the more advanced one wins, cleared > in progress > not started) and clipping it to the
// site's outline (rule 4). By inclusion–exclusion when no clipping geometry is needed, else Turf;
// Turf's failures become warnings naming the parcels (rule 7).
import { difference, feature, featureCollection, intersect, union } from '@turf/turf';
import { geodesicAreaHa } from '../../geo/geodesic';
import type { SegmentGrid } from '../../geo/segmentGrid';
import { geomOf, type Geom, type Shape } from '../../geo/shape';
import { inclusionExclusion } from './inclusionExclusion';
import { STATUSES, type Member, type Status, type Sums } from './model';
import { relateToOutline } from './outline';
import type { ClearanceWarning } from './types';

interface ComponentResult {
  rawHa: number;
  dissolved: Sums;
  kept: Sums;
}

function dissolveComponent(
  comp: Member[],
  /** per member, the members (local indices) it may overlap; null: dissolve with Turf */
  adjacency: number[][] | null,
  outline: Shape | null,
  grid: SegmentGrid | null,
  siteId: string,
  warnings: ClearanceWarning[],
): ComponentResult {
  const res = emptyResult();
  // Where each parcel lies against the outline (only when clipping): inside, outside or crossing.
  const where = outline && grid ? comp.map((m) => relateToOutline(m.shape, outline, grid)) : null;
  const warnOutside = (m: Member) =>
    warnings.push({ kind: 'outside-site', siteId, entryId: m.entry.props.id, asOf: m.entry.props.asOf, areaHa: m.shape.areaHa });

  // A single plain parcel: nothing to dissolve, its own area counts.
  if (comp.length === 1 && comp[0]!.shape.simple) {
    const m = comp[0]!;
    const st = m.entry.props.status;
    res.rawHa = m.shape.areaHa;
    res.dissolved[st] = m.shape.areaHa;
    const w = where?.[0];
    if (!w || w === 'inside') res.kept[st] = m.shape.areaHa;
    else if (w === 'outside') warnOutside(m);
    else {
      const cut = intersect(featureCollection([feature(geomOf(m.shape)), feature(geomOf(outline!))]));
      res.kept[st] = cut ? geodesicAreaHa(cut.geometry) : 0;
      if (res.kept[st] < 1e-6) warnOutside(m); // under 0.01 m²: it only touches the outline
    }
    return res;
  }

  for (const m of comp) res.rawHa += m.shape.areaHa;
  const allInside = !where || where.every((w) => w === 'inside');
  const allOutside = !!where && where.every((w) => w === 'outside');

  // (Turf may throw on what it is given: `dissolveSafely` deals with that, rule 7.)
  // Rule 3: dissolve each status, then precedence where statuses overlap:
  //   cleared; in progress minus cleared; not started minus both.
  // When no clipping geometry is needed, the areas come from inclusion–exclusion over the
  // overlapping parcels (exact, and far cheaper than Turf); otherwise, or when that would take too
  // long, Turf builds the dissolved geometry.
  const ie = adjacency && (allInside || allOutside) ? inclusionExclusion(comp, adjacency) : null;
  let geoms: Record<Status, Geom | null> | null = null;
  if (ie) {
    res.dissolved = ie;
  } else {
    const byStatus = (st: Status) => comp.filter((m) => m.entry.props.status === st);
    const c = unionMany(byStatus('cleared'));
    const ip = unionMany(byStatus('in-progress'));
    const ns = unionMany(byStatus('not-started'));
    geoms = {
      cleared: c,
      'in-progress': subtract(ip, [c]),
      'not-started': subtract(ns, [c, ip]),
    };
    for (const st of STATUSES) {
      const g = geoms[st];
      res.dissolved[st] = g ? geodesicAreaHa(g) : 0;
    }
  }

  // Rule 4 (clip), by what the parcels' positions require: all inside → nothing to cut; all outside →
  // nothing kept; otherwise Turf intersects each status's dissolved land with the outline.
  if (allInside) {
    res.kept = { ...res.dissolved };
  } else if (allOutside) {
    comp.forEach(warnOutside);
  } else {
    comp.forEach((m, i) => where![i] === 'outside' && warnOutside(m));
    for (const st of STATUSES) {
      const g = geoms![st];
      if (!g) continue;
      const cut = intersect(featureCollection([feature(g), feature(geomOf(outline!))]));
      res.kept[st] = cut ? geodesicAreaHa(cut.geometry) : 0;
    }
  }
  return res;
}

function emptyResult(): ComponentResult {
  return {
    rawHa: 0,
    dissolved: { cleared: 0, 'in-progress': 0, 'not-started': 0 },
    kept: { cleared: 0, 'in-progress': 0, 'not-started': 0 },
  };
}

/**
 * `dissolveComponent`, with rule 7 for Turf's failures: when Turf throws on a component of parcels
 * that each looked valid, the parcels Turf cannot take even on their own are named and left out and
 * the rest is dissolved again; if that fails too, the whole component is named and left out.
 */
export function dissolveSafely(
  comp: Member[],
  adjacency: number[][] | null,
  outline: Shape | null,
  grid: SegmentGrid | null,
  siteId: string,
  warnings: ClearanceWarning[],
): ComponentResult {
  const mark = warnings.length;
  const error = (members: Member[], e: unknown): ClearanceWarning => ({
    kind: 'geometry-error',
    siteId,
    entryIds: members.map((m) => m.entry.props.id),
    message: e instanceof Error ? e.message : String(e),
  });
  try {
    return dissolveComponent(comp, adjacency, outline, grid, siteId, warnings);
  } catch (e) {
    warnings.length = mark;
    const bad: Member[] = [];
    const good: Member[] = [];
    for (const m of comp) (turfRejects(m, outline) ? bad : good).push(m);
    if (bad.length > 0 && good.length > 0) {
      try {
        const res = dissolveComponent(good, null, outline, grid, siteId, warnings);
        warnings.push(error(bad, e));
        return res;
      } catch {
        warnings.length = mark;
      }
    }
    warnings.push(error(comp, e));
    return emptyResult();
  }
}

function turfRejects(m: Member, outline: Shape | null): boolean {
  try {
    const g = feature(geomOf(m.shape));
    union(featureCollection([g, g]));
    if (outline) intersect(featureCollection([g, feature(geomOf(outline))]));
    return false;
  } catch {
    return true;
  }
}

const BATCH = 32;

/** Union of the members' geometries, as a tree of batched unions (each Turf call stays small). */
function unionMany(members: Member[]): Geom | null {
  if (members.length === 0) return null;
  if (members.length === 1) {
    const s = members[0]!.shape;
    // A plain polygon is its own union; anything else (parts, holes, touching rings) is normalised.
    if (s.simple) return geomOf(s);
    const u = union(featureCollection([feature(geomOf(s)), feature(geomOf(s))]));
    return u ? u.geometry : null;
  }
  let level: Geom[] = members.map((m) => geomOf(m.shape));
  while (level.length > 1) {
    const next: Geom[] = [];
    for (let i = 0; i < level.length; i += BATCH) {
      const chunk = level.slice(i, i + BATCH);
      if (chunk.length === 1) {
        next.push(chunk[0]!);
        continue;
      }
      const u = union(featureCollection(chunk.map((g) => feature(g))));
      if (u) next.push(u.geometry);
    }
    level = next;
  }
  return level[0] ?? null;
}

function subtract(g: Geom | null, minus: (Geom | null)[]): Geom | null {
  if (!g) return null;
  const m = minus.filter((x): x is Geom => x !== null);
  if (m.length === 0) return g;
  const d = difference(featureCollection([feature(g), ...m.map((x) => feature(x))]));
  return d ? d.geometry : null;
}
