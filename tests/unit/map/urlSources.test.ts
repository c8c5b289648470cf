// MapLibre's own style diff, run on what the map holds after the basemap files loaded (each URL source
// serialized with its loaded GeoJSON) against the next style the bridge builds.
import { describe, expect, it } from 'vitest';
import { diff, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/domain/layers';
import { showUrlData, urlDataOf } from '../../../src/map/urlSources';
import type { PreparedRegion } from '../../../src/domain/prepare';
import { laoCai } from '../../fixtures/laoCai';

const BASE = 'http://localhost/basemap/';
const build = (baseUrl = BASE, region: PreparedRegion | null = null, visible = allVisible()) =>
  buildStyle({ basemap: { kind: 'embedded', baseUrl }, region, visible, lang: 'vi' });

/** The style as MapLibre serializes it once every URL source has loaded: the data in place of the URL. */
function loaded(style: StyleSpecification): StyleSpecification {
  const copy = structuredClone(style);
  for (const [id, spec] of Object.entries(copy.sources)) {
    if (spec.type === 'geojson' && typeof spec.data === 'string') {
      copy.sources[id] = { ...spec, data: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { from: id }, geometry: { type: 'Point', coordinates: [104, 22] } }] } };
    }
  }
  return copy;
}

/** The sources the diff would set or replace. */
const reloads = (previous: StyleSpecification, next: StyleSpecification) =>
  diff(previous, next)
    .filter((c) => c.command === 'setGeoJSONSourceData' || c.command === 'removeSource' || c.command === 'addSource')
    .map((c) => c.args[0] as string);

describe('URL sources across style changes', () => {
  const first = build();
  const urlSources = [...urlDataOf(first).keys()];

  it('the embedded basemap is given by URL, so the case arises', () => {
    expect(urlSources.length).toBeGreaterThanOrEqual(8);
  });

  it('without the transform, every loaded URL source would be set again (fetched anew)', () => {
    expect(reloads(loaded(first), build()).sort()).toEqual([...urlSources].sort());
  });

  it('with it, the region arriving after the first style adds its overlays and reloads no basemap file', () => {
    const next = build(BASE, laoCai());
    const previous = loaded(first);
    const out = showUrlData(previous, next, urlDataOf(first));
    expect(out).toBe(next);
    const changed = reloads(previous, out);
    expect(changed.filter((id) => urlSources.includes(id))).toEqual([]);
    // The region's own sources are added, and its province is lit on the basemap.
    expect(changed).toContain('site-outlines');
    expect(diff(previous, out).some((c) => c.command === 'setFilter' && c.args[0] === 'bm-region-fill')).toBe(true);
  });

  it('nor does a legend toggle once the region is drawn', () => {
    const shown = build(BASE, laoCai());
    const next = build(BASE, laoCai(), { ...allVisible(), roads: false });
    const previous = loaded(shown);
    const out = showUrlData(previous, next, urlDataOf(shown));
    expect(reloads(previous, out)).toEqual([]);
    expect(diff(previous, out).some((c) => c.command === 'setLayoutProperty' && String(c.args[0]).startsWith('roads'))).toBe(true);
  });

  it('a source given another URL is still reloaded', () => {
    const next = build('http://localhost/other/');
    const previous = loaded(first);
    expect(reloads(previous, showUrlData(previous, next, urlDataOf(first))).sort()).toEqual([...urlSources].sort());
  });

  it('no previous style: the next style as it is', () => {
    expect(showUrlData(undefined, first, new Map())).toBe(first);
  });
});
