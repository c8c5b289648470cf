// Cuts the classified OpenStreetMap features into multi-layer vector tiles (MVT, gzip) for z5–z14 and
// writes them as one PMTiles archive with the project's writer (scripts/pmtiles/writeArchive.ts).
// Each (layer, first zoom) group gets its own geojson-vt index, so a tile at zoom z holds only the groups
// that start at or before z (no residential streets in a z9 tile), and geojson-vt simplifies every
// line and ring to what its zoom can show (tolerance: 3/4096 of a tile).
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';
import { OSM_CREDIT } from '../../src/map/osmCredit';
import { BUFFER, EXTENT, lonLatBounds, tileXY } from '../pmtiles/tileGeoJson';
import { COMPRESSION, writeArchive, type TileInput } from '../pmtiles/writeArchive';
import { LAYERS, MAX_ZOOM, MIN_ZOOM, type Classified, type LayerName } from './classify';

export interface BasemapFeature extends Classified {
  geometry: Geometry;
}

/** the archive's metadata credits OpenStreetMap in the words the app shows (one credit on the map) */
export const OSM_ATTRIBUTION = OSM_CREDIT;

export interface BasemapTiles {
  tiles: TileInput[];
  tilesPerZoom: Record<number, number>;
  featuresPerLayer: Record<LayerName, number>;
  bounds: [number, number, number, number];
}

/** The tiles of the given features from MIN_ZOOM to maxZoom (MAX_ZOOM by default), only where a layer has something. */
export function tileBasemap(features: readonly BasemapFeature[], maxZoom = MAX_ZOOM): BasemapTiles {
  const groups = new Map<string, { layer: LayerName; minZoom: number; features: Feature[] }>();
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const featuresPerLayer = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<LayerName, number>;
  for (const f of features) {
    const b = lonLatBounds(f.geometry, `${f.layer} ${f.properties.name ?? ''}`);
    if (!Number.isFinite(b[0])) continue;
    for (let i = 0; i < 2; i++) bounds[i] = Math.min(bounds[i]!, b[i]!);
    for (let i = 2; i < 4; i++) bounds[i] = Math.max(bounds[i]!, b[i]!);
    const key = `${f.layer}@${f.minZoom}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { layer: f.layer, minZoom: f.minZoom, features: [] }));
    g.features.push({ type: 'Feature', geometry: f.geometry, properties: f.properties });
    featuresPerLayer[f.layer] += 1;
  }
  const tilesPerZoom: Record<number, number> = {};
  for (let z = MIN_ZOOM; z <= maxZoom; z++) tilesPerZoom[z] = 0;
  if (groups.size === 0) return { tiles: [], tilesPerZoom, featuresPerLayer, bounds };
  const indexes = [...groups.values()].map((g) => ({
    ...g,
    index: new GeoJSONVT({ type: 'FeatureCollection', features: g.features }, { maxZoom, indexMaxZoom: MIN_ZOOM, extent: EXTENT, buffer: BUFFER }),
  }));
  const tiles: TileInput[] = [];
  for (let z = MIN_ZOOM; z <= maxZoom; z++) {
    const active = indexes.filter((g) => g.minZoom <= z);
    if (active.length === 0) continue;
    // Every tile of the data's box; geojson-vt answers the empty ones quickly, and they are not written.
    const [x0, y0] = tileXY(bounds[0], bounds[3], z);
    const [x1, y1] = tileXY(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const layers: Record<string, GeoJSONVTTile> = {};
        for (const g of active) {
          const t = g.index.getTile(z, x, y);
          if (!t || t.features.length === 0) continue;
          const had = layers[g.layer];
          layers[g.layer] = had ? { ...had, features: [...had.features, ...t.features] } : t;
        }
        if (Object.keys(layers).length === 0) continue;
        // Layers in a fixed order, so the same input always gives the same bytes.
        const ordered = Object.fromEntries(LAYERS.filter((l) => layers[l]).map((l) => [l, layers[l]!]));
        tiles.push({ z, x, y, data: new Uint8Array(gzipSync(fromGeojsonVt(ordered, { version: 2, extent: EXTENT }), { level: 9 })) });
        tilesPerZoom[z] = (tilesPerZoom[z] ?? 0) + 1;
      }
    }
  }
  return { tiles, tilesPerZoom, featuresPerLayer, bounds };
}

/** The archive's bytes: the tiles, with metadata naming the layers, their fields and the OpenStreetMap credit. */
export function basemapArchive(tiled: BasemapTiles, opts: { name: string; maxZoom?: number }): Uint8Array {
  const maxZoom = opts.maxZoom ?? MAX_ZOOM;
  const metadata = {
    name: opts.name,
    format: 'pbf',
    type: 'baselayer',
    generator: 'kcn-atlas scripts/build-basemap-osm.ts',
    attribution: OSM_ATTRIBUTION,
    vector_layers: LAYERS.filter((l) => tiled.featuresPerLayer[l] > 0).map((id) => ({
      id,
      fields: id === 'roads' ? { class: 'String', name: 'String', ref: 'String' } : { class: 'String', name: 'String' },
      minzoom: MIN_ZOOM,
      maxzoom: maxZoom,
    })),
  };
  return writeArchive({
    tiles: tiled.tiles,
    metadata,
    bounds: tiled.bounds,
    minZoom: MIN_ZOOM,
    maxZoom,
    tileCompression: COMPRESSION.gzip,
  }).bytes;
}
