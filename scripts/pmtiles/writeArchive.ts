// A small writer for PMTiles v3 archives (one file holding a whole pyramid of vector tiles, which a
// map reads piece by piece with HTTP range requests). There is no writer on npm we can use, so this one
// follows the published v3 layout: a 127-byte header, a root directory (and leaf directories when the
// root would not fit in the first 16 KiB), the JSON metadata, then the tile bytes in tile-id order.
// Directories and metadata are gzip-compressed; tiles are passed in already compressed.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export const HEADER_BYTES = 127;
/** Header and root directory must come in one 16 KiB read: that is the reader's first request. */
const FIRST_READ = 16_384;

/** PMTiles' enums, as the spec numbers them. */
export const COMPRESSION = { none: 1, gzip: 2 } as const;
export const TILE_TYPE_MVT = 1;

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** the tile as stored (for MVT: gzip-compressed protobuf) */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tiles: readonly TileInput[];
  /** JSON metadata (name, attribution, vector_layers…), stored gzip-compressed */
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** how the tile bytes are compressed */
  tileCompression: (typeof COMPRESSION)[keyof typeof COMPRESSION];
  /** default: the middle of bounds at minZoom */
  center?: { lon: number; lat: number; zoom: number };
}

export interface DirEntry {
  tileId: number;
  /** from the start of the tile data section (for a leaf pointer: of the leaf section) */
  offset: number;
  length: number;
  /** how many consecutive tile ids share these bytes; 0 marks a pointer to a leaf directory */
  runLength: number;
}

export interface ArchiveResult {
  bytes: Uint8Array;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
}

/** Unsigned LEB128, for numbers up to 2^53 (plain JS numbers; tile ids at zoom 26 already pass 2^32). */
function pushVarint(out: number[], n: number): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory as the spec lays it out: count, then tile-id deltas, run lengths, lengths and offsets column by column. */
export function encodeDirectory(entries: readonly DirEntry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = i > 0 ? entries[i - 1] : undefined;
    // 0 means "right after the previous entry's bytes", which is most entries in a clustered archive.
    if (prev && e.offset === prev.offset + prev.length) pushVarint(out, 0);
    else pushVarint(out, e.offset + 1);
  });
  return Uint8Array.from(out);
}

const gzip = (b: Uint8Array): Uint8Array => new Uint8Array(gzipSync(b, { level: 9 }));

/**
 * Root directory, plus leaf directories when the root alone would be too large: entries are cut into
 * leaves of `leafSize`, each listed in the root by its first tile id; the leaf size doubles until the
 * root fits.
 */
export function buildDirectories(entries: readonly DirEntry[]): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const root = gzip(encodeDirectory(entries));
  if (root.length <= FIRST_READ - HEADER_BYTES) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const leafParts: Uint8Array[] = [];
    const pointers: DirEntry[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = gzip(encodeDirectory(chunk));
      pointers.push({ tileId: chunk[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const rootDir = gzip(encodeDirectory(pointers));
    if (rootDir.length <= FIRST_READ - HEADER_BYTES) return { root: rootDir, leaves: concat(leafParts), leafCount: pointers.length };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Degrees as the header stores them: signed 32-bit integers of 1e-7 degree. */
const e7 = (deg: number) => Math.round(deg * 1e7);

function header(f: {
  rootOffset: number;
  rootLength: number;
  metaOffset: number;
  metaLength: number;
  leafOffset: number;
  leafLength: number;
  dataOffset: number;
  dataLength: number;
  addressed: number;
  entries: number;
  contents: number;
  opts: ArchiveOptions;
}): Uint8Array {
  const buf = new Uint8Array(HEADER_BYTES);
  const view = new DataView(buf.buffer);
  buf.set(new TextEncoder().encode('PMTiles'), 0);
  buf[7] = 3;
  const u64 = (at: number, n: number) => view.setBigUint64(at, BigInt(n), true);
  u64(8, f.rootOffset);
  u64(16, f.rootLength);
  u64(24, f.metaOffset);
  u64(32, f.metaLength);
  u64(40, f.leafOffset);
  u64(48, f.leafLength);
  u64(56, f.dataOffset);
  u64(64, f.dataLength);
  u64(72, f.addressed);
  u64(80, f.entries);
  u64(88, f.contents);
  const { opts } = f;
  buf[96] = 1; // clustered: tile bytes follow tile-id order
  buf[97] = COMPRESSION.gzip; // internal compression (directories, metadata)
  buf[98] = opts.tileCompression;
  buf[99] = TILE_TYPE_MVT;
  buf[100] = opts.minZoom;
  buf[101] = opts.maxZoom;
  const [w, s, e, n] = opts.bounds;
  view.setInt32(102, e7(w), true);
  view.setInt32(106, e7(s), true);
  view.setInt32(110, e7(e), true);
  view.setInt32(114, e7(n), true);
  const center = opts.center ?? { lon: (w + e) / 2, lat: (s + n) / 2, zoom: opts.minZoom };
  buf[118] = center.zoom;
  view.setInt32(119, e7(center.lon), true);
  view.setInt32(123, e7(center.lat), true);
  return buf;
}

/**
 * The archive's bytes. Tiles are sorted by Hilbert tile id; identical tiles are stored once (a commune's
 * empty-looking or fully-covered tiles repeat a lot), and consecutive ids with identical bytes become
 * one entry with a run length.
 */
export function writeArchive(opts: ArchiveOptions): ArchiveResult {
  const sorted = opts.tiles
    .map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data }))
    .sort((a, b) => a.id - b.id);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`tile ${sorted[i]!.id} given twice`);
  }
  const entries: DirEntry[] = [];
  const parts: Uint8Array[] = [];
  const seen = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  let lastHash = '';
  for (const t of sorted) {
    const hash = createHash('sha256').update(t.data).digest('hex');
    const prev = entries[entries.length - 1];
    if (prev && hash === lastHash && prev.tileId + prev.runLength === t.id) {
      prev.runLength += 1;
      continue;
    }
    let stored = seen.get(hash);
    if (!stored) {
      stored = { offset: dataLength, length: t.data.length };
      seen.set(hash, stored);
      parts.push(t.data);
      dataLength += t.data.length;
    }
    entries.push({ tileId: t.id, offset: stored.offset, length: stored.length, runLength: 1 });
    lastHash = hash;
  }
  const { root, leaves, leafCount } = buildDirectories(entries);
  const meta = gzip(new TextEncoder().encode(JSON.stringify(opts.metadata)));
  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const leafOffset = metaOffset + meta.length;
  const dataOffset = leafOffset + leaves.length;
  const head = header({
    rootOffset,
    rootLength: root.length,
    metaOffset,
    metaLength: meta.length,
    leafOffset,
    leafLength: leaves.length,
    dataOffset,
    dataLength,
    addressed: sorted.length,
    entries: entries.length,
    contents: parts.length,
    opts,
  });
  return {
    bytes: concat([head, root, meta, leaves, ...parts]),
    addressedTiles: sorted.length,
    tileEntries: entries.length,
    tileContents: parts.length,
    leafDirectories: leafCount,
  };
}
