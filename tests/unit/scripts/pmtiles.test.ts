// The PMTiles writer read back by the `pmtiles` package's own reader (the one the app uses), and the
// GeoJSON tiler checked against which rectangles really lie in a tile, worked out here from web
// mercator directly. (Node: the reader decompresses with DecompressionStream.)
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, type Source } from 'pmtiles';
// maplibre-gl's own MVT decoder (installed with it): an independent reading of what vt-pbf wrote.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, Polygon } from 'geojson';
import { COMPRESSION, writeArchive, type TileInput } from '../../../scripts/pmtiles/writeArchive';
import { geojsonToPmtiles, TilingError } from '../../../scripts/pmtiles/tileGeoJson';

/** Serves the archive's bytes as a range-readable source, and counts the bytes asked for. */
function memorySource(bytes: Uint8Array): Source & { read: number } {
  const src = {
    read: 0,
    getKey: () => 'memory',
    getBytes: async (offset: number, length: number) => {
      src.read += Math.min(length, bytes.length - offset);
      return { data: bytes.slice(offset, offset + length).buffer };
    },
  };
  return src;
}

const bytesOf = (s: string) => new TextEncoder().encode(s);
const bounds: [number, number, number, number] = [104.1, 22.1, 104.3, 22.3];

describe('writeArchive', () => {
  it('writes an archive the pmtiles reader opens: header, metadata and every tile byte for byte', async () => {
    const tiles: TileInput[] = [
      { z: 0, x: 0, y: 0, data: bytesOf('world') },
      { z: 1, x: 1, y: 0, data: bytesOf('north-east') },
      { z: 12, x: 3281, y: 1783, data: bytesOf('a tile in Lào Cai') },
      { z: 12, x: 3282, y: 1783, data: bytesOf('its neighbour') },
    ];
    const { bytes, tileContents } = writeArchive({ tiles, metadata: { name: 'thử', vector_layers: [{ id: 'parcels' }] }, bounds, minZoom: 0, maxZoom: 12, tileCompression: COMPRESSION.none });
    const reader = new PMTiles(memorySource(bytes));
    const h = await reader.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 12]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual(bounds);
    expect([h.centerLon, h.centerLat]).toEqual([104.2, 22.2]);
    expect(h.numAddressedTiles).toBe(4);
    expect(h.numTileContents).toBe(4);
    expect(tileContents).toBe(4);
    expect(h.tileType).toBe(1);
    expect(h.clustered).toBe(true);
    expect(await reader.getMetadata()).toEqual({ name: 'thử', vector_layers: [{ id: 'parcels' }] });
    for (const t of tiles) {
      const got = await reader.getZxy(t.z, t.x, t.y);
      expect(new TextDecoder().decode(got!.data)).toBe(new TextDecoder().decode(t.data));
    }
    expect(await reader.getZxy(12, 3283, 1783)).toBeUndefined();
  });

  it('stores identical tiles once and runs of them as one entry', async () => {
    const same = bytesOf('the same water');
    // A 4×4 block at zoom 4 (16 consecutive Hilbert ids: a quadrant of zoom 4 is a contiguous range) plus one other.
    const tiles: TileInput[] = [];
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) tiles.push({ z: 4, x, y, data: same });
    tiles.push({ z: 4, x: 15, y: 15, data: same });
    tiles.push({ z: 4, x: 8, y: 8, data: bytesOf('land') });
    const r = writeArchive({ tiles, metadata: {}, bounds, minZoom: 4, maxZoom: 4, tileCompression: COMPRESSION.none });
    expect(r.addressedTiles).toBe(18);
    expect(r.tileContents).toBe(2);
    expect(r.tileEntries).toBe(3);
    const reader = new PMTiles(memorySource(r.bytes));
    expect(new TextDecoder().decode((await reader.getZxy(4, 3, 2))!.data)).toBe('the same water');
    expect(new TextDecoder().decode((await reader.getZxy(4, 15, 15))!.data)).toBe('the same water');
    expect(new TextDecoder().decode((await reader.getZxy(4, 8, 8))!.data)).toBe('land');
    expect(await reader.getZxy(4, 5, 5)).toBeUndefined();
  });

  it('moves entries to leaf directories when the root would not fit in the first 16 KiB, and they still read back', async () => {
    const tiles: TileInput[] = [];
    // 60 000 tiles scattered over zoom 14, of varied sizes: far more than a 16 KiB root can list.
    let seed = 1;
    const rand = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < 60_000; i++) tiles.push({ z: 14, x: rand(16384), y: rand(16384), data: bytesOf(`t${i}`.padEnd(5 + rand(200), '.')) });
    const unique = new Map(tiles.map((t) => [`${t.x}/${t.y}`, t]));
    const r = writeArchive({ tiles: [...unique.values()], metadata: {}, bounds, minZoom: 14, maxZoom: 14, tileCompression: COMPRESSION.none });
    expect(r.leafDirectories).toBeGreaterThan(1);
    const view = new DataView(r.bytes.buffer);
    expect(Number(view.getBigUint64(8, true)) + Number(view.getBigUint64(16, true))).toBeLessThanOrEqual(16_384);
    const src = memorySource(r.bytes);
    const reader = new PMTiles(src);
    for (const t of [...unique.values()].filter((_, i) => i % 4999 === 0)) {
      expect(new TextDecoder().decode((await reader.getZxy(t.z, t.x, t.y))!.data)).toBe(new TextDecoder().decode(t.data));
    }
    // A reader touches the header, the root, a few leaves and the tiles it wants: a fraction of the archive.
    expect(src.read).toBeLessThan(r.bytes.length / 2);
  });
});

// ---- tiling -------------------------------------------------------------------------------------

/** Web mercator, written out here rather than taken from the code under test. */
const lonOf = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const latOf = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

/** A grid of small rectangles (0.0004° wide), each with its number and some properties of each kind. */
function grid(): Feature<Polygon>[] {
  const out: Feature<Polygon>[] = [];
  let id = 0;
  for (let i = 0; i < 60; i++) {
    for (let j = 0; j < 60; j++) {
      const w = 104.2 + i * 0.00113;
      const s = 22.2 + j * 0.00097;
      out.push({
        type: 'Feature',
        properties: { so_thua: id++, loai_dat: j % 2 ? 'ONT' : 'LUC', do_thi: i % 2 === 0, chu: null, lich_su: [1, 2] },
        geometry: { type: 'Polygon', coordinates: [[[w, s], [w + 0.0004, s], [w + 0.0004, s + 0.0003], [w, s + 0.0003], [w, s]]] },
      });
    }
  }
  return out;
}

/** The reader has already gunzipped the tile (the header says tiles are gzip-compressed). */
function decodeTile(mvt: ArrayBuffer) {
  return new VectorTile(new PbfReader(new Uint8Array(mvt)));
}

describe('geojsonToPmtiles', () => {
  const features = grid();
  const fc = { type: 'FeatureCollection', features };
  const built = geojsonToPmtiles(fc, { layer: 'parcels', minZoom: 12, maxZoom: 15, attribution: 'Sở NN&MT (thử)' });

  it('puts in a tile exactly the parcels that lie in it (with its 64/4096 buffer), keeping scalar properties', async () => {
    const z = 15;
    // The tile holding the grid's middle.
    const x = Math.floor(((104.2 + 30 * 0.00113 + 180) / 360) * 2 ** z);
    const lat = 22.2 + 30 * 0.00097;
    const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
    const buf = 64 / 4096;
    const [w, e, n, s] = [lonOf(x - buf, z), lonOf(x + 1 + buf, z), latOf(y - buf, z), latOf(y + 1 + buf, z)];
    const expected = features
      .filter((f) => {
        const [[a, b], , [c, d]] = f.geometry.coordinates[0] as [[number, number], [number, number], [number, number]];
        return a < e && c > w && b < n && d > s;
      })
      .map((f) => f.properties!['so_thua'] as number)
      .sort((p, q) => p - q);
    expect(expected.length).toBeGreaterThan(20);

    const reader = new PMTiles(memorySource(built.bytes));
    const tile = await reader.getZxy(z, x, y);
    const layer = decodeTile(tile!.data).layers['parcels']!;
    const got: number[] = [];
    for (let i = 0; i < layer.length; i++) got.push(layer.feature(i).properties['so_thua'] as number);
    expect(got.sort((p, q) => p - q)).toEqual(expected);
    const one = layer.feature(0);
    expect(Object.keys(one.properties).sort()).toEqual(['do_thi', 'loai_dat', 'so_thua']);
    expect(one.type).toBe(3);
  });

  it('describes the layer in the metadata and header, and tiles every zoom asked for', async () => {
    const reader = new PMTiles(memorySource(built.bytes));
    const h = await reader.getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual([12, 15]);
    expect(h.minLon).toBeCloseTo(104.2, 6);
    expect(h.maxLat).toBeCloseTo(22.2 + 59 * 0.00097 + 0.0003, 6);
    const meta = (await reader.getMetadata()) as { vector_layers: { id: string; fields: Record<string, string> }[]; attribution: string };
    expect(meta.vector_layers).toEqual([{ id: 'parcels', fields: { so_thua: 'Number', loai_dat: 'String', do_thi: 'Boolean' }, minzoom: 12, maxzoom: 15 }]);
    expect(meta.attribution).toBe('Sở NN&MT (thử)');
    expect(built.summary.droppedProperties).toEqual(['lich_su']);
    // The grid spans 0.068° × 0.058°: at zoom 12 (0.088° per tile) one or a few tiles, more at each zoom below.
    const counts = [12, 13, 14, 15].map((z) => built.summary.tilesPerZoom[z]!);
    expect(counts[0]).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThan(counts[i - 1]!);
    // A tile far from the data is not in the archive.
    expect(await reader.getZxy(15, 0, 0)).toBeUndefined();
  });

  it('refuses input that is not GeoJSON, has no features or is in projected metres, saying what to do', () => {
    const opts = { layer: 'parcels', minZoom: 10, maxZoom: 14 };
    expect(() => geojsonToPmtiles({ hello: 1 }, opts)).toThrow(TilingError);
    expect(() => geojsonToPmtiles({ type: 'FeatureCollection', features: [] }, opts)).toThrow(/no features/);
    const vn2000 = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [437512.4, 2455731.9] } }] };
    expect(() => geojsonToPmtiles(vn2000, opts)).toThrow(/VN-2000.*WGS84|projected/);
    expect(() => geojsonToPmtiles(fc, { ...opts, minZoom: 15, maxZoom: 12 })).toThrow(/minzoom/);
  });
});

describe('npm run tiles', () => {
  const ROOT = join(import.meta.dirname, '..', '..', '..');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'tiles.ts'), ...args], { encoding: 'utf8' });

  it('writes the archive and prints what it made; refuses projected coordinates with a message and exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-tiles-'));
    writeFileSync(join(dir, 'in.geojson'), JSON.stringify({ type: 'FeatureCollection', features: grid() }));
    const ok = run(join(dir, 'in.geojson'), join(dir, 'out.pmtiles'), '--minzoom', '12', '--maxzoom', '14', '--layer', 'thua');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/features\s+3600/);
    expect(ok.stdout).toMatch(/"thua", zooms 12–14/);
    expect(ok.stdout).toMatch(/dropped\s+lich_su/);
    expect(new TextDecoder().decode(readFileSync(join(dir, 'out.pmtiles')).subarray(0, 7))).toBe('PMTiles');

    writeFileSync(join(dir, 'vn2000.geojson'), JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [437512.4, 2455731.9] } }));
    const bad = run(join(dir, 'vn2000.geojson'), join(dir, 'bad.pmtiles'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/looks projected \(e\.g\. VN-2000 metres\).*WGS84/);
  }, 30_000);
});
