// What an investor does with the public map, in a real browser: switch language, search a park and
// read its fact sheet, share a link that reopens the same view, use it on a phone; and an
// accessibility scan of the main views.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appAndBrowser, axeSerious, openOffline, screenshot, waitForIdleMap, type AxeFinding } from './harness';

const app = appAndBrowser();

function legendDetail(page: Page, group: string): Promise<string> {
  return page.locator(`[data-group="${group}"] .legend-detail`).innerText();
}

describe('investors on the public map', () => {
  it('switches language in one click: labels and number formats change, site names keep their marks', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    const vi = await legendDetail(o.page, 'kcn-existing');
    // vi-VN groups thousands with a dot and uses a decimal comma: 1.915,00 ha.
    assert.match(vi, /\d{1,3}\.\d{3},\d{2} ha/);
    assert.equal(await o.page.evaluate(() => document.documentElement.lang), 'vi');
    await o.page.getByRole('button', { name: 'English' }).click();
    // The English words arrive with their catalogue, a moment after the click.
    await o.page.getByRole('tab', { name: 'Targets' }).waitFor({ timeout: 5000 });
    const en = await legendDetail(o.page, 'kcn-existing');
    assert.match(en, /\d{1,3},\d{3}\.\d{2} ha/);
    // The same figure, written the other way.
    const digits = (s: string) => s.replace(/[^\d]/g, '');
    assert.equal(digits(en), digits(vi));
    assert.equal(await o.page.evaluate(() => document.documentElement.lang), 'en');
    assert.ok(await o.page.getByRole('tab', { name: 'Targets' }).isVisible());
    // Names from the data keep their diacritics in English.
    await o.page.getByTestId('search').fill('tang loong');
    await o.page.getByRole('listbox').getByRole('option').first().waitFor();
    assert.match(await o.page.getByRole('listbox').getByRole('option').first().innerText(), /Tằng Loỏng/);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('finds "tang loong" by keyboard, flies there and opens the fact sheet, which prints on one A4 page', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    const box = o.page.getByTestId('search');
    await box.focus();
    await o.page.keyboard.type('tang loong');
    await o.page.getByRole('listbox').waitFor();
    assert.match(await o.page.getByRole('listbox').getByRole('option', { selected: true }).innerText(), /KCN\s+Tằng Loỏng/);
    await o.page.keyboard.press('Enter');
    const sheet = o.page.getByTestId('details');
    await sheet.waitFor();
    assert.equal(await sheet.getByRole('heading', { level: 2 }).innerText(), 'KCN Tằng Loỏng');
    // Keyboard users land on the sheet's title.
    await o.page.waitForFunction(() => document.activeElement?.id === 'details-title', null, { timeout: 5000 });
    for (const heading of ['Vị trí', 'Diện tích', 'Pháp lý và tiến độ', 'Đầu tư', 'Kết nối', 'Liên hệ']) {
      assert.ok(await sheet.getByRole('heading', { name: heading }).isVisible(), `section ${heading}`);
    }
    const text = await sheet.innerText();
    assert.match(text, /1\.100,00 ha/);
    assert.match(text, /Ban Quản lý Khu kinh tế/);
    // The map flew to the park.
    await o.page.waitForFunction(() => {
      const { map } = window.__atlas!;
      return !map.isMoving() && map.getZoom() > 11 && map.getBounds().contains([104.1443, 22.295]);
    });
    assert.match(await o.page.evaluate(() => window.location.search), /sel=site%3Alc-kcn-tang-loong/);
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'fact-sheet');
    // Printed: one A4 page, the map still and the sheet, nothing of the app's chrome.
    await o.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await o.page.emulateMedia({ media: 'print' });
    assert.equal(await o.page.locator('.app-header').isVisible(), false);
    assert.ok(await o.page.locator('img.print-map').isVisible());
    const pdf = await o.page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, `the fact sheet printed on ${pages} pages`);
    await o.page.emulateMedia({ media: 'screen' });
    await o.context.close();
  });

  it('a copied link reopens the same province, view, layers, filters, selection and language; back and forward work', async () => {
    const o = await openOffline(app.browser, app.url);
    await o.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await waitForIdleMap(o.page);
    await o.page.getByTestId('region-switcher').selectOption('lang-son');
    await o.page.waitForFunction(() => window.__atlas!.store.getState().region?.data.region.id === 'lang-son');
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Danh sách' }).click();
    await o.page.getByLabel('Loại', { exact: true }).selectOption('ccn');
    await o.page.getByRole('button', { name: 'English' }).click();
    await o.page.evaluate(() => window.__atlas!.store.getState().setLayerVisible('roads', false));
    const firstRow = o.page.locator('.site-table tbody tr').first();
    const siteId = await firstRow.getAttribute('data-site');
    await firstRow.locator('button').click();
    await o.page.waitForFunction(() => !window.__atlas!.map.isMoving());
    await waitForIdleMap(o.page);
    await o.page.getByTestId('copy-link').click();
    await o.page.getByText('Link copied').waitFor();
    const link = await o.page.evaluate(() => navigator.clipboard.readText());
    const snapshot = (p: Page) =>
      p.evaluate(() => {
        const s = window.__atlas!.store.getState();
        const c = window.__atlas!.map.getCenter();
        return { region: s.regionId, lang: s.lang, sel: s.selected, tab: s.tab, kind: s.siteFilter.kind, roads: s.visible.roads, zoom: Math.round(window.__atlas!.map.getZoom() * 100) / 100, lon: Math.round(c.lng * 1e4) / 1e4, lat: Math.round(c.lat * 1e4) / 1e4 };
      });
    const before = await snapshot(o.page);
    assert.deepEqual(before.sel, { type: 'site', id: siteId });

    const fresh = await openOffline(app.browser, link);
    await waitForIdleMap(fresh.page);
    await fresh.page.waitForFunction(() => !window.__atlas!.map.isMoving());
    const after = await snapshot(fresh.page);
    assert.deepEqual(after, before);
    assert.ok(await fresh.page.getByTestId('details').isVisible());
    await fresh.context.close();

    // Back closes the site (tabs and filters changed the entry in place), forward reopens it.
    await o.page.goBack();
    await o.page.waitForFunction(() => window.__atlas!.store.getState().selected === null);
    assert.equal(await o.page.getByTestId('details').count(), 0);
    await o.page.goForward();
    await o.page.waitForFunction((id) => window.__atlas!.store.getState().selected?.id === id, siteId);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('works on a 360 px phone: no sideways scrolling, map, search and list reachable', async () => {
    const o = await openOffline(app.browser, app.url, { width: 360, height: 740 });
    await waitForIdleMap(o.page);
    const overflow = await o.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    const mapBox = await o.page.getByTestId('map').boundingBox();
    assert.ok(mapBox && mapBox.height >= 250 && mapBox.width >= 340, `map is ${mapBox?.width}×${mapBox?.height}`);
    assert.ok(await o.page.getByTestId('search').isVisible());
    await screenshot(o.page, 'phone');
    await o.page.getByTestId('search').fill('tang loong');
    await o.page.keyboard.press('Enter');
    await o.page.getByTestId('details').waitFor();
    const sheet = await o.page.getByTestId('details').boundingBox();
    assert.ok(sheet && sheet.x >= 0 && sheet.x + sheet.width <= 360, 'the fact sheet fits the screen');
    await screenshot(o.page, 'phone-fact-sheet');
    await o.context.close();
  });

  it('an accessibility scan finds no serious or critical issue on the main views', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    const findings: Record<string, AxeFinding[]> = {};
    findings['map and layers'] = await axeSerious(o.page);
    await o.page.getByRole('tab', { name: 'Mục tiêu' }).click();
    findings['targets'] = await axeSerious(o.page);
    await o.page.getByRole('tab', { name: 'Danh sách' }).click();
    findings['site list'] = await axeSerious(o.page);
    await o.page.getByTestId('search').fill('tang loong');
    findings['search results'] = await axeSerious(o.page);
    await o.page.keyboard.press('Enter');
    await o.page.getByTestId('details').waitFor();
    findings['fact sheet'] = await axeSerious(o.page);
    await o.page.getByRole('tab', { name: 'Các tỉnh' }).click();
    await o.page.locator('.overview-table').waitFor();
    findings['provinces'] = await axeSerious(o.page);
    await o.page.getByRole('button', { name: 'English' }).click();
    findings['in English'] = await axeSerious(o.page);
    await o.page.getByRole('button', { name: 'Present' }).click();
    await o.page.getByTestId('present-counter').waitFor();
    findings['presentation'] = await axeSerious(o.page);
    const bad = Object.entries(findings).filter(([, f]) => f.length > 0);
    assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
    await o.context.close();
  });
});
