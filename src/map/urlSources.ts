// GeoJSON sources given by URL (the embedded basemap's files). Once MapLibre has loaded one, it
// serializes that source with the loaded GeoJSON in place of the URL. The style diff of the next
// setStyle then sees the URL as new data and calls setGeoJSONSourceData with it: every basemap file
// is fetched and indexed again, on any style change made after the files arrived (a region arriving
// late, a shared link's state, a legend toggle, the drawing tool opening).
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

/** The URL each GeoJSON source of `style` takes its data from. */
export function urlDataOf(style: StyleSpecification): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, spec] of Object.entries(style.sources)) {
    if (spec.type === 'geojson' && typeof spec.data === 'string') out.set(id, spec.data);
  }
  return out;
}

/**
 * For setStyle's transformStyle: in the current style serialized (a throw-away copy), a source that
 * was given `given.get(id)` and is given that same URL again shows the URL, not the data it loaded,
 * so the diff leaves it alone. A source given another URL still differs and is reloaded.
 */
export function showUrlData(previous: StyleSpecification | undefined, next: StyleSpecification, given: ReadonlyMap<string, string>): StyleSpecification {
  if (!previous) return next;
  for (const [id, spec] of Object.entries(previous.sources)) {
    const nextSpec = next.sources[id];
    const url = given.get(id);
    if (spec.type !== 'geojson' || nextSpec?.type !== 'geojson' || url === undefined || nextSpec.data !== url) continue;
    previous.sources[id] = { ...spec, data: url };
  }
  return next;
}
