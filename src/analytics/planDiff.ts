// The difference between two scenarios, site by site: the land the right side has and the left does
// not (added) and the reverse (removed), in ellipsoidal hectares. Turf does the geometry (union,
// difference); GeographicLib measures, as everywhere else in the app.
import { difference, featureCollection, polygon as turfPolygon, multiPolygon as turfMultiPolygon, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Footprint } from '../domain/scenarios';
import { geodesicAreaHa } from '../geo/geodesic';

type Area = Polygon | MultiPolygon;

/** Pieces below this (100 m²) are floating-point slivers of two outlines that coincide, not a change. */
export const SLIVER_HA = 0.01;

export type DiffChange = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  key: string;
  siteId: string | null;
  kind: Footprint['kind'];
  name: { vi: string; en: string };
  /** land of this site on each side (ha, ellipsoidal); null when the side does not have the site */
  leftHa: number | null;
  rightHa: number | null;
  addedHa: number;
  removedHa: number;
  added: Area | null;
  removed: Area | null;
  change: DiffChange;
  /** one side's outline is a footprint made from a declared area: the shapes, so the pieces, are indicative */
  indicative: boolean;
  /** the site is on a side with no outline at all (a point with no declared area): its land cannot be measured */
  unmeasured: boolean;
}

export interface PlanDiff {
  /** the rows that changed, largest change first */
  rows: DiffRow[];
  /** how many sites are the same on both sides */
  unchanged: number;
  totals: {
    addedHa: number;
    removedHa: number;
    /** addedHa − removedHa */
    netHa: number;
    /** all land of each side, overlaps dissolved: where sites overlap, rightHa − leftHa differs from netHa */
    leftHa: number;
    rightHa: number;
  };
}

function asFeature(g: Area): Feature<Area> {
  return g.type === 'Polygon' ? turfPolygon(g.coordinates) : turfMultiPolygon(g.coordinates);
}

/** The union of some areas; null for none. */
function dissolve(gs: readonly Area[]): Area | null {
  if (gs.length === 0) return null;
  if (gs.length === 1) return gs[0]!;
  return union(featureCollection(gs.map(asFeature)))?.geometry ?? null;
}

function minus(a: Area | null, b: Area | null): Area | null {
  if (!a) return null;
  if (!b) return a;
  if (a === b) return null;
  return difference(featureCollection([asFeature(a), asFeature(b)]))?.geometry ?? null;
}

const haOf = (g: Area | null) => (g ? geodesicAreaHa(g) : 0);

interface Side {
  name: Footprint['name'];
  siteId: string | null;
  kind: Footprint['kind'];
  geometries: Area[];
  indicative: boolean;
  present: boolean;
  unmeasured: boolean;
}

function group(fs: readonly Footprint[]): Map<string, Side> {
  const out = new Map<string, Side>();
  for (const f of fs) {
    const s = out.get(f.key) ?? { name: f.name, siteId: f.siteId, kind: f.kind, geometries: [], indicative: false, present: true, unmeasured: false };
    if (f.geometry) s.geometries.push(f.geometry);
    else s.unmeasured = true;
    s.indicative ||= f.indicative;
    out.set(f.key, s);
  }
  return out;
}

/** Each site's land on the left and on the right, and what changed between them. Inputs are not changed. */
export function planDiff(left: readonly Footprint[], right: readonly Footprint[]): PlanDiff {
  const l = group(left);
  const r = group(right);
  const keys = [...new Set([...l.keys(), ...r.keys()])];
  const rows: DiffRow[] = [];
  let unchanged = 0;
  for (const key of keys) {
    const a = l.get(key);
    const b = r.get(key);
    const ga = a ? dissolve(a.geometries) : null;
    const gb = b ? dissolve(b.geometries) : null;
    // The same outline object on both sides (a site both scenarios keep) has not changed: no geometry work.
    const identical = ga !== null && ga === gb;
    let added = identical ? null : minus(gb, ga);
    let removed = identical ? null : minus(ga, gb);
    let addedHa = haOf(added);
    let removedHa = haOf(removed);
    if (addedHa < SLIVER_HA) [added, addedHa] = [null, 0];
    if (removedHa < SLIVER_HA) [removed, removedHa] = [null, 0];
    const unmeasured = (a?.unmeasured ?? false) || (b?.unmeasured ?? false);
    const change: DiffChange = !a ? 'added' : !b ? 'removed' : addedHa > 0 || removedHa > 0 ? 'changed' : 'same';
    if (change === 'same') {
      unchanged++;
      continue;
    }
    const named = (b ?? a)!;
    rows.push({
      key,
      siteId: named.siteId,
      kind: named.kind,
      name: named.name,
      leftHa: a ? haOf(ga) : null,
      rightHa: b ? haOf(gb) : null,
      addedHa,
      removedHa,
      added,
      removed,
      change,
      indicative: (a?.indicative ?? false) || (b?.indicative ?? false),
      unmeasured,
    });
  }
  rows.sort((x, y) => y.addedHa + y.removedHa - (x.addedHa + x.removedHa) || x.name.vi.localeCompare(y.name.vi, 'vi'));
  const leftAll = dissolve(left.flatMap((f) => (f.geometry ? [f.geometry] : [])));
  const rightAll = dissolve(right.flatMap((f) => (f.geometry ? [f.geometry] : [])));
  const addedHa = rows.reduce((s, x) => s + x.addedHa, 0);
  const removedHa = rows.reduce((s, x) => s + x.removedHa, 0);
  return { rows, unchanged, totals: { addedHa, removedHa, netHa: addedHa - removedHa, leftHa: haOf(leftAll), rightHa: haOf(rightAll) } };
}

/** The added and removed pieces as map features, each carrying its row's key and the site's name. */
export function diffPieces(diff: PlanDiff): FeatureCollection<Area, { key: string; change: 'added' | 'removed'; name_vi: string; name_en: string }> {
  const features: Feature<Area, { key: string; change: 'added' | 'removed'; name_vi: string; name_en: string }>[] = [];
  for (const r of diff.rows) {
    for (const [change, g] of [['added', r.added], ['removed', r.removed]] as const) {
      if (g) features.push({ type: 'Feature', geometry: g, properties: { key: r.key, change, name_vi: r.name.vi, name_en: r.name.en } });
    }
  }
  return { type: 'FeatureCollection', features };
}
