import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/store/layers';
import { readRegionFiles } from '../../../scripts/regionFs';

const region = prepareRegion(validateRegion(readRegionFiles('lao-cai')).data!);
const style = (visible = allVisible(), lang: 'vi' | 'en' = 'vi') =>
  buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://localhost/basemap/' }, region, visible, lang });
const layer = (layers: LayerSpecification[], id: string) => {
  const l = layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l;
};

describe('map style', () => {
  it('passes the MapLibre style-spec validator with every layer on and off, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const off = Object.fromEntries(Object.keys(allVisible()).map((k) => [k, false])) as ReturnType<typeof allVisible>;
      for (const v of [allVisible(), off]) {
        const errors = validateStyleMin(style(v, lang));
        expect(errors.map((e) => e.message)).toEqual([]);
      }
    }
  });

  it('hides a site group by filtering it out, and the others stay', () => {
    const v = { ...allVisible(), 'ccn-planned': false };
    const fill = layer(style(v).layers, 'sites-fill') as { filter: unknown };
    expect(JSON.stringify(fill.filter)).not.toContain('ccn-planned');
    expect(JSON.stringify(fill.filter)).toContain('kcn-existing');
  });

  it('hides roads, relocations and landmarks with layout visibility', () => {
    const v = { ...allVisible(), roads: false, relocations: false, landmarks: false };
    const layers = style(v).layers.filter((l) => /^(roads|relocations|landmarks)-/.test(l.id));
    expect(layers.length).toBeGreaterThan(6);
    for (const l of layers) expect((l.layout as { visibility?: string }).visibility).toBe('none');
  });

  it('draws indicative outlines dashed and keeps a solid layer for surveyed ones', () => {
    const layers = style().layers;
    expect((layer(layers, 'sites-outline-indicative').paint as Record<string, unknown>)['line-dasharray']).toBeDefined();
    expect((layer(layers, 'sites-outline-exact').paint as Record<string, unknown>)['line-dasharray']).toBeUndefined();
  });

  it('labels sites with their Vietnamese or English name and the KCN/CCN prefix', () => {
    const vi = JSON.stringify((layer(style().layers, 'sites-label').layout as Record<string, unknown>)['text-field']);
    const en = JSON.stringify((layer(style(allVisible(), 'en').layers, 'sites-label').layout as Record<string, unknown>)['text-field']);
    expect(vi).toContain('name_vi');
    expect(en).toContain('name_en');
    expect(vi).toContain('KCN ');
  });

  it('puts every label above every area and line', () => {
    const layers = style().layers;
    const firstLabel = layers.findIndex((l) => l.type === 'symbol' && !l.id.startsWith('bm-'));
    const lastShape = layers.map((l) => l.type !== 'symbol').lastIndexOf(true);
    expect(firstLabel).toBeGreaterThan(lastShape);
  });

  it('draws every located park and cluster, and leaves out only the unlocated', () => {
    const located = region.data.sites.features.filter((f) => f.geometry !== null).length;
    expect(region.siteAnchors.features).toHaveLength(located);
    expect(region.unlocatedSiteIds.length + located).toBe(region.data.sites.features.length);
    // A site with a declared area gets an outline; the rest only a marker.
    const withArea = region.data.sites.features.filter((f) => f.geometry && f.properties.declaredAreaHa).length;
    expect(region.siteOutlines.features).toHaveLength(withArea);
  });
});

describe('projector style', () => {
  const build = (projector: boolean) =>
    buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://localhost/basemap/' }, region, visible: allVisible(), lang: 'vi', projector });

  it('stays a valid style and enlarges every overlay label and line, stop by stop on zoom curves', () => {
    const big = build(true);
    expect(validateStyleMin(big)).toEqual([]);
    const normal = build(false);
    const layer = (st: typeof big, id: string) => st.layers.find((l) => l.id === id) as LayerSpecification & { layout?: Record<string, unknown>; paint?: Record<string, unknown> };
    // Roads' labels are 12 px: 19.2 px on a projector.
    expect(layer(normal, 'roads-label').layout?.['text-size']).toBe(12);
    expect(layer(big, 'roads-label').layout?.['text-size']).toBeCloseTo(19.2);
    // Site labels follow a zoom curve 7 → 12: its stops grow, the curve stays on top.
    const curve = layer(big, 'sites-label').layout?.['text-size'] as unknown[];
    expect(curve[0]).toBe('interpolate');
    expect(curve[5]).toBe(12);
    expect(curve[6]).toBeCloseTo(14 * 1.6);
    // The basemap's place names are not the presenter's subject and keep their size.
    expect(layer(big, 'bm-places').layout?.['text-size']).toEqual(layer(normal, 'bm-places').layout?.['text-size']);
  });
});
