// Keeps the planner's imported layers in the browser (IndexedDB, through idb-keyval), so a reload or
// the next day's visit shows them again. One entry per layer: a corrupt entry costs only that layer,
// and a full quota costs only the layer that did not fit (it stays on screen for the session).
// The storage is injectable: unit tests pass an in-memory one, as jsdom has no IndexedDB.
import { createStore, del, get, keys, set } from 'idb-keyval';
import { z } from 'zod';
import type { AppStore } from '../store/createAppStore';
import type { ImportedLayer } from '../domain/importedLayer';
import type { ImportStorageNotice } from '../store/state';
import type { SiteLink } from '../domain/siteLinks';

/** The few operations the layers need of a key-value store. */
export interface LayerStorage {
  keys(): Promise<string[]>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

const LAYER_PREFIX = 'layer:';
const BYTES_PREFIX = 'bytes:';
/** The planner's links of imported polygons to sites: one entry for all layers (a few bytes each). */
const LINKS_KEY = 'site-links';

const storedLinks = z.array(
  z.object({ layerId: z.string().min(1), featureIndex: z.number().int().nonnegative(), siteId: z.string().min(1).nullable(), manual: z.boolean() }),
);

/** The stored links whose layer is there; unreadable links are dropped (the polygons are still there to link again). */
export async function loadSiteLinks(storage: LayerStorage, layerIds: readonly string[]): Promise<SiteLink[]> {
  let raw: unknown;
  try {
    raw = await storage.get(LINKS_KEY);
  } catch {
    return [];
  }
  const parsed = storedLinks.safeParse(raw ?? []);
  return parsed.success ? parsed.data.filter((l) => layerIds.includes(l.layerId)) : [];
}

/**
 * Brings what is kept (`persisted`, the objects last written, by id) in step with what the store holds
 * now: each new or changed object (compared by identity: the store replaces what it changes) is
 * written, each one gone is removed. Shared by the imported layers and the sketches.
 */
export function mirrorById<T extends { id: string }>(persisted: Map<string, T>, now: readonly T[], write: (x: T) => unknown, remove: (id: string) => unknown): void {
  for (const x of now) {
    if (persisted.get(x.id) !== x) {
      persisted.set(x.id, x);
      write(x);
    }
  }
  for (const id of [...persisted.keys()]) {
    if (!now.some((x) => x.id === id)) {
      persisted.delete(id);
      remove(id);
    }
  }
}

/** IndexedDB database "kcn-atlas-imports", object store "layers"; null where the browser has none. */
export function idbLayerStorage(): LayerStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  const db = createStore('kcn-atlas-imports', 'layers');
  return {
    keys: async () => (await keys(db)).map(String),
    get: (k) => get(k, db),
    set: (k, v) => set(k, v, db),
    del: (k) => del(k, db),
  };
}

/** A Map-backed storage, for tests and for browsers without IndexedDB. */
export function memoryLayerStorage(initial: Record<string, unknown> = {}): LayerStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    keys: async () => [...data.keys()],
    get: async (k) => data.get(k),
    set: async (k, v) => {
      // IndexedDB stores a structured clone: later changes to the object must not reach the stored copy.
      data.set(k, structuredClone(v));
    },
    del: async (k) => {
      data.delete(k);
    },
  };
}

// What a stored layer must look like to be put back on the map. Geometry is checked for a type and
// coordinates (the importer validated it when the file was read); the rest field by field.
const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const geometry = z.union([
  z.looseObject({ type: z.enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
  // A KML MultiGeometry mixing kinds (a point and an area) is kept as a collection.
  z.looseObject({ type: z.literal('GeometryCollection'), geometries: z.array(z.looseObject({ type: z.string() })) }),
]);
const storedLayer = z.object({
  id: z.string().min(1),
  name: z.string(),
  fileName: z.string(),
  format: z.enum(['geojson', 'kml', 'kmz', 'shapefile', 'csv', 'dxf']),
  crs: z.union([
    z.object({ kind: z.literal('wgs84') }),
    z.object({ kind: z.literal('vn2000'), zone: z.number().min(102).max(110), zoneFrom: z.enum(['prj', 'file', 'user', 'region-default']) }),
  ]),
  textEncoding: z.object({ label: z.string(), from: z.enum(['declared', 'detected', 'fallback']), layer: z.string().optional() }).optional(),
  features: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry,
        properties: z.object({
          index: z.number(),
          name: z.string().nullable(),
          attrs: z.record(z.string(), value),
          repair: z
            .object({ fault: z.literal('self-intersection'), at: z.array(z.tuple([z.number(), z.number()])), count: z.number() })
            .optional(),
        }),
      }),
    ),
  }),
  problems: z.array(
    z.object({
      index: z.number(),
      name: z.string().nullable(),
      code: z.string(),
      severity: z.enum(['error', 'warning']),
      detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  visible: z.boolean(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  importedAt: z.string(),
  leftOut: z.array(z.number()).optional(),
});

/** A name to report a stored entry by: its layer name when that much is readable, else its key. */
function nameOf(key: string, raw: unknown): string {
  if (raw && typeof raw === 'object' && 'name' in raw && typeof raw.name === 'string' && raw.name.trim()) return raw.name;
  return key.slice(LAYER_PREFIX.length) || key;
}

export interface LoadedLayers {
  layers: ImportedLayer[];
  /** entries that could not be read back, by layer name (or key) */
  corrupt: string[];
}

/** Reads every stored layer, oldest import first; a bad entry is reported and skipped, never fatal. */
export async function loadLayers(storage: LayerStorage): Promise<LoadedLayers> {
  const layers: ImportedLayer[] = [];
  const corrupt: string[] = [];
  const all = (await storage.keys()).filter((k) => k.startsWith(LAYER_PREFIX));
  for (const key of all) {
    let raw: unknown;
    try {
      raw = await storage.get(key);
    } catch {
      corrupt.push(key.slice(LAYER_PREFIX.length));
      continue;
    }
    const parsed = storedLayer.safeParse(raw);
    if (parsed.success && parsed.data.id === key.slice(LAYER_PREFIX.length)) layers.push(parsed.data as ImportedLayer);
    else corrupt.push(nameOf(key, raw));
  }
  layers.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  return { layers, corrupt };
}

/** QuotaExceededError by its standard name, and Firefox's older one. */
export function isQuotaError(e: unknown): boolean {
  const name = e && typeof e === 'object' && 'name' in e ? String(e.name) : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export interface ImportPersistence {
  /** the file's bytes, kept so a VN-2000 layer can be read again with another zone */
  saveBytes(layerId: string, bytes: Uint8Array): Promise<void>;
  getBytes(layerId: string): Promise<Uint8Array | null>;
  /** resolves when every write asked for so far is done (tests, and the e2e reload check) */
  flush(): Promise<void>;
  stop(): void;
}

let active: ImportPersistence | null = null;

/** The running persistence (null before start, or where the browser keeps nothing). */
export function importPersistence(): ImportPersistence | null {
  return active;
}

function addNotice(store: AppStore, kind: ImportStorageNotice['kind'], names: string[]): void {
  const cur = store.getState().importStorageNotice;
  const merged = cur?.kind === kind ? [...cur.names, ...names.filter((n) => !cur.names.includes(n))] : names;
  store.getState().setImportStorageNotice({ kind, names: merged });
}

/**
 * Loads the stored layers into the store, then keeps the storage in step with the store: each
 * layer added or changed is written, each removed one deleted. Returns the running persistence.
 */
export function startImportedLayers(store: AppStore, storage: LayerStorage | null = idbLayerStorage()): ImportPersistence {
  const bytesCache = new Map<string, Uint8Array>();
  // What the storage holds, by id: a layer whose object differs from this is written again.
  const persisted = new Map<string, ImportedLayer>();
  let persistedLinks: SiteLink[] | null = null;
  let queue: Promise<void> = Promise.resolve();
  let loaded = false;
  let stopped = false;
  // Writes run one after another, so a quick rename-then-remove cannot land out of order.
  const enqueue = (job: () => Promise<void>) => {
    queue = queue.then(job, job);
    return queue;
  };

  const write = (layer: ImportedLayer) =>
    enqueue(async () => {
      if (!storage) return;
      try {
        await storage.set(LAYER_PREFIX + layer.id, layer);
      } catch (e) {
        // Not kept: forget it, so the next change tries again (after the planner removed something).
        persisted.delete(layer.id);
        addNotice(store, isQuotaError(e) ? 'quota' : 'unavailable', [layer.name]);
      }
    });
  const remove = (id: string) =>
    enqueue(async () => {
      bytesCache.delete(id);
      if (!storage) return;
      try {
        await storage.del(LAYER_PREFIX + id);
        await storage.del(BYTES_PREFIX + id);
      } catch {
        // A layer that cannot be deleted comes back at the next start: nothing is lost.
      }
    });

  const writeLinks = (links: SiteLink[]) =>
    enqueue(async () => {
      if (!storage) return;
      try {
        await storage.set(LINKS_KEY, links);
      } catch (e) {
        persistedLinks = null;
        addNotice(store, isQuotaError(e) ? 'quota' : 'unavailable', []);
      }
    });

  const sync = () => {
    if (!loaded || stopped) return;
    const links = store.getState().siteLinks;
    if (links !== persistedLinks) {
      persistedLinks = links;
      void writeLinks(links);
    }
    mirrorById(persisted, store.getState().imports, write, remove);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.imports !== prev.imports || s.siteLinks !== prev.siteLinks) sync();
  });

  void enqueue(async () => {
    // Stopped before it began (React's StrictMode mounts twice): the second start does the loading.
    if (stopped) return;
    if (storage) {
      try {
        const { layers, corrupt } = await loadLayers(storage);
        for (const l of layers) persisted.set(l.id, l);
        if (layers.length > 0) store.getState().setImports(layers);
        const links = await loadSiteLinks(storage, store.getState().imports.map((l) => l.id));
        if (links.length > 0) store.getState().addSiteLinks(links);
        if (corrupt.length > 0) addNotice(store, 'corrupt', corrupt);
      } catch {
        addNotice(store, 'unavailable', []);
      }
    }
    loaded = true;
    // What the storage holds (or nothing, as the empty list a fresh store starts with): written only when it changes.
    if (store.getState().siteLinks.length === 0) persistedLinks = store.getState().siteLinks;
    // Layers imported while the storage was being read are written now.
    sync();
  });

  const persistence: ImportPersistence = {
    async saveBytes(id, bytes) {
      bytesCache.set(id, bytes);
      await enqueue(async () => {
        if (!storage) return;
        try {
          await storage.set(BYTES_PREFIX + id, bytes);
        } catch {
          // Without the stored bytes only a later zone change needs the file picked again.
        }
      });
    },
    async getBytes(id) {
      const cached = bytesCache.get(id);
      if (cached) return cached;
      if (!storage) return null;
      try {
        const v = await storage.get(BYTES_PREFIX + id);
        return v instanceof Uint8Array ? v : null;
      } catch {
        return null;
      }
    },
    flush: () => enqueue(async () => {}),
    stop() {
      stopped = true;
      unsubscribe();
      if (active === persistence) active = null;
    },
  };
  active = persistence;
  return persistence;
}
