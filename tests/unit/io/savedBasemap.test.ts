import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  CACHE_PREFIX,
  estimateSave,
  listSaved,
  QuotaError,
  readSaved,
  saveOnlineBasemap,
  savedStyle,
  type AreaToSave,
  type CacheLike,
  type CachePorts,
  type CacheStorageLike,
} from '../../../src/io/basemapCache/savedBasemap';
import { resolveStyleResources } from '../../../src/io/basemapCache/styleResources';

const HOST = 'https://tiles.example.test';
const STYLE_URL = `${HOST}/styles/test`;
const style: StyleSpecification = {
  version: 8,
  sources: { ofm: { type: 'vector', url: `${HOST}/planet` } },
  glyphs: `${HOST}/fonts/{fontstack}/{range}.pbf`,
  sprite: `${HOST}/sprites/ofm`,
  layers: [
    { id: 'bg', type: 'background' },
    { id: 'names', type: 'symbol', source: 'ofm', 'source-layer': 'place', layout: { 'text-font': ['Noto Sans Regular'], 'text-field': '{name}' } },
    { id: 'roads', type: 'symbol', source: 'ofm', 'source-layer': 'road', layout: { 'text-font': ['Noto Sans Bold'], 'text-field': '{ref}' } },
  ],
};
const tileJson = { tiles: [`${HOST}/planet/{z}/{x}/{y}.pbf`], minzoom: 0, maxzoom: 14 };
// Old Lào Cai's box: 334 tiles from z0 to z12 (tests/unit/geo/tileCover.test.ts computes them apart).
const area: AreaToSave = { regionId: 'lao-cai', regionName: 'Lào Cai', bbox: [103.5, 21.8, 104.8, 22.9], maxZoom: 12 };
const TILE_BYTES = 1000;
const FILE_BYTES = 100;

/** Cache Storage as the browser keeps it across a reload: named caches of URL → body. */
class FakeCaches implements CacheStorageLike {
  readonly stores = new Map<string, Map<string, { body: ArrayBuffer; type: string }>>();
  failPutsAfter = Infinity;
  puts = 0;
  async open(name: string): Promise<CacheLike> {
    let s = this.stores.get(name);
    if (!s) this.stores.set(name, (s = new Map()));
    const store = s;
    return {
      match: async (url) => {
        const hit = store.get(url);
        return hit ? new Response(hit.body.slice(0), { headers: { 'content-type': hit.type } }) : undefined;
      },
      put: async (url, res) => {
        if (++this.puts > this.failPutsAfter) throw new DOMException('full', 'QuotaExceededError');
        store.set(url, { body: await res.arrayBuffer(), type: res.headers.get('content-type') ?? '' });
      },
    };
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

function ports(caches: FakeCaches, opts: { quota?: number; usage?: number; onFetch?: (url: string) => void } = {}): CachePorts & { fetched: string[] } {
  const fetched: string[] = [];
  let clock = Date.UTC(2026, 11, 5, 8, 0, 0);
  return {
    fetched,
    caches,
    fetch: async (url, init) => {
      init.signal?.throwIfAborted();
      fetched.push(url);
      opts.onFetch?.(url);
      const size = /\/planet\/\d+\/\d+\/\d+\.pbf$/.test(url) ? TILE_BYTES : FILE_BYTES;
      return new Response(new Uint8Array(size), { headers: { 'content-type': 'application/x-protobuf' } });
    },
    estimateStorage: async () => ({ ...(opts.quota !== undefined ? { quota: opts.quota } : {}), usage: opts.usage ?? 0 }),
    now: () => new Date((clock += 1000)),
  };
}

const resources = () => resolveStyleResources(style, STYLE_URL, async () => tileJson);
const ours = (c: FakeCaches) => [...c.stores.keys()].filter((k) => k.startsWith(CACHE_PREFIX));

describe('saving the online basemap for offline use', () => {
  it('estimates the tile count of the box and the size from one sample tile per zoom, plus sprites and glyphs', async () => {
    const p = ports(new FakeCaches());
    const est = await estimateSave(await resources(), area, p);
    expect(est.tiles).toBe(334);
    // 4 sprite files (1x, 2x × json, png) and 2 fonts × 6 glyph ranges
    expect(est.files).toBe(16);
    expect(est.bytes).toBe(334 * TILE_BYTES + 16 * FILE_BYTES);
    // One tile per zoom z0–z12 was fetched, not the 334.
    expect(p.fetched.filter((u) => u.includes('/planet/'))).toHaveLength(13);
  });

  it('refuses to start when the storage quota is too small, and writes nothing', async () => {
    const c = new FakeCaches();
    const res = await resources();
    const p = ports(c, { quota: 300_000, usage: 0 });
    const est = await estimateSave(res, area, p);
    const err = await saveOnlineBasemap(res, STYLE_URL, area, est, p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuotaError);
    expect((err as QuotaError).free).toBe(300_000);
    expect((err as QuotaError).needed).toBeGreaterThan(est.bytes);
    expect(ours(c)).toEqual([]);
  });

  it('when the browser runs out of room midway, reports the quota and keeps nothing half-saved', async () => {
    const c = new FakeCaches();
    c.failPutsAfter = 50;
    const res = await resources();
    const p = ports(c); // the browser gives no quota figure
    const est = await estimateSave(res, area, p);
    await expect(saveOnlineBasemap(res, STYLE_URL, area, est, p)).rejects.toBeInstanceOf(QuotaError);
    expect(ours(c)).toEqual([]);
  });

  it('cancel stops the downloads, keeps nothing of the unfinished save and leaves the earlier save as it was', async () => {
    const c = new FakeCaches();
    const res = await resources();
    const first = await saveOnlineBasemap(res, STYLE_URL, { ...area, maxZoom: 8 }, await estimateSave(res, { ...area, maxZoom: 8 }, ports(c)), ports(c));
    const ctrl = new AbortController();
    let progress = 0;
    const p = ports(c);
    const est = await estimateSave(res, area, p);
    const before = p.fetched.length;
    const err = await saveOnlineBasemap(res, STYLE_URL, area, est, p, {
      signal: ctrl.signal,
      onProgress: (done) => {
        progress = done;
        if (done === 40) ctrl.abort();
      },
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(progress).toBeLessThan(50);
    expect(p.fetched.length - before).toBeLessThan(50);
    expect(ours(c)).toEqual([first.cacheName]);
    expect((await listSaved(c)).map((s) => s.maxZoom)).toEqual([8]);
  });

  it('after a reload the save is listed, its style draws from the saved scheme up to the saved zoom, and tiles are read back', async () => {
    const c = new FakeCaches();
    const res = await resources();
    const p = ports(c);
    let last = 0;
    const saved = await saveOnlineBasemap(res, STYLE_URL, area, await estimateSave(res, area, p), p, { onProgress: (d, total) => (last = d === total ? total : last) });
    expect(last).toBe(334 + 16);
    expect(saved).toMatchObject({ regionId: 'lao-cai', tiles: 334, files: 16, missing: 0, bytes: 334 * TILE_BYTES + 16 * FILE_BYTES, maxZoom: 12 });

    // A reload: new code, same Cache Storage.
    const listed = await listSaved(c);
    expect(listed).toEqual([saved]);
    const offline = await savedStyle(c, 'lao-cai');
    const src = offline!.style.sources['ofm'];
    expect(src).toMatchObject({ type: 'vector', tiles: ['kcnsaved://tiles.example.test/planet/{z}/{x}/{y}.pbf'], maxzoom: 12 });
    expect(offline!.style.glyphs).toBe('kcnsaved://tiles.example.test/fonts/{fontstack}/{range}.pbf');
    expect(offline!.style.sprite).toBe('kcnsaved://tiles.example.test/sprites/ofm');
    const tile = await readSaved(c, `${HOST}/planet/12/3230/1785.pbf`);
    expect((await tile!.arrayBuffer()).byteLength).toBe(TILE_BYTES);
    // Outside the box, and deeper than saved: nothing.
    expect(await readSaved(c, `${HOST}/planet/12/3000/1785.pbf`)).toBeUndefined();
    expect(await readSaved(c, `${HOST}/planet/13/6460/3570.pbf`)).toBeUndefined();
    expect(await readSaved(c, `${HOST}/fonts/Noto Sans Bold/7680-7935.pbf`)).toBeDefined();
  });

  it('a new save of the province replaces the old one only once it is complete', async () => {
    const c = new FakeCaches();
    const res = await resources();
    const a = { ...area, maxZoom: 6 };
    await saveOnlineBasemap(res, STYLE_URL, a, await estimateSave(res, a, ports(c)), ports(c));
    const b = await saveOnlineBasemap(res, STYLE_URL, area, await estimateSave(res, area, ports(c)), ports(c));
    expect(ours(c)).toEqual([b.cacheName]);
    expect(await savedStyle(c, 'another-province')).not.toBeNull();
  });
});
