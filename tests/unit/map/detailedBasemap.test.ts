import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { DETAILED_SOURCE, detailedBasemapLabels, detailedBasemapLines, detailedBasemapSources } from '../../../src/map/layers/detailedBasemap';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/domain/layers';

const opts = { archiveUrl: 'http://127.0.0.1/ban-do-kcn/basemap/osm-detail.pmtiles', fontRegular: 'Noto Sans Regular', fontBold: 'Noto Sans Bold' };
const detailed = { sources: detailedBasemapSources(opts), lines: detailedBasemapLines(), labels: detailedBasemapLabels(opts) };

describe('detailed basemap layers', () => {
  it('are a valid style reading the archive through pmtiles://, credited to OpenStreetMap', () => {
    const style: StyleSpecification = { version: 8, sources: detailed.sources, layers: [...detailed.lines, ...detailed.labels] };
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    const src = detailed.sources[DETAILED_SOURCE] as { url: string; attribution: string };
    expect(src.url).toBe('pmtiles://http://127.0.0.1/ban-do-kcn/basemap/osm-detail.pmtiles');
    expect(src.attribution).toContain('© OpenStreetMap contributors');
  });

  it('go over the embedded basemap: lines under its labels, labels above them and under the parks', () => {
    const style = buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://127.0.0.1/basemap/' }, region: null, visible: allVisible(), lang: 'vi', detailedBasemap: detailed });
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    const firstEmbeddedLabel = style.layers.findIndex((l) => l.id.startsWith('bm-') && l.type === 'symbol');
    expect(ids.indexOf('osm-roads')).toBeLessThan(firstEmbeddedLabel);
    expect(ids.indexOf('osm-roads')).toBeGreaterThan(ids.indexOf('bm-countries'));
    const lastEmbedded = Math.max(...style.layers.map((l, i) => (l.id.startsWith('bm-') ? i : -1)));
    expect(ids.indexOf('osm-road-names')).toBeGreaterThan(lastEmbedded);
    // Without it, the embedded style is unchanged.
    const plain = buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://127.0.0.1/basemap/' }, region: null, visible: allVisible(), lang: 'vi' });
    expect(plain.layers.some((l) => l.id.startsWith('osm-'))).toBe(false);
  });
});
