// The whole map style as a pure function of state: basemap + region overlays. The bridge hands the
// result to MapLibre's setStyle with diffing, so a toggle only changes what it must.
import type {
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { PreparedRegion } from '../domain/prepare';
import type { ParcelMapProps } from '../analytics/clearance/drawnParcels';
import type { ParcelTimeline } from '../analytics/clearance/timeline';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { clearanceLayers } from './layers/clearance';
import { provinceLayers } from './layers/provinces';
import { SITE_GROUPS } from '../domain/siteClass';
import type { Lang } from '../i18n/format';
import type { Visibility } from '../domain/layers';
import { FONT_BOLD, FONT_REGULAR, fontFaces } from './fonts';
import { embeddedBasemapLayers, embeddedBasemapSources } from './layers/basemap';
import { SOURCE, type OverlayOptions } from './layers/common';
import { landmarkLayers } from './layers/landmarks';
import { relocationLayers } from './layers/relocations';
import { roadLayers } from './layers/roads';
import { siteLayers } from './layers/sites';
import { importLayers, importSources, type ImportLayerInput } from './layers/imports';
import { sketchLayers, sketchSource, SKETCH_SOURCE, type SketchLayerInput } from './layers/sketches';
import { planDiffLayers, planDiffSource } from './layers/planDiff';
import { FRAME_SOURCE, frameBlockerLayer, isBlocker } from './layers/labelBlockers';

export type BasemapInput =
  | { kind: 'embedded'; baseUrl: string }
  /** an online style already fetched (its sources are remote tiles) */
  | { kind: 'online'; style: StyleSpecification };

export interface StyleInput {
  basemap: BasemapInput;
  region: PreparedRegion | null;
  visible: Visibility;
  lang: Lang;
  /** clearance parcels at the report date (analytics/clearance/drawnParcels) */
  parcels?: FeatureCollection<Polygon | MultiPolygon, ParcelMapProps> | null;
  /** replay (the date slider): every dated parcel entry, drawn by its feature state (layers/clearance.ts) instead of `parcels` */
  replay?: ParcelTimeline | null;
  /** marks of every province for the national overview, once loaded */
  provinces?: FeatureCollection | null;
  /** sites kept by an active filter; null or absent draws every site */
  siteIds?: readonly string[] | null;
  /** presenting on a projector: labels and lines grow so the back of the room can read them */
  projector?: boolean;
  /** the planner's imported layers, drawn above the sites */
  imports?: readonly ImportLayerInput[];
  /** the planner's finished sketches, drawn on top (left out while the drawing tool shows them itself) */
  sketches?: readonly SketchLayerInput[];
  /** compare mode: the pieces the right side adds and removes, and the row the planner picked */
  diff?: { pieces: FeatureCollection; focus: string | null } | null;
  /** the region's PMTiles parcel layer (layers/parcelTiles.ts), once its protocol is loaded */
  parcelTiles?: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } | null;
  /** basemap-detail: the province's OpenStreetMap archive (layers/detailedBasemap.ts), drawn over the embedded basemap */
  detailedBasemap?: { sources: Record<string, SourceSpecification>; lines: LayerSpecification[]; labels: LayerSpecification[] } | null;
}

/** How much larger labels are on a projector: 11 px map labels become about 18 px. */
export const PROJECTOR_TEXT_SCALE = 1.6;
const PROJECTOR_LINE_SCALE = 1.5;

/** A size property times k. Zoom curves must stay the top-level expression, so their stops are scaled instead. */
export function scaleSize(v: unknown, k: number): unknown {
  if (typeof v === 'number') return v * k;
  // An online style may still use the legacy function form { stops: [[zoom, size], …] }.
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { stops?: unknown }).stops)) {
    const f = v as { stops: [unknown, unknown][] };
    return { ...f, stops: f.stops.map(([z, x]) => [z, scaleSize(x, k)]) };
  }
  if (Array.isArray(v) && v[0] === 'interpolate') {
    return v.map((x, i) => (i >= 4 && i % 2 === 0 ? scaleSize(x, k) : x));
  }
  if (Array.isArray(v) && v[0] === 'step') {
    return v.map((x, i) => (i === 2 || (i >= 4 && i % 2 === 0) ? scaleSize(x, k) : x));
  }
  return ['*', k, v];
}

/** Labels as a projector needs them: every map label, the basemap's place and road names too, grows. */
function labelsForProjector(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.map((l) =>
    l.type === 'symbol' && l.layout?.['text-size'] !== undefined
      ? ({ ...l, layout: { ...l.layout, 'text-size': scaleSize(l.layout['text-size'], PROJECTOR_TEXT_SCALE) } } as LayerSpecification)
      : l,
  );
}

/** The overlay layers as a projector needs them: larger labels and wider lines (the basemap's lines keep their width). */
function forProjector(layers: LayerSpecification[]): LayerSpecification[] {
  return labelsForProjector(layers).map((l) => {
    if (l.type === 'line' && l.paint?.['line-width'] !== undefined) {
      return { ...l, paint: { ...l.paint, 'line-width': scaleSize(l.paint['line-width'], PROJECTOR_LINE_SCALE) } } as LayerSpecification;
    }
    return l;
  });
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export function overlaySources(
  region: PreparedRegion,
  parcels?: FeatureCollection<Polygon | MultiPolygon, ParcelMapProps> | ParcelTimeline | null,
): Record<string, SourceSpecification> {
  // promoteId lets the bridge address features by their stable slug for hover/selection state.
  const geojson = (data: GeoJSON.FeatureCollection): SourceSpecification => ({ type: 'geojson', data, promoteId: 'id' });
  return {
    [SOURCE.siteOutlines]: geojson(region.siteOutlines),
    [SOURCE.siteAnchors]: geojson(region.siteAnchors),
    [SOURCE.roads]: geojson(region.roads),
    [SOURCE.relocations]: geojson(region.relocations),
    [SOURCE.landmarks]: geojson(region.landmarks),
    [SOURCE.clearance]: geojson(parcels ?? EMPTY),
  };
}

export function overlayLayers(visible: Visibility, opts: OverlayOptions, siteIds: readonly string[] | null = null, replay = false): LayerSpecification[] {
  // Drawing order: areas, then roads and flows over them, then points and all labels on top.
  const sites = siteLayers({ ...opts, groups: SITE_GROUPS.filter((g) => visible[g]), siteIds });
  // Parcels sit on the site fills and under the outlines, so a site's edge stays readable.
  const parcels = clearanceLayers({ visible: visible.clearance, replay });
  const roads = roadLayers({ ...opts, visible: visible.roads });
  const relocs = relocationLayers({ ...opts, visible: visible.relocations });
  const marks = landmarkLayers({ ...opts, visible: visible.landmarks });
  const isLabel = (l: LayerSpecification) => l.type === 'symbol';
  const [fill, ...siteRest] = sites;
  const body = [...(fill ? [fill] : []), ...parcels, ...siteRest, ...roads, ...relocs, ...marks];
  // MapLibre places labels from the top layer down, the first placed keeping its room. Top to bottom: the
  // blockers of dots and markers, the connectors' lengths, the connectors' blockers, site names, then the rest.
  const rank = (l: LayerSpecification) =>
    l.id.endsWith('-point-blocker') ? 4 : l.id === 'roads-label' ? 3 : isBlocker(l.id) ? 2 : l.id === 'sites-label' ? 1 : 0;
  const labels = body.filter(isLabel).sort((a, b) => rank(a) - rank(b));
  return [...body.filter((l) => !isLabel(l)), ...labels];
}

export function buildStyle(input: StyleInput): StyleSpecification {
  const fonts = { fontRegular: FONT_REGULAR, fontBold: FONT_BOLD };
  const provinceId = input.region?.data.region.basemapProvinceId ?? '';
  const base: StyleSpecification =
    input.basemap.kind === 'embedded'
      ? {
          version: 8,
          sources: embeddedBasemapSources(input.basemap.baseUrl),
          layers: embeddedBasemapLayers({ regionProvinceId: provinceId, ...fonts }),
        }
      : input.basemap.style;
  const overlays: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } = input.region
    ? {
        sources: overlaySources(input.region, input.replay ?? input.parcels),
        layers: overlayLayers(input.visible, { lang: input.lang, ...fonts }, input.siteIds ?? null, !!input.replay),
      }
    : { sources: {}, layers: [] };
  if (input.projector) overlays.layers = forProjector(overlays.layers);
  if (input.region && input.parcelTiles) {
    // Above the site fills, under clearance parcels, site outlines and every label: a backdrop to read sites against.
    Object.assign(overlays.sources, input.parcelTiles.sources);
    overlays.layers.splice(overlays.layers.findIndex((l) => l.id === 'clearance-fill'), 0, ...input.parcelTiles.layers);
  }
  if (input.imports && input.imports.length > 0) {
    Object.assign(overlays.sources, importSources(input.imports));
    overlays.layers.push(...importLayers(input.imports, fonts));
  }
  if (input.sketches && input.sketches.length > 0) {
    overlays.sources[SKETCH_SOURCE] = sketchSource(input.sketches);
    overlays.layers.push(...sketchLayers(fonts));
  }
  if (input.diff) {
    Object.assign(overlays.sources, planDiffSource(input.diff.pieces));
    // Under the labels, so site names stay readable through the tint.
    const firstLabel = overlays.layers.findIndex((l) => l.type === 'symbol');
    overlays.layers.splice(firstLabel < 0 ? overlays.layers.length : firstLabel, 0, ...planDiffLayers({ focus: input.diff.focus }));
  }
  if (input.provinces) {
    overlays.sources[SOURCE.provinces] = { type: 'geojson', data: input.provinces };
    overlays.layers.push(...provinceLayers({ lang: input.lang, ...fonts }));
  }
  let baseLayers = base.layers;
  const detail = input.detailedBasemap;
  if (detail) {
    // Its lines over the embedded areas and lines but under the embedded labels; its labels after those.
    const firstLabel = baseLayers.findIndex((l) => l.type === 'symbol');
    const at = firstLabel < 0 ? baseLayers.length : firstLabel;
    baseLayers = [...baseLayers.slice(0, at), ...detail.lines, ...baseLayers.slice(at), ...detail.labels];
  }
  if (input.projector) {
    // Place and road names about 9 px on a slide are unreadable from the back of a room.
    baseLayers = labelsForProjector(baseLayers);
    // The edges of the visible map keep labels whole (labelFrame.ts fills the source as the map moves).
    overlays.sources[FRAME_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    overlays.layers.push(frameBlockerLayer());
  }
  return {
    ...base,
    name: 'kcn-atlas',
    'font-faces': { ...(base['font-faces'] ?? {}), ...fontFaces() },
    sources: { ...base.sources, ...(detail?.sources ?? {}), ...overlays.sources },
    layers: [...baseLayers, ...overlays.layers],
  };
}
