// "Lưu bản đồ nền cho khi không có mạng": the online style's tiles, sprites and glyphs for one province's
// box, saved in the browser's Cache Storage (one cache per save, named by province and time) so the online
// basemap still draws at an event without internet. A save is complete only once its record (META_KEY) is
// written last; a cancelled or failed save deletes its cache, and the province's older save stays until a
// new one completes.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { rangeCount, tileRange, tilesOf, type LonLatBox, type TileRange } from '../../geo/tileCover';
import { tileUrl, type StyleResources } from './styleResources';

export const CACHE_PREFIX = 'kcn-online-basemap:';
// Keys of the save's own records: an address that can never be fetched (.invalid is reserved).
const META_KEY = 'https://saved-basemap.invalid/area.json';
const STYLE_KEY = 'https://saved-basemap.invalid/style.json';

export interface CacheLike {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
}
export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}
export interface CachePorts {
  fetch: (url: string, init: { signal?: AbortSignal }) => Promise<Response>;
  caches: CacheStorageLike;
  /** navigator.storage.estimate */
  estimateStorage: () => Promise<{ quota?: number; usage?: number }>;
  now: () => Date;
}

export interface AreaToSave {
  regionId: string;
  regionName: string;
  bbox: LonLatBox;
  /** the deepest zoom saved; deeper, MapLibre enlarges these tiles */
  maxZoom: number;
}

export interface SavedArea extends AreaToSave {
  cacheName: string;
  styleUrl: string;
  tiles: number;
  files: number;
  /** tiles the host did not answer (kept out; the map shows nothing there) */
  missing: number;
  bytes: number;
  savedAt: string;
}

export interface Estimate {
  tiles: number;
  files: number;
  /** measured bytes of the sample, scaled per zoom to the tile count, plus the sprite and glyph files */
  bytes: number;
  /** bodies already fetched for the estimate, reused by the save */
  fetched: Map<string, Body>;
}
interface Body {
  data: ArrayBuffer;
  type: string;
}

export class QuotaError extends Error {
  constructor(
    readonly free: number,
    readonly needed: number,
  ) {
    super(`storage quota: ${free} bytes free, ${needed} needed`);
    this.name = 'QuotaError';
  }
}

/** Tile ranges of every source of the style, clipped to its zooms and to maxZoom. */
export function tilePlan(resources: StyleResources, area: AreaToSave): { template: string; ranges: TileRange[] }[] {
  return resources.tileSources.flatMap((s) => {
    const template = s.templates[0];
    if (!template) return [];
    const ranges: TileRange[] = [];
    for (let z = Math.max(0, s.minzoom); z <= Math.min(area.maxZoom, s.maxzoom); z++) ranges.push(tileRange(area.bbox, z));
    return [{ template, ranges }];
  });
}

export function tileCount(resources: StyleResources, area: AreaToSave): number {
  return tilePlan(resources, area).reduce((n, p) => n + p.ranges.reduce((m, r) => m + rangeCount(r), 0), 0);
}

async function fetchBody(ports: CachePorts, url: string, signal?: AbortSignal): Promise<Body | null> {
  const res = await ports.fetch(url, signal ? { signal } : {});
  if (!res.ok) return null;
  return { data: await res.arrayBuffer(), type: res.headers.get('content-type') ?? 'application/octet-stream' };
}

/** Count exactly; size from the middle tile of the box at each zoom (fetched, then reused by the save). */
export async function estimateSave(resources: StyleResources, area: AreaToSave, ports: CachePorts, signal?: AbortSignal): Promise<Estimate> {
  const fetched = new Map<string, Body>();
  let bytes = 0;
  for (const { template, ranges } of tilePlan(resources, area)) {
    for (const r of ranges) {
      const url = tileUrl(template, r.z, Math.floor((r.minX + r.maxX) / 2), Math.floor((r.minY + r.maxY) / 2));
      const body = await fetchBody(ports, url, signal);
      if (body) fetched.set(url, body);
      bytes += (body?.data.byteLength ?? 0) * rangeCount(r);
    }
  }
  for (const url of resources.files) {
    const body = await fetchBody(ports, url, signal);
    if (body) fetched.set(url, body);
    bytes += body?.data.byteLength ?? 0;
  }
  return { tiles: tileCount(resources, area), files: resources.files.length, bytes, fetched };
}

// Room for the browser's own bookkeeping per entry and for the estimate being a sample.
const SAFETY = 1.2;

export async function checkQuota(needed: number, ports: CachePorts): Promise<void> {
  const { quota, usage } = await ports.estimateStorage();
  if (quota === undefined) return; // the browser does not say: try, and catch QuotaExceededError below
  const free = Math.max(0, quota - (usage ?? 0));
  if (free < needed * SAFETY) throw new QuotaError(free, Math.ceil(needed * SAFETY));
}

function isQuotaExceeded(e: unknown): boolean {
  // A DOMException, which not every environment makes an Error.
  const name = typeof e === 'object' && e !== null && 'name' in e ? e.name : null;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export interface SaveOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, bytes: number) => void;
  /** parallel requests: a few, to be polite to the tile host */
  concurrency?: number;
}

export async function saveOnlineBasemap(
  resources: StyleResources,
  styleUrl: string,
  area: AreaToSave,
  estimate: Estimate,
  ports: CachePorts,
  opts: SaveOptions = {},
): Promise<SavedArea> {
  await checkQuota(estimate.bytes, ports);
  // A save of this province that never finished (tab closed) is only dead weight.
  for (const name of await incompleteCaches(ports.caches, area.regionId)) await ports.caches.delete(name);
  // Time and a random tail: two tabs saving in the same millisecond still get caches of their own.
  const cacheName = `${CACHE_PREFIX}${area.regionId}:${ports.now().getTime()}-${Math.random().toString(36).slice(2, 8)}`;
  const cache = await ports.caches.open(cacheName);
  const urls: { url: string; tile: boolean }[] = [];
  for (const { template, ranges } of tilePlan(resources, area)) for (const t of tilesOf(ranges)) urls.push({ url: tileUrl(template, t.z, t.x, t.y), tile: true });
  for (const url of resources.files) urls.push({ url, tile: false });
  let next = 0;
  let done = 0;
  let bytes = 0;
  let missing = 0;
  const worker = async () => {
    while (next < urls.length) {
      opts.signal?.throwIfAborted();
      const item = urls[next++]!;
      const body = estimate.fetched.get(item.url) ?? (await fetchBody(ports, item.url, opts.signal));
      if (body) {
        await cache.put(item.url, new Response(body.data, { headers: { 'content-type': body.type } }));
        bytes += body.data.byteLength;
      } else missing += 1;
      done += 1;
      opts.onProgress?.(done, urls.length, bytes);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
    opts.signal?.throwIfAborted();
    const saved: SavedArea = {
      ...area,
      cacheName,
      styleUrl,
      tiles: urls.filter((u) => u.tile).length,
      files: resources.files.length,
      missing,
      bytes,
      savedAt: ports.now().toISOString(),
    };
    await cache.put(STYLE_KEY, jsonResponse(resources.style));
    await cache.put(META_KEY, jsonResponse(saved));
    for (const old of await listSaved(ports.caches)) if (old.regionId === area.regionId && old.cacheName !== cacheName) await ports.caches.delete(old.cacheName);
    return saved;
  } catch (e) {
    await ports.caches.delete(cacheName);
    if (isQuotaExceeded(e)) throw new QuotaError(0, Math.ceil(estimate.bytes * SAFETY));
    throw e;
  }
}

function jsonResponse(v: unknown): Response {
  return new Response(JSON.stringify(v), { headers: { 'content-type': 'application/json' } });
}

async function ourCaches(caches: CacheStorageLike): Promise<string[]> {
  return (await caches.keys()).filter((k) => k.startsWith(CACHE_PREFIX));
}

async function incompleteCaches(caches: CacheStorageLike, regionId: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await ourCaches(caches)) {
    if (!name.startsWith(`${CACHE_PREFIX}${regionId}:`)) continue;
    if (!(await (await caches.open(name)).match(META_KEY))) out.push(name);
  }
  return out;
}

/** Completed saves, newest first (what survives a reload). */
export async function listSaved(caches: CacheStorageLike): Promise<SavedArea[]> {
  const out: SavedArea[] = [];
  for (const name of await ourCaches(caches)) {
    const meta = await (await caches.open(name)).match(META_KEY);
    if (meta) out.push((await meta.json()) as SavedArea);
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function deleteSaved(caches: CacheStorageLike, cacheName: string): Promise<void> {
  await caches.delete(cacheName);
}

/** A saved file or tile, from any completed save. */
export async function readSaved(caches: CacheStorageLike, url: string): Promise<Response | undefined> {
  for (const s of await listSaved(caches)) {
    const hit = await (await caches.open(s.cacheName)).match(url);
    if (hit) return hit;
  }
  return undefined;
}

/** The scheme the offline style's addresses use; src/map registers a MapLibre protocol that reads the saves. */
export const SAVED_SCHEME = 'kcnsaved';

export function toSavedUrl(url: string): string {
  return url.replace(/^https?:\/\//, `${SAVED_SCHEME}://`);
}
export function fromSavedUrl(url: string): string {
  return url.replace(new RegExp(`^${SAVED_SCHEME}://`), 'https://');
}

/**
 * The saved style for drawing offline: the region's save, else the newest; every address through the saved
 * scheme, and each source's maxzoom cut to the saved zoom so deeper views enlarge saved tiles.
 */
export async function savedStyle(caches: CacheStorageLike, regionId: string | null): Promise<{ style: StyleSpecification; area: SavedArea } | null> {
  const all = await listSaved(caches);
  const area = all.find((s) => s.regionId === regionId) ?? all[0];
  if (!area) return null;
  const res = await (await caches.open(area.cacheName)).match(STYLE_KEY);
  if (!res) return null;
  const style = (await res.json()) as StyleSpecification;
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, src]) =>
      src.type === 'vector' || src.type === 'raster'
        ? [id, { ...src, tiles: (src.tiles ?? []).map(toSavedUrl), maxzoom: Math.min(src.maxzoom ?? 22, area.maxZoom) }]
        : [id, src],
    ),
  );
  const sprite = typeof style.sprite === 'string' ? toSavedUrl(style.sprite) : style.sprite?.map((s) => ({ ...s, url: toSavedUrl(s.url) }));
  return {
    style: { ...style, sources, ...(style.glyphs ? { glyphs: toSavedUrl(style.glyphs) } : {}), ...(sprite ? { sprite } : {}) },
    area,
  };
}
