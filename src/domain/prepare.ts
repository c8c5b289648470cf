// Turns validated region data into what the map and the panels read: site outlines (surveyed, or an
// indicative footprint of the declared area), label anchors, relocation flows, and each site's area
// computed from its drawn geometry. Runs once per region load, never in a React render.
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { centroid } from '@turf/turf';
import { geodesicAreaHa } from '../geo/geodesic';
import { indicativeFootprint } from './footprint';
import { groupOf, stageOf, type SiteGroup, type Stage } from './siteClass';
import type { GeometryQuality, SiteStatus } from './schema';
import type { RegionData } from './types';

/** Flat properties for map features: MapLibre cannot read nested objects from GeoJSON properties. */
export interface SiteMapProps {
  id: string;
  kind: 'kcn' | 'ccn';
  group: SiteGroup;
  stage: Stage;
  status: SiteStatus;
  quality: GeometryQuality;
  name_vi: string;
  name_en: string;
  /** true when the site is drawn as an outline, false when only a marker can be drawn */
  hasOutline: boolean;
  /** area of the drawn outline in ha (0 without one): sizes the overview dots */
  areaHa: number;
}

export interface RoadMapProps {
  id: string;
  role: string;
  status: string;
  quality: GeometryQuality;
  name_vi: string;
  name_en: string;
  /** declared length in km, or -1 when no length is declared */
  lengthKm: number;
}

export interface RelocationMapProps {
  id: string;
  /** a flow has an origin and a destination; a pending move has only its origin */
  hasDestination: boolean;
  name_vi: string;
  name_en: string;
}

export interface LandmarkMapProps {
  id: string;
  kind: string;
  name_vi: string;
  name_en: string;
}

export interface SiteArea {
  /** WGS84 geodesic area of the drawn outline, ha */
  computedHa: number;
  /** the outline is a footprint made from the declared area, so the two agree by construction */
  fromDeclared: boolean;
  /** the outline is a polygon of the planner's file linked to the site (src/domain/siteLinks.ts) */
  surveyedFrom?: { layerId: string; layerName: string; fileName: string; featureIndex: number; featureName: string | null; repaired?: boolean };
}

export interface PreparedRegion {
  data: RegionData;
  siteOutlines: FeatureCollection<Polygon | MultiPolygon, SiteMapProps>;
  siteAnchors: FeatureCollection<Point, SiteMapProps>;
  roads: FeatureCollection<LineString, RoadMapProps>;
  relocations: FeatureCollection<LineString | Point, RelocationMapProps>;
  landmarks: FeatureCollection<Point, LandmarkMapProps>;
  areas: Record<string, SiteArea>;
  /** ids of sites named in the sources but not located, so not on the map */
  unlocatedSiteIds: string[];
}

function anchorOf(g: Polygon | MultiPolygon | Point): Position {
  if (g.type === 'Point') return g.coordinates;
  return centroid(g).geometry.coordinates;
}

export function prepareRegion(data: RegionData): PreparedRegion {
  const siteOutlines: Feature<Polygon | MultiPolygon, SiteMapProps>[] = [];
  const siteAnchors: Feature<Point, SiteMapProps>[] = [];
  const areas: Record<string, SiteArea> = {};
  const unlocatedSiteIds: string[] = [];

  for (const f of data.sites.features) {
    const p = f.properties;
    const g = f.geometry;
    if (!g || (g.type !== 'Point' && g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      unlocatedSiteIds.push(p.id);
      continue;
    }
    let outline: Polygon | MultiPolygon | null = null;
    let fromDeclared = false;
    if (g.type === 'Point') {
      if (p.declaredAreaHa !== undefined) {
        outline = indicativeFootprint(g.coordinates, p.declaredAreaHa);
        fromDeclared = true;
      }
    } else {
      outline = g;
    }
    const props: SiteMapProps = {
      id: p.id,
      kind: p.kind,
      group: groupOf(p),
      stage: stageOf(p.status),
      status: p.status,
      quality: p.geometryQuality,
      name_vi: p.name.vi,
      name_en: p.name.en,
      hasOutline: outline !== null,
      areaHa: outline ? geodesicAreaHa(outline) : 0,
    };
    if (outline) {
      siteOutlines.push({ type: 'Feature', properties: props, geometry: outline });
      areas[p.id] = { computedHa: props.areaHa, fromDeclared };
    }
    siteAnchors.push({
      type: 'Feature',
      properties: props,
      geometry: { type: 'Point', coordinates: anchorOf(g) },
    });
  }

  const roads: Feature<LineString, RoadMapProps>[] = [];
  for (const f of data.roads.features) {
    if (f.geometry?.type !== 'LineString') continue;
    const p = f.properties;
    roads.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        id: p.id,
        role: p.role,
        status: p.status,
        quality: p.geometryQuality,
        name_vi: p.name.vi,
        name_en: p.name.en,
        lengthKm: p.lengthKmDeclared ?? -1,
      },
    });
  }

  const relocations: Feature<LineString | Point, RelocationMapProps>[] = [];
  for (const f of data.relocations.features) {
    const g = f.geometry;
    if (g?.type !== 'LineString' && g?.type !== 'Point') continue;
    const p = f.properties;
    relocations.push({
      type: 'Feature',
      geometry: g,
      properties: { id: p.id, hasDestination: p.to !== null, name_vi: p.name.vi, name_en: p.name.en },
    });
  }

  const landmarks: Feature<Point, LandmarkMapProps>[] = [];
  for (const f of data.landmarks.features) {
    if (f.geometry?.type !== 'Point') continue;
    const p = f.properties;
    landmarks.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: { id: p.id, kind: p.kind, name_vi: p.name.vi, name_en: p.name.en },
    });
  }

  return {
    data,
    siteOutlines: { type: 'FeatureCollection', features: siteOutlines },
    siteAnchors: { type: 'FeatureCollection', features: siteAnchors },
    roads: { type: 'FeatureCollection', features: roads },
    relocations: { type: 'FeatureCollection', features: relocations },
    landmarks: { type: 'FeatureCollection', features: landmarks },
    areas,
    unlocatedSiteIds,
  };
}
