// A planner's sketches: polygons and lines drawn on the map to measure, and polygons tagged as
// clearance of a site. A tagged polygon joins the region's clearance parcels, so it counts in the
// totals exactly as a parcel of the data files does (dissolved, clipped to its site, latest date wins).
// The loaded region is never changed: the sketches are applied to it again after every edit.
import type { Feature, LineString, Polygon } from 'geojson';
import type { ClearanceProperties, ClearanceStatus, Region } from './schema';
import type { PreparedRegion } from './prepare';

/** What makes a sketched polygon a clearance parcel. */
export interface SketchClearance {
  siteId: string;
  status: ClearanceStatus;
  /** ISO date (yyyy-mm-dd) the status holds from */
  asOf: string;
}

export interface Sketch {
  id: string;
  geometry: Polygon | LineString;
  /** the planner's name for it; starts empty */
  name: string;
  /** set for a polygon tagged as clearance; lines are never tagged */
  clearance: SketchClearance | null;
  /** ISO timestamp */
  createdAt: string;
}

/** The region source every sketched parcel cites, so a figure built on one says where it came from. */
export const SKETCH_SOURCE_ID = 'user-sketch';
const SKETCH_SOURCE: Region['sources'][string] = {
  title: { vi: 'Phác thảo trên bản đồ (người dùng vẽ trong ứng dụng)', en: 'Sketched on the map (drawn by the user in the app)' },
  note: 'sketch',
};

/** The clearance parcel id of a sketch: distinct from the data's ids, which are region-prefixed slugs. */
export function sketchParcelId(sketchId: string): string {
  return `sketch-${sketchId}`;
}

/** The parcels the tagged sketches make, for sites the region has. */
export function sketchParcels(region: PreparedRegion, sketches: readonly Sketch[]): Feature<Polygon, ClearanceProperties>[] {
  const sites = new Set(region.data.sites.features.map((f) => f.properties.id));
  const out: Feature<Polygon, ClearanceProperties>[] = [];
  for (const s of sketches) {
    if (!s.clearance || s.geometry.type !== 'Polygon' || !sites.has(s.clearance.siteId)) continue;
    out.push({
      type: 'Feature',
      geometry: s.geometry,
      properties: {
        kind: 'parcel',
        id: sketchParcelId(s.id),
        siteId: s.clearance.siteId,
        asOf: s.clearance.asOf,
        status: s.clearance.status,
        sample: false,
        sources: [{ doc: SKETCH_SOURCE_ID, where: s.name || undefined, about: ['clearance'] }],
      },
    });
  }
  return out;
}

/** A new region whose clearance includes the tagged sketches; the region itself when none is tagged. */
export function applySketches(region: PreparedRegion, sketches: readonly Sketch[]): PreparedRegion {
  const parcels = sketchParcels(region, sketches);
  if (parcels.length === 0) return region;
  const data = region.data;
  return {
    ...region,
    data: {
      ...data,
      region: { ...data.region, sources: { ...data.region.sources, [SKETCH_SOURCE_ID]: SKETCH_SOURCE } },
      clearance: { ...data.clearance, features: [...data.clearance.features, ...parcels] },
    },
  };
}
