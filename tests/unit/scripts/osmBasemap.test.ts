// The detailed-basemap pipeline's pure parts: which OSM objects become which layer from which zoom, the
// per-zoom tiles (classes and simplification), and the archive's OpenStreetMap credit.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, Geometry } from 'geojson';
import { classify } from '../../../scripts/osm-basemap/classify';
import { basemapArchive, OSM_ATTRIBUTION, tileBasemap, type BasemapFeature } from '../../../scripts/osm-basemap/tileLayers';

const line = (tags: Record<string, string>, coords: [number, number][] = [[104.04, 22.38], [104.06, 22.385]]): Feature => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: tags });
const point = (tags: Record<string, string>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [104.05, 22.39] }, properties: tags });
const square: Geometry = { type: 'MultiPolygon', coordinates: [[[[104.044, 22.379], [104.056, 22.379], [104.056, 22.385], [104.044, 22.385], [104.044, 22.379]]]] };

describe('classify', () => {
  it('sorts roads into the classes Vietnamese maps use, residential streets only from z13, with name and ref', () => {
    expect(classify(line({ highway: 'motorway', name: 'Cao tốc Nội Bài – Lào Cai', ref: 'CT.05' }))).toEqual({ layer: 'roads', minZoom: 5, properties: { class: 'motorway', name: 'Cao tốc Nội Bài – Lào Cai', ref: 'CT.05' } });
    expect(classify(line({ highway: 'trunk_link', ref: 'QL.4E' }))?.properties).toEqual({ class: 'trunk', ref: 'QL.4E' });
    expect(classify(line({ highway: 'secondary', ref: 'ĐT.151' }))?.minZoom).toBe(9);
    expect(classify(line({ highway: 'residential', name: 'Phố Hoàng Liên' }))).toEqual({ layer: 'roads', minZoom: 13, properties: { class: 'minor', name: 'Phố Hoàng Liên' } });
    expect(classify(line({ highway: 'footway', name: 'Lối đi bộ' }))).toBeNull();
    expect(classify(line({ power: 'line' }))).toBeNull();
  });

  it('keeps railways, stations, rivers, water and industrial land as areas, and named places', () => {
    expect(classify(line({ railway: 'rail', name: 'Đường sắt Hà Nội – Lào Cai' }))?.layer).toBe('railways');
    expect(classify(point({ railway: 'station', name: 'Ga Lào Cai' }))?.layer).toBe('stations');
    expect(classify(line({ waterway: 'river', name: 'Sông Hồng' }))).toMatchObject({ layer: 'waterways', minZoom: 7 });
    expect(classify({ type: 'Feature', geometry: square, properties: { natural: 'water', water: 'lake' } })?.layer).toBe('water');
    expect(classify({ type: 'Feature', geometry: square, properties: { landuse: 'industrial', name: 'CCN Thống Nhất 1' } })?.layer).toBe('landuse');
    // osmium also exports a closed way as a line: the landuse line is not a road, river or area.
    expect(classify(line({ landuse: 'industrial' }))).toBeNull();
    expect(classify(point({ place: 'town', name: 'Sa Pa' }))).toMatchObject({ layer: 'places', minZoom: 8 });
    expect(classify(point({ place: 'village' }))).toBeNull();
  });
});

/** The features of one layer in a tile, decoded as a map would. */
function decode(data: Uint8Array, layer: string) {
  const tile = new VectorTile(new PbfReader(new Uint8Array(gunzipSync(data))));
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

describe('tileBasemap', () => {
  // A wiggly road: 400 vertices along 0.2° with 0.0005° zigzags, too fine for z8, visible at z14.
  const wiggle: [number, number][] = Array.from({ length: 400 }, (_, i) => [103.95 + i * 0.0005, 22.38 + (i % 2) * 0.0005]);
  const features: BasemapFeature[] = [
    { ...classify(line({ highway: 'trunk', name: 'Quốc lộ 4E', ref: 'QL.4E' }, wiggle))!, geometry: { type: 'LineString', coordinates: wiggle } },
    { ...classify(line({ highway: 'residential', name: 'Phố Hoàng Liên' }))!, geometry: { type: 'LineString', coordinates: [[104.045, 22.386], [104.056, 22.387]] } },
  ];
  const tiled = tileBasemap(features);
  const at = (z: number) => tiled.tiles.filter((t) => t.z === z);

  it('puts residential streets only in z13+ tiles, national roads from z5', () => {
    const classesAt = (z: number) => new Set(at(z).flatMap((t) => decode(t.data, 'roads').map((f) => f.properties['class'])));
    expect([...classesAt(5)]).toEqual(['trunk']);
    expect([...classesAt(12)]).toEqual(['trunk']);
    expect([...classesAt(13)].sort()).toEqual(['minor', 'trunk']);
    expect(tiled.featuresPerLayer.roads).toBe(2);
  });

  it('simplifies per zoom: far fewer vertices at z8 than at z14', () => {
    const vertices = (z: number) =>
      at(z).reduce((n, t) => n + decode(t.data, 'roads').filter((f) => f.properties['class'] === 'trunk').reduce((m, f) => m + f.loadGeometry().flat().length, 0), 0);
    expect(vertices(14)).toBeGreaterThanOrEqual(350);
    expect(vertices(8)).toBeLessThan(20);
  });

  it('writes an archive that credits OpenStreetMap and names its layers', async () => {
    const bytes = basemapArchive(tiled, { name: 'test' });
    const { PMTiles } = await import('pmtiles');
    const source = { getKey: () => 'mem', getBytes: async (o: number, l: number) => ({ data: bytes.slice(o, o + l).buffer }) };
    const meta = (await new PMTiles(source).getMetadata()) as { attribution: string; vector_layers: { id: string }[] };
    expect(meta.attribution).toBe(OSM_ATTRIBUTION);
    expect(meta.attribution).toContain('© OpenStreetMap contributors');
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['roads']);
  });
});
