// The atlas in a real browser: built app, offline, Chromium on SwiftShader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap, type OfflinePage } from './harness';

const app = appAndBrowser();

/** Rendered feature count per layer id, as the map sees it now. */
async function rendered(o: OfflinePage, layers: string[]): Promise<Record<string, number>> {
  return o.page.evaluate((ids) => {
    const map = window.__atlas!.map;
    return Object.fromEntries(ids.map((id) => [id, map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : -1]));
  }, layers);
}

/** Screen position of a site's anchor (its located point). */
async function sitePoint(o: OfflinePage, id: string): Promise<{ x: number; y: number }> {
  return o.page.evaluate((siteId) => {
    const { map, store } = window.__atlas!;
    const f = store.getState().region!.siteAnchors.features.find((x) => x.properties.id === siteId)!;
    const p = map.project(f.geometry.coordinates as [number, number]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

describe('the atlas, offline', () => {
  it('opens on Lào Cai with every layer drawn and no request leaving the machine', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    const counts = await rendered(o, [
      'bm-countries',
      'bm-region-fill',
      'bm-rivers',
      'bm-places',
      'sites-fill',
      'sites-dot',
      'sites-marker',
      'sites-label',
      'roads-line-indicative',
      'relocations-flow',
      'relocations-pending',
      'landmarks-point',
    ]);
    for (const [layer, n] of Object.entries(counts)) assert.ok(n > 0, `layer ${layer} drew ${n} features`);
    // The view is fitted to the province: its bbox is in view and the map is not zoomed out to the country.
    const view = await o.page.evaluate(() => {
      const m = window.__atlas!.map;
      const b = m.getBounds();
      return { zoom: m.getZoom(), w: b.getWest(), s: b.getSouth(), e: b.getEast(), n: b.getNorth() };
    });
    assert.ok(view.w <= 103.6 && view.e >= 105.0 && view.s <= 21.4 && view.n >= 22.8, JSON.stringify(view));
    assert.ok(view.zoom > 7, `zoom ${view.zoom}`);
    assert.deepEqual(o.blocked, []);
    assert.deepEqual(o.errors, []);
    await screenshot(o.page, 'atlas-overview');
    await o.context.close();
  });

  it('opens a park’s details on click, with its figures and sources, and highlights it on hover', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    const pt = await sitePoint(o, 'lc-kcn-tang-loong');
    await o.page.mouse.move(pt.x, pt.y);
    await o.page.waitForFunction(() => window.__atlas!.store.getState().hovered?.id === 'lc-kcn-tang-loong');
    const hoverState = await o.page.evaluate(() =>
      window.__atlas!.map.getFeatureState({ source: 'site-anchors', id: 'lc-kcn-tang-loong' }),
    );
    assert.equal(hoverState['hover'], true);
    await o.page.mouse.click(pt.x, pt.y);
    const panel = o.page.getByTestId('details');
    await panel.waitFor();
    assert.equal(await panel.getByRole('heading', { level: 2 }).textContent(), 'KCN Tằng Loỏng');
    const text = (await panel.textContent()) ?? '';
    assert.match(text, /Diện tích công bố\s*1\.100,00 ha/);
    assert.match(text, /Hình minh họa/);
    assert.match(text, /xã Tằng Loỏng/);
    assert.match(text, /Nguồn/);
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'atlas-details');
    await o.context.close();
  });

  it('hides and shows a layer from the legend', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    const box = o.page.getByRole('checkbox', { name: /Đường kết nối/ });
    await box.uncheck();
    await waitForIdleMap(o.page);
    assert.equal((await rendered(o, ['roads-line-indicative']))['roads-line-indicative'], 0);
    await box.check();
    await waitForIdleMap(o.page);
    assert.ok(((await rendered(o, ['roads-line-indicative']))['roads-line-indicative'] ?? 0) > 0);
    await o.context.close();
  });

  it('draws the relocation arrow around Lào Cai city and the connectors with their lengths near Thống Nhất', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await o.page.evaluate(() => window.__atlas!.map.fitBounds([103.83, 22.33, 104.1, 22.6], { duration: 0 }));
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'atlas-lao-cai-city');
    let counts = await rendered(o, ['relocations-arrows', 'relocations-flow', 'relocations-pending', 'sites-outline-indicative']);
    for (const [layer, n] of Object.entries(counts)) assert.ok(n > 0, `layer ${layer} drew ${n} features`);
    // Closer in, around CCN Thống Nhất 1: both connectors carry their declared length.
    await o.page.evaluate(() => window.__atlas!.map.fitBounds([104.02, 22.33, 104.1, 22.41], { duration: 0 }));
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'atlas-thong-nhat-connectors');
    counts = await rendered(o, ['roads-label', 'roads-line-indicative']);
    assert.equal(counts['roads-label'], 2);
    assert.equal(counts['roads-line-indicative'], 2);
    await o.context.close();
  });

  it('returns to the whole province with the reset button', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await o.page.evaluate(() => window.__atlas!.map.jumpTo({ center: [104.95, 21.7], zoom: 13 }));
    await o.page.getByRole('button', { name: 'Về toàn tỉnh' }).click();
    await o.page.waitForFunction(() => window.__atlas!.map.getZoom() < 10 && !window.__atlas!.map.isMoving());
    const b = await o.page.evaluate(() => window.__atlas!.map.getBounds().toArray());
    assert.ok(b[0][0] <= 103.6 && b[1][0] >= 105.0, JSON.stringify(b));
    await o.context.close();
  });

  it('falls back to the embedded basemap, with a notice, when the online one cannot be reached', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await o.page.getByRole('combobox', { name: 'Bản đồ nền' }).selectOption('osm');
    await o.page.getByRole('status').filter({ hasText: 'bản đồ nền nhúng sẵn' }).waitFor({ timeout: 15_000 });
    assert.equal(await o.page.getByRole('combobox', { name: 'Bản đồ nền' }).inputValue(), 'embedded');
    await waitForIdleMap(o.page);
    assert.ok(((await rendered(o, ['bm-countries', 'sites-dot']))['sites-dot'] ?? 0) > 0);
    assert.ok(o.blocked.some((u) => u.startsWith('https://tiles.openfreemap.org/')), 'the online style was tried');
    await o.context.close();
  });
});
