// The parcels the map draws at the report date: each parcel id's latest entry on or before the date
// (rule 1), straight from the region's clearance file. The main thread computes this itself, without
// waiting for the report: the map draws the parcels as soon as the region is in, and the report (in
// a worker for large data) sends back figures only, not a copy of every polygon. The features share
// their geometry with the file (one copy of the coordinates on the page). No geometry is parsed and
// no Turf is imported: this module is on the map's start-up path.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ClearanceStatus } from '../../domain/schema';
import type { ClearanceData } from './types';

/** A clearance parcel as it stands at the report date, for the map. */
export interface ParcelMapProps {
  id: string;
  siteId: string;
  status: ClearanceStatus;
  sample: boolean;
  /** the date of the entry drawn */
  asOf: string;
}

export type DrawnParcels = FeatureCollection<Polygon | MultiPolygon, ParcelMapProps>;

// The map compares its inputs by identity: the same file at the same date gives the same object.
const memo = new WeakMap<object, { asOf: string; parcels: DrawnParcels }>();

/**
 * Each parcel id's latest entry on or before `asOf`, when that entry is a parcel with a polygon (a later
 * record of the same id hides it). The same id and date twice: the later one in the file wins, as in
 * the report's history. Ordered by each id's first appearance in the file, as the timeline is.
 */
export function parcelsAsOf(clearance: ClearanceData['clearance'], asOf: string): DrawnParcels {
  const last = memo.get(clearance);
  if (last && last.asOf === asOf) return last.parcels;
  const fs = clearance.features;
  // id → index of the entry that counts as of the date (-1: none yet), in order of first appearance
  const counting = new Map<string, number>();
  for (let i = 0; i < fs.length; i++) {
    const p = fs[i]!.properties;
    const j = counting.get(p.id);
    if (j === undefined) counting.set(p.id, -1);
    if (p.asOf > asOf) continue;
    if (j === undefined || j < 0 || fs[j]!.properties.asOf <= p.asOf) counting.set(p.id, i);
  }
  const features: Feature<Polygon | MultiPolygon, ParcelMapProps>[] = [];
  for (const i of counting.values()) {
    if (i < 0) continue;
    const f = fs[i]!;
    const p = f.properties;
    const g = f.geometry;
    if (p.kind !== 'parcel' || (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')) continue;
    features.push({ type: 'Feature', geometry: g, properties: { id: p.id, siteId: p.siteId, status: p.status, sample: p.sample, asOf: p.asOf } });
  }
  const parcels: DrawnParcels = { type: 'FeatureCollection', features };
  memo.set(clearance, { asOf, parcels });
  return parcels;
}
