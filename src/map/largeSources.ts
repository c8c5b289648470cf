// Large GeoJSON sources (clearance parcels, imported files) reach MapLibre through setData, and only
// when their data changed. Inline in the style, every setStyle would deep-clone and deep-compare them
// (MapLibre's style diff), so a legend toggle walked every coordinate of 20,000 parcels. The style the
// bridge hands over carries one small placeholder instead; the real data goes to the source itself.
import type { SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { SOURCE } from './layers/common';

/** What the bridge needs of a GeoJSON source. */
export interface DataSource {
  setData(data: GeoJSON.GeoJSON): unknown;
}

/** A source that takes data (a GeoJSON one), or undefined. */
export function asDataSource(source: unknown): DataSource | undefined {
  return typeof source === 'object' && source !== null && typeof (source as Partial<DataSource>).setData === 'function' ? (source as DataSource) : undefined;
}

/** The sources worth keeping out of the style: the ones that grow with the planner's data. */
function isLargeSource(id: string): boolean {
  return id === SOURCE.clearance || id.startsWith('import-');
}

const PLACEHOLDER: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The style with its large sources' data swapped for the placeholder, and that data by source id. */
export function detachLargeData(style: StyleSpecification): { style: StyleSpecification; data: Map<string, GeoJSON.GeoJSON> } {
  const data = new Map<string, GeoJSON.GeoJSON>();
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, spec] of Object.entries(style.sources)) {
    if (spec.type === 'geojson' && typeof spec.data === 'object' && isLargeSource(id)) {
      data.set(id, spec.data as GeoJSON.GeoJSON);
      sources[id] = { ...spec, data: PLACEHOLDER };
    } else sources[id] = spec;
  }
  return { style: { ...style, sources }, data };
}

/**
 * For setStyle's transformStyle: MapLibre diffs the next style against the current one serialized, in
 * which a large source holds the data given by setData. Showing it the placeholder there too (on that
 * throw-away copy) makes the two equal, so the diff neither walks the data nor puts the placeholder back.
 */
export function hideLargeData(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  for (const [id, spec] of Object.entries(previous.sources)) {
    if (spec.type === 'geojson' && isLargeSource(id) && next.sources[id]) previous.sources[id] = { ...spec, data: PLACEHOLDER };
  }
  return next;
}

/**
 * Gives each large source its data, once per (source, data) pair: a data object already given to the
 * same source is not sent again; a source MapLibre re-created (a full style load) gets it again.
 */
export function largeSourceFeeder(getSource: (id: string) => DataSource | undefined) {
  const given = new Map<string, { source: DataSource; data: GeoJSON.GeoJSON }>();
  let wanted = new Map<string, GeoJSON.GeoJSON>();
  const feed = () => {
    for (const [id, data] of wanted) {
      const source = getSource(id);
      // Not in the map yet (the first style loads on a later frame): 'style.load' feeds it.
      if (!source) continue;
      const last = given.get(id);
      if (last && last.source === source && last.data === data) continue;
      source.setData(data);
      given.set(id, { source, data });
    }
    for (const id of [...given.keys()]) if (!wanted.has(id)) given.delete(id);
  };
  return {
    /** the data each large source should hold from now on */
    want(data: Map<string, GeoJSON.GeoJSON>) {
      wanted = data;
      feed();
    },
    /** after MapLibre loaded or replaced the style */
    feed,
  };
}
