// region.json › parcelTiles: what the schema accepts, and how the map style draws the layer it names.
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { validateRegion } from '../../../src/domain/validate';
import { prepareRegion } from '../../../src/domain/prepare';
import { buildStyle } from '../../../src/map/style';
import { parcelTilesStyle, PARCEL_TILES_SOURCE, type ParcelTilesEntry } from '../../../src/map/layers/parcelTiles';
import { PARCEL_COLORS } from '../../../src/map/theme';
import { allVisible } from '../../../src/domain/layers';
import { miniRegion } from '../../fixtures/miniRegion';

function withTiles(parcelTiles: unknown) {
  const m = miniRegion();
  m.region['parcelTiles'] = parcelTiles;
  return validateRegion(m);
}

describe('region.json › parcelTiles', () => {
  it('is optional, and accepts a path relative to the app or an https address', () => {
    expect(validateRegion(miniRegion()).data?.region.parcelTiles).toBeUndefined();
    const rel = withTiles({ url: 'tiles/thua-dat.pmtiles', layer: 'parcels', minzoom: 13, label: { vi: 'Thửa đất xã A', en: 'Parcels of commune A' } });
    expect(rel.issues).toEqual([]);
    expect(rel.data?.region.parcelTiles).toEqual({ url: 'tiles/thua-dat.pmtiles', layer: 'parcels', minzoom: 13, label: { vi: 'Thửa đất xã A', en: 'Parcels of commune A' } });
    expect(withTiles({ url: 'https://cdn.example.vn/lao-cai/thua-dat.pmtiles', layer: 'parcels' }).issues).toEqual([]);
  });

  it('refuses plain http (blocked on an https page), other schemes, a missing layer and a zoom out of range, naming the field', () => {
    for (const url of ['http://cdn.example.vn/a.pmtiles', 'javascript:alert(1)', 'data:application/octet-stream;base64,AA==']) {
      const r = withTiles({ url, layer: 'parcels' });
      expect(r.data).toBeNull();
      expect(r.issues.map((i) => `${i.file} ${i.field}`)).toEqual(['region.json parcelTiles.url']);
    }
    expect(withTiles({ url: 'a.pmtiles' }).issues.map((i) => i.field)).toEqual(['parcelTiles.layer']);
    expect(withTiles({ url: 'a.pmtiles', layer: 'p', minzoom: 30 }).issues.map((i) => i.field)).toEqual(['parcelTiles.minzoom']);
  });
});

describe('parcel tiles on the map', () => {
  const entry: ParcelTilesEntry = { url: 'tiles/thua-dat.pmtiles', layer: 'parcels', minzoom: 12, attribution: 'Sở NN&MT (thử)' };
  const region = prepareRegion(withTiles(entry).data!);
  const page = 'http://127.0.0.1:8080/ban-do-kcn/?region=mini&view=1';
  const style = (visible = true, e: ParcelTilesEntry = entry) =>
    buildStyle({
      basemap: { kind: 'embedded', baseUrl: 'http://127.0.0.1:8080/ban-do-kcn/basemap/' },
      region,
      visible: allVisible(),
      lang: 'vi',
      parcelTiles: parcelTilesStyle(e, { visible, pageUrl: page, colors: PARCEL_COLORS }),
    });
  const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

  it('reads the archive through pmtiles:// at its address under the app’s sub-path, with its credit', () => {
    expect(style().sources[PARCEL_TILES_SOURCE]).toEqual({
      type: 'vector',
      url: 'pmtiles://http://127.0.0.1:8080/ban-do-kcn/tiles/thua-dat.pmtiles',
      attribution: 'Sở NN&amp;MT (thử)',
    });
    // A credit with markup is shown as text, never as HTML.
    const hostile = style(true, { ...entry, attribution: '<img src=x onerror=alert(1)>' }).sources[PARCEL_TILES_SOURCE];
    expect(hostile).toMatchObject({ attribution: '&lt;img src=x onerror=alert(1)&gt;' });
    const cdn = style(true, { url: 'https://cdn.example.vn/x.pmtiles', layer: 'parcels' }).sources[PARCEL_TILES_SOURCE];
    expect(cdn).toEqual({ type: 'vector', url: 'pmtiles://https://cdn.example.vn/x.pmtiles' });
  });

  it('draws a light fill and a thin outline over the site fills, under clearance, site outlines and every label', () => {
    const s = style();
    expect(validateStyleMin(s).map((e) => e.message)).toEqual([]);
    const order = ids(s.layers);
    const fill = order.indexOf('parcel-tiles-fill');
    const line = order.indexOf('parcel-tiles-line');
    expect(fill).toBeGreaterThan(order.indexOf('sites-fill'));
    expect(line).toBe(fill + 1);
    expect(line).toBeLessThan(order.indexOf('clearance-fill'));
    const firstOverlayLabel = s.layers.findIndex((l, i) => i > order.indexOf('sites-fill') && l.type === 'symbol');
    expect(line).toBeLessThan(firstOverlayLabel);
    const f = s.layers[fill]!;
    expect(f).toMatchObject({ type: 'fill', source: PARCEL_TILES_SOURCE, 'source-layer': 'parcels', minzoom: 12, layout: { visibility: 'visible' } });
    expect((f as { paint: Record<string, unknown> }).paint['fill-opacity']).toBeLessThanOrEqual(0.4);
  });

  it('is hidden, not removed, when the legend turns it off; and absent for a region without an archive', () => {
    const hidden = style(false).layers.filter((l) => l.id.startsWith('parcel-tiles'));
    expect(hidden.map((l) => l.layout?.visibility)).toEqual(['none', 'none']);
    const plain = buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://x/basemap/' }, region, visible: allVisible(), lang: 'vi' });
    expect(ids(plain.layers).filter((id) => id.startsWith('parcel-tiles'))).toEqual([]);
    expect(plain.sources[PARCEL_TILES_SOURCE]).toBeUndefined();
  });
});
