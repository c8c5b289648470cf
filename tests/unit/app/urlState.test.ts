import { describe, expect, it } from 'vitest';
import { formatCamera, parseCamera, parseUrlState, serializeUrlState, urlStateOf } from '../../../src/app/urlState';

import { KNOWN_REGIONS as KNOWN, openWithUrl as open } from '../../fixtures/openWithUrl';

function back() {
  // jsdom's history.back() is asynchronous and does not always fire popstate: emulate it.
  window.dispatchEvent(new PopStateEvent('popstate'));
}

describe('state in the address bar', () => {
  it('reads a view the way OpenStreetMap links write it, and refuses nonsense', () => {
    expect(parseCamera('11.5/22.29499/104.1443')).toEqual({ center: [104.1443, 22.29499], zoom: 11.5, bearing: 0, pitch: 0 });
    expect(parseCamera('9/22.3/104.1/-20/45')).toEqual({ center: [104.1, 22.3], zoom: 9, bearing: -20, pitch: 45 });
    expect(parseCamera('9/95/104')).toBeNull();
    expect(parseCamera('9/22/abc')).toBeNull();
    expect(parseCamera('9/22')).toBeNull();
    expect(formatCamera({ center: [104.14431234, 22.294991], zoom: 11.456, bearing: 0, pitch: 0 })).toBe('11.46/22.29499/104.14431');
  });

  it('keeps plain links short and round-trips every part of a full one', () => {
    expect(serializeUrlState(parseUrlState('', KNOWN))).toBe('');
    const full =
      '?region=lang-son&lang=en&map=12.00%2F21.85000%2F106.76000%2F15%2F30&layers=kcn-existing%2Croads&q=dong+dang&kind=ccn' +
      '&stage=planned&status=planned%2Cproposed&phase=2026-2030&min=10&max=75.5&ww=planned&only=a%2Cb&onlyLabel=M%E1%BB%A5c+ti%C3%AAu' +
      '&sel=site%3Als-ccn-x&tab=sites&basemap=osm&slide=3&kiosk=1';
    const u = parseUrlState(full, KNOWN);
    expect(u.filter).toMatchObject({ text: 'dong dang', kind: 'ccn', stage: 'planned', statuses: ['planned', 'proposed'], phase: '2026-2030', minHa: 10, maxHa: 75.5, wastewater: 'planned', ids: ['a', 'b'], idsLabel: 'Mục tiêu' });
    expect(u.visible['roads']).toBe(true);
    expect(u.visible['ccn-planned']).toBe(false);
    expect(u.slide).toBe(2);
    expect(serializeUrlState(u)).toBe(full);
  });

  it('ignores regions the build does not carry and statuses that do not exist', () => {
    const u = parseUrlState('?region=khong-co&status=planned,banana&sel=site', KNOWN);
    expect(u.region).toBeNull();
    expect(u.filter.statuses).toEqual(['planned']);
    expect(u.selected).toBeNull();
  });

  it('opens the state a link carries: region, language, filters, selection, tab, and the view once the region is drawn', () => {
    const store = open('?region=lang-son&lang=en&kind=ccn&sel=site%3Als-ccn-bac-son-2&tab=sites&map=11%2F21.8%2F106.7');
    const s = store.getState();
    expect(s.regionId).toBe('lang-son');
    expect(s.lang).toBe('en');
    expect(s.siteFilter.kind).toBe('ccn');
    expect(s.selected).toEqual({ type: 'site', id: 'ls-ccn-bac-son-2' });
    expect(s.tab).toBe('sites');
    expect(s.pendingCamera).toEqual({ center: [106.7, 21.8], zoom: 11, bearing: 0, pitch: 0 });
  });

  it('adds a history entry for places (site, province) and updates the entry for pans, tabs, filters and language', () => {
    const store = open('?region=lao-cai');
    const start = window.history.length;
    store.getState().setLang('en');
    store.getState().setSiteFilter({ text: 'tang' });
    store.getState().setCamera({ center: [104.1, 22.3], zoom: 10, bearing: 0, pitch: 0 });
    store.getState().setTab('targets');
    expect(window.history.length).toBe(start);
    expect(window.location.search).toBe('?region=lao-cai&lang=en&map=10.00%2F22.30000%2F104.10000&q=tang&tab=targets');
    store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' });
    expect(window.history.length).toBe(start + 1);
    expect(new URLSearchParams(window.location.search).get('sel')).toBe('site:lc-kcn-tang-loong');
  });

  it('follows back and forward: the previous entry closes the site, keeps the language, and a province link switches region', () => {
    const store = open('?region=lao-cai&lang=en');
    store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' });
    window.history.replaceState(null, '', '/?region=lao-cai&lang=en');
    back();
    expect(store.getState().selected).toBeNull();
    expect(store.getState().lang).toBe('en');
    window.history.replaceState(null, '', '/?region=lang-son&sel=site%3Als-ccn-bac-son-2');
    back();
    expect(store.getState().regionId).toBe('lang-son');
    expect(store.getState().selected).toEqual({ type: 'site', id: 'ls-ccn-bac-son-2' });
    expect(store.getState().lang).toBe('vi');
  });

  it('goes back to the region the page opened with when an entry names none', () => {
    const store = open('');
    store.getState().setRegionId('lang-son');
    expect(window.location.search).toBe('?region=lang-son');
    window.history.replaceState(null, '', '/');
    back();
    expect(store.getState().regionId).toBe('lao-cai');
  });

  it('writes the presentation slide (1-based) while presenting, and opens a link into the same slide', () => {
    const store = open('?region=lao-cai');
    store.getState().startPresenting({ slide: 2 });
    expect(new URLSearchParams(window.location.search).get('slide')).toBe('3');
    stop?.();
    const again = open(window.location.search);
    expect(again.getState().presenting).toBe(true);
    expect(again.getState().slide).toBe(2);
    expect(urlStateOf(again.getState()).slide).toBe(2);
  });

  it('carries compare mode legibly, as a history entry, and opens a link into the same comparison', () => {
    const store = open('?region=lao-cai');
    const before = window.history.length;
    store.getState().startCompare({ left: 'plan', right: 'import:3f2a-77', mode: 'side' });
    // Dots and underscores stay unescaped: the link can be read (and typed) by a person.
    expect(window.location.search).toContain('compare=plan.file_3f2a-77.side');
    expect(window.history.length).toBe(before + 1);
    stop?.();
    const again = open(window.location.search);
    expect(again.getState().compare).toEqual({ left: 'plan', right: 'import:3f2a-77', mode: 'side' });
    again.getState().stopCompare();
    expect(window.location.search).not.toContain('compare');
  });

  it('opens no compare mode from an unreadable compare parameter', () => {
    for (const bad of ['plan', 'plan.tomorrow', 'plan.existing.sideways', 'plan.existing.swipe.extra', 'file_.plan']) {
      expect(parseUrlState(`?compare=${bad}`, KNOWN).compare, bad).toBeNull();
    }
    expect(parseUrlState('?compare=existing.plan', KNOWN).compare).toEqual({ left: 'existing', right: 'plan', mode: 'swipe' });
  });
});
