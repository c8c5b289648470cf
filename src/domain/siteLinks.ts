// Links a polygon of a planner's file to a site of the region, so the site is drawn with that
// outline instead of an indicative footprint. Suggestions come from the name (diacritics, case and
// the "KCN"/"CCN" prefixes ignored) and, as a second signal, from the site's anchor lying inside the
// polygon. Linking yields a new PreparedRegion; the loaded one is never changed, so unlinking is just
// applying the remaining links to it again.
//
// A linked outline is marked 'surveyed': a polygon the planner loads for a site is the boundary the
// province surveyed (a cadastral or planning drawing), not a footprint made from a figure. That is
// what lets the clearance figures be clipped to it, as they are for the shipped surveyed outlines.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import { geodesicAreaHa } from '../geo/geodesic';
import type { PreparedRegion, SiteMapProps } from './prepare';
import { groupOf, stageOf } from './siteClass';
import { foldVietnamese } from './text';

/** What the planner decided (or accepted) for one polygon of one imported layer. */
export interface SiteLink {
  layerId: string;
  /** the feature's `index` property: its 0-based position in the file, as the importer counted it */
  featureIndex: number;
  /** null: the planner said this polygon is none of the sites (so "accept all" leaves it alone) */
  siteId: string | null;
  /** chosen by hand rather than accepted from a suggestion */
  manual: boolean;
}

export type LinkConfidence = 'high' | 'medium' | 'low';

export interface LinkSuggestion {
  featureIndex: number;
  siteId: string;
  /** high: name and position agree; medium: the name alone; low: the position alone */
  confidence: LinkConfidence;
  nameMatch: boolean;
  anchorInside: boolean;
}

/** The few fields of an imported feature that linking reads. */
export interface LinkableFeature {
  /** `repair`: the file's polygon crossed itself and this is its repaired shape */
  properties: { index: number; name: string | null; repair?: unknown };
  geometry: Geometry;
}

/** The few fields of an imported layer that linking reads (an ImportedLayer has them all). */
export interface LinkableLayer {
  id: string;
  name: string;
  fileName: string;
  features: FeatureCollection<Geometry, LinkableFeature['properties']>;
  /** features (by `index`) the planner left out: never an outline */
  leftOut?: readonly number[];
}

/** Where a linked outline came from, for the details panel to name the file. */
export interface LinkSource {
  layerId: string;
  layerName: string;
  fileName: string;
  featureIndex: number;
  featureName: string | null;
  /** the outline is the repaired shape of a polygon that crossed itself: its area is labelled so */
  repaired?: boolean;
}

/** A link with its polygon found: what `applyLinks` needs. */
export interface ResolvedLink {
  siteId: string;
  geometry: Polygon | MultiPolygon;
  source: LinkSource;
}

type Kind = 'kcn' | 'ccn';

// Longest first, so "khu cong nghiep" is not read as a bare word.
const PREFIXES: [string, Kind][] = [
  ['khu cong nghiep', 'kcn'],
  ['cum cong nghiep', 'ccn'],
  ['kcn', 'kcn'],
  ['ccn', 'ccn'],
];

/** A name reduced to what identifies a site: folded, punctuation as spaces, without its kind prefix. */
export function siteKey(name: string): { key: string; kind: Kind | null } {
  let s = foldVietnamese(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [prefix, kind] of PREFIXES) {
    if (s === prefix) return { key: '', kind };
    if (s.startsWith(prefix + ' ')) {
      s = s.slice(prefix.length + 1).trim();
      return { key: s, kind };
    }
  }
  return { key: s, kind: null };
}

function isArea(g: Geometry | null | undefined): g is Polygon | MultiPolygon {
  return g?.type === 'Polygon' || g?.type === 'MultiPolygon';
}

/** For each polygon feature, the site it most likely outlines; features with no likely site are left out. */
export function suggestLinks(region: PreparedRegion, features: readonly LinkableFeature[]): LinkSuggestion[] {
  const anchors = new Map(region.siteAnchors.features.map((f) => [f.properties.id, f.geometry.coordinates]));
  const sites = region.data.sites.features.map((f) => ({
    id: f.properties.id,
    kind: f.properties.kind,
    key: siteKey(f.properties.name.vi).key,
    keyEn: siteKey(f.properties.name.en).key,
    anchor: anchors.get(f.properties.id) ?? null,
  }));
  const out: LinkSuggestion[] = [];
  for (const f of features) {
    if (!isArea(f.geometry)) continue;
    const g = f.geometry;
    const inside = (a: Position | null) => a !== null && booleanPointInPolygon(a, g);
    const named = f.properties.name ? siteKey(f.properties.name) : null;
    const byName =
      named && named.key
        ? sites.filter((s) => (s.key === named.key || s.keyEn === named.key) && (named.kind === null || s.kind === named.kind))
        : [];
    const pick = (siteId: string, nameMatch: boolean, anchorInside: boolean) =>
      out.push({
        featureIndex: f.properties.index,
        siteId,
        nameMatch,
        anchorInside,
        confidence: nameMatch && anchorInside ? 'high' : nameMatch ? 'medium' : 'low',
      });
    if (byName.length > 0) {
      // "Đông Phố Mới" is both a KCN and a CCN: the one whose point lies in the polygon decides.
      const alsoInside = byName.filter((s) => inside(s.anchor));
      if (alsoInside.length === 1) pick(alsoInside[0]!.id, true, true);
      else if (byName.length === 1) pick(byName[0]!.id, true, alsoInside.length === 1);
      continue;
    }
    const within = sites.filter((s) => inside(s.anchor));
    if (within.length === 1) pick(within[0]!.id, false, true);
  }
  return out;
}

/** The polygons the links point at; links to a missing layer, feature or non-area are dropped. */
export function resolveLinks(links: readonly SiteLink[], layers: readonly LinkableLayer[]): ResolvedLink[] {
  const out: ResolvedLink[] = [];
  const taken = new Set<string>();
  for (const l of links) {
    if (l.siteId === null || taken.has(l.siteId)) continue;
    const layer = layers.find((x) => x.id === l.layerId);
    const f = layer?.features.features.find((x) => x.properties.index === l.featureIndex);
    if (!layer || !f || !isArea(f.geometry) || layer.leftOut?.includes(l.featureIndex)) continue;
    // One outline per site: the first link wins, the panel shows the others as conflicting.
    taken.add(l.siteId);
    out.push({
      siteId: l.siteId,
      geometry: f.geometry,
      source: {
        layerId: layer.id,
        layerName: layer.name,
        fileName: layer.fileName,
        featureIndex: l.featureIndex,
        featureName: f.properties.name,
        ...(f.properties.repair ? { repaired: true } : {}),
      },
    });
  }
  return out;
}

/**
 * A new region in which each linked site is drawn with its linked polygon, marked surveyed, with its
 * computed area measured on that polygon (declared area unchanged). Links to sites the region does not
 * have are ignored. With nothing to apply, the region itself is returned.
 */
export function applyLinks(region: PreparedRegion, links: readonly ResolvedLink[]): PreparedRegion {
  const ids = new Set(region.data.sites.features.map((f) => f.properties.id));
  const bySite = new Map<string, ResolvedLink>();
  for (const l of links) if (ids.has(l.siteId) && !bySite.has(l.siteId)) bySite.set(l.siteId, l);
  if (bySite.size === 0) return region;

  const sites = region.data.sites.features.map((f) => {
    const l = bySite.get(f.properties.id);
    return l ? { ...f, geometry: l.geometry, properties: { ...f.properties, geometryQuality: 'surveyed' as const } } : f;
  });
  const props = new Map<string, SiteMapProps>();
  const areas = { ...region.areas };
  for (const [id, l] of bySite) {
    const site = sites.find((f) => f.properties.id === id)!.properties;
    const areaHa = geodesicAreaHa(l.geometry);
    props.set(id, {
      id,
      kind: site.kind,
      group: groupOf(site),
      stage: stageOf(site.status),
      status: site.status,
      quality: 'surveyed',
      name_vi: site.name.vi,
      name_en: site.name.en,
      hasOutline: true,
      areaHa,
    });
    areas[id] = { computedHa: areaHa, fromDeclared: false, surveyedFrom: l.source };
  }

  const outlineFeature = (id: string): Feature<Polygon | MultiPolygon, SiteMapProps> => ({
    type: 'Feature',
    properties: props.get(id)!,
    geometry: bySite.get(id)!.geometry,
  });
  const outlines = region.siteOutlines.features.map((f) => (bySite.has(f.properties.id) ? outlineFeature(f.properties.id) : f));
  // A site that was only a marker (no declared area) or not located at all gains an outline.
  for (const id of bySite.keys()) if (!outlines.some((f) => f.properties.id === id)) outlines.push(outlineFeature(id));

  // The label sits at the outline's centre, as prepareRegion places it for surveyed outlines.
  const anchorOf = (id: string): Feature<Point, SiteMapProps> => ({
    type: 'Feature',
    properties: props.get(id)!,
    geometry: { type: 'Point', coordinates: centroid(bySite.get(id)!.geometry).geometry.coordinates },
  });
  const anchors = region.siteAnchors.features.map((f) => (bySite.has(f.properties.id) ? anchorOf(f.properties.id) : f));
  for (const id of bySite.keys()) if (!anchors.some((f) => f.properties.id === id)) anchors.push(anchorOf(id));

  return {
    ...region,
    data: { ...region.data, sites: { ...region.data.sites, features: sites } },
    siteOutlines: { ...region.siteOutlines, features: outlines },
    siteAnchors: { ...region.siteAnchors, features: anchors },
    areas,
    unlocatedSiteIds: region.unlocatedSiteIds.filter((id) => !bySite.has(id)),
  };
}
