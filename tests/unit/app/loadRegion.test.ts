import { describe, expect, it } from 'vitest';
import { loadRegionInto } from '../../../src/app/loadRegion';
import { createAppStore } from '../../../src/store/createAppStore';
import { miniRegion } from '../../fixtures/miniRegion';

describe('loading a region', () => {
  it('validates, prepares and stores the region', async () => {
    const store = createAppStore({ regionId: 'mini' });
    await loadRegionInto(store, async () => miniRegion());
    const region = store.getState().region;
    expect(region?.data.region.id).toBe('mini');
    // The surveyed polygon keeps its outline; the point with 120.5 ha gets a footprint of that area.
    expect(region?.siteOutlines.features.map((f) => f.properties.id).sort()).toEqual(['mini-ccn-b', 'mini-kcn-a']);
    expect(region?.areas['mini-kcn-a']?.computedHa).toBeCloseTo(120.5, 3);
    expect(store.getState().loadErrors).toBeNull();
  });

  it('shows every problem of a bad region and keeps what was already loaded', async () => {
    const store = createAppStore({ regionId: 'mini' });
    await loadRegionInto(store, async () => miniRegion());
    const before = store.getState().region;
    const bad = miniRegion();
    bad.sites.features[0]!.properties['declaredAreaHa'] = 0;
    bad.roads.features[0]!.properties['role'] = 'tỉnh lộ';
    await loadRegionInto(store, async () => bad);
    expect(store.getState().region).toBe(before);
    const errors = store.getState().loadErrors ?? [];
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('sites.geojson › đối tượng "mini-kcn-a" (thứ 1) › properties.declaredAreaHa');
    expect(errors[1]).toContain('roads.geojson › đối tượng "mini-road-a" (thứ 1) › properties.role');
  });

  it('says which file could not be read', async () => {
    const store = createAppStore();
    await loadRegionInto(store, async () => {
      throw new Error('lao-cai/sites.geojson: không đọc được JSON (Unexpected token)');
    });
    expect(store.getState().loadErrors).toEqual(['lao-cai/sites.geojson: không đọc được JSON (Unexpected token)']);
    expect(store.getState().region).toBeNull();
  });
});
