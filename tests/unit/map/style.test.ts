import { describe, expect, it } from 'vitest';
import { expression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/domain/layers';
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
    // The basemap's names grow too (about 9 px was unreadable on a slide); its lines keep their width.
    expect(layer(big, 'bm-province-names').layout?.['text-size']).toBeCloseTo(11 * 1.6);
    expect(layer(big, 'bm-borders').paint?.['line-width']).toEqual(layer(normal, 'bm-borders').paint?.['line-width']);
    // An online style's legacy { stops } sizes are scaled stop by stop.
    const legacy = { version: 8 as const, sources: {}, layers: [{ id: 'x', type: 'symbol' as const, source: 's', layout: { 'text-size': { stops: [[5, 10], [10, 14]] } } }] } as unknown as StyleSpecification;
    const online = buildStyle({ basemap: { kind: 'online', style: legacy }, region: null, visible: allVisible(), lang: 'vi', projector: true });
    expect(online.layers[0]!.layout).toEqual({ 'text-size': { stops: [[5, 16], [10, 14 * 1.6]] } });
  });

  it('keeps labels off dots, markers, landmarks and connectors, and off the edges of the map', () => {
    const big = build(true);
    const ids = big.layers.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    // MapLibre places the top layer first: blockers of dots and landmarks, then lengths, then road blockers, then names.
    for (const b of ['sites-dot-point-blocker', 'sites-marker-point-blocker', 'landmarks-point-blocker']) {
      expect(at(b)).toBeGreaterThan(at('roads-label'));
      const l = layer(big.layers, b) as LayerSpecification & { layout: Record<string, unknown> };
      expect(l.layout['icon-allow-overlap']).toBe(true);
      expect(l.layout['icon-ignore-placement']).toBe(false);
    }
    expect(at('roads-label')).toBeGreaterThan(at('roads-line-blocker'));
    expect(at('roads-line-blocker')).toBeGreaterThan(at('sites-label'));
    expect(at('sites-label')).toBeGreaterThan(at('landmarks-label'));
    expect(at('landmarks-label')).toBeGreaterThan(at('bm-places'));
    // No overlay label is drawn over others any more.
    for (const l of big.layers.filter((x) => x.type === 'symbol' && !x.id.endsWith('-blocker') && x.id !== 'relocations-arrows')) {
      expect((l.layout as Record<string, unknown> | undefined)?.['text-allow-overlap'], l.id).not.toBe(true);
    }
    // The frame is there while presenting, on top of everything, and not otherwise.
    expect(ids.at(-1)).toBe('frame-blocker');
    expect(build(false).layers.some((l) => l.id === 'frame-blocker')).toBe(false);
  });
});

describe('label priority', () => {
  it('ranks existing parks, then planned parks, then clusters, larger before smaller', () => {
    const key = (layer(style().layers, 'sites-label').layout as Record<string, unknown>)['symbol-sort-key'];
    const ev = (props: Record<string, unknown>) =>
      (expression.createExpression(key, 'layers[sites-label].layout.symbol-sort-key').value as { evaluate: (g: object, f: never) => unknown }).evaluate({ zoom: 8 }, { type: 'Point', properties: props, geometry: [] } as never) as number;
    const kcnBig = ev({ kind: 'kcn', stage: 'existing', areaHa: 1100 });
    const kcnSmall = ev({ kind: 'kcn', stage: 'existing', areaHa: 50 });
    const kcnPlanned = ev({ kind: 'kcn', stage: 'planned', areaHa: 1500 });
    const ccnExisting = ev({ kind: 'ccn', stage: 'existing', areaHa: 75 });
    const ccnPlanned = ev({ kind: 'ccn', stage: 'planned', areaHa: null });
    // Lower keys are placed first.
    expect(kcnBig).toBeLessThan(kcnSmall);
    expect(kcnSmall).toBeLessThan(kcnPlanned);
    expect(kcnPlanned).toBeLessThan(ccnExisting);
    expect(ccnExisting).toBeLessThan(ccnPlanned);
  });
});
