// The province's default basemap (region.json › basemap) and the person's choice over it.
import { describe, expect, it } from 'vitest';
import { Region } from '../../../src/domain/schema';
import { basemapFor, regionDefaultBasemap } from '../../../src/domain/basemapChoice';
import { createAppStore } from '../../../src/store/createAppStore';
import { laoCai } from '../../fixtures/laoCai';
import { parseUrlState, serializeUrlState, urlStateOf } from '../../../src/app/urlState';

const withBasemap = (basemap: unknown) => {
  const region = laoCai();
  const json = { ...region.data.region, basemap };
  return { ...region, data: { ...region.data, region: Region.parse(json) } };
};

describe('basemap default per province', () => {
  it('stays embedded when region.json says nothing, and rejects a detailed default without an archive', () => {
    expect(regionDefaultBasemap(laoCai().data.region)).toBe('embedded');
    expect(Region.safeParse({ ...laoCai().data.region, basemap: { default: 'detailed' } }).success).toBe(false);
    expect(Region.safeParse({ ...laoCai().data.region, basemap: { default: 'detailed', detailed: { url: 'http://x/a.pmtiles' } } }).success).toBe(false);
  });

  it('opens a province on its default until the person picks one; a detailed pick falls back where there is no archive', () => {
    const detailed = withBasemap({ default: 'detailed', detailed: { url: 'basemap/osm-detail.pmtiles' } });
    const online = withBasemap({ default: 'online' });
    const store = createAppStore();
    store.getState().setRegion(detailed);
    expect(store.getState().basemap).toBe('detailed');
    store.getState().setRegion(online);
    expect(store.getState().basemap).toBe('osm');
    store.getState().setBasemap('detailed');
    expect(store.getState().basemap).toBe('embedded');
    store.getState().setRegion(detailed);
    expect(store.getState().basemap).toBe('detailed');
    store.getState().setBasemap(null);
    expect(basemapFor(null, online.data.region)).toBe('osm');
  });

  it('puts a basemap in the link only when it is not the province default', () => {
    const store = createAppStore();
    store.getState().setRegion(withBasemap({ default: 'detailed', detailed: { url: 'basemap/osm-detail.pmtiles' } }));
    expect(serializeUrlState(urlStateOf(store.getState()))).not.toContain('basemap');
    store.getState().setBasemap('embedded');
    const link = serializeUrlState(urlStateOf(store.getState()));
    expect(link).toContain('basemap=embedded');
    expect(parseUrlState(link, ['lao-cai']).basemap).toBe('embedded');
  });
});
