// A planner loads their own files in a real browser: the portal-style KML and a zipped VN-2000
// Shapefile through the file chooser, sees them drawn and counted, meets a bad file that changes
// nothing, moves the Shapefile to the right zone, reloads (IndexedDB keeps the layers) and removes one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appAndBrowser, axeSerious, openImportPanel, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';
import { dbf, SHAPE, shp, squareCw, zip } from '../fixtures/io/shp/build';

const app = appAndBrowser();

const KML = join(ROOT, 'tests', 'fixtures', 'io', 'cong-thong-tin.kml');
const BAD_KML = join(ROOT, 'tests', 'fixtures', 'io', 'bad', 'khong-phai-xml.kml');

/** A 200 m square parcel in VN-2000 metres, 50 km east of the 104°45′ meridian, zipped with no .prj. */
function shapefileZip(): string {
  const { shp: s, shx } = shp(SHAPE.polygon, [[squareCw(550_000, 2_475_000, 200)]]);
  const table = dbf([{ name: 'TEN', type: 'C', length: 24 }], [['Lô khảo sát VN-2000']]);
  const dir = mkdtempSync(join(tmpdir(), 'kcn-import-'));
  const path = join(dir, 'lo-khao-sat.zip');
  writeFileSync(path, zip({ 'lo_khao_sat.shp': s, 'lo_khao_sat.shx': shx, 'lo_khao_sat.dbf': table }));
  return path;
}

/** Waits for the camera to stop (a fly-to) and the map to draw what it asked for. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__atlas!.map.isMoving(), null, { timeout: 15_000 });
  await waitForIdleMap(page);
}

interface LayerInfo {
  id: string;
  name: string;
  count: number;
}

function layers(page: Page): Promise<LayerInfo[]> {
  return page.evaluate(() => window.__atlas!.store.getState().imports.map((l) => ({ id: l.id, name: l.name, count: l.features.features.length })));
}

/** Features the map drew for an imported layer, by kind of map layer, in the current view. */
function rendered(page: Page, id: string): Promise<Record<string, number>> {
  return page.evaluate((layerId) => {
    const map = window.__atlas!.map;
    const out: Record<string, number> = {};
    for (const kind of ['fill', 'outline', 'line', 'point']) {
      const lid = `import-${layerId}-${kind}`;
      out[kind] = map.getLayer(lid) ? map.queryRenderedFeatures({ layers: [lid] }).length : -1;
    }
    return out;
  }, id);
}

/** Keys in the app's IndexedDB store of imported layers, read with the raw API. */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kcn-atlas-imports');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('layers')) return resolve([]);
          const req = db.transaction('layers').objectStore('layers').getAllKeys();
          req.onsuccess = () => {
            resolve(req.result.map(String));
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** The south-west corner of the first feature of a layer (lon, lat). */
function southWest(page: Page, id: string): Promise<[number, number]> {
  return page.evaluate((layerId) => {
    const l = window.__atlas!.store.getState().imports.find((x) => x.id === layerId)!;
    const g = l.features.features[0]!.geometry as { coordinates: number[][][] };
    return g.coordinates[0]!.reduce((m, p) => (p[0]! + p[1]! < m[0]! + m[1]! ? p : m)) as [number, number];
  }, id);
}

describe('planners load their own files', () => {
  it('imports KML and a VN-2000 Shapefile, survives a bad file, changes zone, reloads and removes', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    const input = await openImportPanel(page);

    // 1. The portal-style KML: five features, drawn in its colour above the sites.
    await input.setInputFiles(KML);
    await page.getByText('“cong-thong-tin.kml”: 5 đối tượng đã nạp.').waitFor();
    await settle(page);
    const [kml] = await layers(page);
    assert.ok(kml);
    assert.equal(kml.count, 5);
    const kmlDrawn = await rendered(page, kml.id);
    assert.ok(kmlDrawn['fill']! > 0, `KML polygons drawn: ${JSON.stringify(kmlDrawn)}`);
    assert.ok(kmlDrawn['line']! > 0, 'KML line drawn');
    assert.ok(kmlDrawn['point']! > 0, 'KML points drawn');
    const kmlCard = page.locator(`[data-layer-id="${kml.id}"]`);
    assert.match(await kmlCard.locator('.import-meta').innerText(), /^5 đối tượng \(2 vùng, 1 đường, 1 điểm, 1 hỗn hợp\)/);
    // Above the built-in sites in the drawing order.
    const order = await page.evaluate((id) => {
      const ids = window.__atlas!.map.getStyle().layers.map((l) => l.id);
      return { sites: ids.indexOf('sites-fill'), mine: ids.indexOf(`import-${id}-fill`) };
    }, kml.id);
    assert.ok(order.mine > order.sites && order.sites >= 0, JSON.stringify(order));

    // 2. A file that is not XML: one alert naming it, nothing loaded before changes.
    await input.setInputFiles(BAD_KML);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const alertText = await alert.innerText();
    assert.match(alertText, /khong-phai-xml\.kml/);
    assert.match(alertText, /Các lớp đã nạp trước đó không thay đổi/);
    assert.deepEqual(await layers(page), [kml]);
    assert.ok((await rendered(page, kml.id))['fill']! > 0);

    // 3. The zipped VN-2000 Shapefile with no .prj: read in the province's zone, 4 ha by the plane.
    await input.setInputFiles(shapefileZip());
    await page.getByText('“lo-khao-sat.zip”: 1 đối tượng đã nạp.').waitFor();
    await settle(page);
    const all = await layers(page);
    assert.equal(all.length, 2);
    const parcel = all[1]!;
    const card = page.locator(`[data-layer-id="${parcel.id}"]`);
    assert.match(await card.innerText(), /đã dùng múi chiếu 104°45′ của tỉnh/);
    // 200 m × 200 m in the plane it was drawn in: exactly 4 ha by the VN-2000 method.
    const area = await card.locator('.import-area').innerText();
    assert.match(area, /VN-2000, múi 104°45′\s+4,00 ha/);
    assert.equal(await card.locator('.import-area-headline').innerText(), '4,00 ha');
    assert.ok((await rendered(page, parcel.id))['fill']! > 0, 'parcel drawn');
    const before = await southWest(page, parcel.id);

    // 4. The zone chooser: 105°30′ reads the file again; the parcel moves about 77 km east, and the map follows.
    await card.getByRole('combobox', { name: 'Múi chiếu VN-2000' }).selectOption({ label: '105°30′' });
    await page.getByText('“lo-khao-sat.zip” đã được đọc lại với múi chiếu 105°30′: 1 đối tượng.').waitFor();
    await settle(page);
    const after = await southWest(page, parcel.id);
    assert.ok(after[0] - before[0] > 0.7 && after[0] - before[0] < 0.8, `moved east by ${after[0] - before[0]}°`);
    assert.ok(Math.abs(after[1] - before[1]) < 0.05);
    assert.ok((await rendered(page, parcel.id))['fill']! > 0, 'parcel drawn at its new place');
    const center = await page.evaluate(() => window.__atlas!.map.getCenter().lng);
    assert.ok(Math.abs(center - after[0]) < 0.05, `map centred on the moved parcel (${center})`);

    // Back to the KML over the province's own sites, for the person looking at the screenshot.
    await kmlCard.getByRole('button', { name: 'Xem trên bản đồ' }).click();
    await settle(page);
    await screenshot(page, 'import-panel');
    // The KML's attribute table, for the person looking at the screenshots.
    await kmlCard.getByRole('button', { name: 'Bảng thuộc tính' }).click();
    await page.getByTestId('attribute-table').getByRole('table').waitFor();
    await screenshot(page, 'import-table');
    assert.deepEqual(await axeSerious(page, { include: '.sidebar' }), []);
    await page.getByTestId('attribute-table').getByRole('button', { name: 'Đóng bảng' }).click();

    // 5. A reload: both layers come back from IndexedDB, the chosen zone with them.
    for (let i = 0; i < 50 && (await storedKeys(page)).filter((k) => k.startsWith('layer:')).length < 2; i++) await page.waitForTimeout(100);
    await page.reload();
    await waitForIdleMap(page);
    await page.waitForFunction(() => window.__atlas!.store.getState().imports.length === 2, null, { timeout: 10_000 });
    assert.deepEqual(
      (await layers(page)).map((l) => l.name),
      [kml.name, parcel.name],
    );
    assert.deepEqual(await southWest(page, parcel.id), after);
    assert.equal(await page.evaluate(() => window.__atlas!.store.getState().importStorageNotice), null);
    await page.getByRole('tab', { name: 'Tệp của tôi' }).click();
    assert.match(await page.locator(`[data-layer-id="${parcel.id}"]`).innerText(), /kinh tuyến trục 105°30′ \(bạn chọn\)/);

    // 6. Remove the KML layer: gone from the panel, the map and the browser's storage.
    await page.locator(`[data-layer-id="${kml.id}"]`).getByRole('button', { name: 'Xoá' }).click();
    await page.getByText(`Đã xoá lớp “${kml.name}”.`).waitFor();
    assert.deepEqual((await layers(page)).map((l) => l.id), [parcel.id]);
    assert.equal(await page.evaluate((id) => Boolean(window.__atlas!.map.getLayer(`import-${id}-fill`)), kml.id), false);
    for (let i = 0; i < 50 && (await storedKeys(page)).includes(`layer:${kml.id}`); i++) await page.waitForTimeout(100);
    assert.ok(!(await storedKeys(page)).includes(`layer:${kml.id}`));
    await page.reload();
    await waitForIdleMap(page);
    await page.waitForFunction(() => window.__atlas!.store.getState().imports.length >= 1, null, { timeout: 10_000 });
    assert.deepEqual((await layers(page)).map((l) => l.id), [parcel.id]);

    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });

  it('opens the attribute table at a usable height: at least ten rows in view at 1440×900, its header kept while scrolling', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    // 40 named points near Lào Cai: more rows than any screen shows at once.
    const features = Array.from({ length: 40 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [104.0 + i * 0.01, 22.4] },
      properties: { ten: `Điểm khảo sát ${i + 1}`, dien_tich: 10 + i },
    }));
    const path = join(mkdtempSync(join(tmpdir(), 'kcn-table-')), 'diem-khao-sat.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    const input = await openImportPanel(page);
    await input.setInputFiles(path);
    await page.getByText('“diem-khao-sat.geojson”: 40 đối tượng đã nạp.').waitFor();
    await page.locator('.import-layer').first().getByRole('button', { name: 'Bảng thuộc tính' }).click();
    const drawer = page.getByTestId('attribute-table');
    await drawer.getByRole('table').waitFor();

    /** Body rows wholly inside the scrolling box, below its header row. */
    const rowsInView = () =>
      drawer.evaluate((el) => {
        const box = el.querySelector('.import-table-scroll')!.getBoundingClientRect();
        const head = el.querySelector('thead th')!.getBoundingClientRect();
        const rows = [...el.querySelectorAll('tbody tr')].map((r) => r.getBoundingClientRect());
        return {
          inView: rows.filter((r) => r.top >= head.bottom - 1 && r.bottom <= box.bottom + 1 && r.height > 0).length,
          headTop: head.top - box.top,
        };
      });
    const first = await rowsInView();
    assert.ok(first.inView >= 10, `${first.inView} rows in view`);
    // Scrolled halfway, the column names are still at the top of the box.
    await drawer.locator('.import-table-scroll').evaluate((el) => el.scrollBy(0, 300));
    const scrolled = await rowsInView();
    assert.ok(Math.abs(scrolled.headTop) <= 2, `header ${scrolled.headTop} px from the top after scrolling`);
    assert.ok(scrolled.inView >= 10);
    await screenshot(page, 'import-table-drawer');
    // Escape closes it and gives the focus back to its button.
    await page.keyboard.press('Escape');
    assert.equal(await drawer.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bảng thuộc tính');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('takes a file dropped on the map', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    const text = readFileSync(KML, 'utf8');
    // A real drag from the desktop cannot be scripted; a DataTransfer carrying the file is what the page receives.
    await page.evaluate((kml) => {
      const wrap = document.querySelector('.map-wrap')!;
      const dt = new DataTransfer();
      dt.items.add(new File([kml], 'keo-tha.kml'));
      wrap.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    assert.ok(await page.getByTestId('import-drop').isVisible(), 'the drop overlay shows while a file is over the map');
    await page.evaluate((kml) => {
      const wrap = document.querySelector('.map-wrap')!;
      const dt = new DataTransfer();
      dt.items.add(new File([kml], 'keo-tha.kml'));
      wrap.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.getByText('“keo-tha.kml”: 5 đối tượng đã nạp.').waitFor();
    assert.equal(await page.getByTestId('import-drop').count(), 0);
    assert.equal(await page.getByRole('tab', { name: 'Tệp của tôi' }).getAttribute('aria-selected'), 'true');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
