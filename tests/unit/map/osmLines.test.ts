import { describe, expect, it } from 'vitest';
import { validateStyleMin, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import { buildStyle } from '../../../src/map/style';
import { shieldFor } from '../../../src/map/shields';
import { SHIELD_IMAGES } from '../../../src/map/layers/osmLines';
import { BASEMAP_ATTRIBUTION } from '../../../src/app/attribution';
import { allVisible } from '../../../src/domain/layers';
import { readRegionFiles } from '../../../scripts/regionFs';

const region = prepareRegion(validateRegion(readRegionFiles('lao-cai')).data!);
const style = buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://127.0.0.1/basemap/' }, region, visible: allVisible(), lang: 'vi' });
const ids = style.layers.map((l) => l.id);
const layer = (id: string) => style.layers.find((l) => l.id === id) as LayerSpecification & { layout?: Record<string, unknown>; minzoom?: number; maxzoom?: number };

describe('OpenStreetMap lines in the map style', () => {
  it('is a valid style whose sources are the basemap files of the same origin', () => {
    expect(validateStyleMin(style)).toEqual([]);
    for (const f of ['osm-roads.geojson', 'osm-rail.geojson', 'osm-rail-overview.geojson']) {
      expect(Object.values(style.sources).some((s) => 'data' in s && s.data === `http://127.0.0.1/basemap/${f}`)).toBe(true);
    }
  });

  it('draws roads and railways above the land and under every site layer; their labels under the site labels', () => {
    const at = (id: string) => ids.indexOf(id);
    expect(at('bm-osm-road')).toBeGreaterThan(at('bm-region-fill'));
    expect(at('bm-osm-rail-dash')).toBeLessThan(at('sites-fill'));
    expect(at('bm-osm-road-shield')).toBeLessThan(at('sites-label'));
    // MapLibre places upper symbol layers first; neither side may ignore the other, so the park label wins.
    for (const id of ['bm-osm-road-shield', 'bm-osm-rail-name', 'sites-label']) {
      expect(layer(id).layout?.['text-allow-overlap']).toBeUndefined();
      expect(layer(id).layout?.['text-ignore-placement']).toBeUndefined();
      expect(layer(id).layout?.['icon-allow-overlap']).toBeUndefined();
    }
  });

  it('switches the coarse railway for the detailed one at zoom 10 and numbers roads from zoom 10', () => {
    expect(layer('bm-osm-rail-overview').maxzoom).toBe(10);
    expect(layer('bm-osm-rail-casing').minzoom).toBe(10);
    expect(layer('bm-osm-road-shield').minzoom).toBe(10);
    expect(layer('bm-osm-road-shield').layout?.['symbol-placement']).toBe('line');
  });

  it('makes a stretchable shield image for each road class, and nothing for other ids', () => {
    const s = shieldFor(SHIELD_IMAGES.national)!;
    expect(s.image.data.length).toBe(s.image.width * s.image.height * 4);
    // the centre pixel is the fill colour (#d7431f), a corner pixel transparent
    const c = ((s.image.height / 2) * s.image.width + s.image.width / 2) * 4;
    expect([...s.image.data.slice(c, c + 4)]).toEqual([0xd7, 0x43, 0x1f, 255]);
    expect(s.image.data[3]).toBe(0);
    expect(shieldFor(SHIELD_IMAGES.provincial)).not.toBeNull();
    expect(shieldFor('flow-arrow')).toBeNull();
  });

  it('credits OpenStreetMap in the map attribution', () => {
    expect(BASEMAP_ATTRIBUTION).toContain('© OpenStreetMap contributors');
  });
});
