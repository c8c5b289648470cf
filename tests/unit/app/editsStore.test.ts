// The editor's edits kept in the browser per region until exported; an unreadable entry is set aside
// (never overwritten by the next save), and a storage that refuses says so.
import { describe, expect, it } from 'vitest';
import { loadEdits, saveEdits } from '../../../src/app/editsStore';
import { memoryLayerStorage, type LayerStorage } from '../../../src/app/importedLayersStore';
import type { Edit } from '../../../src/domain/edits/edits';

const batch: Edit[] = [
  { op: 'site-field', siteId: 'lc-kcn-tang-loong', field: 'occupancyPct', value: 70 },
  { op: 'site-source', siteId: 'lc-kcn-tang-loong', source: { doc: 'kh-2026', about: ['occupancyPct'] } },
];

describe('editsStore', () => {
  it('keeps each region’s submits apart and reads them back', async () => {
    const storage = memoryLayerStorage();
    expect(await saveEdits('lao-cai', [batch], storage)).toBe(true);
    expect(await loadEdits('lao-cai', storage)).toEqual({ edits: [batch], corrupt: false });
    expect(await loadEdits('lang-son', storage)).toEqual({ edits: [], corrupt: false });
    await saveEdits('lao-cai', [], storage);
    expect(storage.data.size).toBe(0);
  });

  it('sets an unreadable entry aside instead of losing it', async () => {
    const storage = memoryLayerStorage({ 'edits:lao-cai': [{ op: 'drop-table' }] });
    expect(await loadEdits('lao-cai', storage)).toEqual({ edits: [], corrupt: true });
    const kept = [...storage.data.keys()];
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^edits:lao-cai:unreadable:\d+$/);
    expect(storage.data.get(kept[0]!)).toEqual([{ op: 'drop-table' }]);
  });

  it('reports a storage that cannot keep them', async () => {
    const full: LayerStorage = { ...memoryLayerStorage(), set: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    expect(await saveEdits('lao-cai', [batch], full)).toBe(false);
    expect(await saveEdits('lao-cai', [batch], null)).toBe(false);
  });
});
