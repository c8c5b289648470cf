// Issue 16, part A: the surfaces a user meets besides the desktop screen. A phone's fact sheet is a
// bottom sheet that leaves the site visible; the site list scrolls sideways under a fixed name column;
// printing shows no control, the map cut around the park and a locator of the province; kiosk mode hides authoring and is left only by the presenter's gesture.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { appAndBrowser, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const PHONE = { width: 390, height: 844 };
const TL = 'lc-kcn-tang-loong';

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

  it('print: a fact sheet prints with its map picture cut around the park, a locator of the province, and no control', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await openTangLoong(o.page);
    await waitForIdleMap(o.page);
    assert.ok((await visibleControls(o.page)).length > 0, 'the screen has controls');
    // The park's position as the data gives it, and where the map draws it on screen (MapLibre's own projection).
    const { anchor, onScreen, canvas } = await o.page.evaluate((id) => {
      const { map, store } = window.__atlas!;
      const at = store.getState().region!.siteAnchors.features.find((f) => f.properties.id === id)!.geometry.coordinates as [number, number];
      const p = map.project(at);
      const c = map.getCanvas();
      return { anchor: at, onScreen: [p.x, p.y] as [number, number], canvas: { width: c.clientWidth, height: c.clientHeight } };
    }, TL);
    await o.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await o.page.emulateMedia({ media: 'print' });
    assert.deepEqual(await visibleControls(o.page), []);
    assert.equal(await o.page.getByText('Vẽ & đo').count() > 0 ? await o.page.getByText('Vẽ & đo').first().isVisible() : false, false);

    // The map picture is the largest part of the screen's map of the printed frame's shape, holding the park.
    const picture = o.page.locator('.print-map');
    await picture.waitFor();
    const crop = ((await picture.getAttribute('data-crop')) ?? '').split(',').map(Number);
    assert.equal(crop.length, 4, 'the picture is cut around the park');
    const [cx, cy, cw, ch] = crop as [number, number, number, number];
    assert.ok(Math.abs(cw - canvas.width) < 1 || Math.abs(ch - canvas.height) < 1, `the cut ${crop.join(', ')} spans the map (${canvas.width} × ${canvas.height}) one way`);
    const fx = (onScreen[0] - cx) / cw;
    const fy = (onScreen[1] - cy) / ch;
    assert.ok(fx > 0.1 && fx < 0.9 && fy > 0.1 && fy < 0.9, `the park at ${fx.toFixed(2)}, ${fy.toFixed(2)} of the printed picture`);
    // Lào Cai's parcels are sample data and the paper has no legend: the picture says so (written into it, and in its text alternative).
    assert.match((await picture.getAttribute('alt')) ?? '', /Giải phóng mặt bằng: số liệu minh họa/);

    // The locator: the province's outline with the park marked inside it, where its longitude and latitude put it.
    const locator = o.page.getByTestId('print-locator');
    await locator.waitFor();
    const box = (await locator.boundingBox())!;
    assert.ok(box.width > 100 && box.height > 80, `the locator is printed: ${JSON.stringify(box)}`);
    const drawn = await locator.evaluate((el) => {
      const path = el.querySelector<SVGPathElement>('[data-testid="locator-province"]')!;
      const dot = el.querySelector<SVGCircleElement>('[data-testid="locator-site"] circle')!;
      const x = dot.cx.baseVal.value;
      const y = dot.cy.baseVal.value;
      const b = path.getBBox();
      return { inside: path.isPointInFill(new DOMPoint(x, y)), fx: (x - b.x) / b.width, fy: (y - b.y) / b.height };
    });
    assert.ok(drawn.inside, 'the park marker lies inside the drawn province');
    const regionJson = JSON.parse(readFileSync(join(ROOT, 'data', 'regions', 'lao-cai', 'region.json'), 'utf8')) as { basemapProvinceId: string };
    const provinces = JSON.parse(readFileSync(join(ROOT, 'public', 'basemap', 'provinces.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { id: string }>;
    const province = provinces.features.find((f) => f.properties.id === regionJson.basemapProvinceId)!;
    assert.ok(booleanPointInPolygon(anchor, province), 'the park lies in the province (the data)');
    const [w, s, e, n] = bbox(province);
    const expected = { fx: (anchor[0] - w) / (e - w), fy: (n - anchor[1]) / (n - s) };
    assert.ok(Math.abs(drawn.fx - expected.fx) < 0.02 && Math.abs(drawn.fy - expected.fy) < 0.02, `marker at ${JSON.stringify(drawn)}, expected ${JSON.stringify(expected)}`);
    await o.page.screenshot({ path: await screenshot(o.page, 'print-fact-sheet'), fullPage: true });
    // On paper: still one A4 page. Printed from the screen as a user does (Chromium's print lays the page out itself).
    await o.page.emulateMedia({ media: 'screen' });
    await waitForIdleMap(o.page);
    const pdf = await o.page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'the sheet prints on one A4 page');
    // The screenshot at the A4 text width (190 mm at 96 px an inch) shows that layout.
    await o.page.emulateMedia({ media: 'print' });
    await o.page.setViewportSize({ width: 718, height: 1000 });
    await o.page.screenshot({ path: await screenshot(o.page, 'print-fact-sheet-a4'), fullPage: true });
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
    assert.equal(await o.page.getByTestId('replay-export').count(), 0, 'the replay export is the presenter’s, not the public’s');
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
