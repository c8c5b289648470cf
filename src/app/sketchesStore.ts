// Keeps the planner's sketches in the browser, beside the imported layers (the same IndexedDB store,
// keys "sketch:<id>"), so a reload shows them again, tags included. One entry per sketch: a corrupt
// entry costs only that sketch (and is left as it is, never deleted), and a full quota costs only
// the sketch that did not fit (it stays on screen for the session). The storage is injectable:
// unit tests pass the in-memory one, as jsdom has no IndexedDB.
import { z } from 'zod';
import type { AppStore } from '../store/createAppStore';
import type { Sketch } from '../domain/sketches';
import { idbLayerStorage, isQuotaError, mirrorById, type LayerStorage } from './importedLayersStore';

const PREFIX = 'sketch:';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], z.number());
const storedSketch = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  geometry: z.union([
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) }),
    z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  ]),
  name: z.string(),
  clearance: z.object({ siteId: z.string().min(1), status: z.enum(['cleared', 'in-progress', 'not-started']), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).nullable(),
  createdAt: z.string(),
});

export interface SketchStorageNotice {
  /** quota: not kept (browser storage full); corrupt: a stored one could not be read back; unavailable: nothing can be kept */
  kind: 'quota' | 'corrupt' | 'unavailable';
  /** the sketches concerned, by name (or id when the name is unreadable or empty) */
  names: string[];
}

export interface LoadedSketches {
  sketches: Sketch[];
  corrupt: string[];
}

/** Reads every stored sketch, oldest first; a bad entry is reported and skipped, never fatal. */
export async function loadSketches(storage: LayerStorage): Promise<LoadedSketches> {
  const sketches: Sketch[] = [];
  const corrupt: string[] = [];
  for (const key of (await storage.keys()).filter((k) => k.startsWith(PREFIX))) {
    const id = key.slice(PREFIX.length);
    let raw: unknown;
    try {
      raw = await storage.get(key);
    } catch {
      corrupt.push(id);
      continue;
    }
    const parsed = storedSketch.safeParse(raw);
    if (parsed.success && parsed.data.id === id) sketches.push(parsed.data);
    else corrupt.push(raw && typeof raw === 'object' && 'name' in raw && typeof raw.name === 'string' && raw.name.trim() ? raw.name : id);
  }
  sketches.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { sketches, corrupt };
}

export interface SketchPersistence {
  /** resolves when every write asked for so far is done (tests, and the browser test's reload) */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Puts the stored sketches in the store, then keeps the storage in step with it: each sketch added
 * or changed (a new shape, a name, a tag) is written, each removed one deleted. `onNotice` hears of
 * what could not be kept or read back; notices of one kind add up.
 */
export function startSketchPersistence(
  store: AppStore,
  storage: LayerStorage | null = idbLayerStorage(),
  onNotice: (n: SketchStorageNotice) => void = () => {},
): SketchPersistence {
  const persisted = new Map<string, Sketch>();
  let queue: Promise<void> = Promise.resolve();
  let loaded = false;
  let stopped = false;
  let notice: SketchStorageNotice | null = null;
  const tell = (kind: SketchStorageNotice['kind'], names: string[]) => {
    const merged = notice?.kind === kind ? [...notice.names, ...names.filter((n) => !notice!.names.includes(n))] : names;
    notice = { kind, names: merged };
    onNotice(notice);
  };
  // One write after another, so a quick rename-then-remove cannot land out of order.
  const enqueue = (job: () => Promise<void>) => (queue = queue.then(job, job));

  const write = (s: Sketch) =>
    enqueue(async () => {
      if (!storage) return;
      try {
        await storage.set(PREFIX + s.id, s);
      } catch (e) {
        // Not kept: forget it, so its next change tries again.
        persisted.delete(s.id);
        tell(isQuotaError(e) ? 'quota' : 'unavailable', [s.name || s.id]);
      }
    });
  const remove = (id: string) =>
    enqueue(async () => {
      try {
        await storage?.del(PREFIX + id);
      } catch {
        // Comes back at the next start: nothing is lost.
      }
    });

  const sync = () => {
    if (!loaded || stopped) return;
    mirrorById(persisted, store.getState().sketches, write, remove);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.sketches !== prev.sketches) sync();
  });

  void enqueue(async () => {
    // Stopped before it began (React's StrictMode mounts twice): the second start does the loading.
    if (stopped) return;
    if (storage) {
      try {
        const { sketches, corrupt } = await loadSketches(storage);
        for (const s of sketches) persisted.set(s.id, s);
        if (sketches.length > 0) store.getState().setSketches(sketches);
        if (corrupt.length > 0) tell('corrupt', corrupt);
      } catch {
        tell('unavailable', []);
      }
    }
    loaded = true;
    // Sketches drawn while the storage was being read are written now.
    sync();
  });

  return {
    async flush() {
      // Until nothing new was queued meanwhile (the start-up load queues the writes of sketches drawn during it).
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
