// Issue 16, part A: the surfaces a user meets besides the desktop screen. A phone's fact sheet is a
// bottom sheet that leaves the site visible; the site list scrolls sideways under a fixed name column;
// printing shows no control; kiosk mode hides authoring and is left only by the presenter's gesture.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const PHONE = { width: 390, height: 844 };

async function openTangLoong(page: Page): Promise<void> {
  await page.getByTestId('search').fill('tang loong');
  await page.keyboard.press('Enter');
  await page.getByTestId('details').waitFor();
  await page.waitForFunction(() => !window.__atlas!.map.isMoving(), null, { timeout: 15_000 });
}

/** Buttons, selects and inputs a reader would see (text links of a sheet excepted). */
const visibleControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input, textarea')]
      .filter((el) => !el.classList.contains('link-button'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .map((el) => (el.textContent || el.getAttribute('aria-label') || el.tagName).trim()),
  );

describe('surfaces: phone, paper, kiosk', () => {
  it('phone 390 × 844: the fact sheet peeks from the bottom with the park visible above it, and opens full', async () => {
    const o = await openOffline(app.browser, app.url, PHONE);
    await waitForIdleMap(o.page);
    await openTangLoong(o.page);
    const sheet = o.page.getByTestId('details');
    assert.equal(await sheet.getAttribute('data-sheet'), 'peek');
    const mapBox = (await o.page.getByTestId('map').boundingBox())!;
    const peek = (await sheet.boundingBox())!;
    // The peek rests on the bottom of the screen, below the map and the tab bar, which stay in view.
    assert.ok(Math.abs(peek.y + peek.height - PHONE.height) < 2, `the sheet ends at ${peek.y + peek.height}`);
    const tabs = (await o.page.getByRole('tablist').first().boundingBox())!;
    assert.ok(peek.y >= tabs.y + tabs.height - 1 && peek.y >= mapBox.y + mapBox.height, `peek at ${peek.y} covers the map or the tabs`);
    // Name and key figures are in the peek.
    assert.ok(await o.page.locator('#details-title').isVisible());
    const summary = await o.page.getByTestId('sheet-summary').textContent();
    assert.match(summary ?? '', /Diện tích công bố/);
    assert.match(summary ?? '', /1\.100,00 ha/);
    // The park's own point is on the map above the peek.
    const y = await o.page.evaluate(() => {
      const s = window.__atlas!.store.getState();
      const f = s.region!.data.sites.features.find((x) => x.properties.id === s.selected!.id)!;
      const g = f.geometry;
      const c = g && g.type === 'Point' ? (g.coordinates as [number, number]) : null;
      return c ? window.__atlas!.map.project(c).y : null;
    });
    assert.ok(y !== null && y > 0 && mapBox.y + y < peek.y, `the park at y=${y} is hidden by the sheet at ${peek.y - mapBox.y}`);
    // Touch targets of 44 px.
    for (const target of [o.page.getByTestId('sheet-handle'), o.page.getByRole('button', { name: 'Đóng' })]) {
      const b = (await target.boundingBox())!;
      assert.ok(b.height >= 44 && b.width >= 44, `touch target ${b.width}×${b.height}`);
    }
    await screenshot(o.page, 'phone-sheet-peek');
    await o.page.getByTestId('sheet-handle').click();
    assert.equal(await sheet.getAttribute('data-sheet'), 'full');
    const full = (await sheet.boundingBox())!;
    assert.ok(full.height > mapBox.height * 0.9, 'full height');
    assert.ok(await o.page.getByText('Nguồn', { exact: true }).first().isVisible());
    await screenshot(o.page, 'phone-sheet-full');
    await o.page.getByTestId('sheet-handle').click();
    assert.equal(await sheet.getAttribute('data-sheet'), 'peek');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('phone 390 × 844: the site list scrolls sideways and keeps the name column in place', async () => {
    const o = await openOffline(app.browser, app.url, PHONE);
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Danh sách' }).click();
    const scroller = o.page.locator('.table-scroll');
    await scroller.waitFor();
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    assert.ok(scrollWidth > clientWidth, 'the table is wider than the phone and scrolls');
    const overflow = await o.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page itself scrolls sideways by ${overflow}px`);
    const firstName = o.page.locator('.site-table tbody th').first();
    const before = (await firstName.boundingBox())!;
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const after = (await firstName.boundingBox())!;
    assert.ok(Math.abs(after.x - before.x) < 1, `the name column moved from ${before.x} to ${after.x}`);
    // The last column is now in view, beside the names.
    const last = (await o.page.locator('.site-table thead th').last().boundingBox())!;
    assert.ok(last.x + last.width <= PHONE.width + 1 && last.x >= after.x + after.width - 1, 'the last column shows beside the names');
    await scroller.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(o.page, 'phone-site-list-scrolled');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('print: a fact sheet prints with its map picture and no control', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await openTangLoong(o.page);
    await waitForIdleMap(o.page);
    assert.ok((await visibleControls(o.page)).length > 0, 'the screen has controls');
    await o.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await o.page.emulateMedia({ media: 'print' });
    assert.deepEqual(await visibleControls(o.page), []);
    assert.equal(await o.page.getByText('Vẽ & đo').count() > 0 ? await o.page.getByText('Vẽ & đo').first().isVisible() : false, false);
    await o.page.locator('.print-map').waitFor();
    await o.page.screenshot({ path: await screenshot(o.page, 'print-fact-sheet'), fullPage: true });
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('kiosk at 1920 × 1080: no authoring or exit button, Esc does not leave, Ctrl+Shift+K and a long press do', async () => {
    const o = await openOffline(app.browser, app.url, { width: 1920, height: 1080 });
    await waitForIdleMap(o.page);
    await o.page.getByRole('button', { name: 'Trình chiếu' }).click();
    await o.page.getByTestId('kiosk-exit-hint').waitFor();
    assert.match((await o.page.getByTestId('kiosk-exit-hint').textContent()) ?? '', /Ctrl\+Shift\+K/);
    await o.page.getByRole('button', { name: 'Soạn trang' }).click();
    await o.page.getByRole('button', { name: 'Tự chạy' }).click();
    for (const name of ['Soạn trang', 'Thoát', 'Tự chạy', 'Toàn màn hình']) {
      assert.equal(await o.page.getByRole('button', { name, exact: true }).count(), 0, `"${name}" is shown in kiosk mode`);
    }
    assert.equal(await o.page.locator('.present-author').count(), 0, 'the authoring panel is hidden');
    await screenshot(o.page, 'kiosk');
    await o.page.keyboard.press('Escape');
    assert.ok(await o.page.evaluate(() => window.__atlas!.store.getState().kiosk && window.__atlas!.store.getState().presenting));
    await o.page.keyboard.press('Control+Shift+K');
    await o.page.getByRole('button', { name: 'Soạn trang' }).waitFor();
    assert.equal(await o.page.evaluate(() => window.__atlas!.store.getState().presenting), true, 'still presenting');
    // A touch screen has no keyboard: a two-second press on the slide number.
    await o.page.getByRole('button', { name: 'Tự chạy' }).click();
    const counter = (await o.page.getByTestId('present-counter').boundingBox())!;
    await o.page.mouse.move(counter.x + counter.width / 2, counter.y + counter.height / 2);
    await o.page.mouse.down();
    await o.page.waitForTimeout(600);
    await o.page.mouse.up();
    assert.equal(await o.page.evaluate(() => window.__atlas!.store.getState().kiosk), true, 'a short touch does not leave');
    const again = (await o.page.getByTestId('present-counter').boundingBox())!;
    await o.page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await o.page.mouse.down();
    await o.page.waitForTimeout(2300);
    await o.page.mouse.up();
    assert.equal(await o.page.evaluate(() => window.__atlas!.store.getState().kiosk), false, 'a long press leaves kiosk mode');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
