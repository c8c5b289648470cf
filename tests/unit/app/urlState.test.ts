import { describe, expect, it } from 'vitest';
import { regionFromUrl, syncRegionWithUrl } from '../../../src/app/urlState';
import { createAppStore } from '../../../src/store/appStore';

describe('region in the address bar', () => {
  it('reads only regions the build carries', () => {
    expect(regionFromUrl('?region=lang-son', ['lao-cai', 'lang-son'])).toBe('lang-son');
    expect(regionFromUrl('?region=khong-co', ['lao-cai'])).toBeNull();
    expect(regionFromUrl('', ['lao-cai'])).toBeNull();
  });

  it('opens the region of the link, writes switches into history, and follows back', () => {
    window.history.replaceState(null, '', '/?region=lang-son');
    const store = createAppStore();
    const stop = syncRegionWithUrl(store, ['lao-cai', 'lang-son']);
    expect(store.getState().regionId).toBe('lang-son');
    store.getState().select({ type: 'site', id: 'ls-ccn-bac-son-2' });
    store.getState().setRegionId('lao-cai');
    expect(window.location.search).toBe('?region=lao-cai');
    // What belonged to the other province is gone.
    expect(store.getState().selected).toBeNull();
    window.history.replaceState(null, '', '/?region=lang-son');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(store.getState().regionId).toBe('lang-son');
    stop();
  });

  it('goes back to the region the page opened with when the address has none', () => {
    window.history.replaceState(null, '', '/');
    const store = createAppStore();
    const stop = syncRegionWithUrl(store, ['lao-cai', 'lang-son']);
    store.getState().setRegionId('lang-son');
    window.history.replaceState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(store.getState().regionId).toBe('lao-cai');
    stop();
  });
});
