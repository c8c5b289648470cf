// Keeps the data editor's edits in the browser until they are exported: one entry per region
// ("edits:<region id>") in the same IndexedDB store as the imported layers and sketches. The list is
// small (edits, not files) and is checked again by the validator whenever it is applied, so a stored
// entry needs only its shape checked here; an unreadable one is reported, never silently dropped.
import { z } from '../domain/z';
import type { Edit } from '../domain/edits/edits';
import { idbLayerStorage, type LayerStorage } from './importedLayersStore';

const KEY = (regionId: string) => `edits:${regionId}`;

// One inner list per submit (a form or a spreadsheet row): undo takes back a whole submit.
const storedEdits = z.array(
  z.array(z.looseObject({ op: z.enum(['site-field', 'site-source', 'move', 'outline', 'document', 'progress', 'task-done']) })),
);

export interface LoadedEdits {
  edits: Edit[][];
  /** the stored entry exists but cannot be read back */
  corrupt: boolean;
}

export async function loadEdits(regionId: string, storage: LayerStorage | null = idbLayerStorage()): Promise<LoadedEdits> {
  if (!storage) return { edits: [], corrupt: false };
  try {
    const raw = await storage.get(KEY(regionId));
    if (raw === undefined) return { edits: [], corrupt: false };
    const parsed = storedEdits.safeParse(raw);
    if (parsed.success) return { edits: parsed.data as unknown as Edit[][], corrupt: false };
    // Set aside under a key of its own, so that the next save does not overwrite it.
    await storage.set(`${KEY(regionId)}:unreadable:${Date.now()}`, raw);
    await storage.del(KEY(regionId));
    return { edits: [], corrupt: true };
  } catch {
    return { edits: [], corrupt: true };
  }
}

/** Resolves false when the browser could not keep them (no storage, quota): the edits stay on screen. */
export async function saveEdits(regionId: string, edits: readonly (readonly Edit[])[], storage: LayerStorage | null = idbLayerStorage()): Promise<boolean> {
  if (!storage) return false;
  try {
    if (edits.length === 0) await storage.del(KEY(regionId));
    else await storage.set(KEY(regionId), edits);
    return true;
  } catch {
    return false;
  }
}
